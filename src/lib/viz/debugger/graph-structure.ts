/**
 * The block structure of a graph that did not come from a zoo spec (a reader's .onnx): the
 * scopes the file carries when they are ours (`depthwise export` writes timm module paths such as
 * `blocks.3.1.conv_dw` into NodeProto.metadata_props), otherwise blocks found in the flat graph:
 * residual spans (an Add of a value and something computed from it), squeeze-and-excitation
 * (global pool → … → Mul gating the pooled tensor), depthwise + pointwise pairs (with an expanding
 * 1×1 before them, as in MBConv), and transformer blocks (an attention residual with a Softmax,
 * then an MLP residual). The result is a timm-style scope per node, so the zoo's layer table and
 * architecture diagram (layer-table.ts, arch-diagram.ts) lay it out unchanged.
 *
 * Why one file over 400 lines: infer() is one pass over one graph index (producers, the analysis'
 * shapes) in which each finder marks the nodes it took (SE, residual spans, separable pairs) for the
 * finders after it; apart they would hand those marks and the index between files.
 * tests/unit/explore/graph-structure.test.ts covers each pattern.
 */
import type { Analysis, Graph, Node } from '../../engine/index.ts';
import type { Section } from '../models/arch-sections.ts';

export interface GraphStructure {
  readonly kind: 'cnn' | 'vit';
  /** Marks this as a structure (not a zoo ModelSpec) for the layout functions. */
  readonly structure: true;
  readonly sections: readonly Section[];
  /** Input side (H of an N×C×H×W input; 1 otherwise). */
  readonly resolution: number;
  /** Last dim of the first graph output. */
  readonly numClasses: number;
  /** Labels of the blocks found (by block id). */
  readonly blockLabels: Readonly<Record<string, { label: string; detail: string }>>;
  /** Scope of every node, by index. */
  readonly scopes: readonly string[];
  /** Where the scopes came from. */
  readonly source: 'file' | 'inferred' | 'sequence';
  /** How many of each pattern were found (inferred structures only). */
  readonly found: {
    readonly residual: number;
    readonly se: number;
    readonly separable: number;
    readonly transformer: number;
  };
}

const CNN_SCOPE = /^(conv_stem|bn1|blocks\.\d+\.\d+(\.|$)|conv_head|bn2|global_pool|flatten|classifier|head)/;
const VIT_SCOPE =
  /^(patch_embed|cls_token|pos_embed|blocks\.\d+\.(attn|mlp|norm1|norm2|ls1|ls2)|blocks\.\d+$|norm|fc_norm|pool|head)/;
const GLOBAL_POOL = new Set(['GlobalAveragePool', 'GlobalMaxPool', 'Flatten']);

const dimsOf = (a: Analysis, i: number): readonly number[] => a.layers[i]?.outputDims[0] ?? [];

/** Values produced by Constant nodes or held as weights: not activations. */
function constantsOf(graph: Graph): Set<string> {
  const c = new Set<string>([...graph.initializers.keys(), ...(graph.declared?.keys() ?? [])]);
  for (const n of graph.nodes) if (n.opType === 'Constant') for (const o of n.outputs) c.add(o);
  return c;
}

function isDepthwise(n: Node, a: Analysis, i: number): boolean {
  const g = a.layers[i]?.group ?? 1;
  return n.opType === 'Conv' && g > 1 && g === a.layers[i].inputDims[0]?.[1];
}

function isPointwise(n: Node, a: Analysis, i: number): boolean {
  const k = a.layers[i]?.kernel;
  return n.opType === 'Conv' && (a.layers[i]?.group ?? 1) === 1 && (k ?? []).every((x) => x === 1);
}

