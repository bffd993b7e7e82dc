/**
 * Finds squeeze-and-excitation blocks in a node list by structure, not by name (so imported `.onnx`
 * blocks work too): a global average pool (the squeeze, Hu et al. §3.1), a 1×1 Conv that reduces,
 * any activation nodes, a 1×1 Conv that expands, a gate (Sigmoid or HardSigmoid) and the Mul that
 * scales the pooled tensor's channels by the gate (§3.2).
 */
import type { Node } from '../../engine/index.ts';

/** The part of a graph node the search reads (the debugger passes its own node records). */
export type SeNodeLike = Pick<Node, 'name' | 'opType' | 'inputs' | 'outputs'>;

export interface SeBlock {
  /** Node index range [start, end) from the squeeze to the scaling Mul. */
  readonly start: number;
  readonly end: number;
  /** Value names: the tensor being gated, and each stage's output. */
  readonly x: string;
  readonly squeeze: string;
  readonly reduce: string;
  readonly act: string;
  readonly expand: string;
  readonly gate: string;
  readonly scaled: string;
}

const GATES = new Set(['Sigmoid', 'HardSigmoid']);
const SQUEEZES = new Set(['GlobalAveragePool', 'ReduceMean']);

export function findSeBlocks(nodes: readonly SeNodeLike[]): SeBlock[] {
  const readers = new Map<string, number[]>();
  nodes.forEach((n, i) => n.inputs.forEach((v) => v && readers.set(v, [...(readers.get(v) ?? []), i])));
  const only = (v: string, op?: (o: string) => boolean): number | undefined => {
    const r = readers.get(v) ?? [];
    const hits = r.filter((i) => !op || op(nodes[i].opType));
    return hits.length >= 1 ? hits[0] : undefined;
  };
  const out: SeBlock[] = [];
  nodes.forEach((sq, start) => {
    if (!SQUEEZES.has(sq.opType)) return;
    const x = sq.inputs[0];
    const r = only(sq.outputs[0], (o) => o === 'Conv');
    if (r === undefined) return;
    // Walk the activation nodes between the two convs (SiLU is Sigmoid + Mul, ReLU one node).
    let cur = nodes[r].outputs[0];
    let e: number | undefined;
    for (let hop = 0; hop < 4; hop++) {
      const next = readers.get(cur) ?? [];
      const conv = next.find((i) => nodes[i].opType === 'Conv');
      if (conv !== undefined) {
        e = conv;
        break;
      }
      const last = Math.max(...next);
      if (!Number.isFinite(last)) return;
      cur = nodes[last].outputs[0];
    }
    if (e === undefined) return;
    const g = only(nodes[e].outputs[0], (o) => GATES.has(o));
    if (g === undefined) return;
    const m = (readers.get(nodes[g].outputs[0]) ?? []).find(
      (i) => nodes[i].opType === 'Mul' && nodes[i].inputs.includes(x),
    );
    if (m === undefined) return;
    out.push({
      start,
      end: m + 1,
      x,
      squeeze: sq.outputs[0],
      reduce: nodes[r].outputs[0],
      act: nodes[e].inputs[0],
      expand: nodes[e].outputs[0],
      gate: nodes[g].outputs[0],
      scaled: nodes[m].outputs[0],
    });
  });
  return out;
}
