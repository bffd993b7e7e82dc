/**
 * The plot of per-piece latency against MACs (block-latency.ts measures, this lays out): both axes
 * logarithmic, one circle per piece, and the line "time ∝ MACs" at the overall rate with a band of
 * ×factor either side. A piece above the band takes more time than its MACs predict (MnasNet §1:
 * MACs are an inaccurate proxy for latency); a depthwise convolution typically sits there.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import { formatCompact, formatSig } from '../charts/number-format.ts';
import { plotFrame } from '../charts/axes.ts';
import { decades, logScale } from '../charts/scale.ts';
import type { LatencyPoint } from './block-latency.ts';

export interface LatencyChartOptions {
  readonly width?: number;
  readonly height?: number;
  /** Models in legend order; a point's class names its index (`bl-m0`, `bl-m1`, …). */
  readonly models: readonly string[];
  /** The band's factor, as given to disagreement(). */
  readonly factor?: number;
  readonly label?: string;
}

const PAD = { left: 66, right: 24, top: 16, bottom: 44 };

/** The powers of ten enclosing `values` (scale.ts decades), at least two: one value alone still gets a decade of axis. */
function decadeTicks(values: readonly number[]): number[] {
  const d = decades(Math.min(...values), Math.max(...values));
  return d.length > 1 ? d : [d[0], d[0] * 10];
}

/** The scatter as a kit Scene; pieces without MACs cannot sit on a log axis and are left out (the caller lists them). */
export function latencyChart(points: readonly LatencyPoint[], o: LatencyChartOptions): Scene {
  const width = o.width ?? 640;
  const height = o.height ?? 380;
  const factor = o.factor ?? 2;
  const label = o.label ?? 'Latency against MACs, one circle per piece';
  const plotted = points.filter((p) => p.unit.macs > 0 && p.timing.medianMs > 0 && Number.isFinite(p.timing.medianMs));
  const marks: Mark[] = [];
  if (plotted.length === 0) return { width, height, label, marks };
  const macs = plotted.map((p) => p.unit.macs);
  const ms = plotted.map((p) => p.timing.medianMs);
  const xTicks = decadeTicks(macs);
  const yTicks = decadeTicks(ms);
  const [x0, x1] = [xTicks[0], xTicks.at(-1)!];
  const [y0, y1] = [yTicks[0], yTicks.at(-1)!];
  const X = logScale([x0, x1], [PAD.left, width - PAD.right]);
  const Y = logScale([y0, y1], [height - PAD.bottom, PAD.top]);
  const bottom = height - PAD.bottom;
  marks.push(plotFrame('bl-frame', width, height, PAD));
  // Keys name the decade's exponent (xg6 for 1M), stable while the domain grows.
  const exponent = (v: number): number => Math.round(Math.log10(v));
  for (const v of xTicks) {
    const e = exponent(v);
    const x = X(v);
    marks.push({ kind: 'line', key: `xg${e}`, class: 'bl-grid', x1: x, y1: PAD.top, x2: x, y2: bottom });
    marks.push({
      kind: 'text',
      key: `xt${e}`,
      class: 'bl-tick',
      x,
      y: bottom + 6,
      text: formatCompact(v),
      anchor: v === x1 ? 'end' : v === x0 ? 'start' : 'middle',
      baseline: 'hanging',
    });
  }
  for (const v of yTicks) {
    const e = exponent(v);
    const y = Y(v);
    marks.push({ kind: 'line', key: `yg${e}`, class: 'bl-grid', x1: PAD.left, y1: y, x2: width - PAD.right, y2: y });
    marks.push({
      kind: 'text',
      key: `yt${e}`,
      class: 'bl-tick',
      x: PAD.left - 6,
      y,
      text: `${formatSig(v)} ms`,
      anchor: 'end',
      baseline: v === y1 ? 'hanging' : v === y0 ? 'auto' : 'middle',
    });
  }
  marks.push({
    kind: 'text',
    key: 'xlabel',
    class: 'bl-axis-label',
    x: (PAD.left + width - PAD.right) / 2,
    y: height - 4,
    text: 'MACs of the piece (log)',
    anchor: 'middle',
  });
  // The prediction "time ∝ MACs" at the overall rate, and the band around it, clipped to the frame.
  const totalMs = plotted.reduce((s, p) => s + p.timing.medianMs, 0);
  const rate = totalMs / plotted.reduce((s, p) => s + p.unit.macs, 0);
  const lines: [string, number][] = [
    ['predict', 1],
    ['band-hi', factor],
    ['band-lo', 1 / factor],
  ];
  for (const [key, f] of lines) {
    const seg = clipLine(rate * f, x0, x1, y0, y1);
    if (seg)
      marks.push({
        kind: 'line',
        key,
        class: key === 'predict' ? 'bl-predict' : 'bl-band',
        x1: X(seg[0]),
        y1: Y(seg[1]),
        x2: X(seg[2]),
        y2: Y(seg[3]),
      });
  }
  const order = [...plotted].sort((a, b) => (a.verdict === 'slow' ? 1 : 0) - (b.verdict === 'slow' ? 1 : 0));
  for (const p of order) {
    const mi = Math.max(0, o.models.indexOf(p.unit.model));
    marks.push({
      kind: 'circle',
      key: `pt:${p.unit.key}`,
      class: `bl-point bl-m${mi} bl-${p.unit.kind} bl-${p.verdict}`,
      cx: X(p.unit.macs),
      cy: Y(p.timing.medianMs),
      r: p.unit.kind === 'depthwise' ? 5 : 4,
      title: `${p.unit.model} ${p.unit.label}: ${formatCompact(p.unit.macs)} MACs, ${formatSig(p.timing.medianMs)} ms (×${formatSig(p.ratio)} the time its MACs predict)`,
      data: { key: p.unit.key, macs: p.unit.macs, ms: p.timing.medianMs, verdict: p.verdict },
    });
  }
  return { width, height, label, marks };
}

/** The segment of y = k·x inside [xa, xb] × [ya, yb] (all positive), or null when it misses. */
export function clipLine(
  k: number,
  xa: number,
  xb: number,
  ya: number,
  yb: number,
): [number, number, number, number] | null {
  const lo = Math.max(xa, ya / k);
  const hi = Math.min(xb, yb / k);
  if (!(hi > lo)) return null;
  return [lo, k * lo, hi, k * hi];
}
