/**
 * The experiment of MobileNetV2 Figure 1 (§3.2), recomputed: a 2-D spiral is embedded into n
 * dimensions by a random matrix T, passed through ReLU, and projected back with the
 * pseudo-inverse T⁺ = (TᵀT)⁻¹Tᵀ (T⁻¹ when n = 2). Without the ReLU the round trip is exact. With
 * it, a point survives only if enough of its n coordinates stay positive: ReLU(Tx) pins x down
 * when at least two of the active rows of T are independent (generically: at least two positive
 * coordinates), otherwise the point is collapsed onto a line or onto the origin.
 */

import { mulberry32 } from '~/lib/engine/random.ts';
import { round1 } from '../charts/scale.ts';
export type Pt = readonly [number, number];

export interface ManifoldResult {
  readonly n: number;
  readonly relu: boolean;
  readonly seed: number;
  readonly input: readonly Pt[];
  readonly output: readonly Pt[];
  /** Per point: true when ReLU(Tx) no longer determines x (fewer than two positive coordinates). */
  readonly lost: readonly boolean[];
  readonly lostCount: number;
}

/** The dimensions the lesson offers (the paper shows 2, 3, 5, 15 and 30). */
export const MANIFOLD_DIMS: readonly number[] = [2, 3, 5, 15, 30];

/** A spiral of `count` points around the origin, two and a half turns, radius growing to 1. */
export function spiral(count = 240): Pt[] {
  const turns = 2.5;
  return Array.from({ length: count }, (_, i) => {
    const u = (i + 0.5) / count;
    const theta = u * turns * 2 * Math.PI;
    const r = 0.12 + 0.88 * u;
    return [r * Math.cos(theta), r * Math.sin(theta)] as const;
  });
}

/** The engine's mulberry32, so a "random" T is the same on the server and in the browser. */
const rng = (seed: number): (() => number) => mulberry32(seed);

/** An n×2 matrix of standard normal entries (Box–Muller), as rows [a, b]. */
export function randomMatrix(n: number, seed: number): Pt[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`n must be a whole number ≥ 2; received ${n}`);
  const u = rng(seed * 7919 + n);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  return Array.from({ length: n }, () => [normal(), normal()] as const);
}

/** The pseudo-inverse of an n×2 matrix T, as a 2×n matrix [row0, row1]. */
export function pseudoInverse(T: readonly Pt[]): [number[], number[]] {
  let a = 0;
  let b = 0;
  let d = 0;
  for (const [p, q] of T) {
    a += p * p;
    b += p * q;
    d += q * q;
  }
  const det = a * d - b * b;
  if (Math.abs(det) < 1e-12) throw new RangeError('T has rank < 2; draw another matrix');
  // (TᵀT)⁻¹ = [[d, −b], [−b, a]] / det, then times Tᵀ.
  const r0 = T.map(([p, q]) => (d * p - b * q) / det);
  const r1 = T.map(([p, q]) => (-b * p + a * q) / det);
  return [r0, r1];
}

/** Embeds the spiral in n dimensions, applies ReLU (or not), and projects back. */
export function reluRoundTrip(n: number, relu: boolean, seed = 1, input: readonly Pt[] = spiral()): ManifoldResult {
  const T = randomMatrix(n, seed);
  const [p0, p1] = pseudoInverse(T);
  const output: Pt[] = [];
  const lost: boolean[] = [];
  for (const [x, y] of input) {
    let ox = 0;
    let oy = 0;
    let active = 0;
    T.forEach(([a, b], i) => {
      const z = a * x + b * y;
      const v = relu ? Math.max(0, z) : z;
      if (z > 0) active++;
      ox += p0[i] * v;
      oy += p1[i] * v;
    });
    output.push([ox, oy]);
    lost.push(relu && active < 2);
  }
  return { n, relu, seed, input, output, lost, lostCount: lost.filter(Boolean).length };
}

/** Maps points into a square panel of side `size` with a margin, for a fixed data extent ±`extent`. */
export function toPanel(points: readonly Pt[], size: number, extent = 1.15): Pt[] {
  const half = size / 2;
  const s = half / extent;
  return points.map(([x, y]) => [round1(half + x * s), round1(half - y * s)] as const);
}
