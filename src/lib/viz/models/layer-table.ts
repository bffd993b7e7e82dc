/**
 * The torchinfo-style layer table of a model: one row per module (consecutive graph nodes with the
 * same scope, so timm's BatchNormAct2d is one row "BatchNorm2d + SiLU"), with the op, kernel,
 * stride, groups, input → output shape, params, MACs, activation bytes and receptive field, and
 * the totals. Every number comes from the engine's `analyze`; rows only regroup its layers, so
 * the row sums equal the analysis totals exactly.
 */
import { analyze, type Analysis, type Graph, type LayerStats, type Node } from '../../engine/index.ts';
import { buildModel, getModel } from '../../models/index.ts';
import { blockOfScope, sectionOfScope, sectionsOf, type ModelShape, type Section } from './arch-sections.ts';
import { receptiveFields, type Field } from './receptive-field.ts';

/**
 * What a row computes, for the compute breakdown: 1×1 convs, depthwise convs, full (k×k, dense)
 * convs, SE/global-context gates, the head conv, the classifier, and ViT's attention and MLP.
 * BatchNorm rows take the kind of the conv they follow; 'other' holds LayerNorms, the class token
 * and position embedding, and weightless ops.
 */
export type OpKind =
  'pointwise' | 'depthwise' | 'conv' | 'attention-gate' | 'head' | 'classifier' | 'attention' | 'mlp' | 'other';

export interface LayerRow {
  readonly index: number;
  /** timm module path (the node scope). */
  readonly name: string;
  /** Readable op, e.g. 'Conv2d', 'Conv2d (depthwise)', 'BatchNorm2d + SiLU'. */
  readonly op: string;
  readonly kind: OpKind;
  readonly kernel?: string;
  readonly stride?: number;
  readonly groups?: number;
  readonly input: readonly number[];
  readonly output: readonly number[];
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  /** Receptive field side in input pixels along the convolution path, or 'global'. */
  readonly rf: number | 'global';
  readonly section: number;
  /** `blocks.<s>.<i>` (ViT `blocks.<i>`), or 'stem' / 'head'. */
  readonly block: string;
  /** Indices of the graph nodes in this row. */
  readonly nodes: readonly number[];
}

export interface LayerTotals {
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  readonly rows: number;
}

export interface LayerTable {
  readonly sections: readonly Section[];
  readonly rows: readonly LayerRow[];
  readonly totals: LayerTotals;
}

const ACT_NAMES: Record<string, string> = {
  Relu: 'ReLU',
  Clip: 'ReLU6',
  HardSwish: 'Hardswish',
  Gelu: 'GELU',
  HardSigmoid: 'Hardsigmoid',
  Sigmoid: 'Sigmoid',
  Softmax: 'Softmax',
};

/** A readable label for a run of nodes: the main op plus its activation (Sigmoid followed by Mul is SiLU). */
export function opLabel(layers: readonly LayerStats[], name = ''): string {
  const types = layers.map((l) => l.opType);
  if (name === 'pos_embed') return 'Add (position embedding)';
  if (name === 'cls_token') return 'Concat (class token)';
  const main = layers[0];
  if (main.opType === 'Conv') {
    const g = main.group ?? 1;
    const dw = g > 1 && g === main.inputDims[0]?.[1];
    return dw ? 'Conv2d (depthwise)' : g > 1 ? 'Conv2d (grouped)' : 'Conv2d';
  }
  const act = (i: number): string => {
    const t = types[i];
    if (t === 'Sigmoid' && types[i + 1] === 'Mul') return 'SiLU';
    return ACT_NAMES[t] ?? t;
  };
  switch (main.opType) {
    case 'BatchNormalization':
      return types.length > 1 ? `BatchNorm2d + ${act(1)}` : 'BatchNorm2d';
    case 'Gemm':
      return 'Linear';
    case 'LayerNormalization':
      return 'LayerNorm';
    case 'GlobalAveragePool':
      return 'AdaptiveAvgPool2d (1)';
    case 'Add':
      return 'Add (residual)';
    case 'Gather':
      return name === 'pool' ? 'Gather (class token)' : 'Gather';
    case 'Mul':
      return types.length === 1 ? 'Mul (gate × features)' : 'Mul';
    case 'Flatten':
      return 'Flatten';
    default:
      if (ACT_NAMES[main.opType] || (main.opType === 'Sigmoid' && types[1] === 'Mul')) return act(0);
      return [...new Set(types)].join(' · ');
  }
}

