/**
 * MobileNetV1's two knobs (Howard et al. 2017): the width multiplier α thins every layer (§4.2)
 * and the resolution multiplier ρ shrinks the input (§4.3). Both cut MACs roughly quadratically:
 *   MACs(α, ρ) ≈ α² · ρ² · MACs(1, 1)           (§4.2–4.3: "roughly α²" and "ρ²")
 * and params ≈ α² · params(1), independent of ρ. Here the points are the zoo's real models (computed
 * by the engine), the curves the pure quadratic through the full model, and the paper's Table 6
 * (width) and Table 7 (resolution) accuracies are read from the zoo's citations.
 * Pure: data in, chart geometry out.
 */
import type { ZooEntry } from '../../models/index.ts';
import { niceStep, type ChartFrame } from '../charts/scale.ts';

export interface FamilyPoint {
  readonly id: string;
  readonly width: number;
  readonly resolution: number;
  readonly macs: number;
  readonly params: number;
}

export interface PaperRow {
  /** "Table 6" (width multiplier, 224 px) or "Table 7" (resolution, width 1.0). */
  readonly table: 'Table 6' | 'Table 7';
  readonly width: number;
  readonly resolution: number;
  readonly top1: number;
  readonly macs: number;
  readonly params?: number;
  readonly source: string;
}

/** Full resolution of the family: ρ = resolution / 224. */
export const BASE_RESOLUTION = 224;

/** The paper's accuracy tables, from the citations the zoo carries beside each MobileNetV1 model. */
export function paperRows(entries: readonly ZooEntry[]): PaperRow[] {
  const rows: PaperRow[] = [];
  for (const e of entries) {
    if (e.family !== 'MobileNetV1' || e.spec.kind !== 'cnn') continue;
    for (const c of e.published) {
      const table = /Table 6/.test(c.source) ? 'Table 6' : /Table 7/.test(c.source) ? 'Table 7' : null;
      if (!table || c.top1 === undefined || c.macs === undefined) continue;
      rows.push({
        table,
        width: e.spec.width,
        resolution: c.resolution ?? e.spec.resolution,
        top1: c.top1,
        macs: c.macs,
        params: c.params,
        source: c.source,
      });
    }
  }
  // Table 7's first row is the full model at 224 px, the same network and figures as Table 6's first row;
  // the zoo cites it once, so it is repeated here to show the resolution table whole.
  const full6 = rows.find((r) => r.table === 'Table 6' && r.width === 1 && r.resolution === BASE_RESOLUTION);
  if (full6 && !rows.some((r) => r.table === 'Table 7' && r.resolution === BASE_RESOLUTION)) {
    rows.push({ ...full6, table: 'Table 7', source: full6.source.replace('Table 6', 'Table 7') });
  }
  const order = (r: PaperRow) =>
    (r.table === 'Table 6' ? 0 : 1) * 1e4 - (r.table === 'Table 6' ? r.width * 100 : r.resolution);
  return rows.sort((a, b) => order(a) - order(b));
}

/** The pure-quadratic estimate from the full model: α² ρ² MACs(1, 1). */
export function quadraticMacs(full: FamilyPoint, width: number, resolution: number): number {
  const rho = resolution / full.resolution;
  return full.macs * width * width * rho * rho;
}

/** Finds the family member at (width, resolution); throws naming what exists. */
export function pointAt(points: readonly FamilyPoint[], width: number, resolution: number): FamilyPoint {
  const p = points.find((q) => q.width === width && q.resolution === resolution);
  if (!p)
    throw new RangeError(
      `no MobileNetV1 at width ${width}, ${resolution} px (have ${points.map((q) => `${q.width}@${q.resolution}`).join(', ')})`,
    );
  return p;
}

export interface Tick {
  readonly value: number;
  readonly pos: number;
  readonly label: string;
}

