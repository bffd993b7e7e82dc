/**
 * Which detail view a node gets in the debugger: conv (receptive window, kernel, products, sum),
 * BatchNorm (the formula with one element's numbers), an activation curve, squeeze-and-excitation
 * bars, a residual add, a pooling window, or none (shape and layout ops). SiLU is recognised as the
 * zoo builds it: Mul(x, Sigmoid(x)).
 */
import type { OutputPosition } from '../../engine/explain.ts';
import { WRAP } from '../charts/heatmap.ts';
import { findSeBlocks, type SeBlock, type SeNodeLike } from '../lessons/se-nodes.ts';

export type DetailKind =
  | { readonly kind: 'conv' }
  | { readonly kind: 'batchnorm' }
  | { readonly kind: 'activation'; readonly fn: string; readonly inputSlot: number }
  | { readonly kind: 'se'; readonly se: SeBlock }
  | { readonly kind: 'add' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'pool' }
  | { readonly kind: 'none' };

const ACTIVATIONS = new Set(['Relu', 'Clip', 'HardSwish', 'HardSigmoid', 'Sigmoid', 'Gelu', 'Tanh']);
const POOLS = new Set(['MaxPool', 'AveragePool', 'GlobalAveragePool']);

export function detailKinds(nodes: readonly SeNodeLike[]): DetailKind[] {
  const se = findSeBlocks(nodes);
  const producer = new Map<string, SeNodeLike>();
  for (const n of nodes) for (const o of n.outputs) producer.set(o, n);
  return nodes.map((n, i): DetailKind => {
    const block = se.find((b) => i >= b.start && i < b.end);
    if (block) return { kind: 'se', se: block };
    if (n.opType === 'Conv') return { kind: 'conv' };
    if (n.opType === 'BatchNormalization') return { kind: 'batchnorm' };
    if (ACTIVATIONS.has(n.opType)) return { kind: 'activation', fn: n.opType, inputSlot: 0 };
    if (n.opType === 'Mul' && n.inputs.length === 2) {
      const [a, b] = n.inputs;
      const pb = producer.get(b);
      const pa = producer.get(a);
      if (pb?.opType === 'Sigmoid' && pb.inputs[0] === a) return { kind: 'activation', fn: 'SiLU', inputSlot: 0 };
      if (pa?.opType === 'Sigmoid' && pa.inputs[0] === b) return { kind: 'activation', fn: 'SiLU', inputSlot: 1 };
      return { kind: 'binary' };
    }
    if (n.opType === 'Add') return { kind: 'add' };
    if (n.opType === 'Sub' || n.opType === 'Div') return { kind: 'binary' };
    if (POOLS.has(n.opType)) return { kind: 'pool' };
    return { kind: 'none' };
  });
}

/**
 * The output element the detail view explains, from the selected channel and pixel of the output
 * panel: 4-D [N, C, H, W] at (channel, y, x); 3-D [N, C, L] at (channel, x); a [1, K] vector (a
 * classifier's scores, drawn wrapped WRAP to a row) at the element under the pixel, clamped to K;
 * a [N, K] matrix (ViT tokens) at row y, column x.
 */
export function explainedAt(
  dims: readonly number[],
  channel: number,
  pixel: readonly [number, number],
): OutputPosition {
  const [y, x] = pixel;
  if (dims.length === 2) return dims[0] > 1 ? { n: y, c: x } : { c: Math.min(dims[1] - 1, y * WRAP + x) };
  return dims.length === 3 ? { c: channel, x } : { c: channel, y, x };
}
