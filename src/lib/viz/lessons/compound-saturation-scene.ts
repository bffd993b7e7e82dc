/**
 * Lesson 6's single-dimension scaling widget as kit data: for one dimension's Figure 3 series
 * (computed at build time by compound-lesson-saturation.ts) the chart of MACs ÷ B0 against the
 * coefficient as marks, the controls (dimension, coefficient as named stops) and the read-outs.
 * CompoundSaturation.astro draws it at build time, <compound-saturation>
 * (compound-saturation-element.ts) after every change.
 */
import { linearScale, round1, type ChartFrame } from '../charts/scale.ts';
import { axisMarks, gridlines } from '../charts/axes.ts';
import { formatCompact } from '../charts/number-format.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import type { ScaleDim, ScalePoint } from './compound-lesson-saturation.ts';

export interface SaturationChart extends ChartFrame {
  /** Computed MACs ÷ B0 and the rule of thumb (d, w², r²), as paths. */
  readonly actual: string;
  readonly ideal: string;
  readonly points: readonly { readonly coefficient: number; readonly x: number; readonly y: number }[];
  readonly xTicks: readonly { readonly value: number; readonly x: number }[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
}

/** Chart of MACs ÷ B0 against the coefficient of one dimension, y from 0 to a shared top. */
export function saturationChart(
  points: readonly ScalePoint[],
  yMax: number,
  width = 560,
  height = 240,
): SaturationChart {
  if (points.length < 2) throw new RangeError('saturationChart needs at least two points');
  const plot = { left: 58, right: width - 14, top: 14, bottom: height - 36 };
  const c0 = points[0].coefficient;
  const c1 = points[points.length - 1].coefficient;
  const x = (c: number) => round1(plot.left + ((c - c0) / (c1 - c0)) * (plot.right - plot.left));
  const y = (v: number) => round1(plot.bottom - (v / yMax) * (plot.bottom - plot.top));
  const path = (key: 'macsRatio' | 'idealRatio') =>
    `M${points.map((p) => `${x(p.coefficient)},${y(p[key])}`).join('L')}`;
  const step = yMax <= 8 ? 1 : yMax <= 16 ? 2 : 5;
  const yTicks = [];
  for (let v = 0; v <= yMax + 1e-9; v += step) yTicks.push({ value: v, y: y(v) });
  return {
    width,
    height,
    plot,
    actual: path('macsRatio'),
    ideal: path('idealRatio'),
    points: points.map((p) => ({ coefficient: p.coefficient, x: x(p.coefficient), y: y(p.macsRatio) })),
    xTicks: points.map((p) => ({ value: p.coefficient, x: x(p.coefficient) })),
    yTicks,
  };
}

/** The symbol of each dimension's coefficient and its §3.3 rule of thumb for FLOPs. */
export const DIM_SYMBOL: Readonly<Record<ScaleDim, string>> = { width: 'w', depth: 'd', resolution: 'r' };
export const DIM_RULE: Readonly<Record<ScaleDim, string>> = { width: 'w²', depth: 'd', resolution: 'r²' };
export const SCALE_DIMS: readonly ScaleDim[] = ['width', 'depth', 'resolution'];

/** "w = 1.4", or "r = 2.5 (560×560)" for resolution. */
export function describePoint(p: ScalePoint): string {
  return `${DIM_SYMBOL[p.dim]} = ${p.coefficient}${p.dim === 'resolution' ? ` (${p.resolution}×${p.resolution})` : ''}`;
}

/** The top of a series' y axis: the largest ratio (computed or rule of thumb), rounded up. */
export function saturationYMax(series: readonly ScalePoint[]): number {
  return Math.ceil(Math.max(...series.flatMap((p) => [p.macsRatio, p.idealRatio])));
}

/** The coefficient slider of one dimension: one named stop per Figure 3 coefficient. */
export function saturationStepControl(series: readonly ScalePoint[], step: number): ControlSpec {
  const stops = series.map((p) => `${DIM_SYMBOL[p.dim]} = ${p.coefficient}`);
  return {
    kind: 'range',
    name: 'step',
    label: 'Coefficient',
    value: step,
    min: 0,
    max: series.length - 1,
    step: 1,
    stops,
  };
}

export function saturationControls(dim: ScaleDim, series: readonly ScalePoint[], step: number): ControlSpec[] {
  return [
    {
      kind: 'radio',
      name: 'dim',
      label: 'Scale only',
      value: dim,
      options: SCALE_DIMS.map((d) => ({ value: d, label: d })),
    },
    saturationStepControl(series, step),
  ];
}

/** The numbers of the sentence over the charts ("w = 5: 1.23 G MACs, 9.80× B0 (rule of thumb w²: 25.00×), …"). */
export function saturationReadouts(p: ScalePoint): Readout[] {
  return [
    { key: 'coef', label: 'Coefficient', value: describePoint(p) },
    { key: 'macs', label: 'MACs', value: formatCompact(p.macs) },
    { key: 'ratio', label: 'MACs ÷ B0', value: p.macsRatio.toFixed(2) },
    { key: 'rule', label: 'Rule of thumb', value: DIM_RULE[p.dim] },
    { key: 'ideal', label: 'Rule of thumb ÷ B0', value: p.idealRatio.toFixed(2) },
    { key: 'params', label: 'Parameters', value: formatCompact(p.params) },
  ];
}

/**
 * One dimension's chart as marks with the model at index `i` ringed: gridlines and y labels
 * (MACs ÷ B0), x labels at the coefficients, the rule of thumb dashed, the computed curve and its
 * points.
 */
export function saturationScene(series: readonly ScalePoint[], i: number): Scene {
  const c = saturationChart(series, saturationYMax(series));
  const p = c.points[i];
  if (!p) throw new RangeError(`saturationScene: no point ${i} of ${c.points.length}`);
  const { left, right, top, bottom } = c.plot;
  const yMax = saturationYMax(series);
  const y = linearScale([0, yMax], [bottom, top]);
  const x = linearScale([series[0].coefficient, series.at(-1)!.coefficient], [left, right]);
  const dim = series[0].dim;
  const last = series.at(-1)!;
  const marks: Mark[] = [
    ...gridlines(left, right, c.yTicks, (t) => [t.value, t.y]),
    ...axisMarks(y, {
      orient: 'left',
      at: left,
      tickValues: c.yTicks.map((t) => t.value),
      format: (v) => `${v}×`,
      key: 'y',
    }),
    ...axisMarks(x, {
      orient: 'bottom',
      at: bottom,
      tickValues: c.xTicks.map((t) => t.value),
      format: String,
      key: 'x',
    }),
    { kind: 'path', key: 'ideal', class: 'ideal kit-ref', d: c.ideal },
    { kind: 'path', key: 'actual', class: 'actual kit-curve', d: c.actual },
    ...c.points.map((q): Mark => ({
      kind: 'circle',
      key: `pt-${q.coefficient}`,
      class: 'pt',
      cx: q.x,
      cy: q.y,
      r: 3.5,
    })),
    { kind: 'circle', key: 'dot', class: 'dot', cx: p.x, cy: p.y, r: 6 },
  ];
  return {
    width: c.width,
    height: c.height,
    label: `MACs relative to B0 when scaling ${dim} only, from ${DIM_SYMBOL[dim]} = ${series[0].coefficient} to ${last.coefficient}: up to ${last.macsRatio.toFixed(1)} times`,
    marks,
  };
}
