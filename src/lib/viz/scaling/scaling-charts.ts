/**
 * Layouts of the playground's three charts (pure: data in, SVG paths and tick positions out):
 *  - MACs against φ: the ideal 2^φ × B0, the formula (α·β²·γ²)^φ × B0 and the built model's
 *    actual MACs, log-scaled so equal ratios are equal heights (the gap reads as a ratio);
 *  - params against MACs (log–log): the compound curve, the released B0–B7 and the current model;
 *  - measured latency against MACs (log–log).
 */
import { formatCompact } from '../charts/number-format.ts';
import {
  linearScale,
  logDomain,
  logScale,
  logTicks,
  round1,
  type LinearScale,
  type LogScale,
} from '../charts/scale.ts';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;
// Room for tick labels at the phone font (22 units, see ScalingPlayground.astro): "500 M" is ~66 units wide.
export const MARGIN = { top: 14, right: 36, bottom: 46, left: 80 } as const;

/** Where every chart draws its axes (one place, for the built SVG and for the D3 redraws). */
export const AXIS = {
  gridX1: MARGIN.left,
  gridX2: CHART_WIDTH - MARGIN.right,
  plotTop: MARGIN.top,
  plotBottom: CHART_HEIGHT - MARGIN.bottom,
  /** y tick labels end here (text-anchor end). */
  yLabelX: MARGIN.left - 8,
  /** x tick label baseline: below the lowest y label, which sits on the bottom gridline. */
  xLabelY: CHART_HEIGHT - MARGIN.bottom + 24,
  titleX: (MARGIN.left + CHART_WIDTH - MARGIN.right) / 2,
  titleY: CHART_HEIGHT - 2,
} as const;

export interface Tick {
  readonly value: number;
  readonly pos: number;
  readonly label: string;
}

/**
 * 1-2-5 ticks of a log domain, labelled by `label`; only 1s when there are many decades, or when
 * two neighbouring 1-2-5 labels would not fit apart at the phone font (horizontal axes: "50 G"
 * beside "100 G"; vertical axes: one line of text).
 */
export function logAxisTicks(scale: LinearScale | LogScale, label: (v: number) => string = formatCompact): Tick[] {
  const [lo, hi] = scale.domain();
  const make = (mults: readonly number[]): Tick[] =>
    logTicks(lo, hi, mults).map((v) => ({ value: v, pos: round1(scale(v)), label: label(v) }));
  if (Math.log10(hi / lo) > 3) return make([1]);
  const all = make([1, 2, 5]);
  const horizontal = scale.range()[1] > scale.range()[0];
  const crowded = all.some((t, i) => {
    if (i === 0) return false;
    const gap = Math.abs(t.pos - all[i - 1].pos);
    const need = horizontal ? ((t.label.length + all[i - 1].label.length) / 2) * AXIS_FONT * 0.6 + 6 : AXIS_FONT * 1.1;
    return gap < need;
  });
  return crowded ? make([1]) : all;
}

/** Axis label font on phones, in viewBox units (ScalingPlayground.astro's media query). */
const AXIS_FONT = 22;

