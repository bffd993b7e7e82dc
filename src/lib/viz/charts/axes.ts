/**
 * A chart axis as marks (domain line, ticks, tick labels, axis title), so axes render through the
 * same `markAttributes` as the rest of a scene, statically and in the browser. The scale is any
 * d3-scale-like function (linear, log, …): d3-scale computes the ticks, d3-format the labels; this
 * file only places them (after d3-axis's `axis.js`, which draws the same parts into a selection).
 *
 * @example
 * const x = scaleLinear().domain([0, 10]).range([40, 300]);
 * axisMarks(x, { orient: 'bottom', at: 180, label: 'Width multiplier', format: '.1f' });
 */
import { format as d3format } from 'd3';
import type { LineMark, Mark, RectMark, TextMark } from '../kit/marks.ts';

/** The part of a d3 scale an axis reads. */
export interface AxisScale {
  (v: number): number;
  ticks(count?: number): number[];
  domain(): number[];
  tickFormat?(count?: number, specifier?: string): (v: number) => string;
}

export interface AxisOptions {
  /** Where the axis sits: bottom/top axes run along x, left/right along y. */
  orient: 'bottom' | 'top' | 'left' | 'right';
  /** The axis line's position on the other coordinate (y for bottom/top, x for left/right). */
  at: number;
  /** Axis title, placed beyond the tick labels. */
  label?: string;
  /** A d3-format specifier ('.2~f', '~s', '.0%') or a function; default: the scale's tickFormat. */
  format?: string | ((v: number) => string);
  /** Approximate tick count passed to scale.ticks (default 5). */
  ticks?: number;
  /** Explicit tick values instead of scale.ticks. */
  tickValues?: readonly number[];
  /** Tick length outward from the axis line (default 5). */
  tickSize?: number;
  /** Prefix of every mark key, so two axes in one scene do not collide (default: the orient). */
  key?: string;
}

const LABEL_GAP = 3;
const FONT_LINE = 12;

export function axisMarks(scale: AxisScale, o: AxisOptions): Mark[] {
  const count = o.ticks ?? 5;
  const values = o.tickValues ? [...o.tickValues] : scale.ticks(count);
  const fmt =
    typeof o.format === 'function'
      ? o.format
      : typeof o.format === 'string'
        ? d3format(o.format)
        : (scale.tickFormat?.(count) ?? ((v: number) => String(v)));
  const size = o.tickSize ?? 5;
  const key = o.key ?? o.orient;
  const horizontal = o.orient === 'bottom' || o.orient === 'top';
  // Outward: down for a bottom axis, up for top, left for left, right for right.
  const sign = o.orient === 'bottom' || o.orient === 'right' ? 1 : -1;
  const [d0, d1] = [scale.domain()[0]!, scale.domain().at(-1)!];
  const r0 = scale(d0);
  const r1 = scale(d1);
  const along = (p: number, off: number) =>
    horizontal ? { x: p, y: o.at + sign * off } : { x: o.at + sign * off, y: p };

  const domain: LineMark = horizontal
    ? { kind: 'line', key: `${key}-domain`, class: 'axis-domain', x1: r0, y1: o.at, x2: r1, y2: o.at }
    : { kind: 'line', key: `${key}-domain`, class: 'axis-domain', x1: o.at, y1: r0, x2: o.at, y2: r1 };
  const marks: Mark[] = [domain];
  for (const v of values) {
    const p = scale(v);
    if (!Number.isFinite(p)) continue;
    const a = along(p, 0);
    const b = along(p, size);
    marks.push({ kind: 'line', key: `${key}-tick-${v}`, class: 'axis-tick', x1: a.x, y1: a.y, x2: b.x, y2: b.y });
    const t = along(p, size + LABEL_GAP);
    const label: TextMark = {
      kind: 'text',
      key: `${key}-tick-label-${v}`,
      class: 'axis-tick-label',
      x: t.x,
      y: t.y,
      text: fmt(v),
      anchor: horizontal ? 'middle' : sign > 0 ? 'start' : 'end',
      baseline: horizontal ? (sign > 0 ? 'hanging' : 'auto') : 'middle',
    };
    marks.push(label);
  }
  if (o.label) {
    const mid = (r0 + r1) / 2;
    // Horizontal axes: title centred under (or over) the labels. Vertical axes: at the top end,
    // written horizontally so it reads on a phone without turning the head.
    const t = horizontal
      ? along(mid, size + LABEL_GAP + FONT_LINE + LABEL_GAP)
      : { x: o.at, y: Math.min(r0, r1) - FONT_LINE / 2 - LABEL_GAP };
    marks.push({
      kind: 'text',
      key: `${key}-label`,
      class: 'axis-label',
      x: t.x,
      y: t.y,
      text: o.label,
      anchor: horizontal ? 'middle' : sign > 0 ? 'end' : 'start',
      baseline: horizontal ? (sign > 0 ? 'hanging' : 'auto') : 'auto',
    });
  }
  return marks;
}

/**
 * Horizontal gridlines from x = left to right, one per tick at `at(tick)` = [id, y], keyed
 * `<prefix>-<id>` (class `cls`, `grid` by default); drawn before the axes so ticks and curves sit on top.
 */
export function gridlines<T>(
  left: number,
  right: number,
  ticks: readonly T[],
  at: (tick: T) => readonly [id: number, y: number],
  prefix = 'grid',
  cls = 'grid',
): LineMark[] {
  return ticks.map((t) => {
    const [id, y] = at(t);
    return { kind: 'line', key: `${prefix}-${id}`, class: cls, x1: left, x2: right, y1: y, y2: y };
  });
}

/** Room left around a plot inside its drawing. */
export interface PlotPadding {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The plot's outline, keyed `frame`: the rectangle `pad` inside a width × height drawing. */
export function plotFrame(cls: string, width: number, height: number, pad: PlotPadding): RectMark {
  return {
    kind: 'rect',
    key: 'frame',
    class: cls,
    x: pad.left,
    y: pad.top,
    width: width - pad.left - pad.right,
    height: height - pad.bottom - pad.top,
  };
}
