/**
 * explain(): how one output element of one node was computed, with the numbers the kernel used.
 * Needs the node's input values (a retained run: runGraph(..., { keepAll: true }) or the values
 * an execute({ retain: true }) produced); weights come from the graph.
 */
import type { Graph } from './graph.ts';
import { EngineError } from './errors.ts';
import type { Explanation } from './explanation.ts';
import { planNode } from './plan-node.ts';
import type { Tensor } from './tensor.ts';

/** An output position as NCHW coordinates (missing ones are 0; 1-D outputs use x). */
export interface OutputPosition {
  n?: number;
  c?: number;
  y?: number;
  x?: number;
}

export type ValueLookup = ReadonlyMap<string, Tensor> | Readonly<Record<string, Tensor>>;

function lookup(values: ValueLookup, name: string): Tensor | undefined {
  return values instanceof Map ? values.get(name) : (values as Record<string, Tensor>)[name];
}

export function flatIndex(dims: readonly number[], at: number | OutputPosition): number {
  if (typeof at === 'number') return at;
  const { n = 0, c = 0, y = 0, x = 0 } = at;
  const coords = dims.length === 4 ? [n, c, y, x] : dims.length === 3 ? [n, c, x] : dims.length === 2 ? [n, c] : [x];
  let flat = 0;
  for (let i = 0; i < dims.length; i++) {
    if (coords[i] < 0 || coords[i] >= dims[i]) {
      throw new EngineError('explain', `position [${coords.join(', ')}] is outside the output [${dims.join(', ')}]`);
    }
    flat = flat * dims[i] + coords[i];
  }
  return flat;
}

export function explain(
  graph: Graph,
  values: ValueLookup,
  nodeName: string,
  outIndex: number | OutputPosition,
): Explanation {
  const node = graph.nodes.find((n) => n.name === nodeName);
  if (!node) throw new EngineError('explain', `no node named '${nodeName}'`);
  const inputs = node.inputs.map((name) =>
    name === '' ? undefined : (lookup(values, name) ?? graph.initializers.get(name)),
  );
  const missing = node.inputs.filter((name, i) => name !== '' && !inputs[i]);
  if (missing.length > 0) {
    throw new EngineError(
      'explain',
      `values of inputs ${missing.join(', ')} are not available (run with keepAll/retain)`,
      node.name,
    );
  }
  const output = lookup(values, node.outputs[0]);
  if (!output)
    throw new EngineError(
      'explain',
      `output '${node.outputs[0]}' has no value (run with keepAll/retain, unfused)`,
      node.name,
    );
  const { def, planned } = planNode(graph, node, inputs, inputs);
  if (!def.explain) throw new EngineError('explain', `${node.opType} has no explanation`, node.name);
  const flat = flatIndex(output.dims, outIndex);
  if (flat < 0 || flat >= output.data.length)
    throw new EngineError('explain', `index ${flat} is outside the output`, node.name);
  return def.explain(planned.geom, inputs, output, flat);
}
