/**
 * Channel heatmaps for the step-through debugger: how a tensor splits into 2-D planes, per-plane
 * statistics, a diverging colour scale centred on zero (so sign reads at a glance: ReLU outputs are
 * all one hue, BatchNorm outputs both), and the grid that packs the planes into one canvas.
 */

/** How a tensor is shown: `count` planes of `h`×`w` values, plane p starting at `p · stride`. */
export interface PlaneShape {
  readonly count: number;
  readonly h: number;
  readonly w: number;
  /** Values per plane in the flat data (h·w for NCHW; for wrapped vectors h·w may exceed it). */
  readonly stride: number;
  /** Real values in each plane (cells past it are blank). */
  readonly size: number;
}

/** Width a flat vector wraps to, so a 1000-class logit vector reads as a 32-wide block, not a 1-px strip. */
export const WRAP = 32;

/**
 * NCHW [1, C, H, W] → C planes of H×W; [1, C, L] → C rows of L; a token matrix [T, D] (T > 1) →
 * one T×D plane; [1, D] or [D] → one plane wrapped at WRAP columns. Only the first batch item is shown.
 */
export function planeShape(dims: readonly number[]): PlaneShape {
  if (dims.length === 4)
    return { count: dims[1], h: dims[2], w: dims[3], stride: dims[2] * dims[3], size: dims[2] * dims[3] };
  if (dims.length === 3) return { count: dims[1], h: 1, w: dims[2], stride: dims[2], size: dims[2] };
  if (dims.length === 2 && dims[0] > 1)
    return { count: 1, h: dims[0], w: dims[1], stride: dims[0] * dims[1], size: dims[0] * dims[1] };
  const n = dims.length === 0 ? 1 : dims[dims.length - 1];
  const w = Math.min(n, WRAP);
  return { count: 1, h: Math.ceil(n / w), w, stride: n, size: n };
}

