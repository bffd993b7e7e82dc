/**
 * Per-block device latency, the pure half: which pieces of a zoo model to time, how to cut each
 * piece out of the model's graph as a graph of its own (so onnxruntime-web can time it alone), and
 * how repeated timings become one median per piece. The browser half (a worker timing the pieces in
 * onnxruntime-web) lives in src/components/lesson/latency/; the plot in block-latency-chart.ts.
 *
 * Why per block: MnasNet (Tan et al. 2019, arXiv 1807.11626 §1 and §3) measures latency on the
 * phone because MACs mispredict it; a model's total hides which blocks disagree, its blocks do not.
 *
 * Pieces follow the zoo's timm module paths (graph-builder.ts): `conv_stem`/`bn1` before the first
 * block are the stem, `blocks.<stage>.<index>.*` a block, everything after the last block the head.
 * At the finer 'layer' level a block splits at each of its convolutions (depthwise, pointwise or
 * full), its squeeze-and-excitation (`.se`) kept as one piece; BatchNorm, activation and the
 * residual Add stay with the convolution before them, as onnxruntime fuses them anyway.
 */
import type { Analysis, Graph, Node, ValueInfo } from '../../engine/index.ts';

export type UnitLevel = 'block' | 'layer';
/** Coarser cuts (latency-pieces.ts): one piece per stage, everything from a stage on, the whole model. */
export type PieceLevel = UnitLevel | 'stage' | 'tail' | 'model';
export type UnitKind =
  'stem' | 'block' | 'head' | 'depthwise' | 'pointwise' | 'conv' | 'se' | 'stage' | 'tail' | 'model';

export interface LatencyUnit {
  /** `<model>/<scope>` at block level, `<model>/<scope>#<part>` at layer level: unique across models. */
  readonly key: string;
  readonly model: string;
  readonly level: PieceLevel;
  readonly kind: UnitKind;
  /** The block's module path (`blocks.2.0`), or `stem` / `head`. */
  readonly scope: string;
  /** For people: `blocks.2.0`, `blocks.2.0 depthwise 5×5`. */
  readonly label: string;
  /** Stage (timm's blocks.<stage>), −1 for stem, the number of stages for the head. */
  readonly stage: number;
  readonly nodes: readonly string[];
  readonly macs: number;
  readonly params: number;
  /** Values the piece reads from outside it (its graph inputs) and those it hands on (its outputs). */
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
}

const BLOCK = /^blocks\.(\d+)\.(\d+)(?:\.|$)/;

function isDepthwise(node: Node, inputDims: readonly number[] | undefined): boolean {
  const g = node.attrs.group;
  const group = g && g.type === 'int' ? g.value : 1;
  return group > 1 && inputDims !== undefined && group === inputDims[1];
}

function kernelText(node: Node): string {
  const k = node.attrs.kernel_shape;
  return k && k.type === 'ints' ? k.value.join('×') : '';
}

/** A piece before its inputs, outputs and costs are known: its nodes in graph order. */
export interface Draft {
  scope: string;
  kind: UnitKind;
  stage: number;
  part: string;
  nodes: Node[];
}

/** Groups the graph's nodes (Constants aside) into pieces at the given level, in graph order. */
function drafts(graph: Graph, dims: ReadonlyMap<string, number[]>, level: UnitLevel): Draft[] {
  const out: Draft[] = [];
  let seenBlock = false;
  let stages = 0;
  for (const n of graph.nodes) {
    const m = BLOCK.exec(n.scope);
    if (m) stages = Math.max(stages, Number(m[1]) + 1);
  }
  for (const node of graph.nodes) {
    if (node.opType === 'Constant') continue;
    const m = BLOCK.exec(node.scope);
    let scope: string;
    let kind: UnitKind;
    let stage: number;
    if (m) {
      seenBlock = true;
      scope = `blocks.${m[1]}.${m[2]}`;
      kind = 'block';
      stage = Number(m[1]);
    } else {
      scope = seenBlock ? 'head' : 'stem';
      kind = seenBlock ? 'head' : 'stem';
      stage = seenBlock ? stages : -1;
    }
    const last = out[out.length - 1];
    if (level === 'block' || kind !== 'block') {
      if (last && last.scope === scope) last.nodes.push(node);
      else out.push({ scope, kind, stage, part: '', nodes: [node] });
      continue;
    }
    const inSe = node.scope.startsWith(`${scope}.se`);
    const startsPart = inSe ? !(last?.scope === scope && last.kind === 'se') : node.opType === 'Conv';
    if (!startsPart && last && last.scope === scope) {
      last.nodes.push(node);
      continue;
    }
    if (inSe) {
      out.push({ scope, kind: 'se', stage, part: 'se', nodes: [node] });
    } else {
      const dw = node.opType === 'Conv' && isDepthwise(node, dims.get(node.inputs[0]));
      const k = kernelText(node);
      const kind2: UnitKind = node.opType !== 'Conv' ? 'conv' : dw ? 'depthwise' : k === '1×1' ? 'pointwise' : 'conv';
      // A 1×1 that opens a block expands (MobileNetV2's expansion); one after another conv projects.
      const first = !(last && last.scope === scope);
      const role = kind2 === 'pointwise' ? (first ? 'expand' : 'project') : kind2;
      const part = node.opType === 'Conv' ? `${role} ${k}` : node.opType;
      out.push({ scope, kind: kind2, stage, part, nodes: [node] });
    }
  }
  return out;
}

