/**
 * Bars for the squeeze-and-excitation step-through: one bar per channel, drawn from a zero
 * baseline on a shared linear scale, so a channel's squeezed average, its gate and its rescaled
 * average can be compared bar for bar. Pure: values in, rectangles out.
 */
import { round1, type Rect } from '../charts/scale.ts';

export interface Bar extends Rect {
  readonly channel: number;
  readonly value: number;
  readonly negative: boolean;
}

export interface BarsLayout {
  readonly width: number;
  readonly height: number;
  /** y of the zero line. */
  readonly baseline: number;
  readonly domain: readonly [number, number];
  readonly bars: readonly Bar[];
  /** Gridlines with their labels, in data units. */
  readonly ticks: readonly { readonly value: number; readonly y: number }[];
}

export interface BarsOptions {
  readonly width?: number;
  readonly height?: number;
  /** Fixed value range; by default [min(0, values), max(0, values)]. */
  readonly domain?: readonly [number, number];
  readonly gap?: number;
  readonly ticks?: readonly number[];
}

export function gateBars(values: readonly number[], o: BarsOptions = {}): BarsLayout {
  if (values.length === 0) throw new RangeError('gateBars needs at least one value');
  const width = o.width ?? 640;
  const height = o.height ?? 160;
  const top = 8;
  const bottom = height - 8;
  const lo = o.domain?.[0] ?? Math.min(0, ...values);
  const hi = o.domain?.[1] ?? Math.max(0, ...values);
  if (!(hi > lo)) throw new RangeError(`bar domain must be increasing; received [${lo}, ${hi}]`);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const baseline = round1(y(Math.min(Math.max(0, lo), hi)));
  const step = width / values.length;
  const gap = Math.min(o.gap ?? Math.max(1, step * 0.2), step / 2);
  const bars = values.map((v, i) => {
    const clamped = Math.min(Math.max(v, lo), hi);
    const yv = round1(y(clamped));
    return {
      channel: i,
      value: v,
      x: round1(i * step + gap / 2),
      y: Math.min(yv, baseline),
      w: round1(step - gap),
      h: round1(Math.abs(yv - baseline)),
      negative: v < 0,
    };
  });
  const ticks = (o.ticks ?? [lo, 0, hi])
    .filter((t, i, a) => a.indexOf(t) === i && t >= lo && t <= hi)
    .map((t) => ({ value: t, y: round1(y(t)) }));
  return { width, height, baseline, domain: [lo, hi], bars, ticks };
}
