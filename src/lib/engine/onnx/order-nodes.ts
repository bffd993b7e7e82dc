/**
 * Single definition of every value, every input defined, every graph output computed, and a
 * topological order (the file's when it already is one, as ONNX requires; Kahn's algorithm
 * otherwise, so a cycle is reported instead of looping).
 */
import type { Node, ValueInfo } from '../graph.ts';
import type { Tensor } from '../tensor.ts';
import { OnnxError } from './onnx-error.ts';

/**
 * Checks single definition and defined inputs, and returns the nodes in topological order
 * (the file's order when it already is one, which ONNX requires; Kahn's algorithm otherwise).
 */
export function orderNodes(
  nodes: Node[],
  inputs: readonly ValueInfo[],
  initializers: ReadonlyMap<string, Tensor>,
  outputs: readonly ValueInfo[],
): Node[] {
  const producer = new Map<string, number>();
  const external = new Set<string>([...inputs.map((v) => v.name), ...initializers.keys()]);
  nodes.forEach((n, i) => {
    for (const o of n.outputs) {
      if (o === '') continue;
      if (external.has(o) || producer.has(o)) {
        throw new OnnxError('invalid-graph', `value '${o}' is defined more than once (again by node '${n.name}')`, {
          node: n.name,
        });
      }
      producer.set(o, i);
    }
  });
  for (const n of nodes) {
    for (const x of n.inputs) {
      if (x !== '' && !external.has(x) && !producer.has(x)) {
        throw new OnnxError(
          'invalid-graph',
          `node '${n.name}' (${n.opType}) reads '${x}', which no input, initializer or node defines`,
          { node: n.name },
        );
      }
    }
  }
  for (const o of outputs) {
    if (!external.has(o.name) && !producer.has(o.name))
      throw new OnnxError('invalid-graph', `graph output '${o.name}' is never computed`);
  }
  const inOrder = nodes.every((n, i) => n.inputs.every((x) => (producer.get(x) ?? -1) < i));
  if (inOrder) return nodes;
  const pending = nodes.map((n) => new Set(n.inputs.filter((x) => producer.has(x))).size);
  const consumers = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    for (const x of new Set(n.inputs)) {
      const p = producer.get(x);
      if (p === undefined) continue;
      const list = consumers.get(p);
      if (list) list.push(i);
      else consumers.set(p, [i]);
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => pending[i] === 0);
  const order: Node[] = [];
  // Each node enters `ready` once, so this loop runs at most nodes.length times.
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(nodes[i]);
    for (const c of consumers.get(i) ?? []) if (--pending[c] === 0) ready.push(c);
  }
  if (order.length !== nodes.length) {
    const stuck = nodes
      .filter((_, i) => pending[i] > 0)
      .map((n) => `'${n.name}'`)
      .slice(0, 5)
      .join(', ');
    throw new OnnxError('invalid-graph', `the graph has a cycle (through ${stuck})`);
  }
  return order;
}
