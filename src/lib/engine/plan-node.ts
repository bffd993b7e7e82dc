/** Looks a node's op up in the registry and plans it (shared by analyze, execute and explain). */
import type { Graph, Node } from './graph.ts';
import { EngineError } from './errors.ts';
import type { OpDef, Planned, ValueMeta } from './op.ts';
import { checkOpAttributes } from './op-attributes.ts';
import { isSupported, OPS } from './registry.ts';
import { checkDims } from './shape-util.ts';
import { sizeOf, type Tensor } from './tensor.ts';

export function opOf(node: Node): OpDef {
  if (!isSupported(node.opType, node.domain)) {
    const d = node.domain ? `${node.domain}::` : '';
    throw new EngineError('unsupported-op', `op ${d}${node.opType} is not supported`, node.name);
  }
  return OPS[node.opType];
}

/** Every unsupported op of a graph at once, so a model's problems are reported together. */
export function checkSupported(graph: Graph): void {
  const bad = graph.nodes.filter((n) => !isSupported(n.opType, n.domain));
  if (bad.length > 0) {
    const list = bad.map((n) => `${n.domain ? `${n.domain}::` : ''}${n.opType} (node '${n.name}')`).join(', ');
    throw new EngineError('unsupported-op', `graph '${graph.name}' uses unsupported ops: ${list}`);
  }
}

/** nodeInputs' words for a value missing at run time (execute, the training tape). */
export const NO_VALUE = 'has no value (not fed, not a weight, not produced earlier)';

/**
 * A node's inputs looked up by name ('' is an omitted optional input: undefined); a name with no
 * entry throws 'missing-input' with `missing` ("input 'x' …").
 */
export function nodeInputs<T>(node: Node, known: ReadonlyMap<string, T>, missing: string): (T | undefined)[] {
  return node.inputs.map((name) => {
    if (name === '') return undefined;
    const v = known.get(name);
    if (!v) throw new EngineError('missing-input', `input '${name}' ${missing}`, node.name);
    return v;
  });
}

/** A tensor whose data does not hold exactly its dims' elements would let a kernel read past its buffer. */
function checkTensor(node: Node, t: Tensor, i: number): void {
  if (t.data.length !== sizeOf(t.dims)) {
    throw new EngineError(
      'shape',
      `${node.opType} input ${i} holds ${t.data.length} values for dims [${t.dims.join(', ')}]`,
      node.name,
    );
  }
}

/** `limit`: most elements per output; execution passes MAX_TENSOR_ELEMENTS, analysis any safe size. */
export function planNode(
  graph: Graph,
  node: Node,
  inputs: readonly (ValueMeta | undefined)[],
  values: readonly (Tensor | undefined)[],
  limit = Number.MAX_SAFE_INTEGER,
): { def: OpDef; planned: Planned<unknown> } {
  const def = opOf(node);
  checkOpAttributes(node, graph.opset);
  inputs.forEach((m, i) => m && checkDims(node, m.dims, `input ${i}`));
  values.forEach((t, i) => t && checkTensor(node, t, i));
  let planned: Planned<unknown>;
  try {
    planned = def.plan({ node, opset: graph.opset, inputs, values });
  } catch (e) {
    if (e instanceof EngineError) throw e;
    throw new EngineError(
      'shape',
      `planning ${node.opType} failed: ${e instanceof Error ? e.message : String(e)}`,
      node.name,
    );
  }
  planned.outputs.forEach((m, i) => checkDims(node, m.dims, `output ${i}`, limit));
  return { def, planned };
}
