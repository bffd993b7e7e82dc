/**
 * A lesson's figure of one comparison of the trained tiny family (TINY_COMPARISONS, e.g.
 * MobileNetV1 Table 4 "separable vs full" or §6.3's linear bottleneck at small scale): every member
 * with both seeds, its MACs, and each pair's difference set against the seed spread by the family's
 * one rule (src/lib/family/trained-index.ts comparePair; the words from trained-text.ts).
 *
 * The build turns a ComparisonResult into a plain ComparisonFigure (JSON in data-figure); the same
 * layout functions draw it statically and in <trained-comparison>. Two charts: a strip of
 * accuracies (one row per model, a dot per seed, a tick at the mean: the gap between rows against
 * the width of a row's seeds), and accuracy against MACs for a series (the width multipliers).
 */
import type { TrainedModel } from '../../family/manifest.ts';
import type { ComparisonResult, PairResult, TrainedSummary } from '../../family/trained-index.ts';
import type { TinyComparison } from '../../models/index.ts';
import { axisMarks } from '../charts/axes.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';
import { linearScale, niceTicks, round1 } from '../charts/scale.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import {
  comparisonVerdict,
  formatPoints,
  formatTestAccuracy,
  macsSentence,
  pairSentence,
} from '../models/trained-text.ts';

/** A member as the page gets it: the index's summary without its runs, and each seed's accuracy. */
export interface FigureMember extends Pick<TrainedSummary, 'id' | 'macs' | 'params' | 'mean' | 'spread'> {
  readonly label: string;
  /** Test accuracy (a fraction of the 10,000 test images) per seed, seeds ascending. */
  readonly seeds: readonly Pick<TrainedModel, 'seed' | 'accuracy'>[];
}

/** The index's pair with its members as indices into `members`, and the sentence that reads it. */
export interface FigurePair extends Pick<PairResult, 'difference' | 'spread' | 'exceeds'> {
  readonly a: number;
  readonly b: number;
  readonly sentence: string;
}

export interface ComparisonFigure extends Pick<TinyComparison, 'id' | 'claim' | 'source'> {
  readonly members: readonly FigureMember[];
  readonly pairs: readonly FigurePair[];
  readonly verdict: string;
  /** How close the MACs are (matched comparisons), or null. */
  readonly macs: string | null;
}

/** The figure's data from the family index; `labels` names members (id → short label, e.g. "α = 0.75"). */
export function comparisonFigure(c: ComparisonResult, labels: Readonly<Record<string, string>> = {}): ComparisonFigure {
  const index = new Map(c.members.map((m, i) => [m.id, i]));
  return {
    id: c.comparison.id,
    claim: c.comparison.claim,
    source: c.comparison.source,
    members: c.members.map((m) => ({
      id: m.id,
      label: labels[m.id] ?? m.id,
      macs: m.macs,
      params: m.params,
      seeds: m.runs.map((r) => ({ seed: r.seed, accuracy: r.accuracy })),
      mean: m.mean,
      spread: m.spread,
    })),
    pairs: c.pairs.map((p) => ({
      a: index.get(p.a)!,
      b: index.get(p.b)!,
      difference: p.difference,
      spread: p.spread,
      exceeds: p.exceeds,
      sentence: pairSentence(p),
    })),
    verdict: comparisonVerdict(c),
    macs: macsSentence(c),
  };
}

/** One table row per member: label, MACs, params, accuracy per seed, mean, seed spread. */
export function comparisonRows(fig: ComparisonFigure): { id: string; cells: string[] }[] {
  return fig.members.map((m) => ({
    id: m.id,
    cells: [
      m.label,
      formatInt(m.macs),
      formatInt(m.params),
      ...m.seeds.map((s) => formatTestAccuracy(s.accuracy)),
      formatTestAccuracy(m.mean),
      formatPoints(m.spread, false),
    ],
  }));
}

/** The table's header, one accuracy column per seed of the first member (every member has the same seeds). */
export function comparisonHeader(fig: ComparisonFigure): string[] {
  return [
    'Model',
    'MACs',
    'Params',
    ...(fig.members[0]?.seeds ?? []).map((s) => `Seed ${s.seed}`),
    'Mean',
    'Seed spread',
  ];
}

/** The pair picker: shown only when there is more than one pair. */
export function comparisonControls(fig: ComparisonFigure, pair: number): ControlSpec[] {
  if (fig.pairs.length < 2) return [];
  return [
    {
      kind: 'select',
      name: 'pair',
      label: 'Compare',
      value: String(pair),
      options: fig.pairs.map((p, i) => ({
        value: String(i),
        label: `${fig.members[p.a].label} with ${fig.members[p.b].label}`,
      })),
    },
  ];
}

export function comparisonReadouts(fig: ComparisonFigure, pair: number): Readout[] {
  const p = fig.pairs[pair];
  const a = fig.members[p.a];
  const b = fig.members[p.b];
  return [
    {
      key: 'difference',
      label: 'Difference of the means',
      value: formatPoints(p.difference),
      detail: `(${a.label} − ${b.label})`,
    },
    { key: 'spread', label: 'Seed spread (the larger of the two)', value: formatPoints(p.spread, false) },
    {
      key: 'macs-ratio',
      label: 'MACs ratio',
      value: `${(a.macs / b.macs).toFixed(2)}×`,
      detail: `(${a.label} ${formatCompact(a.macs)} / ${b.label} ${formatCompact(b.macs)})`,
    },
    { key: 'verdict', label: 'Verdict', value: p.exceeds ? 'a difference' : 'no difference', detail: p.sentence },
  ];
}

