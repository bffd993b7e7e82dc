/**
 * The compound-scaling lesson's φ widget, build-time half: the slider's grid and Equation 3 with a
 * given φ's numbers. The scaled models come from the playground's core (`scaling-config.ts`,
 * `scaling-curve.ts`); the chart, controls and read-outs are in compound-phi-scene.ts, which the
 * browser also runs (this file reaches the zoo, so it stays at build time).
 */
import { constraintValue, type Coefficients } from '../scaling/scaling-config.ts';

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
