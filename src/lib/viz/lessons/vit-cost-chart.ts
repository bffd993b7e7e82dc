/**
 * The attention-vs-depthwise widget's layout (pure): from the engine's counts at every slider
 * resolution (rows) and the reader's (resolution, patch), the chart Scene (MACs against input side,
 * log scale), the read-outs and the live TeX of the formulas with the numbers filled in.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';
import { seriesClass } from '../kit/series-class.ts';
import { formatInt } from '../charts/number-format.ts';
import { depthwiseMacs, vitBlockCost, vitTokens } from './vit-cost.ts';
import { macsGridline, sideAxis, VIT_CHART_WIDTH, vitPlot } from './vit-chart-frame.ts';
import type { CnnBlockMeasure } from './vit-measure.ts';

/**
 * What the engine counted at one (resolution, patch), see vit-measure.ts: ViT-Ti's first block,
 * and EfficientNet-B0's comparator block (its depthwise conv and the whole block).
 */
export interface CostRow extends Pick<
  CnnBlockMeasure,
  'block' | 'side' | 'channels' | 'k' | 'depthwise' | 'blockMacs'
> {
  readonly resolution: number;
  readonly patch: number;
  readonly tokens: number;
  /** ViT-Ti blocks.0: the two attention MatMuls, and the Gemms. */
  readonly quadratic: number;
  readonly linear: number;
}

export interface CostState {
  readonly resolution: number;
  readonly patch: number;
}

/** Each series' palette class (seriesClass) colours its curve, its point and its legend swatch. */
export const COST_SERIES = [
  { key: 'quadratic', label: 'attention QKᵀ + AV (ViT-Ti block)', colour: seriesClass(2) },
  { key: 'linear', label: 'projections + MLP (ViT-Ti block)', colour: seriesClass(4) },
  { key: 'blockMacs', label: 'whole MBConv block (B0)', colour: seriesClass(3) },
  { key: 'depthwise', label: 'depthwise conv (B0)', colour: seriesClass(1) },
] as const;
export type SeriesKey = (typeof COST_SERIES)[number]['key'];

const W = VIT_CHART_WIDTH;
const H = 300;
const PLOT = vitPlot(H);

/** The rows of one patch size, by resolution; throws when the state is not one the rows hold. */
export function rowsFor(rows: readonly CostRow[], patch: number): CostRow[] {
  const out = rows.filter((r) => r.patch === patch).sort((a, b) => a.resolution - b.resolution);
  if (out.length === 0) throw new Error(`vit-cost-chart: no rows for patch ${patch}`);
  return out;
}

export function rowAt(rows: readonly CostRow[], s: CostState): CostRow {
  const r = rows.find((x) => x.patch === s.patch && x.resolution === s.resolution);
  if (!r) throw new Error(`vit-cost-chart: no engine row for resolution ${s.resolution} and patch ${s.patch}`);
  return r;
}

/** The formulas' values at a row: what the TeX shows and the engine must match. */
export function formulaValues(r: CostRow, dim: number) {
  const c = vitBlockCost(vitTokens(r.resolution, r.patch), dim);
  return {
    tokens: c.tokens,
    quadratic: c.quadratic,
    linear: c.linear,
    depthwise: depthwiseMacs(r.side, r.channels, r.k),
  };
}

const tex = (n: number) => formatInt(n).replace(/,/g, '{,}');

/** Live TeX of the three formulas at the reader's state. */
export function costTex(r: CostRow, dim: number): string {
  const f = formulaValues(r, dim);
  const s = Math.floor(r.resolution / r.patch);
  return [
    String.raw`\begin{aligned}`,
    String.raw`N &= (R/P)^2 + 1 = (${r.resolution}/${r.patch})^2 + 1 = ${s}^2 + 1 = ${tex(f.tokens)} \\`,
    String.raw`\mathrm{QK^\top} + \mathrm{AV} &= 2N^2D = 2 \cdot ${tex(f.tokens)}^2 \cdot ${dim} = ${tex(f.quadratic)} \\`,
    String.raw`\mathrm{qkv} + \mathrm{proj} + \mathrm{MLP} &= (3 + 1 + 8)\,N D^2 = 12 \cdot ${tex(f.tokens)} \cdot ${dim}^2 = ${tex(f.linear)} \\`,
    String.raw`\mathrm{depthwise} &= H'W' C k^2 = ${r.side}^2 \cdot ${r.channels} \cdot ${r.k}^2 = ${tex(f.depthwise)}`,
    String.raw`\end{aligned}`,
  ].join('\n');
}

