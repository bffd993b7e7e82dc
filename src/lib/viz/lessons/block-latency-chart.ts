/**
 * The plot of per-piece latency against MACs (block-latency.ts measures, this lays out): both axes
 * logarithmic, one circle per piece, and the line "time ∝ MACs" at the overall rate with a band of
 * ×factor either side. A piece above the band takes more time than its MACs predict (MnasNet §1:
 * MACs are an inaccurate proxy for latency); a depthwise convolution typically sits there.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import { formatCompact, formatSig } from '../charts/number-format.ts';
import { plotFrame } from '../charts/axes.ts';
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

/** Powers of ten covering [lo, hi] (at least one decade). */
function decades(lo: number, hi: number): [number, number] {
  const a = Math.floor(Math.log10(lo));
  let b = Math.ceil(Math.log10(hi));
  if (b <= a) b = a + 1;
  return [a, b];
}

function logScale(e0: number, e1: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((Math.log10(v) - e0) / (e1 - e0)) * (r1 - r0);
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
  const [x0, x1] = decades(Math.min(...macs), Math.max(...macs));
  const [y0, y1] = decades(Math.min(...ms), Math.max(...ms));
  const X = logScale(x0, x1, PAD.left, width - PAD.right);
  const Y = logScale(y0, y1, height - PAD.bottom, PAD.top);
  const bottom = height - PAD.bottom;
  marks.push(plotFrame('bl-frame', width, height, PAD));
  for (let e = x0; e <= x1; e++) {
    const x = X(10 ** e);
    marks.push({ kind: 'line', key: `xg${e}`, class: 'bl-grid', x1: x, y1: PAD.top, x2: x, y2: bottom });
    marks.push({
      kind: 'text',
      key: `xt${e}`,
      class: 'bl-tick',
      x,
      y: bottom + 6,
      text: formatCompact(10 ** e),
      anchor: e === x1 ? 'end' : e === x0 ? 'start' : 'middle',
      baseline: 'hanging',
    });
  }
  for (let e = y0; e <= y1; e++) {
    const y = Y(10 ** e);
    marks.push({ kind: 'line', key: `yg${e}`, class: 'bl-grid', x1: PAD.left, y1: y, x2: width - PAD.right, y2: y });
    marks.push({
      kind: 'text',
      key: `yt${e}`,
      class: 'bl-tick',
      x: PAD.left - 6,
      y,
      text: `${formatSig(10 ** e)} ms`,
      anchor: 'end',
      baseline: e === y1 ? 'hanging' : e === y0 ? 'auto' : 'middle',
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
    const seg = clipLine(rate * f, 10 ** x0, 10 ** x1, 10 ** y0, 10 ** y1);
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
