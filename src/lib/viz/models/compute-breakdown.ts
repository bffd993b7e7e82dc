/**
 * Where the compute goes: MACs, params and activation bytes per section (stem, stages, head) and
 * by op kind, and the live activation memory after every row with its peak. Sums are over the
 * layer table's rows, so each breakdown adds up to the model's totals.
 */
import type { Analysis, Graph } from '../../engine/index.ts';
import { BYTES_PER_ELEMENT, sizeOf } from '../../engine/index.ts';
import type { LayerRow, LayerTable, OpKind } from './layer-table.ts';

export interface Share {
  readonly key: string;
  readonly label: string;
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
}

export const KIND_LABELS: Readonly<Record<OpKind, string>> = {
  pointwise: '1×1 conv',
  depthwise: 'depthwise conv',
  conv: 'full conv (k×k)',
  'attention-gate': 'SE / global context',
  head: 'head conv',
  classifier: 'classifier',
  attention: 'attention',
  mlp: 'MLP',
  other: 'norms, embeddings, other',
};

const KIND_ORDER: readonly OpKind[] = [
  'conv',
  'pointwise',
  'depthwise',
  'attention-gate',
  'attention',
  'mlp',
  'head',
  'classifier',
  'other',
];

function sum(rows: readonly LayerRow[], key: string, label: string): Share {
  let params = 0;
  let macs = 0;
  let activationBytes = 0;
  for (const r of rows) {
    params += r.params;
    macs += r.macs;
    activationBytes += r.activationBytes;
  }
  return { key, label, params, macs, activationBytes };
}

/** One share per section, in order. */
export function bySection(table: LayerTable): Share[] {
  return table.sections.map((s) =>
    sum(
      table.rows.filter((r) => r.section === s.index),
      `section-${s.index}`,
      s.label,
    ),
  );
}

/** One share per op kind present in the model (kinds with neither params nor MACs are left out). */
export function byKind(table: LayerTable): Share[] {
  return KIND_ORDER.map((k) =>
    sum(
      table.rows.filter((r) => r.kind === k),
      k,
      KIND_LABELS[k],
    ),
  ).filter((s) => s.params > 0 || s.macs > 0);
}

export interface MemoryPoint {
  /** Row index. */
  readonly row: number;
  /** Bytes of activations alive at the end of the row's busiest node (max over its nodes). */
  readonly liveBytes: number;
}

export interface MemoryProfile {
  readonly points: readonly MemoryPoint[];
  readonly peakBytes: number;
  /** The first row where the peak is reached. */
  readonly peakRow: number;
}

/**
 * Live activation bytes after each node, with the engine's release rule (analyze.ts): graph
 * inputs are alive from the start, each output is added when produced, and a value is released
 * after its last reader (graph outputs never; an output nobody reads right away). Weights are
 * not activations. Its maximum equals `Analysis.peakLiveBytes`.
 */
export function liveBytesPerNode(graph: Graph, analysis: Analysis): number[] {
  const weights = new Set<string>([...graph.initializers.keys(), ...(graph.declared?.keys() ?? [])]);
  const last = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    for (const name of n.inputs) if (name !== '') last.set(name, i);
  });
  const outputs = new Set(graph.outputs.map((o) => o.name));
  const bytes = new Map<string, number>();
  let live = 0;
  for (const inp of graph.inputs) {
    if (weights.has(inp.name)) continue;
    const b = sizeOf(inp.dims as number[]) * BYTES_PER_ELEMENT[inp.dtype];
    bytes.set(inp.name, b);
    live += b;
  }
  const curve: number[] = [];
  graph.nodes.forEach((node, i) => {
    const l = analysis.layers[i];
    live += l.activationBytes;
    // analyze() gives each node's output bytes; split them by element count across its outputs
    // (exact for single-output nodes and for outputs of one dtype, which is every zoo graph).
    const total = l.outputDims.reduce((s, d) => s + sizeOf(d), 0);
    node.outputs.forEach((name, k) => {
      if (name !== '' && l.outputDims[k])
        bytes.set(name, total ? (l.activationBytes * sizeOf(l.outputDims[k])) / total : 0);
    });
    curve.push(live);
    const released = new Set<string>();
    for (const name of node.inputs) {
      if (name === '' || weights.has(name) || outputs.has(name) || released.has(name)) continue;
      if (last.get(name) === i) {
        live -= bytes.get(name) ?? 0;
        released.add(name);
      }
    }
    node.outputs.forEach((name) => {
      if (name !== '' && !outputs.has(name) && !last.has(name)) live -= bytes.get(name) ?? 0;
    });
  });
  return curve;
}

/** The live-memory profile per table row and its peak. */
export function memoryProfile(table: LayerTable, graph: Graph, analysis: Analysis): MemoryProfile {
  const perNode = liveBytesPerNode(graph, analysis);
  const points = table.rows.map((r) => ({ row: r.index, liveBytes: Math.max(...r.nodes.map((i) => perNode[i])) }));
  let peakRow = 0;
  for (const p of points) if (p.liveBytes > points[peakRow].liveBytes) peakRow = p.row;
  return { points, peakBytes: points.length ? points[peakRow].liveBytes : 0, peakRow };
}