export function costReadouts(r: CostRow): Readout[] {
  return [
    { key: 'tokens', label: 'Tokens N', value: formatInt(r.tokens) },
    { key: 'quadratic', label: 'QKᵀ + AV (engine)', value: formatInt(r.quadratic) },
    { key: 'linear', label: 'Projections + MLP (engine)', value: formatInt(r.linear) },
    { key: 'cnn-block', label: 'B0 block at stride P', value: r.block },
    { key: 'depthwise', label: 'Its depthwise conv (engine)', value: formatInt(r.depthwise) },
    { key: 'block', label: 'The whole block (engine)', value: formatInt(r.blockMacs) },
    { key: 'ratio', label: 'QKᵀ + AV ÷ depthwise', value: `${(r.quadratic / r.depthwise).toPrecision(3)}×` },
  ];
}

/** Log-scale y: decades spanning every series of the rows. */
function yScale(rows: readonly CostRow[]) {
  const vals = rows.flatMap((r) => COST_SERIES.map((s) => r[s.key])).filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...vals)));
  const hi = Math.ceil(Math.log10(Math.max(...vals)));
  const y = (v: number) => PLOT.bottom - ((Math.log10(v) - lo) / (hi - lo)) * (PLOT.bottom - PLOT.top);
  return { y, lo, hi };
}

/** The chart: one line per series over the slider's resolutions, the reader's resolution marked. */
export function costScene(allRows: readonly CostRow[], s: CostState): Scene {
  const rows = rowsFor(allRows, s.patch);
  const cur = rowAt(allRows, s);
  const r0 = rows[0].resolution;
  const r1 = rows[rows.length - 1].resolution;
  const x = (R: number) => PLOT.left + ((R - r0) / (r1 - r0)) * (PLOT.right - PLOT.left);
  const { y, lo, hi } = yScale(rows);
  const marks: Mark[] = [];
  for (let e = lo; e <= hi; e++) marks.push(...macsGridline(PLOT, e, y(10 ** e), 10 ** e));
  marks.push(...sideAxis(PLOT, H, [r0, r1], r1 - r0 > 600 ? 192 : 64, x, 'input side R (pixels)'));
  marks.push({
    kind: 'line',
    key: 'cursor',
    class: 'cursor',
    x1: x(cur.resolution),
    x2: x(cur.resolution),
    y1: PLOT.top,
    y2: PLOT.bottom,
  });
  COST_SERIES.forEach((ser) => {
    const d = rows.map((r, j) => `${j ? 'L' : 'M'}${x(r.resolution).toFixed(2)},${y(r[ser.key]).toFixed(2)}`).join('');
    marks.push({ kind: 'path', key: `line-${ser.key}`, class: `series ${ser.colour}`, d, fill: 'none' });
  });
  COST_SERIES.forEach((ser) => {
    marks.push({
      kind: 'circle',
      key: `dot-${ser.key}`,
      class: `dot ${ser.colour}`,
      cx: x(cur.resolution),
      cy: y(cur[ser.key]),
      r: 4.5,
      title: `${ser.label}: ${formatInt(cur[ser.key])} MACs at ${cur.resolution}×${cur.resolution}`,
      data: { series: ser.key, value: cur[ser.key] },
    });
  });
  return {
    width: W,
    height: H,
    label: `MACs of one ViT-Ti block's attention and of EfficientNet-B0's ${cur.block} against the input side, patch ${s.patch}, log scale; marked at ${cur.resolution} pixels`,
    marks,
  };
}
