/**
 * The memory guard for "Measure it": running a model in the browser holds its float32 weights
 * about three times (the engine's materialised graph, the exported ONNX bytes, onnxruntime's own
 * copy) plus the activations alive at once, twice (the engine's BatchNorm calibration pass and
 * onnxruntime's arena). A model whose estimate exceeds the budget is refused with the figures.
 */
import { formatBytes } from '../charts/number-format.ts';

export const MEASURE_RUNS = 5;

const MiB = 1024 * 1024;

/** The budget: a quarter of the device memory the browser reports (navigator.deviceMemory, GiB), at most 1 GiB; 512 MiB when unknown. */
export function memoryBudget(deviceMemoryGiB?: number): number {
  if (!deviceMemoryGiB || !Number.isFinite(deviceMemoryGiB)) return 512 * MiB;
  return Math.min(1024 * MiB, (deviceMemoryGiB * 1024 * MiB) / 4);
}

export function measureBytes(params: number, peakLiveBytes: number): number {
  return 3 * 4 * params + 2 * peakLiveBytes;
}

/** Why a model cannot be measured under this budget, or null. */
export function memoryRefusal(params: number, peakLiveBytes: number, budget: number): string | null {
  const need = measureBytes(params, peakLiveBytes);
  if (need <= budget) return null;
  return `needs about ${formatBytes(need)} (3 copies of ${formatBytes(4 * params)} of weights + 2 × ${formatBytes(peakLiveBytes)} of live activations), over this page's budget of ${formatBytes(budget)}`;
}
