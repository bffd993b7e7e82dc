/**
 * Layout of the playground's training curves (loss and accuracy against step): linear scales,
 * "nice" ticks, one SVG path per series. Pure: the element writes the strings into its SVG.
 */
import { niceTicks, type ChartFrame } from '../charts/scale.ts';

export interface CurvePoint {
  readonly x: number;
  readonly y: number;
}

export interface CurveSeries {
  readonly id: string;
  readonly points: readonly CurvePoint[];
}

export interface Tick {
  readonly pos: number;
  readonly label: string;
}

export interface CurveLayout extends ChartFrame {
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly paths: readonly { readonly id: string; readonly d: string }[];
}

export function curveLayout(
  series: readonly CurveSeries[],
  o: { width: number; height: number; xMax: number; yMin?: number; yMax?: number; yFormat?: (v: number) => string },
): CurveLayout {
  const plot = { left: 40, top: 8, right: o.width - 10, bottom: o.height - 24 };
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  const yMin = o.yMin ?? Math.min(0, ...ys);
  const yMax = o.yMax ?? Math.max(yMin + 1e-6, ...ys);
  const xMax = Math.max(1, o.xMax);
  const sx = (x: number): number => plot.left + (x / xMax) * (plot.right - plot.left);
  const sy = (y: number): number => plot.bottom - ((y - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const fmt = o.yFormat ?? ((v: number) => String(v));
  const xTicks = niceTicks(0, xMax, Math.max(2, Math.floor((plot.right - plot.left) / 70))).map((v) => ({
    pos: sx(v),
    label: String(v),
  }));
  const yTicks = niceTicks(yMin, yMax, 4)
    .filter((v) => v <= yMax)
    .map((v) => ({ pos: sy(v), label: fmt(v) }));
  const paths = series.map((s) => ({
    id: s.id,
    d: s.points
      .filter((p) => Number.isFinite(p.y))
      .map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(Math.min(yMax, Math.max(yMin, p.y))).toFixed(1)}`)
      .join(''),
  }));
  return { width: o.width, height: o.height, plot, xTicks, yTicks, paths };
}
