/**
 * Finds Conv → [BatchNormalization] → [activation] chains that can run as one kernel (the
 * activation may be Swish exported as Sigmoid + Mul, as timm's SiLU is): each link's
 * output is read only by the next link (and is not a graph output), and the absorbed nodes' other
 * inputs are weights or earlier values, so they exist when the Conv runs. The BatchNorm statistics are still read
 * at run time (the zoo may recalibrate them between runs); only the pattern is decided here.
 */
import type { Graph, Node } from './graph.ts';
import { Act, actOfOp } from './ops/activation-code.ts';

export interface FusedChain {
  readonly conv: number;
  readonly bn?: number;
  /** The node whose attributes/inputs parameterise the activation (Clip bounds, HardSigmoid α, β). */
  readonly act?: number;
  readonly actKind: Act;
  /** Every absorbed node (BatchNorm, activation nodes: Sigmoid and Mul for Swish), in graph order. */
  readonly absorbed: readonly number[];
  /** Index of the last node of the chain (its output is the chain's output). */
  readonly last: number;
}

export function findFusions(graph: Graph): Map<number, FusedChain> {
  const readers = new Map<string, number[]>();
  graph.nodes.forEach((n, i) => {
    for (const name of n.inputs) if (name !== '') readers.set(name, [...(readers.get(name) ?? []), i]);
  });
  const outputs = new Set(graph.outputs.map((o) => o.name));
  const onlyReader = (value: string): number | undefined => {
    const r = readers.get(value);
    return r && r.length === 1 && !outputs.has(value) ? r[0] : undefined;
  };
  const producedAt = new Map<string, number>();
  graph.nodes.forEach((n, i) => n.outputs.forEach((o) => producedAt.set(o, i)));
  // The absorbed nodes' extra inputs (BN statistics, Clip bounds) must exist when the Conv runs:
  // weights, values made by earlier nodes, or Constant nodes (which carry Clip's min and max and
  // can be evaluated whenever needed).
  let before = 0;
  const constant = (name: string): boolean => {
    const at = producedAt.get(name);
    return at !== undefined && graph.nodes[at].opType === 'Constant' && graph.nodes[at].inputs.length === 0;
  };
  const weightsOnly = (n: Node, from: number): boolean =>
    n.inputs
      .slice(from)
      .every(
        (name) =>
          name === '' || graph.initializers.has(name) || constant(name) || (producedAt.get(name) ?? Infinity) < before,
      );
  const isDefault = (n: Node): boolean => n.domain === undefined || n.domain === '' || n.domain === 'ai.onnx';

  const chains = new Map<number, FusedChain>();
  graph.nodes.forEach((node, i) => {
    before = i;
    if (node.opType !== 'Conv' || !isDefault(node) || !weightsOnly(node, 1)) return;
    let last = i;
    let bn: number | undefined;
    let act: number | undefined;
    let next = onlyReader(node.outputs[0]);
    if (next !== undefined) {
      const n = graph.nodes[next];
      if (
        n.opType === 'BatchNormalization' &&
        isDefault(n) &&
        n.inputs[0] === node.outputs[0] &&
        n.outputs.filter((o) => o !== '').length === 1 &&
        weightsOnly(n, 1)
      ) {
        bn = next;
        last = next;
        next = onlyReader(n.outputs[0]);
      }
    }
    const absorbed: number[] = bn === undefined ? [] : [bn];
    const value = graph.nodes[last].outputs[0];
    if (next !== undefined) {
      const n = graph.nodes[next];
      if (actOfOp(n.opType) !== undefined && isDefault(n) && n.inputs[0] === value && weightsOnly(n, 1)) {
        act = next;
        last = next;
        absorbed.push(next);
      }
    } else {
      // Swish (SiLU) as exported: s = Sigmoid(v); y = Mul(v, s), v read by exactly those two.
      const r = readers.get(value) ?? [];
      const sig = r.find((k) => graph.nodes[k].opType === 'Sigmoid' && isDefault(graph.nodes[k]));
      const mulIdx = r.find((k) => graph.nodes[k].opType === 'Mul' && isDefault(graph.nodes[k]));
      if (r.length === 2 && !outputs.has(value) && sig !== undefined && mulIdx !== undefined && sig < mulIdx) {
        const sOut = graph.nodes[sig].outputs[0];
        const m = graph.nodes[mulIdx];
        if (
          onlyReader(sOut) === mulIdx &&
          m.inputs.length === 2 &&
          m.inputs.includes(value) &&
          m.inputs.includes(sOut)
        ) {
          chains.set(i, {
            conv: i,
            bn,
            act: sig,
            actKind: Act.Swish,
            absorbed: [...absorbed, sig, mulIdx],
            last: mulIdx,
          });
          return;
        }
      }
    }
    if (last === i) return;
    chains.set(i, {
      conv: i,
      bn,
      act,
      actKind: act === undefined ? Act.None : actOfOp(graph.nodes[act].opType)!,
      absorbed,
      last,
    });
  });
  return chains;
}
