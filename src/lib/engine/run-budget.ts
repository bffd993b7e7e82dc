/**
 * Whether running an analysed graph fits a budget, decided before any kernel runs: the peak of
 * live activations (bytes) and the work (multiply-adds plus one unit per output element, and per
 * pooling tap), so a valid but enormous model is refused with a message instead of freezing a
 * browser tab or exhausting memory. The numbers come from analyze(); nothing is timed.
 */
import type { Analysis } from './analyze.ts';
import { EngineError } from './errors.ts';

export interface RunBudget {
  /** Most bytes of activations alive at once (analyze().peakLiveBytes). */
  readonly peakBytes: number;
  /** Most units of work (see workOf). */
  readonly work: number;
}

/** Work units of a run: MACs, output elements, and window taps of pooling layers (uncounted by MACs). */
export function workOf(a: Analysis): number {
  let w = 0;
  for (const l of a.layers) {
    const out = l.outputDims.reduce((s, d) => s + d.reduce((p, x) => p * x, 1), 0);
    const taps = /Pool$/.test(l.opType) && l.kernel ? l.kernel.reduce((p, k) => p * k, 1) : 1;
    const inputs = l.inputDims.reduce((s, d) => s + d.reduce((p, x) => p * x, 1), 0);
    w += l.macs + out * taps + inputs;
  }
  return w;
}

/** Throws EngineError('shape') naming the measure over budget. */
export function checkRunBudget(a: Analysis, budget: RunBudget): void {
  if (a.peakLiveBytes > budget.peakBytes) {
    throw new EngineError(
      'shape',
      `running needs ${(a.peakLiveBytes / 2 ** 20).toFixed(1)} MiB of live activations, over the budget of ${(budget.peakBytes / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  const w = workOf(a);
  if (w > budget.work) {
    throw new EngineError(
      'shape',
      `running needs about ${w.toExponential(2)} operations, over the budget of ${budget.work.toExponential(0)}`,
    );
  }
}
