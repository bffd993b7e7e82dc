/**
 * The zoo scatter: top-1 against MACs on a log axis, one colour per family. Pure geometry:
 * rows in, circle positions, ticks and legend out.
 */
import type { Family } from '../../models/index.ts';
import { formatCompact } from '../charts/number-format.ts';
import { decades, linearScale, logScale, logTicks, stepTicks, type ChartFrame } from '../charts/scale.ts';
import { FAMILIES, type ZooRow } from './zoo-table.ts';

export interface ScatterPoint {
  readonly id: string;
  readonly family: Family;
  readonly x: number;
  readonly y: number;
  /** 1-based index into the site palette (--viz-1 … --viz-7). */
  readonly colour: number;
  /** Paper figures are filled; evaluations by others (timm, torchvision) are hollow. */
  readonly paper: boolean;
  readonly macs: number;
  readonly top1: number;
  readonly params: number;
  readonly source: string;
}

export interface Tick {
  readonly value: number;
  readonly pos: number;
  readonly label: string;
  /** A tick a phone leaves out (2 and 5 × 10^k; every other percentage), so labels at its larger font never collide. */
  readonly minor: boolean;
  /**
   * The x axis' first or last tick, whose label a phone's larger font would push out of the
   * drawing: there it is anchored to the tick at its inner side. A wider screen centres it like the
   * others, which the margin has room for (anchored, '100 G' ran into '50 G' beside it).
   */
  readonly edge?: 'start' | 'end';
}

export interface ScatterLayout extends ChartFrame {
  readonly points: readonly ScatterPoint[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly legend: readonly { readonly family: Family; readonly colour: number; readonly count: number }[];
}

export function familyColour(family: Family): number {
  return (FAMILIES.indexOf(family) % 7) + 1;
}

export function scatterLayout(rows: readonly ZooRow[], width = 720, height = 420): ScatterLayout {
  // Margins hold the tick labels at the phone font (24 viewBox units; ZooScatter.astro).
  const plot = { left: 70, top: 14, right: width - 24, bottom: height - 62 };
  const cited = rows.filter((r) => r.top1 !== undefined);
  const macs = cited.map((r) => r.macs);
  const top = cited.map((r) => r.top1!.value);
  // Pad the domains to round values so the extreme points do not sit on the frame.
  const xDecades = decades(Math.min(...macs), Math.max(...macs));
  const [x0, x1] = [xDecades[0], xDecades.at(-1)!];
  const y0 = Math.floor((Math.min(...top) - 1) / 5) * 5;
  const y1 = Math.ceil((Math.max(...top) + 1) / 5) * 5;
  const sx = logScale([x0, x1], [plot.left, plot.right]);
  const sy = linearScale([y0, y1], [plot.bottom, plot.top]);
  const points = cited.map((r) => ({
    id: r.id,
    family: r.family,
    x: sx(r.macs),
    y: sy(r.top1!.value),
    colour: familyColour(r.family),
    paper: r.top1!.paper,
    macs: r.macs,
    top1: r.top1!.value,
    params: r.params,
    source: r.top1!.source,
  }));
  const xTicks = logTicks(x0, x1).map((v): Tick => ({
    value: v,
    pos: sx(v),
    label: formatCompact(v),
    minor: !/^1(0*)$/.test(String(v)),
    ...(v === x0 ? { edge: 'start' } : v === x1 ? { edge: 'end' } : {}),
  }));
  const yTicks = stepTicks(y0, y1, 5).map((v) => ({ value: v, pos: sy(v), label: `${v} %`, minor: v % 10 !== 0 }));
  const legend = FAMILIES.map((f) => ({
    family: f,
    colour: familyColour(f),
    count: cited.filter((r) => r.family === f).length,
  })).filter((l) => l.count > 0);
  return { width, height, plot, points, xTicks, yTicks, legend };
}
