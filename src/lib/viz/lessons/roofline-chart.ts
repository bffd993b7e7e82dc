/**
 * Layout of lesson 1's MACs-against-bytes chart: every layer of a model as a dot at (arithmetic
 * intensity, MACs) on log–log axes, the machine balance as a vertical line splitting memory-bound
 * layers (left) from compute-bound ones (right), and two stacked bars comparing each layer kind's
 * share of the MACs with its share of the roofline time (see roofline.ts). Pure: data in, positions out.
 */
import { logScale, logTicks, type ChartFrame } from '../charts/scale.ts';
import { LAYER_KINDS, rooflineSummary, type LayerKind, type LayerTraffic, type RooflineSummary } from './roofline.ts';
import { formatTexInt } from '../charts/number-format.ts';

export interface RooflineDot {
  readonly node: string;
  readonly kind: LayerKind;
  readonly x: number;
  readonly y: number;
  readonly memoryBound: boolean;
}

export interface BarSegment {
  readonly kind: LayerKind;
  readonly x: number;
  readonly width: number;
  readonly share: number;
}

export interface RooflineChart extends ChartFrame {
  /** Tick values (1-2-5 × 10^k along x, decades along y) with their positions and labels. */
  readonly xTicks: { readonly value: number; readonly pos: number; readonly label: string }[];
  readonly yTicks: { readonly value: number; readonly pos: number; readonly label: string }[];
  readonly dots: RooflineDot[];
  /** The balance line's x, clamped to the plot. */
  readonly ridgeX: number;
  /** The two bars (MACs share, time share), each a row of segments in LAYER_KINDS order. */
  readonly bars: { readonly label: string; readonly y: number; readonly segments: BarSegment[] }[];
  readonly barHeight: number;
  readonly summary: RooflineSummary;
}

/** Machine balances the slider offers, in MACs per byte: from bandwidth-rich to bandwidth-starved. */
export const BALANCES = [0.5, 1, 2, 4, 8, 16, 32, 64] as const;

const W = 520;
const PLOT_H = 300;
// Room for the phone font (19 units): y tick labels and the rotated axis title side by side.
const M = { left: 80, top: 16, right: 12, bottom: 46 };
const BAR_H = 22;

const log10 = Math.log10;

/** A tick label: 0.5, 20, 5k, 10M (short, so the phone font fits beside the axis). */
export function tickLabel(v: number): string {
  if (v >= 1e9) return `${v / 1e9}G`;
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

/** Lays out the chart for a model's layers at one machine balance (MACs per byte). */
export function rooflineChart(layers: readonly LayerTraffic[], balance: number): RooflineChart {
  if (layers.length === 0) throw new RangeError('rooflineChart needs at least one layer with MACs');
  const summary = rooflineSummary(layers, balance);
  const plot = { left: M.left, top: M.top, right: W - M.right, bottom: PLOT_H - M.bottom };
  const ints = layers.map((l) => l.intensity).concat([BALANCES[0], BALANCES[BALANCES.length - 1]]);
  const macs = layers.map((l) => l.macs);
  const xLo = log10(Math.min(...ints)) - 0.1;
  const xHi = log10(Math.max(...ints)) + 0.1;
  const yLo = log10(Math.min(...macs)) - 0.15;
  const yHi = log10(Math.max(...macs)) + 0.15;
  const x = logScale([10 ** xLo, 10 ** xHi], [plot.left, plot.right]);
  const y = logScale([10 ** yLo, 10 ** yHi], [plot.bottom, plot.top]);
  const xTicks = logTicks(10 ** xLo, 10 ** xHi).map((v) => ({ value: v, pos: x(v), label: tickLabel(v) }));
  const yTicks = logTicks(10 ** yLo, 10 ** yHi, [1]).map((v) => ({ value: v, pos: y(v), label: tickLabel(v) }));
  // Drawn in this order: the many repeated pointwise and depthwise layers first, the one-off stem and
  // head layers last, so a lone layer that lands on a repeated one (MobileNetV2's stem sits on three
  // 1×1 convs) stays visible and is the one a click picks.
  const common = (k: string) => (k === 'pointwise' || k === 'depthwise' ? 0 : 1);
  const dots = layers
    .map((l) => ({ node: l.node, kind: l.kind, x: x(l.intensity), y: y(l.macs), memoryBound: l.intensity < balance }))
    .sort((a, b) => common(a.kind) - common(b.kind));
  const ridgeX = Math.min(plot.right, Math.max(plot.left, x(balance)));

  const barTop = PLOT_H + 26;
  const barW = plot.right - plot.left;
  const bars = (['MACs', 'time'] as const).map((what, row) => {
    let at = plot.left;
    const segments: BarSegment[] = [];
    for (const kind of LAYER_KINDS) {
      const k = summary.kinds.find((s) => s.kind === kind);
      if (!k) continue;
      const share = what === 'MACs' ? k.macShare : k.timeShare;
      segments.push({ kind, x: at, width: share * barW, share });
      at += share * barW;
    }
    return { label: what === 'MACs' ? 'share of MACs' : 'share of time', y: barTop + row * (BAR_H + 22), segments };
  });
  return {
    width: W,
    height: barTop + 2 * (BAR_H + 22),
    plot,
    xTicks,
    yTicks,
    dots,
    ridgeX,
    bars,
    barHeight: BAR_H,
    summary,
  };
}

/** Three significant figures. */
export function sig3(v: number): string {
  const s = v.toPrecision(3);
  return s.includes('e') ? String(Number(s)) : s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The live formula for one layer: its intensity against the balance, and what bounds it. */
export function layerTex(l: LayerTraffic, balance: number): string {
  const bound = l.intensity < balance;
  return (
    `\\begin{aligned} I &= \\frac{\\text{MACs}}{\\text{bytes}} = \\frac{${formatTexInt(l.macs)}}{${formatTexInt(l.bytes)}} = ${sig3(l.intensity)} \\\\ ` +
    `&${bound ? '<' : '\\ge'} B = ${balance} \\;\\Rightarrow\\; \\text{${bound ? 'memory' : 'compute'}-bound} \\end{aligned}`
  );
}
