/**
 * Lesson 5's "gates per class" figure, after SE's §7.2 (Hu et al., arXiv 1709.01507, Figure 6):
 * how much the class explains each SE block's gates (η², src/lib/family/class-gates.ts), block by
 * block from input to output, for the trained tiny B0 (every committed seed) and the same network
 * before training; and for one block a heatmap of the class means of its most class-specific
 * channels. The figure data is computed once at build time (`classGatesFigure`); the two scenes
 * are drawn from it at build time and again in the browser when the reader picks a block or
 * switches trained ↔ untrained.
 */
import type { BlockGates } from '../../family/class-gates.ts';
import { axisMarks } from '../charts/axes.ts';
import { linearScale, round1 } from '../charts/scale.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';

/** One network's gates: a trained seed or the untrained start. */
export interface GateRunInput {
  readonly label: string;
  readonly trained: boolean;
  readonly blocks: readonly BlockGates[];
}

export interface FigureRun {
  readonly label: string;
  readonly trained: boolean;
  /** η² averaged over each block's channels, per block. */
  readonly specificity: readonly number[];
  /** Per block: this run's most class-specific channels (at most PICKED_CHANNELS), in channel order. */
  readonly picked: readonly (readonly number[])[];
  /** Per block: [class][picked channel] class mean minus the all-image mean (3 decimals). */
  readonly cells: readonly (readonly (readonly number[])[])[];
  /** Per block: η² of each picked channel. */
  readonly eta2: readonly (readonly number[])[];
}

export interface ClassGatesFigure {
  readonly model: string;
  readonly images: number;
  readonly classes: readonly string[];
  readonly blocks: readonly { readonly scope: string; readonly channels: number }[];
  readonly runs: readonly FigureRun[];
}

/** Channels shown per block in the heatmap: the most class-specific ones of the run shown. */
export const PICKED_CHANNELS = 16;

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Reduces the gate statistics of every run to what the figure draws. */
export function classGatesFigure(
  model: string,
  images: number,
  classes: readonly string[],
  runs: readonly GateRunInput[],
): ClassGatesFigure {
  const ref = runs.find((r) => r.trained) ?? runs[0];
  if (!ref) throw new Error('classGatesFigure needs at least one run');
  for (const r of runs) {
    if (r.blocks.map((b) => b.scope).join() !== ref.blocks.map((b) => b.scope).join())
      throw new Error(`run '${r.label}' has other SE blocks than '${ref.label}'`);
  }
  // Each run's own most class-specific channels: channel c of one seed has no counterpart in another.
  const pick = (b: BlockGates): number[] =>
    b.eta2
      .map((v, c) => [v, c] as const)
      .sort((x, y) => y[0] - x[0] || x[1] - y[1])
      .slice(0, Math.min(PICKED_CHANNELS, b.channels))
      .map(([, c]) => c)
      .sort((x, y) => x - y);
  return {
    model,
    images,
    classes,
    blocks: ref.blocks.map((b) => ({ scope: b.scope, channels: b.channels })),
    runs: runs.map((r) => {
      const picked = r.blocks.map(pick);
      return {
        label: r.label,
        trained: r.trained,
        specificity: r.blocks.map((b) => r3(b.specificity)),
        picked,
        cells: r.blocks.map((b, bi) => b.classMeans.map((row) => picked[bi].map((c) => r3(row[c] - b.mean[c])))),
        eta2: r.blocks.map((b, bi) => picked[bi].map((c) => r3(b.eta2[c]))),
      };
    }),
  };
}

const W = 560;
const H = 240;
const M = { top: 26, right: 16, bottom: 46, left: 40 };

/** η² by block, one line per run (trained seeds solid, untrained dashed), block names on x. */
export function specificityScene(fig: ClassGatesFigure): Scene {
  const n = fig.blocks.length;
  const top = Math.max(0.05, ...fig.runs.flatMap((r) => r.specificity));
  const x = linearScale([0, Math.max(1, n - 1)], [M.left + 12, W - M.right - 12]);
  const y = linearScale([0, Math.ceil(top * 10) / 10], [H - M.bottom, M.top]);
  const marks: Mark[] = [
    ...axisMarks(y, { orient: 'left', at: M.left, label: 'η² (class-explained share)', format: '.1f', ticks: 4 }),
    ...axisMarks(x, {
      orient: 'bottom',
      at: H - M.bottom,
      tickValues: fig.blocks.map((_, i) => i),
      format: (v) => fig.blocks[v]?.scope.replace('blocks.', '') ?? '',
      label: 'SE block (stage.index), input → output',
    }),
  ];
  fig.runs.forEach((r, ri) => {
    const cls = r.trained ? `gate-run trained run-${ri}` : 'gate-run untrained';
    marks.push({
      kind: 'path',
      key: `line-${ri}`,
      class: `${cls} gate-line`,
      d: r.specificity.map((v, i) => `${i ? 'L' : 'M'}${round1(x(i))},${round1(y(v))}`).join(''),
    });
    r.specificity.forEach((v, i) =>
      marks.push({
        kind: 'circle',
        key: `dot-${ri}-${i}`,
        class: `${cls} gate-dot`,
        cx: round1(x(i)),
        cy: round1(y(v)),
        r: 3.5,
        title: `${r.label}, ${fig.blocks[i].scope}: η² = ${v.toFixed(3)}`,
        data: { run: ri, block: i, eta2: v },
      }),
    );
  });
  return {
    width: W,
    height: H,
    label: `Class specificity η² of the SE gates of ${fig.model}, block by block, for ${fig.runs.map((r) => r.label).join(', ')}`,
    marks,
  };
}

