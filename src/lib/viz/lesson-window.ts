/**
 * Where a convolution's window lands: output-size arithmetic with stride, padding and dilation,
 * and the input positions (per channel) that one output pixel reads. Drives lesson 2's sliding
 * window diagram and its questions.
 *
 * Output size (Dumoulin & Visin 2016, §2 and relationship 15 for dilation; ONNX Conv spec):
 *   k_eff = d·(k − 1) + 1,   H_out = floor((H + 2p − k_eff) / s) + 1
 */

export interface WindowGeometry {
  /** Input height and width (square inputs keep the diagram readable). */
  readonly size: number;
  readonly channels: number;
  readonly k: number;
  readonly stride: number;
  /** Zero padding on every side. */
  readonly pad: number;
  readonly dilation: number;
}

export const WINDOW_LIMITS = {
  size: { min: 1, max: 12 },
  channels: { min: 1, max: 4 },
  k: { min: 1, max: 5 },
  stride: { min: 1, max: 3 },
  pad: { min: 0, max: 3 },
  dilation: { min: 1, max: 3 },
} as const;

/** The extent one kernel covers once dilated. */
export function effectiveKernel(k: number, dilation: number): number {
  return dilation * (k - 1) + 1;
}

/** Output length along one axis; 0 when the dilated kernel does not fit the padded input. */
export function outputSize(size: number, k: number, stride = 1, pad = 0, dilation = 1): number {
  for (const [name, v, min] of [['size', size, 1], ['k', k, 1], ['stride', stride, 1], ['pad', pad, 0], ['dilation', dilation, 1]] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  }
  const span = size + 2 * pad - effectiveKernel(k, dilation);
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/** Why a geometry cannot be drawn, in words; null when it can. */
export function windowProblem(g: WindowGeometry): string | null {
  for (const [key, { min, max }] of Object.entries(WINDOW_LIMITS)) {
    const v = g[key as keyof WindowGeometry];
    if (!Number.isInteger(v) || v < min || v > max) return `${key} must be a whole number from ${min} to ${max} (got ${v})`;
  }
  if (outputSize(g.size, g.k, g.stride, g.pad, g.dilation) === 0) {
    return `the ${effectiveKernel(g.k, g.dilation)}-wide dilated kernel does not fit in the padded input (${g.size + 2 * g.pad})`;
  }
  return null;
}

/** One tap of the window: the kernel offset (ky, kx) and the input row/column it reads (may be padding). */
export interface Tap {
  readonly ky: number;
  readonly kx: number;
  /** Row and column in input coordinates; negative or ≥ size means a padding zero. */
  readonly y: number;
  readonly x: number;
  readonly padding: boolean;
}

/** The k × k input positions output pixel (oy, ox) reads, the same on every channel. */
export function windowTaps(g: WindowGeometry, oy: number, ox: number): Tap[] {
  const out = outputSize(g.size, g.k, g.stride, g.pad, g.dilation);
  if (!Number.isInteger(oy) || !Number.isInteger(ox) || oy < 0 || ox < 0 || oy >= out || ox >= out) {
    throw new RangeError(`output pixel (${oy}, ${ox}) is outside the ${out}×${out} output`);
  }
  const taps: Tap[] = [];
  for (let ky = 0; ky < g.k; ky++) {
    for (let kx = 0; kx < g.k; kx++) {
      const y = oy * g.stride - g.pad + ky * g.dilation;
      const x = ox * g.stride - g.pad + kx * g.dilation;
      taps.push({ ky, kx, y, x, padding: y < 0 || x < 0 || y >= g.size || x >= g.size });
    }
  }
  return taps;
}

/** MACs for one output pixel of one output channel of a standard conv: k² · C_in (padding taps multiply zeros but are still counted, as every framework does). */
export function macsPerOutputPixel(g: WindowGeometry): number {
  return g.k * g.k * g.channels;
}