/**
 * The pieces of `graph` to time, with their MACs and params from the engine's analysis of the same
 * graph (declared or materialised weights alike). `model` names the model in keys.
 */
export function latencyUnits(graph: Graph, analysis: Analysis, model: string, level: UnitLevel): LatencyUnit[] {
  return piecesFromDrafts(graph, analysis, model, level, (dims) => drafts(graph, dims, level));
}

/** Every value's dims: the graph inputs' and each node output's from the analysis. */
function valueDims(graph: Graph, analysis: Analysis): Map<string, number[]> {
  const dims = new Map<string, number[]>();
  for (const i of graph.inputs) dims.set(i.name, i.dims.map(Number));
  const stats = new Map(analysis.layers.map((l) => [l.node, l]));
  for (const n of graph.nodes) {
    const l = stats.get(n.name);
    if (l) n.outputs.forEach((o, i) => l.outputDims[i] && dims.set(o, l.outputDims[i]));
  }
  return dims;
}

/**
 * Pieces from any grouping of the graph's nodes (`group` gets every value's dims and returns the
 * groups in graph order): each piece's inputs, outputs, MACs and params. Shared by the block and
 * layer cuts here and the coarser cuts of latency-pieces.ts.
 */
export function piecesFromDrafts(
  graph: Graph,
  analysis: Analysis,
  model: string,
  level: PieceLevel,
  group: (dims: ReadonlyMap<string, number[]>) => Draft[],
): LatencyUnit[] {
  const dims = valueDims(graph, analysis);
  const stats = new Map(analysis.layers.map((l) => [l.node, l]));
  const weights = (name: string): boolean => graph.initializers.has(name) || (graph.declared?.has(name) ?? false);
  const constants = new Set(graph.nodes.filter((n) => n.opType === 'Constant').flatMap((n) => n.outputs));
  const graphOutputs = new Set(graph.outputs.map((o) => o.name));
  // Where each value is read, by piece index, to find what a piece hands on.
  const list = group(dims);
  const readers = new Map<string, Set<number>>();
  list.forEach((d, i) => {
    for (const n of d.nodes)
      for (const v of n.inputs) if (v) (readers.get(v) ?? readers.set(v, new Set()).get(v)!).add(i);
  });
  const countPart = new Map<string, number>();
  return list.map((d, i) => {
    const produced = new Set(d.nodes.flatMap((n) => n.outputs));
    const inputs: ValueInfo[] = [];
    const seen = new Set<string>();
    for (const n of d.nodes) {
      for (const v of n.inputs) {
        if (!v || produced.has(v) || weights(v) || constants.has(v) || seen.has(v)) continue;
        seen.add(v);
        inputs.push({ name: v, dtype: 'float32', dims: dims.get(v) ?? [] });
      }
    }
    const outputs: ValueInfo[] = [];
    for (const n of d.nodes) {
      for (const v of n.outputs) {
        const used = [...(readers.get(v) ?? [])].some((j) => j !== i);
        if (used || graphOutputs.has(v)) outputs.push({ name: v, dtype: 'float32', dims: dims.get(v) ?? [] });
      }
    }
    const n = (countPart.get(`${d.scope}#${d.part}`) ?? 0) + 1;
    countPart.set(`${d.scope}#${d.part}`, n);
    const part = n > 1 ? `${d.part} (${n})` : d.part;
    const names = d.nodes.map((x) => x.name);
    return {
      key:
        level !== 'layer' || d.kind === 'stem' || d.kind === 'head'
          ? `${model}/${d.scope}`
          : `${model}/${d.scope}#${part}`,
      model,
      level,
      kind: d.kind,
      scope: d.scope,
      stage: d.stage,
      label: part ? `${d.scope} ${part}` : d.scope,
      nodes: names,
      macs: names.reduce((s, x) => s + (stats.get(x)?.macs ?? 0), 0),
      params: names.reduce((s, x) => s + (stats.get(x)?.params ?? 0), 0),
      inputs,
      outputs,
    };
  });
}