const W = 560;
const ROW = 34;
const M = { top: 14, right: 24, bottom: 44, left: 150 };
const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** Accuracy bounds with a margin, in per cent, on a round grid. */
function accuracyDomain(fig: ComparisonFigure): [number, number] {
  const all = fig.members.flatMap((m) => m.seeds.map((s) => s.accuracy * 100));
  const lo = Math.floor(Math.min(...all) - 0.5);
  const hi = Math.ceil(Math.max(...all) + 0.5);
  return [lo, Math.max(hi, lo + 1)];
}

function highlighted(fig: ComparisonFigure, pair: number): Set<number> {
  const p = fig.pairs[pair];
  return new Set(p ? [p.a, p.b] : []);
}

/** One row per member: a dot per seed, a tick at the mean, the seeds' span as a bar. */
export function stripScene(fig: ComparisonFigure, pair = 0): Scene {
  const n = fig.members.length;
  const H = M.top + n * ROW + M.bottom;
  const [lo, hi] = accuracyDomain(fig);
  const x = linearScale([lo, hi], [M.left, W - M.right]);
  const on = highlighted(fig, pair);
  const marks: Mark[] = [
    ...axisMarks(x, {
      orient: 'bottom',
      at: H - M.bottom,
      tickValues: niceTicks(lo, hi, 5),
      format: (v) => `${v} %`,
      label: 'Test accuracy on the 10,000 Fashion-MNIST test images',
    }),
  ];
  fig.members.forEach((m, i) => {
    const y = M.top + ROW * i + ROW / 2;
    const cls = on.has(i) ? 'tc-row on' : 'tc-row';
    marks.push({
      kind: 'text',
      key: `label-${i}`,
      class: `${cls} tc-label`,
      x: M.left - 10,
      y,
      text: m.label,
      anchor: 'end',
      baseline: 'middle',
    });
    const xs = m.seeds.map((s) => x(s.accuracy * 100));
    marks.push({
      kind: 'line',
      key: `span-${i}`,
      class: `${cls} tc-span`,
      x1: round1(Math.min(...xs)),
      y1: y,
      x2: round1(Math.max(...xs)),
      y2: y,
    });
    marks.push({
      kind: 'line',
      key: `mean-${i}`,
      class: `${cls} tc-mean`,
      x1: round1(x(m.mean * 100)),
      y1: y - 9,
      x2: round1(x(m.mean * 100)),
      y2: y + 9,
      title: `${m.label}: mean ${formatTestAccuracy(m.mean)}`,
    });
    m.seeds.forEach((s, k) =>
      marks.push({
        kind: 'circle',
        key: `seed-${i}-${s.seed}`,
        class: `${cls} tc-seed seed-${k}`,
        cx: round1(x(s.accuracy * 100)),
        cy: y,
        r: 5,
        title: `${m.label}, seed ${s.seed}: ${formatTestAccuracy(s.accuracy)}`,
        data: { model: m.id, seed: s.seed, accuracy: r4(s.accuracy) },
      }),
    );
  });
  return {
    width: W,
    height: H,
    label: `Test accuracy of ${fig.members.map((m) => m.label).join(', ')}: a dot per training seed, a tick at the mean`,
    marks,
  };
}

/** Accuracy against MACs: a dot per seed, the means joined in the series' order. */
export function macsScene(fig: ComparisonFigure, pair = 0): Scene {
  const H = 260;
  const B = { top: 16, right: 24, bottom: 46, left: 52 };
  const [lo, hi] = accuracyDomain(fig);
  const maxMacs = Math.max(...fig.members.map((m) => m.macs));
  const x = linearScale([0, maxMacs * 1.08], [B.left, W - B.right]);
  const y = linearScale([lo, hi], [H - B.bottom, B.top]);
  const on = highlighted(fig, pair);
  const marks: Mark[] = [
    ...axisMarks(x, {
      orient: 'bottom',
      at: H - B.bottom,
      ticks: 5,
      format: (v) => formatCompact(v),
      label: 'MACs per image',
    }),
    ...axisMarks(y, {
      orient: 'left',
      at: B.left,
      tickValues: niceTicks(lo, hi, 4),
      format: (v) => `${v} %`,
      label: 'Test accuracy',
    }),
    {
      kind: 'path',
      key: 'means',
      class: 'tc-means',
      d: fig.members.map((m, i) => `${i ? 'L' : 'M'}${round1(x(m.macs))},${round1(y(m.mean * 100))}`).join(''),
    },
  ];
  fig.members.forEach((m, i) => {
    const cls = on.has(i) ? 'tc-row on' : 'tc-row';
    m.seeds.forEach((s, k) =>
      marks.push({
        kind: 'circle',
        key: `seed-${i}-${s.seed}`,
        class: `${cls} tc-seed seed-${k}`,
        cx: round1(x(m.macs)),
        cy: round1(y(s.accuracy * 100)),
        r: 5,
        title: `${m.label} (${formatCompact(m.macs)} MACs), seed ${s.seed}: ${formatTestAccuracy(s.accuracy)}`,
        data: { model: m.id, seed: s.seed, accuracy: r4(s.accuracy) },
      }),
    );
    const top = Math.max(...m.seeds.map((s) => s.accuracy * 100));
    marks.push({
      kind: 'text',
      key: `label-${i}`,
      class: `${cls} tc-label`,
      x: round1(x(m.macs)),
      y: round1(y(top) - 10),
      text: m.label,
      anchor: 'middle',
    });
  });
  return {
    width: W,
    height: H,
    label: `Test accuracy against MACs of ${fig.members.map((m) => m.label).join(', ')}, a dot per training seed`,
    marks,
  };
}