/** Builds the structure of `graph` from its analysis. */
export function graphStructure(graph: Graph, a: Analysis): GraphStructure {
  const nodes = graph.nodes;
  const inDims = graph.inputs[0]?.dims ?? [];
  const resolution = inDims.length === 4 && typeof inDims[2] === 'number' ? inDims[2] : 1;
  const out = a.layers.length
    ? (a.layers[nodes.findIndex((n) => n.outputs.includes(graph.outputs[0]?.name ?? ''))]?.outputDims[0] ?? [])
    : [];
  const numClasses = out.length ? out[out.length - 1] : 0;
  const real = nodes.filter((n) => n.opType !== 'Constant');
  const none = { residual: 0, se: 0, separable: 0, transformer: 0 };
  if (real.length > 0 && real.every((n) => CNN_SCOPE.test(n.scope)) && real.some((n) => /^blocks\./.test(n.scope))) {
    const scopes = withConstants(
      nodes,
      nodes.map((n) => n.scope),
    );
    return finish('cnn', graph, a, scopes, {}, 'file', none, resolution, numClasses);
  }
  if (
    real.length > 0 &&
    real.every((n) => VIT_SCOPE.test(n.scope)) &&
    real.some((n) => /^blocks\.\d+\.attn/.test(n.scope))
  ) {
    const scopes = withConstants(
      nodes,
      nodes.map((n) => n.scope),
    );
    return finish('vit', graph, a, scopes, {}, 'file', none, resolution, numClasses);
  }
  return infer(graph, a, resolution, numClasses);
}

/** Constant nodes take the scope of the next node that is not one (layer-table joins them the same way). */
function withConstants(nodes: readonly Node[], scopes: string[]): string[] {
  let next = scopes.length ? scopes[scopes.length - 1] : '';
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (nodes[i].opType === 'Constant') scopes[i] = next;
    else next = scopes[i];
  }
  return scopes;
}

interface Block {
  from: number;
  to: number;
  kind: 'residual' | 'transformer' | 'separable' | 'conv';
}