export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round1(x)},${round1(y)}`).join('');
}

export interface Plot {
  readonly width: number;
  readonly height: number;
  readonly x: LinearScale | LogScale;
  readonly y: LinearScale | LogScale;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

function plotArea(): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: MARGIN.left, x1: CHART_WIDTH - MARGIN.right, y0: CHART_HEIGHT - MARGIN.bottom, y1: MARGIN.top };
}

export interface MacsCurveInput {
  readonly phi: number;
  readonly ideal: number;
  readonly formula: number;
  readonly actual: number;
}

export interface MacsCurveLayout extends Plot {
  readonly ideal: string;
  readonly formula: string;
  readonly actual: string;
  readonly current: { readonly x: number; readonly yActual: number; readonly yIdeal: number };
}

/** MACs against φ on [0, 7]. The y domain spans every series at every φ, so it never jumps while φ moves. */
export function macsCurveLayout(points: readonly MacsCurveInput[], current: MacsCurveInput): MacsCurveLayout {
  const a = plotArea();
  const x = linearScale([0, 7], [a.x0, a.x1]);
  const y = logScale(
    logDomain(points.flatMap((p) => [p.ideal, p.formula, p.actual]).concat([current.ideal, current.actual])),
    [a.y0, a.y1],
  );
  const xTicks = [0, 1, 2, 3, 4, 5, 6, 7].map((v) => ({ value: v, pos: round1(x(v)), label: String(v) }));
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    x,
    y,
    xTicks,
    yTicks: logAxisTicks(y),
    ideal: linePath(points.map((p) => [x(p.phi), y(p.ideal)])),
    formula: linePath(points.map((p) => [x(p.phi), y(p.formula)])),
    actual: linePath(points.map((p) => [x(p.phi), y(p.actual)])),
    current: { x: round1(x(current.phi)), yActual: round1(y(current.actual)), yIdeal: round1(y(current.ideal)) },
  };
}

export interface ScatterPoint {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
}

export interface PlacedPoint extends ScatterPoint {
  readonly px: number;
  readonly py: number;
  /** Label side: to the left of points near the right edge, so labels stay inside the chart. */
  readonly anchor: 'start' | 'end' | 'middle';
  readonly dx: number;
  /** Baseline offset from the point. */
  readonly dy: number;
}

export interface ScatterLayout extends Plot {
  readonly line: string;
  readonly points: readonly PlacedPoint[];
}

/** Milliseconds as an axis label: 0.2 s, 50 ms. */
export function msLabel(ms: number): string {
  return ms >= 100 ? `${Number((ms / 1000).toPrecision(3))} s` : `${Number(ms.toPrecision(3))} ms`;
}

/** A log–log scatter (MACs on x) with an optional connecting line; `yLabel` formats the y ticks. */
export function scatterLayout(
  points: readonly ScatterPoint[],
  line: readonly (readonly [number, number])[] = [],
  yLabel: (v: number) => string = formatCompact,
): ScatterLayout {
  const a = plotArea();
  const xs = points.map((p) => p.x).concat(line.map((l) => l[0]));
  const ys = points.map((p) => p.y).concat(line.map((l) => l[1]));
  const x = logScale(logDomain(xs), [a.x0, a.x1]);
  const y = logScale(logDomain(ys), [a.y0, a.y1]);
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    x,
    y,
    xTicks: logAxisTicks(x),
    yTicks: logAxisTicks(y, yLabel),
    line: linePath(line.map(([lx, ly]) => [x(lx), y(ly)])),
    points: placeLabels(points.map((p) => ({ ...p, px: round1(x(p.x)), py: round1(y(p.y)) }))),
  };
}

/** Label font size assumed when placing labels: the phone size (22 units), the largest the charts use. */
const LABEL_FONT = 22;

/**
 * Places each point's label beside it where it overlaps no label placed before it and stays inside
 * the plot: above, below, right, left or a row higher, tried in that order ("current" first, as the one the
 * reader is moving). Boxes are estimated from the text length at LABEL_FONT.
 */
export function placeLabels(
  points: readonly (ScatterPoint & { readonly px: number; readonly py: number })[],
): PlacedPoint[] {
  type Box = { x0: number; x1: number; y0: number; y1: number };
  const placed: Box[] = points.map((p) => ({ x0: p.px - 5, x1: p.px + 5, y0: p.py - 5, y1: p.py + 5 })); // the dots themselves
  const order = [...points.keys()].sort(
    (a, b) => Number(points[b].id === 'current') - Number(points[a].id === 'current'),
  );
  const out: PlacedPoint[] = new Array(points.length);
  const inside = (b: Box) => b.x0 >= 0 && b.x1 <= CHART_WIDTH && b.y0 >= 0 && b.y1 <= CHART_HEIGHT - MARGIN.bottom + 6;
  const hits = (b: Box) => placed.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  for (const i of order) {
    const p = points[i];
    const w = p.label.length * LABEL_FONT * 0.58;
    const h = LABEL_FONT * 0.8;
    // Side labels sit a little low, so they clear a label placed above the same spot.
    const side = { y0: p.py - 0.3 * h, y1: p.py + 0.7 * h, dy: 0.55 * h };
    const candidates: { anchor: PlacedPoint['anchor']; dx: number; dy: number; box: Box }[] = [
      { anchor: 'middle', dx: 0, dy: -9, box: { x0: p.px - w / 2, x1: p.px + w / 2, y0: p.py - 9 - h, y1: p.py - 9 } },
      {
        anchor: 'middle',
        dx: 0,
        dy: 9 + h,
        box: { x0: p.px - w / 2, x1: p.px + w / 2, y0: p.py + 9, y1: p.py + 9 + h },
      },
      { anchor: 'start', dx: 8, dy: side.dy, box: { x0: p.px + 8, x1: p.px + 8 + w, y0: side.y0, y1: side.y1 } },
      { anchor: 'end', dx: -8, dy: side.dy, box: { x0: p.px - 8 - w, x1: p.px - 8, y0: side.y0, y1: side.y1 } },
      // A second row above, for a point another label already sits over (B0 under φ = 0.0 in a corner).
      {
        anchor: 'middle',
        dx: 0,
        dy: -11 - h,
        box: { x0: p.px - w / 2, x1: p.px + w / 2, y0: p.py - 11 - 2 * h, y1: p.py - 11 - h },
      },
    ];
    const pick =
      candidates.find((c) => inside(c.box) && !hits(c.box)) ?? candidates.find((c) => inside(c.box)) ?? candidates[0];
    placed.push(pick.box);
    out[i] = { ...p, anchor: pick.anchor, dx: pick.dx, dy: pick.dy };
  }
  return out;
}
