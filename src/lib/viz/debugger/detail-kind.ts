/**
 * Which detail view a node gets in the debugger: conv (receptive window, kernel, products, sum),
 * BatchNorm (the formula with one element's numbers), an activation curve, squeeze-and-excitation
 * bars, a residual add, a pooling window, or none (shape and layout ops). SiLU is recognised as the
 * zoo builds it: Mul(x, Sigmoid(x)).
 */
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
