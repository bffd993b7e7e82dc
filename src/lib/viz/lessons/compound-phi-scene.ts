/**
 * Lesson 6's φ widget as kit data: the chart of MACs against φ on a log axis (the ideal 2^φ × B0,
 * the formula's (α·β²·γ²)^φ × B0 and the MACs the engine counts on the built, rounded model) as
 * marks, the slider and the read-outs of the model built at φ. Numbers in, marks out: CompoundPhi.astro
 * draws the view at build time, <compound-phi> (compound-phi-element.ts) after every move of the slider.
 */
import type { CurvePoint } from '../scaling/scaling-curve.ts';
import { decades, linearScale, logScale, round1, stepTicks, type ChartFrame } from '../charts/scale.ts';
import { axisMarks, gridlines } from '../charts/axes.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import type { PhiNumbers } from './compound-lesson-phi.ts';

/** The slider's ends (LESSON_PHIS, 0 to 7 in tenths). */
const PHI_MIN = 0;
const PHI_MAX = 7;

export interface PhiChart extends ChartFrame {
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

/** Chart of the curves against φ; y is a log scale of MACs so 2^φ is a straight line. */
export function phiChart(points: readonly CurvePoint[], width = 560, height = 260): PhiChart {
  if (points.length < 2) throw new RangeError('phiChart needs at least two points');
  const plot = { left: 72, right: width - 14, top: 14, bottom: height - 40 };
  const phis = points.map((p) => p.phi);
  const all = points.flatMap((p) => [p.ideal, p.formula, p.actual]);
  // Whole decades at both ends, so every y tick is a power of ten.
  const ys = decades(Math.min(...all), Math.max(...all));
  const xs = linearScale([Math.min(...phis), Math.max(...phis)], [plot.left, plot.right]);
  const yl = logScale([ys[0], ys.at(-1)!], [plot.bottom, plot.top]);
  const x = (phi: number) => round1(xs(phi));
  const y = (m: number) => round1(yl(m));
  const path = (key: 'ideal' | 'formula' | 'actual') => `M${points.map((p) => `${x(p.phi)},${y(p[key])}`).join('L')}`;
  return {
    width,
    height,
    plot,
    ideal: path('ideal'),
    formula: path('formula'),
    actual: path('actual'),
    points: points.map((p) => ({ phi: p.phi, x: x(p.phi), yIdeal: y(p.ideal), yActual: y(p.actual) })),
    xTicks: stepTicks(Math.min(...phis), Math.max(...phis), 1).map((phi) => ({ phi, x: x(phi) })),
    yTicks: ys.map((macs) => ({ macs, y: y(macs), label: formatCompact(macs) })),
  };
}

/** One φ of the slider as the build hands it to the browser: the model the zoo builds there. */
export interface PhiRow {
  readonly phi: number;
  readonly resolution: number;
  readonly blocks: number;
  readonly stem: number;
  readonly head: number;
  readonly params: number;
  readonly macs: number;
  /** 2^φ × B0's MACs. */
  readonly ideal: number;
  readonly eq: PhiNumbers;
}

export function phiControls(phi: number): ControlSpec[] {
  return [
    { kind: 'range', name: 'phi', label: 'Compound coefficient φ', value: phi, min: PHI_MIN, max: PHI_MAX, step: 0.1 },
  ];
}

export function phiReadouts(r: PhiRow): Readout[] {
  return [
    { key: 'resolution', label: 'Input (pixels)', value: String(r.resolution), detail: `× ${r.resolution}` },
    { key: 'blocks', label: 'Blocks', value: String(r.blocks) },
    { key: 'channels', label: 'Stem / head channels', value: `${r.stem} / ${r.head}` },
    { key: 'params', label: 'Parameters', value: formatCompact(r.params) },
    { key: 'macs', label: 'MACs (built model)', value: formatInt(r.macs) },
    { key: 'ratio', label: 'Built ÷ ideal 2^φ × B0', value: `${(r.macs / r.ideal).toFixed(2)}×` },
  ];
}

/**
 * The chart as marks with the marker at point `i`: gridlines at the decades, the y axis labelled in
 * MACs, the x axis in whole φ, the three curves, and a cursor and dot at the built model.
 */
export function phiScene(c: PhiChart, i: number): Scene {
  const p = c.points[i];
  if (!p) throw new RangeError(`phiScene: no point ${i} of ${c.points.length}`);
  const { left, right, top, bottom } = c.plot;
  const ys = c.yTicks.map((t) => t.macs);
  const y = logScale([ys[0], ys.at(-1)!], [bottom, top]);
  const xs = c.points.map((q) => q.phi);
  const x = linearScale([xs[0], xs.at(-1)!], [left, right]);
  const marks: Mark[] = [
    ...gridlines(left, right, c.yTicks, (t) => [t.macs, t.y]),
    ...axisMarks(y, { orient: 'left', at: left, tickValues: ys, format: formatCompact, key: 'y' }),
    ...axisMarks(x, { orient: 'bottom', at: bottom, tickValues: c.xTicks.map((t) => t.phi), format: String, key: 'x' }),
    {
      kind: 'text',
      key: 'x-title',
      class: 'axis-label',
      x: (left + right) / 2,
      y: c.height - 2,
      anchor: 'middle',
      text: 'φ',
    },
    { kind: 'path', key: 'ideal', class: 'ideal kit-ref', d: c.ideal },
    { kind: 'path', key: 'formula', class: 'formula', d: c.formula },
    { kind: 'path', key: 'actual', class: 'actual kit-curve', d: c.actual },
    { kind: 'line', key: 'cursor', class: 'cursor', x1: p.x, x2: p.x, y1: top, y2: bottom },
    { kind: 'circle', key: 'dot', class: 'dot', cx: p.x, cy: p.yActual, r: 5 },
  ];
  return {
    width: c.width,
    height: c.height,
    label: `MACs against φ on a log scale: the ideal 2^φ × B0, the formula (αβ²γ²)^φ × B0 and the model the zoo builds, marked at φ = ${p.phi}`,
    marks,
  };
}
