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

/** Bins per side of the colour table: a power of two, so k · BINS and its floor are exact. */
const BINS = 4096;

/** planePixels's colour for k = |v / scale| in [0, 1] on one side, as one RGBA word (alpha 255). */
function word(mid: readonly number[], b: readonly number[], k: number): number {
  return (
    (0xff000000 |
      (Math.round(mid[2] + (b[2] - mid[2]) * k) << 16) |
      (Math.round(mid[1] + (b[1] - mid[1]) * k) << 8) |
      Math.round(mid[0] + (b[0] - mid[0]) * k)) >>>
    0
  );
}

/**
 * One side's colour table: entry i is the colour of every k in [i / BINS, (i + 1) / BINS) when
 * that colour is the same at both ends (each channel, mid + (b − mid) · k rounded, is monotone in
 * k, so then it is the same throughout), else 0, which no colour is (alpha 255), meaning "compute
 * it". Entry BINS is k = 1 (values at or past ±scale).
 */
function sideTable(mid: readonly number[], b: readonly number[]): Uint32Array {
  const table = new Uint32Array(BINS + 1);
  let lo = word(mid, b, 0);
  for (let i = 0; i < BINS; i++) {
    const hi = word(mid, b, (i + 1) / BINS);
    table[i] = lo === hi ? lo : 0;
    lo = hi;
  }
  table[BINS] = lo;
  return table;
}

const tables = new WeakMap<Palette, { readonly neg: Uint32Array; readonly pos: Uint32Array }>();

/**
 * planePixels (same colours, same transparent blank cells), each pixel one 32-bit word from a
 * per-palette colour table where the table's bin has a single colour and from planePixels's own
 * arithmetic where it straddles a step of the rounding. Written into `into` when it is the right
 * size (a caller drawing many planes one after another reuses one buffer), else into a new array.
 */
export function planePixelsFast(
  data: ArrayLike<number>,
  shape: PlaneShape,
  p: number,
  scale: number,
  palette: Palette,
  into?: Uint8ClampedArray<ArrayBuffer>,
): Uint8ClampedArray<ArrayBuffer> {
  const { neg, mid, pos } = palette;
  const size = shape.h * shape.w * 4;
  const reuse = into !== undefined && into.length === size;
  if (!LITTLE_ENDIAN || ![...neg, ...mid, ...pos].every(isByte)) {
    const fresh = planePixels(data, shape, p, scale, palette);
    if (!reuse) return fresh;
    into.set(fresh);
    return into;
  }
  let t2 = tables.get(palette);
  if (!t2) tables.set(palette, (t2 = { neg: sideTable(mid, neg), pos: sideTable(mid, pos) }));
  const negT = t2.neg;
  const posT = t2.pos;
  const out = reuse ? into : new Uint8ClampedArray(size);
  const px = new Uint32Array(out.buffer, out.byteOffset, size / 4);
  const base = p * shape.stride;
  const n = Math.min(shape.h * shape.w, shape.size);
  const midWord = posT[0]; // k = 0: the middle colour (also NaN's, as planePixels draws it)
  for (let i = 0; i < n; i++) {
    const t = data[base + i] / scale;
    if (t < 0) {
      const k = t < -1 ? 1 : -t;
      const w = negT[(k * BINS) | 0];
      px[i] = w !== 0 ? w : word(mid, neg, k);
    } else if (t >= 0) {
      const k = t > 1 ? 1 : t;
      const w = posT[(k * BINS) | 0];
      px[i] = w !== 0 ? w : word(mid, pos, k);
    } else px[i] = midWord;
  }
  if (reuse) px.fill(0, n); // blank cells transparent, as in a new array
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
