/**
 * Memory of a training step, computed before running: the activations the tape keeps for
 * backward (from the gradient rules' `keeps` and `savedBytes`, the same decisions the tape
 * makes), the parameters, their gradients. Lets training refuse a batch size with the figures.
 */
import type { Graph } from '../graph.ts';
import { analyze } from '../analyze.ts';
import { EngineError } from '../errors.ts';
import { opOf } from '../plan-node.ts';
import { sizeOf } from '../tensor.ts';
import { gradientPath } from './path.ts';
import { constantValues } from './tape.ts';

export interface TrainingMemory {
  readonly batch: number;
  /** Activations kept for backward (float32 node inputs/outputs, each value once) plus saved state (BatchNorm statistics, dropout masks). */
  readonly keptBytes: number;
  /** Trainable parameters and buffers (float32). */
  readonly parameterBytes: number;
  /** One gradient per trainable parameter (float32). */
  readonly gradientBytes: number;
  /** keptBytes + parameterBytes + gradientBytes (optimizer state is the caller's: + 1× params for SGD momentum, 2× for AdamW). */
  readonly totalBytes: number;
  /** The kept bytes by node (the node whose backward needs them; a value read by several counts at the first). */
  readonly perNode: readonly { readonly node: string; readonly opType: string; readonly bytes: number }[];
}

/**
 * The training memory of `graph` at batch `batch` (the first graph input's dim 0 replaced). The
 * measured counterpart is `trainingForward(...).tape.keptBytes`, which equals `keptBytes`.
 */
export function trainingMemory(graph: Graph, batch: number, opts: { inputGrads?: boolean } = {}): TrainingMemory {
  if (!Number.isInteger(batch) || batch < 1)
    throw new EngineError('shape', `batch must be a whole number ≥ 1, got ${batch}`);
  const path = gradientPath(graph, opts);
  const input = graph.inputs[0];
  const dims = input.dims.map((d, i) => (i === 0 ? batch : d));
  if (dims.some((d) => typeof d !== 'number'))
    throw new EngineError('shape', `input '${input.name}' has a symbolic dim: [${input.dims.join(', ')}]`);
  const a = analyze(graph, { inputDims: { [input.name]: dims as number[] } });
  const valueDims = new Map<string, readonly number[]>([[input.name, dims as number[]]]);
  graph.nodes.forEach((n, i) =>
    n.outputs.forEach((o, k) => a.layers[i].outputDims[k] && valueDims.set(o, a.layers[i].outputDims[k])),
  );
  const weightDims = (name: string): readonly number[] =>
    graph.initializers.get(name)?.dims ?? (graph.declared?.get(name)?.dims as number[] | undefined) ?? [];
  const notActivation = constantValues(graph);
  const counted = new Set<string>();
  const perNode: { node: string; opType: string; bytes: number }[] = [];
  let kept = 0;
  graph.nodes.forEach((node, i) => {
    if (!path.active[i]) return;
    let bytes = 0;
    const count = (name: string): void => {
      if (name === '' || notActivation.has(name) || counted.has(name)) return;
      counted.add(name);
      bytes += sizeOf(valueDims.get(name) ?? []) * 4;
    };
    node.inputs.forEach((n, s) => path.keepInputs[i][s] && count(n));
    node.outputs.forEach((n, s) => path.keepOutputs[i][s] && count(n));
    const saved = opOf(node).backward?.savedBytes;
    if (saved) bytes += saved(node.inputs.map((n) => (n === '' ? undefined : (valueDims.get(n) ?? weightDims(n)))));
    kept += bytes;
    perNode.push({ node: node.name, opType: node.opType, bytes });
  });
  const gradientBytes = path.trainable.reduce((s, n) => s + sizeOf(weightDims(n)) * 4, 0);
  const parameterBytes = gradientBytes + path.buffers.reduce((s, n) => s + sizeOf(weightDims(n)) * 4, 0);
  return {
    batch,
    keptBytes: kept,
    parameterBytes,
    gradientBytes,
    totalBytes: kept + parameterBytes + gradientBytes,
    perNode,
  };
}

const mb = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** Throws EngineError 'shape' with the figures when a training step would need more than `budgetBytes`. */
export function checkTrainingMemory(
  graph: Graph,
  batch: number,
  budgetBytes: number,
  opts: { inputGrads?: boolean } = {},
): TrainingMemory {
  const m = trainingMemory(graph, batch, opts);
  if (m.totalBytes > budgetBytes) {
    throw new EngineError(
      'shape',
      `training '${graph.name}' at batch ${batch} needs ${mb(m.totalBytes)} (activations kept for backward ${mb(m.keptBytes)}, ` +
        `parameters ${mb(m.parameterBytes)}, gradients ${mb(m.gradientBytes)}), over the budget of ${mb(budgetBytes)}; use a smaller batch or resolution`,
    );
  }
  return m;
}