function infer(graph: Graph, a: Analysis, resolution: number, numClasses: number): GraphStructure {
  const nodes = graph.nodes;
  const n = nodes.length;
  const consts = constantsOf(graph);
  const producer = new Map<string, number>();
  nodes.forEach((node, i) => node.outputs.forEach((o) => o && producer.set(o, i)));
  const acts = (node: Node): string[] => node.inputs.filter((x) => x !== '' && !consts.has(x));
  const found = { residual: 0, se: 0, separable: 0, transformer: 0 };

  // Squeeze-and-excitation: a global pool whose descendants end in a Mul by the pooled tensor.
  const inSe = new Array<boolean>(n).fill(false);
  nodes.forEach((node, g) => {
    const spatialMean =
      node.opType === 'GlobalAveragePool' ||
      (node.opType === 'ReduceMean' &&
        dimsOf(a, g)
          .slice(2)
          .every((d) => d === 1) &&
        dimsOf(a, g).length === 4);
    if (!spatialMean) return;
    const source = acts(node)[0];
    for (let m = g + 1; m < Math.min(n, g + 12); m++) {
      const mul = nodes[m];
      if (mul.opType !== 'Mul' || !mul.inputs.includes(source)) continue;
      const gate = mul.inputs.find((x) => x !== source);
      const p = gate === undefined ? undefined : producer.get(gate);
      if (p === undefined || p <= g) continue;
      for (let k = g; k <= m; k++) inSe[k] = true;
      found.se++;
      return;
    }
  });

  // Residual spans: Add(x, f(x)) with equal shapes; the span runs from after x's producer to the Add.
  const spans: Block[] = [];
  nodes.forEach((node, k) => {
    if (node.opType !== 'Add' || inSe[k]) return;
    const ins = acts(node);
    if (ins.length !== 2) return;
    const d = a.layers[k].inputDims;
    if (d.length < 2 || d[0].join() !== d[1].join()) return;
    const [p0, p1] = ins.map((x) => producer.get(x) ?? -1);
    const from = Math.min(p0, p1) + 1;
    if (k - from < 2) return;
    spans.push({ from, to: k, kind: 'residual' });
  });
  // Keep outermost spans only, in order.
  spans.sort((x, y) => x.from - y.from || y.to - x.to);
  const outer: Block[] = [];
  for (const s of spans) if (!outer.length || s.from > outer[outer.length - 1].to) outer.push(s);

  // Transformer blocks: an attention residual (with a Softmax) followed at once by an MLP residual.
  const hasSoftmax = (b: Block): boolean => nodes.slice(b.from, b.to + 1).some((x) => x.opType === 'Softmax');
  const merged: Block[] = [];
  for (let i = 0; i < outer.length; i++) {
    const b = outer[i];
    const c = outer[i + 1];
    if (hasSoftmax(b) && c && c.from === b.to + 1 && !hasSoftmax(c)) {
      merged.push({ from: b.from, to: c.to, kind: 'transformer' });
      found.transformer++;
      i++;
    } else merged.push(b);
  }
  const vit = found.transformer > 0;
  found.residual = merged.filter((b) => b.kind === 'residual').length;

  // Conv units outside residual spans: a Conv with the nodes after it up to the next Conv (SE included).
  const taken = new Array<boolean>(n).fill(false);
  for (const b of merged) for (let k = b.from; k <= b.to; k++) taken[k] = true;
  const isConv = (k: number): boolean => nodes[k].opType === 'Conv' && !inSe[k];
  // The head starts at the first global pool or flatten after every block and conv that keeps a spatial map.
  let lastSpatial = -1;
  nodes.forEach((_node, k) => {
    if (taken[k] || (isConv(k) && (dimsOf(a, k)[2] ?? 1) * (dimsOf(a, k)[3] ?? 1) > 1)) lastSpatial = k;
  });
  let head = n;
  for (let k = lastSpatial + 1; k < n; k++) {
    if (
      !inSe[k] &&
      (GLOBAL_POOL.has(nodes[k].opType) ||
        nodes[k].opType === 'ReduceMean' ||
        nodes[k].opType === 'Gemm' ||
        nodes[k].opType === 'MatMul')
    ) {
      head = k;
      break;
    }
  }
  if (vit)
    head = Math.min(
      n,
      merged.filter((b) => b.kind === 'transformer').reduce((m, b) => Math.max(m, b.to + 1), 0),
    );
  const blocks: Block[] = [];
  let k = 0;
  const units: Block[] = [];
  const flushUnits = (): void => {
    // Pair units: [1×1 expand]? depthwise (+SE) [1×1 project]? is one separable block; others stand alone.
    for (let u = 0; u < units.length; u++) {
      const cur = units[u];
      const dw = (x: Block | undefined): boolean => x !== undefined && isDepthwise(nodes[x.from], a, x.from);
      const pw = (x: Block | undefined): boolean => x !== undefined && isPointwise(nodes[x.from], a, x.from);
      if (pw(cur) && dw(units[u + 1])) {
        const end = pw(units[u + 2]) ? units[u + 2] : units[u + 1];
        blocks.push({ from: cur.from, to: end.to, kind: 'separable' });
        found.separable++;
        u += end === units[u + 2] ? 2 : 1;
      } else if (dw(cur) && pw(units[u + 1])) {
        blocks.push({ from: cur.from, to: units[u + 1].to, kind: 'separable' });
        found.separable++;
        u++;
      } else blocks.push(cur);
    }
    units.length = 0;
  };
  let unitStart = -1;
  const closeUnit = (end: number): void => {
    if (unitStart >= 0 && end >= unitStart) units.push({ from: unitStart, to: end, kind: 'conv' });
    unitStart = -1;
  };
  const pre: number[] = [];
  while (k < head) {
    const span = merged.find((b) => b.from === k);
    if (span) {
      closeUnit(k - 1);
      flushUnits();
      blocks.push(span);
      k = span.to + 1;
      continue;
    }
    if (taken[k]) {
      k++;
      continue;
    }
    if (isConv(k)) {
      closeUnit(k - 1);
      unitStart = k;
    } else if (unitStart < 0) pre.push(k);
    k++;
  }
  closeUnit(head - 1);
  flushUnits();

  // Stem: what precedes the first block, plus that block when it is a lone standard conv (CNN).
  const scopes = new Array<string>(n).fill('');
  let body = blocks;
  if (!vit && body.length > 1 && body[0].kind === 'conv' && !isDepthwise(nodes[body[0].from], a, body[0].from)) {
    for (let i = body[0].from; i <= body[0].to; i++) scopes[i] = 'conv_stem';
    body = body.slice(1);
  }
  // A lone 1×1 conv just before the pooling head is the head conv (MobileNetV2's 320→1280), as in timm.
  const tail = body[body.length - 1];
  if (
    !vit &&
    body.length > 1 &&
    tail.kind === 'conv' &&
    tail.to + 1 === head &&
    isPointwise(nodes[tail.from], a, tail.from)
  ) {
    head = tail.from;
    body = body.slice(0, -1);
  }
  for (const i of pre) scopes[i] = vit ? 'patch_embed' : 'conv_stem';
  for (let i = 0; i < n; i++)
    if (scopes[i] === '' && (body.length === 0 || i < body[0].from) && i < head)
      scopes[i] = vit ? 'patch_embed' : 'conv_stem';

  // Stages: a CNN stage ends where the output channels change (timm's stages); each ViT block is a section.
  const labels: Record<string, { label: string; detail: string }> = {};
  let stage = 0;
  let inStage = 0;
  let prevC = -1;
  body.forEach((b, bi) => {
    const c = dimsOf(a, b.to)[1] ?? 0;
    if (!vit && bi > 0 && c !== prevC) {
      stage++;
      inStage = 0;
    }
    prevC = c;
    const id = vit ? `blocks.${bi}` : `blocks.${stage}.${inStage++}`;
    const inC = a.layers[b.from].inputDims[0]?.[1] ?? 0;
    const stride = (a.layers[b.from].inputDims[0]?.[2] ?? 1) / Math.max(1, dimsOf(a, b.to)[2] ?? 1);
    const se = nodes.slice(b.from, b.to + 1).some((_, j) => inSe[b.from + j]);
    const name = {
      residual: 'residual block',
      transformer: 'transformer block',
      separable: 'depthwise separable',
      conv: 'conv',
    }[b.kind];
    labels[id] = {
      label: `${name}${se ? ' · SE' : ''}`,
      detail: vit ? `${c}-d tokens` : `${inC}→${c}${stride > 1 ? `, stride ${Math.round(stride)}` : ''}`,
    };
    assignComponents(nodes, a, b, id, scopes, inSe, vit);
  });
  for (let i = head; i < n; i++) scopes[i] = headScope(nodes[i]);
  const source = body.length === 0 ? 'sequence' : 'inferred';
  if (body.length === 0) {
    // A plain sequence: every node a block of one stage, so the table and diagram still list them.
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (scopes[i] === 'conv_stem' || scopes[i] === 'patch_embed' || i >= head) scopes[i] = `blocks.0.${j++}`;
    }
  }
  return finish(
    vit ? 'vit' : 'cnn',
    graph,
    a,
    withConstants(nodes, scopes),
    labels,
    source,
    found,
    resolution,
    numClasses,
  );
}

