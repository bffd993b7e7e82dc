/**
 * Receptive field of every value of a graph along its convolution path, by the standard recurrence
 * (Araujo et al., "Computing Receptive Fields of Convolutional Neural Networks", Distill 2019, §2):
 * a k×k layer with stride s and dilation d on an input whose field is r pixels wide with jump j
 * (the input-pixel distance between neighbouring positions) gives r' = r + (k − 1)·d·j, j' = j·s.
 *
 * Ops that mix every position (global pooling, softmax, attention matmuls) make a value `global`.
 * A squeeze-and-excitation or global-context gate multiplies a feature map by such a global
 * vector; the column follows the feature map (the convolution path) and ignores the gate, so the
 * table still shows how far each convolution sees. A residual Add of a global branch is global
 * (ViT: after the first attention every token has seen the whole image).
 */
import type { Graph, Node } from '../../engine/graph.ts';

export type Field = { readonly r: number; readonly j: number } | 'global';

const GLOBAL_OPS = new Set(['GlobalAveragePool', 'GlobalMaxPool', 'Softmax', 'ReduceMean']);
const WINDOW_OPS = new Set(['Conv', 'MaxPool', 'AveragePool']);

/** The field after one k×k window with stride s and dilation d. */
export function windowField(f: Field, k: number, s: number, d = 1): Field {
  if (f === 'global') return 'global';
  return { r: f.r + (k - 1) * d * f.j, j: f.j * s };
}

function ints(node: Node, key: string): readonly number[] | undefined {
  const a = node.attrs[key];
  return a && a.type === 'ints' ? a.value : undefined;
}

/** The widest of several fields; `global` wins unless `ignoreGlobal` (gates). */
function widest(fields: readonly Field[], ignoreGlobal: boolean): Field | undefined {
  const finite = fields.filter((f): f is { r: number; j: number } => f !== 'global');
  if (fields.length === 0) return undefined;
  if (!ignoreGlobal && finite.length < fields.length) return 'global';
  if (finite.length === 0) return 'global';
  return finite.reduce((a, b) => (b.r > a.r ? b : a));
}

/**
 * The receptive field of every value produced by a node (and of the graph inputs, 1 pixel).
 * Weights and constants have no field and are ignored as inputs.
 */
export function receptiveFields(graph: Graph): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const inp of graph.inputs) fields.set(inp.name, { r: 1, j: 1 });
  for (const node of graph.nodes) {
    const ins = node.inputs.map((n) => fields.get(n)).filter((f): f is Field => f !== undefined);
    let out: Field | undefined;
    if (ins.length === 0)
      out = undefined; // Constant nodes and weight-only ops
    else if (GLOBAL_OPS.has(node.opType)) out = 'global';
    else if (node.opType === 'MatMul' && ins.length >= 2)
      out = 'global'; // attention: every token with every token
    else if (WINDOW_OPS.has(node.opType)) {
      const k = ints(node, 'kernel_shape')?.[0] ?? 1;
      const s = ints(node, 'strides')?.[0] ?? 1;
      const d = ints(node, 'dilations')?.[0] ?? 1;
      out = windowField(ins[0], k, s, d);
    } else out = widest(ins, node.opType === 'Mul');
    if (out !== undefined) for (const o of node.outputs) if (o !== '') fields.set(o, out);
  }
  return fields;
}
