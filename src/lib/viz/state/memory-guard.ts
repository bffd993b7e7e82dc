/**
 * Will this model fit in the tab? The debugger keeps every activation (to step back and forth), so
 * it needs the weights plus every node's output; a plain run needs only the weights plus the peak of
 * live activations (both from the engine's `analyze`). The budget follows `navigator.deviceMemory`
 * (GiB, rounded down by the browser and capped at 8) when present: a quarter of it, at most 1 GiB;
 * otherwise a fixed 512 MiB, below EfficientNetV2-XL's ~830 MB of float32 weights.
 */
import { formatBytes } from '../charts/number-format.ts';

export const FIXED_BUDGET = 512 * 2 ** 20;
export const MAX_BUDGET = 2 ** 30;

export function memoryBudget(deviceMemoryGiB?: number): number {
  if (deviceMemoryGiB === undefined || !Number.isFinite(deviceMemoryGiB) || deviceMemoryGiB <= 0) return FIXED_BUDGET;
  return Math.min(MAX_BUDGET, (deviceMemoryGiB * 2 ** 30) / 4);
}

export interface MemoryNeed {
  /** float32 weights: params × 4. */
  readonly weightBytes: number;
  /** Every activation, kept for stepping. */
  readonly retainedBytes: number;
  /** Peak of live activations in a run that frees each value after its last use. */
  readonly peakLiveBytes: number;
}

export interface MemoryVerdict {
  readonly ok: boolean;
  readonly need: number;
  readonly budget: number;
  /** Why not (or what it will use), with the numbers. */
  readonly message: string;
}

export function memoryVerdict(m: MemoryNeed, budget: number, budgetSource: string): MemoryVerdict {
  const need = m.weightBytes + m.retainedBytes;
  const parts = `${formatBytes(m.weightBytes)} of weights + ${formatBytes(m.retainedBytes)} of activations kept for stepping`;
  if (need <= budget) {
    return {
      ok: true,
      need,
      budget,
      message: `Needs about ${formatBytes(need)} (${parts}), within this tab's ${formatBytes(budget)} budget (${budgetSource}).`,
    };
  }
  return {
    ok: false,
    need,
    budget,
    message:
      `This model will not run here: stepping through it needs about ${formatBytes(need)} (${parts}), ` +
      `above this tab's ${formatBytes(budget)} budget (${budgetSource}). ` +
      `A single run that frees activations would still need ${formatBytes(m.weightBytes + m.peakLiveBytes)}. ` +
      'Everything computed without weights (shapes, parameters, MACs) is still shown.',
  };
}
