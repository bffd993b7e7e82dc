/**
 * The compound-scaling lesson's φ widget: Equation 3 with a given φ's numbers, and the
 * layout of its chart (MACs on a log axis against φ: the ideal 2^φ × B0, the formula's
 * (α·β²·γ²)^φ × B0, and the MACs the engine counts on the built, rounded model). The scaled models
 * themselves come from the playground's core (`scaling-config.ts`, `scaling-curve.ts`).
 */
import { constraintValue, type Coefficients } from '../scaling/scaling-config.ts';
import type { CurvePoint } from '../scaling/scaling-curve.ts';
import { round1 } from '../charts/scale.ts';

/** The lesson's slider: φ from 0 to 7 in tenths, the playground's step (B7 sits near φ = 7 in depth and resolution). */
export const LESSON_PHIS: readonly number[] = Array.from({ length: 71 }, (_, i) => i / 10);

const fix = (v: number, d: number) => v.toFixed(d);

/**
 * The numbers of Equation 3 at φ: the multipliers, the built resolution and the MAC growth. The
 * widget prints them as four short HTML lines that wrap on a phone (a KaTeX block per φ would be
 * cut at 360 px and weigh 71 copies).
 */
export interface PhiNumbers {
  readonly phi: string;
  readonly alpha: string;
  readonly beta: string;
  readonly gamma: string;
  readonly d: string;
  readonly w: string;
  readonly r: string;
  readonly resolution: string;
  readonly k: string;
  readonly growth: string;
}

export function phiNumbers(phi: number, c: Coefficients, builtResolution: number): PhiNumbers {
  const k = constraintValue(c);
  return {
    phi: String(phi),
    alpha: String(c.alpha),
    beta: String(c.beta),
    gamma: String(c.gamma),
    d: fix(c.alpha ** phi, 2),
    w: fix(c.beta ** phi, 2),
    r: fix(c.gamma ** phi, 2),
    resolution: String(builtResolution),
    k: fix(k, 3),
    growth: fix(k ** phi, 2),
  };
}

/** α·β²·γ² with its factors, for the constraint line of the lesson. */
export function constraintTex(c: Coefficients): string {
  return `\\alpha\\cdot\\beta^2\\cdot\\gamma^2 = ${c.alpha}\\cdot ${c.beta}^2\\cdot ${c.gamma}^2 = ${fix(constraintValue(c), 4)} \\approx 2`;
}

export interface PhiChart {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly ideal: string;
  readonly formula: string;
  readonly actual: string;
  readonly points: readonly {
    readonly phi: number;
    readonly x: number;
    readonly yIdeal: number;
    readonly yActual: number;
  }[];
  readonly xTicks: readonly { readonly phi: number; readonly x: number }[];
  readonly yTicks: readonly { readonly macs: number; readonly y: number; readonly label: string }[];
}

/** Chart of the curves against φ; y is log10 of MACs so 2^φ is a straight line. */
export function phiChart(points: readonly CurvePoint[], width = 560, height = 260): PhiChart {
  if (points.length < 2) throw new RangeError('phiChart needs at least two points');
  const plot = { left: 72, right: width - 14, top: 14, bottom: height - 40 };
  const phis = points.map((p) => p.phi);
  const x0 = Math.min(...phis);
  const x1 = Math.max(...phis);
  const all = points.flatMap((p) => [p.ideal, p.formula, p.actual]);
  const lo = Math.floor(Math.log10(Math.min(...all)));
  const hi = Math.ceil(Math.log10(Math.max(...all)));
  const x = (phi: number) => round1(plot.left + ((phi - x0) / (x1 - x0)) * (plot.right - plot.left));
  const y = (m: number) => round1(plot.bottom - ((Math.log10(m) - lo) / (hi - lo)) * (plot.bottom - plot.top));
  const path = (key: 'ideal' | 'formula' | 'actual') => `M${points.map((p) => `${x(p.phi)},${y(p[key])}`).join('L')}`;
  const yTicks = [];
  for (let e = lo; e <= hi; e++) {
    const macs = 10 ** e;
    yTicks.push({ macs, y: y(macs), label: e >= 9 ? `${10 ** (e - 9)} G` : `${10 ** (e - 6)} M` });
  }
  const xTicks = [];
  for (let p = Math.ceil(x0); p <= x1; p++) xTicks.push({ phi: p, x: x(p) });
  return {
    width,
    height,
    plot,
    ideal: path('ideal'),
    formula: path('formula'),
    actual: path('actual'),
    points: points.map((p) => ({ phi: p.phi, x: x(p.phi), yIdeal: y(p.ideal), yActual: y(p.actual) })),
    xTicks,
    yTicks,
  };
}