function kindOf(name: string, layers: readonly LayerStats[], spec: Pick<ModelShape, 'kind'>): OpKind | undefined {
  if (spec.kind === 'vit') {
    if (/\.attn(\.|$)/.test(name)) return 'attention';
    if (/\.mlp(\.|$)/.test(name)) return 'mlp';
  }
  if (/\.se(\.|$)/.test(name)) return 'attention-gate';
  const w = layers.find((l) => l.opType === 'Conv' || l.opType === 'Gemm' || l.opType === 'MatMul');
  if (!w) return undefined;
  if (/^(classifier|head)$/.test(name)) return 'classifier';
  if (name.startsWith('conv_head')) return 'head';
  if (w.opType !== 'Conv') return 'other';
  const g = w.group ?? 1;
  if (g > 1 && g === w.inputDims[0]?.[1]) return 'depthwise';
  return (w.kernel?.[0] ?? 1) === 1 ? 'pointwise' : 'conv';
}

/** Activation input of a node: the first input that is neither a weight nor a constant. */
function activationInput(node: Node, graph: Graph, constants: ReadonlySet<string>): number {
  const i = node.inputs.findIndex(
    (n) => n !== '' && !graph.declared?.has(n) && !graph.initializers.has(n) && !constants.has(n),
  );
  return i < 0 ? 0 : i;
}

/**
 * Builds the table. Constant nodes (Clip bounds, Reshape shapes) join the row of the node that
 * follows them, so their few bytes still count in the totals. A row that only carries a BatchNorm
 * (or other weightless op) takes the kind of the weighted row before it in the same block: in the
 * fused inference view BN belongs to its convolution.
 */
export function layerTable(spec: ModelShape, graph: Graph, analysis: Analysis): LayerTable {
  if (analysis.layers.length !== graph.nodes.length)
    throw new Error('layerTable: the analysis does not belong to this graph');
  const sections = sectionsOf(spec);
  const fields = receptiveFields(graph);
  const constants = new Set<string>();
  for (const n of graph.nodes) if (n.opType === 'Constant') for (const o of n.outputs) constants.add(o);

  const groups: number[][] = [];
  let pending: number[] = [];
  let prevScope: string | null = null;
  graph.nodes.forEach((node, i) => {
    if (node.opType === 'Constant') {
      pending.push(i);
      return;
    }
    if (node.scope === prevScope) groups[groups.length - 1].push(...pending, i);
    else groups.push([...pending, i]);
    pending = [];
    prevScope = node.scope;
  });
  if (pending.length) groups.push(pending);

  const rows: LayerRow[] = [];
  let lastKind: { block: string; kind: OpKind } | undefined;
  groups.forEach((idx, index) => {
    const all = idx.map((i) => analysis.layers[i]);
    const real = idx.filter((i) => graph.nodes[i].opType !== 'Constant');
    const layers = real.map((i) => analysis.layers[i]);
    const firstNode = graph.nodes[real[0] ?? idx[0]];
    const lastNode = graph.nodes[idx[idx.length - 1]];
    const name = firstNode.scope;
    const block = blockOfScope(name, spec);
    let kind = kindOf(name, layers, spec);
    if (kind !== undefined) lastKind = { block, kind };
    else if (layers[0]?.opType === 'BatchNormalization' && lastKind?.block === block) kind = lastKind.kind;
    else kind = 'other';
    const main = layers[0] ?? all[0];
    const isConv = main.opType === 'Conv';
    const f: Field | undefined = fields.get(lastNode.outputs[0]);
    rows.push({
      index,
      name,
      op: layers.length ? opLabel(layers, name) : 'Constant',
      kind,
      ...(isConv
        ? { kernel: (main.kernel ?? []).join('×'), stride: main.stride?.[0] ?? 1, groups: main.group ?? 1 }
        : {}),
      input: main.inputDims[activationInput(graph.nodes[real[0] ?? idx[0]], graph, constants)] ?? [],
      output: analysis.layers[idx[idx.length - 1]].outputDims[0] ?? [],
      params: all.reduce((s, l) => s + l.params, 0),
      macs: all.reduce((s, l) => s + l.macs, 0),
      activationBytes: all.reduce((s, l) => s + l.activationBytes, 0),
      rf: f === undefined || f === 'global' ? 'global' : f.r,
      section: sectionOfScope(name, sections),
      block,
      nodes: idx,
    });
  });
  return {
    sections,
    rows,
    totals: {
      params: rows.reduce((s, r) => s + r.params, 0),
      macs: rows.reduce((s, r) => s + r.macs, 0),
      activationBytes: rows.reduce((s, r) => s + r.activationBytes, 0),
      rows: rows.length,
    },
  };
}

/** The table of a zoo model at its own resolution (declared weights: nothing is materialised). */
export function modelLayerTable(id: string): LayerTable & { readonly graph: Graph; readonly analysis: Analysis } {
  const graph = buildModel(id);
  const analysis = analyze(graph);
  return { ...layerTable(getModel(id).spec, graph, analysis), graph, analysis };
}