/** A diverging fill for a class mean minus the overall mean (blue below, orange above). */
export function cellFill(v: number, span: number): string {
  const t = Math.max(-1, Math.min(1, span > 0 ? v / span : 0));
  const a = Math.round(Math.abs(t) * 100) / 100;
  return t >= 0 ? `rgba(217, 95, 2, ${a})` : `rgba(27, 110, 194, ${a})`;
}

const CELL = 22;
const LABEL_W = 92;

/** Class (rows) × picked channel (columns) heatmap of block `bi` for run `ri`. */
export function heatmapScene(fig: ClassGatesFigure, bi: number, ri: number): Scene {
  const block = fig.blocks[bi];
  const run = fig.runs[ri];
  if (!block || !run) throw new Error(`no block ${bi} or run ${ri} in the figure`);
  const cells = run.cells[bi];
  const picked = run.picked[bi];
  // One colour span for all runs of this block, so trained and untrained compare on one scale.
  const span = Math.max(1e-6, ...fig.runs.flatMap((r) => r.cells[bi].flat().map(Math.abs)));
  const marks: Mark[] = [];
  fig.classes.forEach((name, k) => {
    marks.push({
      kind: 'text',
      key: `class-${k}`,
      class: 'gate-class',
      x: LABEL_W - 6,
      y: 4 + k * CELL + CELL / 2,
      text: name,
      anchor: 'end',
      baseline: 'middle',
    });
    picked.forEach((c, j) => {
      const v = cells[k][j];
      marks.push({
        kind: 'rect',
        key: `cell-${k}-${j}`,
        class: 'gate-cell',
        x: LABEL_W + j * CELL,
        y: 4 + k * CELL,
        width: CELL - 1,
        height: CELL - 1,
        fill: cellFill(v, span),
        title: `${name}, channel ${c}: class mean gate ${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)} vs all images (η² ${run.eta2[bi][j].toFixed(2)})`,
        data: { k, c, v },
      });
    });
  });
  return {
    width: LABEL_W + picked.length * CELL + 4,
    height: 8 + fig.classes.length * CELL,
    label: `${run.label}: mean gate per class minus the mean over all images, ${block.scope}, its ${picked.length} most class-specific channels`,
    marks,
  };
}

export interface ClassGatesState {
  /** Block index shown in the heatmap. */
  block: number;
  /** Run index shown in the heatmap. */
  run: number;
}

/** Where the figure opens: the last SE block (the most class-specific in the paper), the first trained run. */
export function initialGatesState(fig: ClassGatesFigure): ClassGatesState {
  return {
    block: fig.blocks.length - 1,
    run: Math.max(
      0,
      fig.runs.findIndex((r) => r.trained),
    ),
  };
}

export function classGatesControls(fig: ClassGatesFigure, s: ClassGatesState): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'block',
      label: 'SE block',
      value: String(s.block),
      options: fig.blocks.map((b, i) => ({ value: String(i), label: `${b.scope} (${b.channels} channels)` })),
    },
    {
      kind: 'select',
      name: 'run',
      label: 'Network',
      value: String(s.run),
      options: fig.runs.map((r, i) => ({ value: String(i), label: r.label })),
    },
  ];
}

/** η² of the chosen block for every run, then the first and last block's for the run shown. */
export function classGatesReadouts(fig: ClassGatesFigure, s: ClassGatesState): Readout[] {
  const run = fig.runs[s.run];
  const last = fig.blocks.length - 1;
  return [
    ...fig.runs.map((r, i) => ({ key: `eta-${i}`, label: `η², ${r.label}`, value: r.specificity[s.block].toFixed(3) })),
    {
      key: 'rise',
      label: 'Shown network, first → last block',
      value: `${run.specificity[0].toFixed(3)} → ${run.specificity[last].toFixed(3)}`,
    },
  ];
}