function headScope(node: Node): string {
  if (node.opType === 'Gemm' || node.opType === 'MatMul') return 'classifier';
  if (GLOBAL_POOL.has(node.opType) && node.opType !== 'Flatten') return 'global_pool';
  if (node.opType === 'Flatten' || node.opType === 'Reshape') return 'flatten';
  if (node.opType === 'Conv') return 'conv_head';
  return 'head';
}

function assignComponents(
  nodes: readonly Node[],
  a: Analysis,
  b: Block,
  id: string,
  scopes: string[],
  inSe: readonly boolean[],
  vit: boolean,
): void {
  if (vit || b.kind === 'transformer') {
    let half = 0;
    for (let i = b.from; i <= b.to; i++) {
      const op = nodes[i].opType;
      if (op === 'Add' && (i === b.to || half === 0) && nodes[i].inputs.length === 2 && i !== b.from) {
        scopes[i] = id;
        if (half === 0) half = 1;
        continue;
      }
      const normFirst = op === 'LayerNormalization' && (i === b.from || scopes[i - 1] === id);
      scopes[i] = `${id}.${normFirst ? (half ? 'norm2' : 'norm1') : half ? 'mlp' : 'attn'}`;
    }
    return;
  }
  let comp = 'conv';
  let sawDw = false;
  for (let i = b.from; i <= b.to; i++) {
    const node = nodes[i];
    if (inSe[i]) {
      scopes[i] = `${id}.se`;
      continue;
    }
    if (i === b.to && b.kind === 'residual' && node.opType === 'Add') {
      scopes[i] = id;
      continue;
    }
    if (node.opType === 'Conv') {
      if (isDepthwise(node, a, i)) {
        comp = 'conv_dw';
        sawDw = true;
      } else if (isPointwise(node, a, i)) comp = sawDw ? 'conv_pwl' : 'conv_pw';
      else comp = sawDw ? 'conv_pwl' : 'conv';
    }
    scopes[i] = `${id}.${comp}`;
  }
}

