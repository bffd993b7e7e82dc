/**
 * The one module for chart scales, ticks and coordinate rounding. Scales are d3-scale's (so they
 * also feed `axisMarks` in axes.ts); tick values follow the site's 1-2-5 rule, written once here;
 * tick labels come from number-format.ts (d3-format).
 *
 *   const x = logScale([1e7, 1e9], [0, 400]);   x(1e8) === 200
 *   logTicks(1e7, 1e9)                          [1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9]
 *   niceStep(600e6)                             200e6 (about five intervals up to 600 M)
 *   round1(12.345)                              12.3 (SVG coordinates, one decimal)
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from 'd3';

export type Interval = readonly [number, number];
export type LinearScale = ScaleLinear<number, number>;
export type LogScale = ScaleLogarithmic<number, number>;

/** A chart's drawing: width × height and, inside it, the plot rectangle its scales map onto. */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
}

/** A rectangle of a layout in drawing (viewBox) units: its top-left corner, width and height. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A linear map from `domain` to `range` (d3 scaleLinear). */
export function linearScale(domain: Interval, range: Interval): LinearScale {
  return scaleLinear().domain(domain).range(range);
}

/** A base-10 logarithmic map from `domain` (both ends > 0) to `range` (d3 scaleLog). */
export function logScale(domain: Interval, range: Interval): LogScale {
  return scaleLog().domain(domain).range(range);
}

/** 1, 2 or 5 × 10^k: the smallest such step that is at least `raw`. */
function step125(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/** A round (1-2-5) step for about `count` ticks from 0 to `max`: never more than `count` intervals. */
export function niceStep(max: number, count = 5): number {
  return step125(max / count);
}

/** Tick values every `step` covering [min, max], free of floating-point dust (0.30000000000000004 → 0.3). */
export function stepTicks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/** Ticks at multiples of 1, 2 or 5 × 10^k covering [lo, hi]: the finest such step giving at most count + 1 intervals. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const mag = 10 ** Math.floor(Math.log10((hi - lo) / count));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => (hi - lo) / s <= count + 1)!;
  return stepTicks(lo, hi, step);
}

/** Log ticks at `mults` × 10^k inside [lo, hi] (1, 2 and 5 by default; [1] for decades only). */
export function logTicks(lo: number, hi: number, mults: readonly number[] = [1, 2, 5]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mults) {
      const v = Number((m * 10 ** e).toPrecision(12));
      // A hair of tolerance: the domain's ends are often these very values, computed another way.
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

/** The decades 10^a … 10^b that enclose [lo, hi] (the first at or below lo, the last at or above hi). */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++)
    out.push(Number((10 ** e).toPrecision(12)));
  return out;
}

/** A log domain covering the positive values, widened outward to 1-2-5 × 10^k. */
export function logDomain(values: readonly number[]): [number, number] {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(...pos);
  const hi = Math.max(...pos);
  const down = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v));
    return [5, 2, 1].map((m) => m * p).find((c) => c <= v) ?? p;
  };
  const up = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v));
    return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v) ?? 10 * p;
  };
  return [down(lo), up(hi === lo ? hi * 2 : hi)];
}

/** `v` rounded to `digits` decimals, as a number (SVG coordinates stay short and stable in snapshots). */
export function roundTo(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** One decimal: the precision of every SVG coordinate the layouts write. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
