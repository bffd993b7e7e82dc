/**
 * Squeeze-and-excitation as bars (Hu et al., arXiv 1709.01507 §3): the squeezed per-channel means,
 * the reduced vector, its activation, the expanded vector and the sigmoid gate in [0, 1] that
 * scales each channel. Each row is laid out on its own symmetric scale, the gate on [0, 1].
 */
import type { Rect } from '../charts/scale.ts';

export interface SeVector {
  readonly label: string;
  readonly values: ArrayLike<number>;
  /** Fixed domain (the gate: [0, 1]); otherwise [0, max] when no value is negative, else ±max|v|. */
  readonly domain?: readonly [number, number];
}

export interface SeBar extends Rect {
  readonly i: number;
  readonly v: number;
  readonly negative: boolean;
}

export interface SeRow {
  readonly label: string;
  readonly top: number;
  /** y of the value 0 (or of the domain's lower end when it is above 0). */
  readonly baseline: number;
  readonly domain: readonly [number, number];
  readonly bars: readonly SeBar[];
}

export interface SeLayout {
  readonly width: number;
  readonly height: number;
  readonly rows: readonly SeRow[];
}

export function seBars(vectors: readonly SeVector[], width: number, rowHeight = 56, labelHeight = 18): SeLayout {
  const rows: SeRow[] = [];
  let top = 0;
  for (const vec of vectors) {
    const n = vec.values.length;
    let m = 0;
    let negative = false;
    for (let i = 0; i < n; i++) {
      m = Math.max(m, Math.abs(vec.values[i]));
      if (vec.values[i] < 0) negative = true;
    }
    const domain: [number, number] = vec.domain ? [vec.domain[0], vec.domain[1]] : [negative ? -(m || 1) : 0, m || 1];
    const plotTop = top + labelHeight;
    const span = domain[1] - domain[0];
    const yOf = (v: number): number =>
      plotTop + rowHeight * (1 - (Math.max(domain[0], Math.min(domain[1], v)) - domain[0]) / span);
    const baseline = yOf(Math.max(domain[0], Math.min(domain[1], 0)));
    const slot = width / Math.max(1, n);
    const bars: SeBar[] = [];
    for (let i = 0; i < n; i++) {
      const v = vec.values[i];
      const y = yOf(v);
      bars.push({
        i,
        v,
        negative: v < 0,
        x: i * slot + (slot > 3 ? slot * 0.1 : 0),
        w: Math.max(0.5, slot > 3 ? slot * 0.8 : slot),
        y: Math.min(y, baseline),
        h: Math.abs(baseline - y),
      });
    }
    rows.push({ label: vec.label, top, baseline, domain, bars });
    top += labelHeight + rowHeight + 10;
  }
  return { width, height: Math.max(0, top - 10), rows };
}

/** The SE scale of one element: x · gate = y (checked against the engine's output). */
export function seScale(x: number, gate: number): number {
  return x * gate;
}
