/**
 * Finished runs of the playground: the record kept in localStorage, reading it back (malformed
 * entries are dropped, never thrown), CSV and JSON export, and the accuracy-against-MACs scatter
 * layout (MACs on a log axis, as the zoo's scatter draws them).
 */
import { configFromQuery, configLabel, configToQuery, type TrainConfig } from './train-config.ts';
import type { Tick } from './train-curves.ts';
import { decades, linearScale, logScale, niceTicks, type ChartFrame } from '../charts/scale.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';

export const RUNS_KEY = 'depthwise.train.runs.v1';

export interface RunRecord {
  readonly id: string;
  readonly config: TrainConfig;
  readonly params: number;
  readonly macs: number;
  /** Test-subset accuracy, a fraction. */
  readonly accuracy: number;
  readonly testLoss: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
  /** ISO time the run finished. */
  readonly finished: string;
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** RunRecord's numeric fields, in its order: each must be a finite number in a stored run. */
const NUMERIC_FIELDS = [
  'params',
  'macs',
  'accuracy',
  'testLoss',
  'seconds',
  'imagesPerSecond',
] as const satisfies readonly (keyof RunRecord)[];

/** Runs from stored JSON; anything malformed is skipped. */
export function parseRuns(json: string | null): RunRecord[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: RunRecord[] = [];
  for (const r of raw) {
    if (typeof r !== 'object' || r === null) continue;
    const o = r as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.query !== 'string' || typeof o.finished !== 'string') continue;
    const numbers = Object.fromEntries(NUMERIC_FIELDS.map((k) => [k, o[k]]));
    if (!Object.values(numbers).every(num)) continue;
    const parsed = configFromQuery(o.query);
    if (parsed.rejected.length) continue;
    out.push({
      id: o.id,
      config: parsed.config,
      ...(numbers as Pick<RunRecord, (typeof NUMERIC_FIELDS)[number]>),
      finished: o.finished,
    });
  }
  return out;
}

/** The JSON stored (and exported): the configuration as its URL query, so a row is a shareable link. */
export function serializeRuns(runs: readonly RunRecord[]): string {
  return JSON.stringify(
    runs.map(({ config, ...r }) => ({ ...r, label: configLabel(config), query: configToQuery(config) })),
    null,
    1,
  );
}

const CSV_COLUMNS = [
  'id',
  'block',
  'width',
  'depth',
  'resolution',
  'optimizer',
  'lr',
  'batch',
  'epochs',
  'seed',
  'params',
  'macs',
  'accuracy',
  'test_loss',
  'seconds',
  'images_per_second',
  'finished',
] as const;

export function runsToCsv(runs: readonly RunRecord[]): string {
  const rows = runs.map((r) =>
    [
      r.id,
      r.config.block,
      r.config.width,
      r.config.depth,
      r.config.resolution,
      r.config.optimizer,
      r.config.lr,
      r.config.batch,
      r.config.epochs,
      r.config.seed,
      r.params,
      r.macs,
      r.accuracy,
      r.testLoss,
      r.seconds,
      r.imagesPerSecond,
      r.finished,
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/**
 * A run of the pre-trained tiny family (public/models/trained/manifest.json, read at build time by
 * the page and passed down as props): drawn beside the reader's runs, never part of their front,
 * since it trained on all 60,000 images and the reader's runs on the bundled subset.
 */
export interface FamilyPoint {
  readonly id: string;
  readonly seed: number;
  readonly macs: number;
  /** Test accuracy on all the test images, a fraction. */
  readonly accuracy: number;
  /** What it trained on: images and epochs (the legend and tooltips say so). */
  readonly trainImages: number;
  readonly epochs: number;
}

/** "family: 60,000 images, 1 epoch": what the family's points trained on, from the points themselves. */
export function familyTrainingLabel(f: Pick<FamilyPoint, 'trainImages' | 'epochs'>): string {
  return `family: ${formatInt(f.trainImages)} images, ${f.epochs} epoch${f.epochs === 1 ? '' : 's'}`;
}

/** A run on the scatter: its centre and the sentence its tooltip reads. */
interface ScatterDot {
  readonly cx: number;
  readonly cy: number;
  readonly label: string;
}

export interface ScatterLayout extends ChartFrame {
  readonly points: readonly (ScatterDot & { readonly id: string })[];
  /** The family's runs, one per model and seed; `key` is `<id>@<seed>`. */
  readonly family: readonly (ScatterDot & { readonly key: string })[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** Runs no other run beats on both axes (fewer or equal MACs and higher or equal accuracy), by MACs. */
  readonly front: string;
}

const compact = (v: number): string =>
  v >= 1e9 ? `${v / 1e9}G` : v >= 1e6 ? `${v / 1e6}M` : v >= 1e3 ? `${v / 1e3}k` : String(v);

export function scatterLayout(
  runs: readonly RunRecord[],
  width: number,
  height: number,
  family: readonly FamilyPoint[] = [],
): ScatterLayout {
  // The right margin holds half of the last decade's label, centred on the plot's edge ("100M"
  // once the family's largest models, 17.5 M MACs, widen the axis past 10M).
  const plot = { left: 44, top: 10, right: width - 20, bottom: height - 28 };
  const macs = [...runs.map((r) => r.macs), ...family.map((f) => f.macs)];
  const ticksX = decades(Math.min(1e4, ...macs), Math.max(1e7, ...macs));
  const sx = logScale([ticksX[0], ticksX.at(-1)!], [plot.left, plot.right]);
  const sy = linearScale([0, 1], [plot.bottom, plot.top]);
  const points = runs.map((r) => ({
    id: r.id,
    cx: sx(r.macs),
    cy: sy(r.accuracy),
    label: `${configLabel(r.config)}: ${(r.accuracy * 100).toFixed(1)} % at ${compact(r.macs)} MACs`,
  }));
  const front = [...runs]
    .filter(
      (r) =>
        !runs.some(
          (o) =>
            o !== r && o.macs <= r.macs && o.accuracy >= r.accuracy && (o.macs < r.macs || o.accuracy > r.accuracy),
        ),
    )
    .sort((a, b) => a.macs - b.macs)
    .map((r, i) => `${i ? 'L' : 'M'}${sx(r.macs).toFixed(1)},${sy(r.accuracy).toFixed(1)}`)
    .join('');
  const familyMarks = family.map((f) => ({
    key: `${f.id}@${f.seed}`,
    cx: sx(f.macs),
    cy: sy(f.accuracy),
    label: `${f.id}, seed ${f.seed} (${familyTrainingLabel(f)}): ${(f.accuracy * 100).toFixed(2)} % at ${formatCompact(f.macs)} MACs`,
  }));
  return {
    width,
    height,
    plot,
    points,
    family: familyMarks,
    front,
    xTicks: ticksX.map((v) => ({ pos: sx(v), label: compact(v) })),
    yTicks: niceTicks(0, 1, 5).map((v) => ({ pos: sy(v), label: `${Math.round(v * 100)} %` })),
  };
}