export interface CurvePanel extends ChartFrame {
  readonly axis: 'width' | 'resolution';
  readonly title: string;
  readonly xLabel: string;
  readonly xTicks: Tick[];
  readonly yTicks: Tick[];
  /** The quadratic through the full-size point, as SVG path data. */
  readonly curve: string;
  /** Computed models along this axis (the other knob held at the selection). */
  readonly dots: {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly selected: boolean;
    readonly macs: number;
    readonly knob: number;
  }[];
}

const PW = 320;
const PH = 230;
const M = { left: 52, top: 26, right: 14, bottom: 44 };

const mega = (v: number) => (v === 0 ? '0' : `${Math.round(v / 1e6)}M`);

/**
 * Two panels: MACs against α at the selected resolution, and MACs against ρ at the selected width.
 * The y axis is shared (0 to the full model's MACs) so both parabolas are compared on one scale.
 */
export function curvePanels(points: readonly FamilyPoint[], width: number, resolution: number): CurvePanel[] {
  const full = points.reduce((a, b) => (b.macs > a.macs ? b : a));
  const yMax = Math.max(full.macs, ...points.map((p) => p.macs)) * 1.06;
  const step = niceStep(yMax);
  const panels: CurvePanel[] = [];
  for (const axis of ['width', 'resolution'] as const) {
    const plot = { left: M.left, top: M.top, right: PW - M.right, bottom: PH - M.bottom };
    const x = (t: number) => plot.left + t * (plot.right - plot.left);
    const y = (v: number) => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
    const along = points
      .filter((p) => (axis === 'width' ? p.resolution === resolution : p.width === width))
      .sort((a, b) => (axis === 'width' ? a.width - b.width : a.resolution - b.resolution));
    const atOne = axis === 'width' ? pointAt(points, full.width, resolution) : pointAt(points, width, full.resolution);
    const samples = Array.from({ length: 41 }, (_, i) => i / 40);
    const curve = samples
      .map((t, i) => `${i ? 'L' : 'M'}${x(t).toFixed(1)},${y(atOne.macs * t * t).toFixed(1)}`)
      .join('');
    const xTicks =
      axis === 'width'
        ? [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, pos: x(v), label: String(v) }))
        : [0, 64, 128, 160, 192, 224].map((r) => ({ value: r, pos: x(r / full.resolution), label: String(r) }));
    const yTicks: Tick[] = [];
    for (let v = 0; v <= yMax; v += step) yTicks.push({ value: v, pos: y(v), label: mega(v) });
    panels.push({
      axis,
      title:
        axis === 'width' ? `MACs against width α, at ${resolution} px` : `MACs against resolution, at α = ${width}`,
      xLabel: axis === 'width' ? 'width multiplier α' : 'input resolution (px), ρ = r / 224',
      width: PW,
      height: PH,
      plot,
      xTicks,
      yTicks,
      curve,
      dots: along.map((p) => {
        const knob = axis === 'width' ? p.width : p.resolution / full.resolution;
        return {
          id: p.id,
          x: x(knob),
          y: y(p.macs),
          selected: p.width === width && p.resolution === resolution,
          macs: p.macs,
          knob,
        };
      }),
    });
  }
  return panels;
}

/** The live formula: quadratic estimate against the engine's count, with the numbers filled in. */
export function multiplierTex(full: FamilyPoint, p: FamilyPoint): string {
  const est = quadraticMacs(full, p.width, p.resolution);
  const rho = `\\tfrac{${p.resolution}}{${full.resolution}}`;
  return (
    `\\begin{aligned} \\text{MACs}(\\alpha, \\rho) &\\approx \\alpha^2 \\rho^2 \\, \\text{MACs}(1,1) \\\\ ` +
    `&= ${p.width}^2 \\cdot \\left(${rho}\\right)^2 \\cdot ${(full.macs / 1e6).toFixed(1)}\\text{M} = ${(est / 1e6).toFixed(1)}\\text{M} \\end{aligned}`
  );
}