export interface ChannelStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export function channelStats(data: ArrayLike<number>, shape: PlaneShape): ChannelStats[] {
  const out: ChannelStats[] = [];
  for (let p = 0; p < shape.count; p++) {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    const base = p * shape.stride;
    for (let i = 0; i < shape.size; i++) {
      const v = data[base + i];
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
    out.push({ min, max, mean: sum / shape.size });
  }
  return out;
}

/** The symmetric range ±m every plane of one grid shares (so tiles compare); 1 for an all-zero tensor. */
export function sharedScale(stats: readonly ChannelStats[]): number {
  let m = 0;
  for (const s of stats) m = Math.max(m, Math.abs(s.min), Math.abs(s.max));
  return m > 0 && Number.isFinite(m) ? m : 1;
}

export type Rgb = readonly [number, number, number];

/** Diverging colour: t in [−1, 1] from `neg` through `mid` (t = 0) to `pos`; clamped outside. */
export function divergingColour(t: number, neg: Rgb, mid: Rgb, pos: Rgb): Rgb {
  const u = Number.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
  const [a, b] = u < 0 ? [mid, neg] : [mid, pos];
  const k = Math.abs(u);
  return [
    Math.round(a[0] + (b[0] - a[0]) * k),
    Math.round(a[1] + (b[1] - a[1]) * k),
    Math.round(a[2] + (b[2] - a[2]) * k),
  ];
}

export interface Palette {
  readonly neg: Rgb;
  readonly mid: Rgb;
  readonly pos: Rgb;
}

/**
 * RGBA pixels of plane `p` (h×w), each value v coloured at v / scale (divergingColour's
 * arithmetic, written out so no colour array is allocated per value: the debugger colours
 * about a million values per step). Blank cells are transparent.
 */
export function planePixels(
  data: ArrayLike<number>,
  shape: PlaneShape,
  p: number,
  scale: number,
  palette: Palette,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(shape.h * shape.w * 4);
  const base = p * shape.stride;
  const { neg, mid, pos } = palette;
  const n = Math.min(shape.h * shape.w, shape.size);
  for (let i = 0; i < n; i++) {
    const t = data[base + i] / scale;
    const u = Number.isNaN(t) ? 0 : Math.max(-1, Math.min(1, t));
    const b = u < 0 ? neg : pos;
    const k = Math.abs(u);
    px[i * 4] = Math.round(mid[0] + (b[0] - mid[0]) * k);
    px[i * 4 + 1] = Math.round(mid[1] + (b[1] - mid[1]) * k);
    px[i * 4 + 2] = Math.round(mid[2] + (b[2] - mid[2]) * k);
    px[i * 4 + 3] = 255;
  }
  return px;
}

export interface GridTile {
  readonly p: number;
  readonly x: number;
  readonly y: number;
}

export interface GridLayout {
  readonly cols: number;
  readonly rows: number;
  /** Side of a tile's cell in CSS px (the plane is drawn at `cell` × `cell · h/w`, integer-scaled). */
  readonly tileW: number;
  readonly tileH: number;
  readonly gap: number;
  readonly width: number;
  readonly height: number;
  readonly tiles: readonly GridTile[];
}

/**
 * Packs `count` planes of h×w into a grid at most `maxWidth` wide: tiles are as large as fits
 * (at least 1 px per value when possible, never more than 12×), with a 2-px gap.
 */
export function gridLayout(count: number, h: number, w: number, maxWidth: number, maxCount = count): GridLayout {
  const n = Math.min(count, maxCount);
  const gap = 2;
  // Aim for tiles of about 64 px but at least ~4 per row on wide grids.
  const target = Math.max(24, Math.min(96, Math.floor(maxWidth / Math.min(n, 8)) - gap));
  const scale = Math.max(1 / Math.max(w, h), Math.min(12, target / Math.max(w, h)));
  const tileW = Math.max(1, Math.round(w * scale));
  const tileH = Math.max(1, Math.round(h * scale));
  const cols = Math.max(1, Math.min(n, Math.floor((maxWidth + gap) / (tileW + gap))));
  const rows = Math.ceil(n / cols);
  const tiles: GridTile[] = [];
  for (let p = 0; p < n; p++) tiles.push({ p, x: (p % cols) * (tileW + gap), y: Math.floor(p / cols) * (tileH + gap) });
  return {
    cols,
    rows,
    tileW,
    tileH,
    gap,
    width: cols * (tileW + gap) - gap,
    height: rows * (tileH + gap) - gap,
    tiles,
  };
}

/** The plane under a point of the grid (CSS px from its top-left), or −1 in a gap or past the end. */
export function tileAt(layout: GridLayout, x: number, y: number): number {
  const col = Math.floor(x / (layout.tileW + layout.gap));
  const row = Math.floor(y / (layout.tileH + layout.gap));
  if (col < 0 || row < 0 || col >= layout.cols) return -1;
  if (x - col * (layout.tileW + layout.gap) >= layout.tileW || y - row * (layout.tileH + layout.gap) >= layout.tileH)
    return -1;
  const p = row * layout.cols + col;
  return p < layout.tiles.length ? p : -1;
}

/** The value cell (row, col) of an enlarged h×w plane drawn `width`×`height` px under a point. */
export function cellAt(
  h: number,
  w: number,
  width: number,
  height: number,
  x: number,
  y: number,
): { y: number; x: number } | null {
  const cx = Math.floor((x / width) * w);
  const cy = Math.floor((y / height) * h);
  if (cx < 0 || cy < 0 || cx >= w || cy >= h) return null;
  return { y: cy, x: cx };
}

/**
 * A robust symmetric scale: the q-quantile of |v| over a strided sample of at most `cap` values,
 * so a few outliers (common after BatchNorm on untrained weights) do not wash every tile out.
 * Values beyond it saturate. Falls back to the largest |v|, then to 1.
 */
export function robustScale(data: ArrayLike<number>, q = 0.995, cap = 50000): number {
  const step = Math.max(1, Math.floor(data.length / cap));
  const sample = new Float64Array(Math.ceil(data.length / step));
  let count = 0;
  for (let i = 0; i < data.length; i += step) {
    const v = Math.abs(data[i]);
    if (Number.isFinite(v)) sample[count++] = v;
  }
  if (count === 0) return 1;
  // A typed array sorts numerically in native code, several times faster than a comparator.
  const abs = sample.subarray(0, count).sort();
  const m = abs[Math.min(abs.length - 1, Math.floor(q * (abs.length - 1)))];
  if (m > 0) return m;
  const top = abs[abs.length - 1];
  return top > 0 ? top : 1;
}

/** Legend stops: value and colour at −scale, 0 and +scale. */
export function legendStops(scale: number, palette: Palette): { value: number; rgb: Rgb }[] {
  return [
    { value: -scale, rgb: palette.neg },
    { value: 0, rgb: palette.mid },
    { value: scale, rgb: palette.pos },
  ];
}
