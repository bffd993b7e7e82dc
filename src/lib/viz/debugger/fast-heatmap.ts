/**
 * The debugger's per-step heatmap arithmetic, bit-identical to heatmap.ts's planePixels and
 * robustScale (tests/unit/viz/debugger/fast-heatmap.test.ts compares them) but quicker: stepping
 * through EfficientNet-B0 colours up to 64 planes of 112×112 and picks the scale of a million
 * values on every "Step op", and those two were the largest script costs of a step.
 */
import { planePixels, robustScale, type Palette, type PlaneShape } from '../charts/heatmap.ts';

/** One 32-bit store per pixel writes bytes R, G, B, A in that order only on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const isByte = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= 255;

/**
 * planePixels (same colours, same transparent blank cells) with the clamp and the sign test as
 * branches and each pixel written as one 32-bit word instead of four clamped bytes.
 */
export function planePixelsFast(
  data: ArrayLike<number>,
  shape: PlaneShape,
  p: number,
  scale: number,
  palette: Palette,
): Uint8ClampedArray<ArrayBuffer> {
  const { neg, mid, pos } = palette;
  if (!LITTLE_ENDIAN || ![...neg, ...mid, ...pos].every(isByte)) return planePixels(data, shape, p, scale, palette);
  const out = new Uint8ClampedArray(shape.h * shape.w * 4);
  const px = new Uint32Array(out.buffer);
  const base = p * shape.stride;
  const n = Math.min(shape.h * shape.w, shape.size);
  const [m0, m1, m2] = mid;
  // b − mid as planePixels computes it, per channel, for each side.
  const n0 = neg[0] - m0;
  const n1 = neg[1] - m1;
  const n2 = neg[2] - m2;
  const p0 = pos[0] - m0;
  const p1 = pos[1] - m1;
  const p2 = pos[2] - m2;
  const midWord = (0xff000000 | (m2 << 16) | (m1 << 8) | m0) >>> 0;
  for (let i = 0; i < n; i++) {
    const t = data[base + i] / scale;
    if (t < 0) {
      const k = t < -1 ? 1 : -t;
      px[i] = 0xff000000 | (Math.round(m2 + n2 * k) << 16) | (Math.round(m1 + n1 * k) << 8) | Math.round(m0 + n0 * k);
    } else if (t >= 0) {
      const k = t > 1 ? 1 : t;
      px[i] = 0xff000000 | (Math.round(m2 + p2 * k) << 16) | (Math.round(m1 + p1 * k) << 8) | Math.round(m0 + p0 * k);
    } else px[i] = midWord; // NaN: the middle colour, as planePixels draws it
  }
  return out;
}

/** The k-th smallest of a[0..n) (0-based), moving elements about: quickselect, linear on average. */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi > lo) {
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    const mid = (lo + hi) >> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** robustScale's value (same sample, same quantile, same fallbacks) by selection instead of a full sort. */
export function robustScaleFast(data: ArrayLike<number>, q = 0.995, cap = 50000): number {
  if (!(q >= 0 && q <= 1)) return robustScale(data, q, cap);
  const step = Math.max(1, Math.floor(data.length / cap));
  const sample = new Float64Array(Math.ceil(data.length / step));
  let count = 0;
  let top = 0;
  for (let i = 0; i < data.length; i += step) {
    const v = Math.abs(data[i]);
    if (Number.isFinite(v)) {
      sample[count++] = v;
      if (v > top) top = v;
    }
  }
  if (count === 0) return 1;
  const m = select(sample, count, Math.min(count - 1, Math.floor(q * (count - 1))));
  if (m > 0) return m;
  return top > 0 ? top : 1;
}
