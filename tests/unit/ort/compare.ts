/** Agreement between engine and onnxruntime tensors, for the ORT tests. */
import type { Tensor } from '~/lib/engine/tensor.ts';

/**
 * "Within 1e-4 relative": |a − e| ≤ 1e-4 · (|e| + mean|E|). The mean magnitude of the reference
 * tensor E keeps elements that cancel to near zero (a sum of products, a LayerNorm centre) from
 * demanding more than float32 carries; integer and bool outputs must match exactly.
 * Returns '' when they agree, otherwise what differs.
 */
export function disagreement(actual: Tensor | undefined, expected: Tensor | undefined, rel = 1e-4): string {
  if (!actual || !expected) return `missing (${actual ? 'reference' : 'engine'} has no value)`;
  if (actual.dims.join() !== expected.dims.join())
    return `dims [${actual.dims.join(', ')}] vs reference [${expected.dims.join(', ')}]`;
  const exact = !actual.dtype.startsWith('float') || !expected.dtype.startsWith('float');
  let mean = 0;
  for (let i = 0; i < expected.data.length; i++) mean += Math.abs(expected.data[i]);
  mean /= Math.max(1, expected.data.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i];
    const e = expected.data[i];
    if (Number.isNaN(a) && Number.isNaN(e)) continue;
    const excess = exact ? (a === e ? 0 : 1) : Math.abs(a - e) - rel * (Math.abs(e) + mean);
    if (!(excess <= worstExcess)) {
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
      worst = i;
    }
  }
  return worst < 0
    ? ''
    : `element ${worst}: engine ${actual.data[worst]}, reference ${expected.data[worst]} (mean |ref| ${mean.toPrecision(3)})`;
}