function finish(
  kind: 'cnn' | 'vit',
  graph: Graph,
  a: Analysis,
  scopes: string[],
  blockLabels: Record<string, { label: string; detail: string }>,
  source: GraphStructure['source'],
  found: GraphStructure['found'],
  resolution: number,
  numClasses: number,
): GraphStructure {
  const stageOf = (s: string): number | undefined => {
    const m = /^blocks\.(\d+)/.exec(s);
    return m ? Number(m[1]) : undefined;
  };
  const stages = [...new Set(scopes.map(stageOf).filter((s): s is number => s !== undefined))].sort((x, y) => x - y);
  const count = stages.length ? stages[stages.length - 1] + 1 : 0;
  const lastOf = (pred: (s: string) => boolean): number => {
    let k = -1;
    scopes.forEach((s, i) => pred(s) && graph.nodes[i].opType !== 'Constant' && (k = i));
    return k;
  };
  const firstOf = (pred: (s: string) => boolean): number =>
    scopes.findIndex((s, i) => pred(s) && graph.nodes[i].opType !== 'Constant');
  const side = (d: readonly number[]): number =>
    d.length === 4 ? d[2] : d.length === 3 ? Math.round(Math.sqrt(Math.max(1, d[1] - 1))) : 1;
  const chans = (d: readonly number[]): number => (d.length === 3 ? d[2] : (d[1] ?? 1));
  const stemEnd = firstOf((s) => stageOf(s) !== undefined) - 1;
  const stemOut = stemEnd >= 0 ? dimsOf(a, stemEnd) : [];
  const sections: Section[] = [
    {
      index: 0,
      kind: 'stem',
      label: kind === 'vit' ? 'patch embed' : 'stem',
      inResolution: resolution,
      outResolution: stemOut.length ? side(stemOut) : resolution,
      outChannels: Math.max(1, stemOut.length ? chans(stemOut) : Number(graph.inputs[0]?.dims[1]) || 1),
      blocks: 1,
    },
  ];
  for (let s = 0; s < count; s++) {
    const f = firstOf((x) => stageOf(x) === s);
    const l = lastOf((x) => stageOf(x) === s);
    const blocks = new Set(
      scopes
        .filter((x) => stageOf(x) === s)
        .map((x) => (kind === 'vit' ? /^blocks\.\d+/ : /^blocks\.\d+\.\d+/).exec(x)?.[0]),
    ).size;
    const inD = f >= 0 ? (a.layers[f].inputDims[0] ?? []) : [];
    const outD = l >= 0 ? dimsOf(a, l) : [];
    sections.push({
      index: s + 1,
      kind: 'stage',
      label: kind === 'vit' ? `block ${s}` : `stage ${s}`,
      stage: s,
      inResolution: side(inD),
      outResolution: side(outD),
      outChannels: Math.max(1, chans(outD)),
      blocks: Math.max(1, blocks),
    });
  }
  sections.push({
    index: count + 1,
    kind: 'head',
    label: 'head',
    inResolution: sections[sections.length - 1].outResolution,
    outResolution: 1,
    outChannels: Math.max(1, numClasses),
    blocks: 1,
  });
  return { kind, structure: true, sections, resolution, numClasses, blockLabels, scopes, source, found };
}

/** The graph with the structure's scopes on its nodes (what layerTable groups rows by). */
export function withStructureScopes(graph: Graph, s: GraphStructure): Graph {
  return {
    ...graph,
    nodes: graph.nodes.map((node, i) => (node.scope === s.scopes[i] ? node : { ...node, scope: s.scopes[i] })),
  };
}