/**
 * The piece as a graph of its own: its nodes, the Constants they read, the weights they use, the
 * values it reads from outside as graph inputs and the values it hands on as outputs (ONNX IR
 * "Graphs": any value may be an output). Weights stay shared with `graph`, not copied.
 */
export function unitGraph(graph: Graph, unit: LatencyUnit): Graph {
  const keep = new Set(unit.nodes);
  const nodes = graph.nodes.filter((n) => keep.has(n.name));
  const reads = new Set(nodes.flatMap((n) => n.inputs));
  const constantNodes = graph.nodes.filter((n) => n.opType === 'Constant' && n.outputs.some((o) => reads.has(o)));
  const initializers = new Map([...graph.initializers].filter(([k]) => reads.has(k)));
  const declared = graph.declared ? new Map([...graph.declared].filter(([k]) => reads.has(k))) : undefined;
  return {
    name: unit.key,
    opset: graph.opset,
    inputs: unit.inputs,
    outputs: unit.outputs,
    initializers,
    ...(declared && declared.size > 0 ? { declared } : {}),
    nodes: [...constantNodes, ...nodes],
  };
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Linear-interpolated quantile (type 7, as numpy's default) of a sample. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

export interface UnitTiming {
  readonly key: string;
  readonly medianMs: number;
  readonly q1Ms: number;
  readonly q3Ms: number;
  readonly runs: number;
}

/**
 * Medians of repeated timings. `rounds[r][u]` is unit u's time in round r: the measurement runs
 * every unit once per round, so a slow spell of the device (another tab, thermal throttling) spreads
 * over all units instead of landing on one. Non-finite or negative times are dropped.
 */
export function summariseRounds(
  units: readonly Pick<LatencyUnit, 'key'>[],
  rounds: readonly (readonly number[])[],
): UnitTiming[] {
  return units.map((u, i) => {
    const xs = rounds.map((r) => r[i]).filter((v) => Number.isFinite(v) && v >= 0);
    return { key: u.key, medianMs: median(xs), q1Ms: quantile(xs, 0.25), q3Ms: quantile(xs, 0.75), runs: xs.length };
  });
}

/** Ranks 1…n, ties sharing their mean rank. */
function ranks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) r[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation: 1 when more MACs always means more time, 0 when unrelated. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length || xs.length < 2) return NaN;
  const a = ranks(xs);
  const b = ranks(ys);
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - ma) * (b[i] - mb);
    da += (a[i] - ma) ** 2;
    db += (b[i] - mb) ** 2;
  }
  return da === 0 || db === 0 ? NaN : num / Math.sqrt(da * db);
}

export interface LatencyPoint {
  readonly unit: LatencyUnit;
  readonly timing: UnitTiming;
  /** Time per million MACs of this piece over that of all pieces together (1 = as MACs predict). */
  readonly ratio: number;
  /** 'slow': at least `factor` × more time than its MACs predict; 'fast': `factor` × less. */
  readonly verdict: 'slow' | 'fast' | 'as-predicted';
}

/**
 * Where MACs and latency disagree: the prediction is "time ∝ MACs" at the overall rate (total time
 * over total MACs of the pieces given), so a piece's ratio is its own rate over that one. Pieces
 * without MACs (pools, the SE's tiny convs aside) get ratio ∞ and count as slow.
 */
export function disagreement(
  units: readonly LatencyUnit[],
  timings: readonly UnitTiming[],
  factor = 2,
): LatencyPoint[] {
  const byKey = new Map(timings.map((t) => [t.key, t]));
  const pairs = units
    .map((u) => ({ unit: u, timing: byKey.get(u.key) }))
    .filter(
      (p): p is { unit: LatencyUnit; timing: UnitTiming } =>
        p.timing !== undefined && Number.isFinite(p.timing.medianMs),
    );
  const totalMs = pairs.reduce((s, p) => s + p.timing.medianMs, 0);
  const totalMacs = pairs.reduce((s, p) => s + p.unit.macs, 0);
  const rate = totalMs / totalMacs;
  return pairs.map(({ unit, timing }) => {
    const ratio = unit.macs > 0 ? timing.medianMs / unit.macs / rate : Infinity;
    const verdict = ratio >= factor ? 'slow' : ratio <= 1 / factor ? 'fast' : 'as-predicted';
    return { unit, timing, ratio, verdict };
  });
}
