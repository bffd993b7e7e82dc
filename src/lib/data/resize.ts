/**
 * Bilinear resize of one H×W plane, with PyTorch's `F.interpolate(mode='bilinear',
 * align_corners=False, antialias=False)` convention (aten/src/ATen/native/UpSample.h,
 * `area_pixel_compute_source_index`): pixel centres sit at half-integers, so output pixel `o`
 * samples the input at `src = (o + 0.5) · in/out − 0.5`, clamped below at 0; it blends rows/columns
 * ⌊src⌋ and min(⌊src⌋ + 1, in − 1) with weights 1 − λ and λ, λ = src − ⌊src⌋. No antialiasing:
 * downscaling by more than 2× skips pixels, as PyTorch does without `antialias=True`.
 */

export interface AxisTaps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly lambda: Float32Array;
}

/** Source taps along one axis (PyTorch's half-pixel rule above). */
export function axisTaps(inSize: number, outSize: number): AxisTaps {
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const lambda = new Float32Array(outSize);
  const scale = inSize / outSize;
  for (let o = 0; o < outSize; o++) {
    const src = Math.max((o + 0.5) * scale - 0.5, 0);
    const f = Math.min(Math.floor(src), inSize - 1);
    i0[o] = f;
    i1[o] = Math.min(f + 1, inSize - 1);
    lambda[o] = src - f;
  }
  return { i0, i1, lambda };
}

const tapCache = new Map<string, AxisTaps>();
function cachedTaps(inSize: number, outSize: number): AxisTaps {
  const key = `${inSize}>${outSize}`;
  let t = tapCache.get(key);
  if (!t) tapCache.set(key, (t = axisTaps(inSize, outSize)));
  return t;
}

/** Resizes `src` (h×w, row-major) into `out` (oh×ow); returns `out`. Same size copies. */
export function resizeBilinear(
  src: Float32Array,
  h: number,
  w: number,
  oh: number,
  ow: number,
  out = new Float32Array(oh * ow),
): Float32Array {
  if (oh === h && ow === w) {
    out.set(src);
    return out;
  }
  const ty = cachedTaps(h, oh);
  const tx = cachedTaps(w, ow);
  for (let y = 0; y < oh; y++) {
    const r0 = ty.i0[y] * w;
    const r1 = ty.i1[y] * w;
    const ly = ty.lambda[y];
    for (let x = 0; x < ow; x++) {
      const c0 = tx.i0[x];
      const c1 = tx.i1[x];
      const lx = tx.lambda[x];
      const top = src[r0 + c0] * (1 - lx) + src[r0 + c1] * lx;
      const bottom = src[r1 + c0] * (1 - lx) + src[r1 + c1] * lx;
      out[y * ow + x] = top * (1 - ly) + bottom * ly;
    }
  }
  return out;
}
