/**
 * Stepping from one op to the next, the new op's input is usually the tensor the previous view
 * showed as its output: the worker sends it again (values keep their names and contents until the
 * next input is fed). Putting the already-received object in its place lets the tensor view reuse
 * what it computed for it (statistics, scale, coloured planes: tensor-view.ts caches by data), so
 * a step draws one new tensor instead of two.
 */
import type { Tensor } from '../../engine/index.ts';

export interface NamedStep {
  /** Value names of the node's inputs and outputs ('' for an absent optional input). */
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputs: readonly (Tensor | null)[];
  readonly outputs: readonly Tensor[];
}

const sameDims = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The next step's inputs and outputs, each replaced by the previous step's tensor of the same
 * value name (and dims) where there is one. Call it only for two steps of the same fed input.
 */
export function reuseTensors(prev: NamedStep, next: NamedStep): { inputs: (Tensor | null)[]; outputs: Tensor[] } {
  const known = new Map<string, Tensor>();
  prev.inputNames.forEach((n, i) => {
    const t = prev.inputs[i];
    if (n && t) known.set(n, t);
  });
  prev.outputNames.forEach((n, i) => {
    const t = prev.outputs[i];
    if (n && t) known.set(n, t);
  });
  const pick = <T extends Tensor | null>(name: string | undefined, t: T): T => {
    const k = name ? known.get(name) : undefined;
    return (k && t && t.dtype === k.dtype && sameDims(k.dims, t.dims) ? k : t) as T;
  };
  return {
    inputs: next.inputs.map((t, i) => pick(next.inputNames[i], t)),
    outputs: next.outputs.map((t, i) => pick(next.outputNames[i], t)),
  };
}
