/**
 * The activation detail view: the function's curve with this layer's input distribution under it.
 * The functions are the engine's own rows (UNARY), plus SiLU, which the zoo builds as x · sigmoid(x)
 * (Ramachandran et al., arXiv 1710.05941; EfficientNet §4 calls it swish). The x range covers the
 * bulk of the inputs and the function's knees (ReLU6 at 0 and 6, hard-swish at ±3, MobileNetV3 §5.2).
 */
import { UNARY } from '../../engine/ops/unary.ts';

export interface ActivationFn {
  readonly name: string;
  readonly formula: string;
  readonly fn: (x: number) => number;
  /** x values where the function bends (drawn as guides, kept inside the plotted range). */
  readonly knees: readonly number[];
}

/** The activation a node computes; `p0`, `p1` are the row's parameters (Clip bounds, HardSigmoid α and β). */
export function activationFn(opType: string, p0 = 0, p1 = 0): ActivationFn | null {
  if (opType === 'SiLU') {
    return { name: 'SiLU (swish)', formula: 'x · σ(x)', fn: (x) => x / (1 + Math.exp(-x)), knees: [] };
  }
  const row = UNARY[opType];
  if (!row) return null;
  const fn = (x: number): number => row.fn(x, p0, p1);
  switch (opType) {
    case 'Clip':
      return {
        name: p0 === 0 && p1 === 6 ? 'ReLU6' : `Clip [${p0}, ${p1}]`,
        formula: row.formula.replace('lo', String(p0)).replace('hi', String(p1)),
        fn,
        knees: [p0, p1].filter(Number.isFinite),
      };
    case 'Relu':
      return { name: 'ReLU', formula: row.formula, fn, knees: [0] };
    case 'HardSwish':
      return { name: 'hard-swish', formula: row.formula, fn, knees: [-3, 3] };
    case 'HardSigmoid':
      return { name: 'hard-sigmoid', formula: row.formula, fn, knees: [-p1 / p0, (1 - p1) / p0] };
    case 'Sigmoid':
      return { name: 'sigmoid', formula: row.formula, fn, knees: [] };
    case 'Gelu':
      // Hendrycks & Gimpel, arXiv 1606.08415; ViT's MLP activation (Dosovitskiy et al. 2020, Eq. 3).
      return { name: p0 === 1 ? 'GELU (tanh approximation)' : 'GELU', formula: row.formula, fn, knees: [] };
    default:
      return { name: opType, formula: row.formula, fn, knees: [] };
  }
}

/** The value at quantile q (0..1) of the data, by sorting a strided sample of at most `cap` values. */
export function quantiles(data: ArrayLike<number>, qs: readonly number[], cap = 20000): number[] {
  const step = Math.max(1, Math.floor(data.length / cap));
  const sample: number[] = [];
  for (let i = 0; i < data.length; i += step) if (Number.isFinite(data[i])) sample.push(data[i]);
  sample.sort((a, b) => a - b);
  if (sample.length === 0) return qs.map(() => 0);
  return qs.map((q) => sample[Math.min(sample.length - 1, Math.max(0, Math.round(q * (sample.length - 1))))]);
}

/** The plotted x range: the 0.5–99.5 % inputs and every knee, with a margin, never narrower than 2. */
export function curveDomain(data: ArrayLike<number>, knees: readonly number[]): [number, number] {
  const [lo, hi] = quantiles(data, [0.005, 0.995]);
  let a = Math.min(lo, ...knees);
  let b = Math.max(hi, ...knees);
  const pad = Math.max(0.5, (b - a) * 0.08);
  a -= pad;
  b += pad;
  if (b - a < 2) {
    const m = (a + b) / 2;
    a = m - 1;
    b = m + 1;
  }
  return [a, b];
}

/** Counts of the data in `bins` equal bins over [lo, hi]; values outside land in the end bins. */
export function histogram(data: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const k = bins / (hi - lo);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    counts[Math.max(0, Math.min(bins - 1, Math.floor((v - lo) * k)))]++;
  }
  return counts;
}

export interface CurveLayout {
  readonly width: number;
  readonly height: number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** SVG path of the function. */
  readonly curve: string;
  /** Histogram bars under the curve (heights scaled to the plot's lower 40 %). */
  readonly bars: readonly { x: number; y: number; w: number; h: number; count: number }[];
  readonly xOf: (v: number) => number;
  readonly yOf: (v: number) => number;
  readonly knees: readonly number[];
}

export function curveLayout(
  act: ActivationFn,
  data: ArrayLike<number>,
  width: number,
  height: number,
  samples = 200,
  bins = 40,
): CurveLayout {
  const domain = curveDomain(data, act.knees);
  const ys: number[] = [];
  for (let i = 0; i <= samples; i++) ys.push(act.fn(domain[0] + ((domain[1] - domain[0]) * i) / samples));
  let r0 = Math.min(0, ...ys);
  let r1 = Math.max(0, ...ys);
  if (r1 - r0 < 1e-9) r1 = r0 + 1;
  const padY = (r1 - r0) * 0.06;
  r0 -= padY;
  r1 += padY;
  const xOf = (v: number): number => ((v - domain[0]) / (domain[1] - domain[0])) * width;
  const yOf = (v: number): number => height - ((v - r0) / (r1 - r0)) * height;
  const curve = ys
    .map(
      (y, i) =>
        `${i === 0 ? 'M' : 'L'}${xOf(domain[0] + ((domain[1] - domain[0]) * i) / samples).toFixed(2)},${yOf(y).toFixed(2)}`,
    )
    .join('');
  const counts = histogram(data, domain[0], domain[1], bins);
  const max = Math.max(1, ...counts);
  const bw = width / bins;
  const bars = counts.map((count, i) => {
    const h = (count / max) * height * 0.4;
    return { x: i * bw, y: height - h, w: Math.max(0.5, bw - 1), h, count };
  });
  return {
    width,
    height,
    domain,
    range: [r0, r1],
    curve,
    bars,
    xOf,
    yOf,
    knees: act.knees.filter((k) => k >= domain[0] && k <= domain[1]),
  };
}
