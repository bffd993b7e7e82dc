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
  for (const [name, v, min] of [
    ['size', size, 1],
    ['k', k, 1],
    ['stride', stride, 1],
    ['pad', pad, 0],
    ['dilation', dilation, 1],
  ] as const) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${v}`);
  }
  const span = size + 2 * pad - effectiveKernel(k, dilation);
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/** Why a geometry cannot be drawn, in words; null when it can. */
export function windowProblem(g: WindowGeometry): string | null {
  for (const [key, { min, max }] of Object.entries(WINDOW_LIMITS)) {
    const v = g[key as keyof WindowGeometry];
    if (!Number.isInteger(v) || v < min || v > max)
      return `${key} must be a whole number from ${min} to ${max} (got ${v})`;
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

// ---- Layout of lesson 2's sliding-window diagram ----

export interface GridCell {
  /** Row and column in input coordinates (padding cells are outside 0…size−1). */
  readonly y: number;
  readonly x: number;
  readonly px: number;
  readonly py: number;
  readonly padding: boolean;
  /** Which kernel tap reads this cell for the selected output pixel (ky·k + kx), or −1. */
  readonly tap: number;
}

export interface WindowLayout {
  /** Side of one cell in SVG units. */
  readonly cell: number;
  /** Side of one padded input grid in SVG units. */
  readonly gridSide: number;
  /** One padded grid per input channel; the same cells light up on every channel. */
  readonly input: GridCell[];
  readonly outSize: number;
  readonly selected: { readonly oy: number; readonly ox: number };
  /** Taps the selected output reads, padding taps included. */
  readonly taps: Tap[];
}

export const WINDOW_CELL = 18;

/** Cells of the padded input (the same for every channel) with the selected output's taps marked. */
export function windowLayout(g: WindowGeometry, oy: number, ox: number): WindowLayout {
  const problem = windowProblem(g);
  if (problem) throw new RangeError(problem);
  const outSize = outputSize(g.size, g.k, g.stride, g.pad, g.dilation);
  const taps = windowTaps(g, oy, ox);
  const tapAt = new Map(taps.map((t, i) => [`${t.y},${t.x}`, i]));
  const n = g.size + 2 * g.pad;
  const input: GridCell[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const y = r - g.pad;
      const x = c - g.pad;
      input.push({
        y,
        x,
        px: c * WINDOW_CELL,
        py: r * WINDOW_CELL,
        padding: y < 0 || x < 0 || y >= g.size || x >= g.size,
        tap: tapAt.get(`${y},${x}`) ?? -1,
      });
    }
  }
  return { cell: WINDOW_CELL, gridSide: n * WINDOW_CELL, input, outSize, selected: { oy, ox }, taps };
}

/** The output-size formula with the geometry's numbers, as TeX. */
export function outputSizeTex(g: WindowGeometry): string {
  const out = outputSize(g.size, g.k, g.stride, g.pad, g.dilation);
  const num = g.size + 2 * g.pad - g.dilation * (g.k - 1) - 1;
  return (
    `\\begin{aligned} H_o &= \\left\\lfloor \\frac{H + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1 \\\\ ` +
    `&= \\left\\lfloor \\frac{${g.size} + ${2 * g.pad} - ${g.dilation}\\cdot${g.k - 1} - 1}{${g.stride}} \\right\\rfloor + 1 ` +
    `= \\left\\lfloor \\tfrac{${num}}{${g.stride}} \\right\\rfloor + 1 = ${out} \\end{aligned}`
  );
}

/** The sum one output pixel computes, as TeX: input indices written from the stride, padding and dilation. */
export function pixelSumTex(g: WindowGeometry, oy: number, ox: number): string {
  const index = (base: number, v: string) => {
    const term = g.dilation === 1 ? v : `${g.dilation}${v}`;
    if (base === 0) return term;
    return base < 0 ? `${term} - ${-base}` : `${base} + ${term}`;
  };
  return (
    `\\text{out}[${oy}, ${ox}] = \\sum_{c=1}^{${g.channels}} \\sum_{i=0}^{${g.k - 1}} \\sum_{j=0}^{${g.k - 1}} ` +
    `w[c, i, j]\\; x[c,\\, ${index(oy * g.stride - g.pad, 'i')},\\, ${index(ox * g.stride - g.pad, 'j')}]`
  );
}
