/**
 * What the site shows about the trained tiny family, computed from the manifest
 * (public/models/trained/manifest.json, src/lib/family/manifest.ts): runs grouped by model with
 * both seeds, each model's mean and seed spread, and every comparison of TINY_COMPARISONS whose
 * models all have every seed, with its differences set against the seed spread.
 *
 * The rule (issue "Trained tiny models"): a difference is called a difference only when it is
 * larger than the spread between seeds. Here the spread of a pair is the larger of its two models'
 * seed spreads (max − min accuracy over the seeds): a gap two runs of the same network can open
 * by the seed alone says nothing about the architectures. What happens is reported, null results
 * included.
 *
 * The family is trained over several sessions, so any subset may be present: a model is listed
 * when it has at least one run, and a comparison only when all its models have all FAMILY_SEEDS
 * (never a placeholder for what is not trained). Pure: the caller reads the file
 * (trained-read.ts at build time).
 */
import { TINY_COMPARISONS, type TinyComparison } from '../models/tiny-comparisons.ts';
import { TINY_MODELS, type TinyEntry } from '../models/tiny.ts';
import { validateManifest, type TrainedManifest, type TrainedModel } from './manifest.ts';
import { FAMILY_SEEDS } from './recipe.ts';

/** One model of the family: its id, params and MACs (every seed's, checked equal) and its runs' accuracy. */
export interface TrainedSummary extends Pick<TrainedModel, 'id' | 'params' | 'macs'> {
  readonly entry: TinyEntry;
  /** The runs, by seed. */
  readonly runs: readonly TrainedModel[];
  /** Every seed of FAMILY_SEEDS is trained. */
  readonly complete: boolean;
  /** Mean test accuracy over the runs (a fraction). */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** max − min: how far the seed alone moves the accuracy (0 with one run). */
  readonly spread: number;
}

/** Two models of a comparison, `a` against `b`. */
export interface PairResult {
  readonly a: string;
  readonly b: string;
  /** mean(a) − mean(b), a fraction. */
  readonly difference: number;
  /** The larger of the two models' seed spreads. */
  readonly spread: number;
  /** |difference| > spread: the only case called a difference. */
  readonly exceeds: boolean;
  /** Which model is better when `exceeds`; null when the difference is within the seed spread. */
  readonly better: string | null;
}

/** A member's id and MACs against the comparison's reference. */
export interface MacsMatch extends Pick<TrainedSummary, 'id' | 'macs'> {
  /** (macs − macs of the reference) / macs of the reference. */
  readonly relative: number;
  /** |relative| ≤ the comparison's tolerance. */
  readonly within: boolean;
}

export interface ComparisonResult {
  readonly comparison: TinyComparison;
  readonly members: readonly TrainedSummary[];
  /**
   * Matched comparisons: the reference against each other member. Series (no matched cost: the
   * width multipliers, φ = 0…3, SE on/off): each member against the next.
   */
  readonly pairs: readonly PairResult[];
  /** Only for comparisons at matched MACs: each non-reference member against the reference. */
  readonly macs: readonly MacsMatch[] | null;
  /** The largest seed spread among the members. */
  readonly spread: number;
  /** Some pair's difference is larger than its seed spread. */
  readonly anyDifference: boolean;
}

export interface TrainedFamily {
  readonly dataset: TrainedManifest['dataset'] | null;
  /** In the family's order (TINY_MODELS); only models with at least one run. */
  readonly models: readonly TrainedSummary[];
  /** Only comparisons whose members are all complete. */
  readonly comparisons: readonly ComparisonResult[];
}

export const EMPTY_FAMILY: TrainedFamily = { dataset: null, models: [], comparisons: [] };

function summarize(entry: TinyEntry, runs: TrainedModel[], seeds: readonly number[]): TrainedSummary {
  runs.sort((x, y) => x.seed - y.seed);
  const first = runs[0];
  for (const r of runs) {
    if (r.params !== first.params || r.macs !== first.macs)
      throw new Error(
        `trained manifest: ${entry.id} seed ${r.seed} has params ${r.params} / MACs ${r.macs}, seed ${first.seed} ` +
          `${first.params} / ${first.macs}: the seeds of one model must be the same network`,
      );
  }
  const acc = runs.map((r) => r.accuracy);
  const min = Math.min(...acc);
  const max = Math.max(...acc);
  return {
    id: entry.id,
    entry,
    runs,
    params: first.params,
    macs: first.macs,
    complete: seeds.every((s) => runs.some((r) => r.seed === s)),
    mean: acc.reduce((s, a) => s + a, 0) / acc.length,
    min,
    max,
    spread: max - min,
  };
}

/** `a` against `b`: the difference of means, called one only when larger than both seed spreads. */
export function comparePair(a: TrainedSummary, b: TrainedSummary): PairResult {
  const difference = a.mean - b.mean;
  const spread = Math.max(a.spread, b.spread);
  const exceeds = Math.abs(difference) > spread;
  return { a: a.id, b: b.id, difference, spread, exceeds, better: exceeds ? (difference > 0 ? a.id : b.id) : null };
}

function compare(c: TinyComparison, members: TrainedSummary[]): ComparisonResult {
  let pairs: PairResult[];
  let macs: MacsMatch[] | null = null;
  if (c.matched) {
    const { to, tolerance } = c.matched;
    const ref = members.find((m) => m.id === to);
    if (!ref) throw new Error(`comparison ${c.id}: its reference ${to} is not one of its members`);
    const others = members.filter((m) => m !== ref);
    pairs = others.map((m) => comparePair(ref, m));
    macs = others.map((m) => {
      const relative = (m.macs - ref.macs) / ref.macs;
      return { id: m.id, macs: m.macs, relative, within: Math.abs(relative) <= tolerance + 1e-12 };
    });
  } else {
    pairs = members.slice(0, -1).map((m, i) => comparePair(m, members[i + 1]));
  }
  return {
    comparison: c,
    members,
    pairs,
    macs,
    spread: Math.max(...members.map((m) => m.spread)),
    anyDifference: pairs.some((p) => p.exceeds),
  };
}

export interface IndexOptions {
  /** The family (default TINY_MODELS) and comparisons (default TINY_COMPARISONS); tests pass their own. */
  readonly models?: readonly TinyEntry[];
  readonly comparisons?: readonly TinyComparison[];
  /** The seeds a complete model has (default FAMILY_SEEDS). */
  readonly seeds?: readonly number[];
}

/** The family from a validated manifest; throws naming the run when a run is not a family member. */
export function trainedIndex(manifest: TrainedManifest, o: IndexOptions = {}): TrainedFamily {
  const family = o.models ?? TINY_MODELS;
  const seeds = o.seeds ?? FAMILY_SEEDS;
  const byId = new Map<string, TrainedModel[]>();
  for (const run of manifest.models) {
    if (!family.some((e) => e.id === run.id))
      throw new Error(
        `trained manifest: run ${run.id} seed ${run.seed} is not a tiny-family model (src/lib/models/tiny.ts)`,
      );
    byId.set(run.id, [...(byId.get(run.id) ?? []), run]);
  }
  const models = family.filter((e) => byId.has(e.id)).map((e) => summarize(e, byId.get(e.id)!, seeds));
  const found = new Map(models.map((m) => [m.id, m]));
  const comparisons = (o.comparisons ?? TINY_COMPARISONS)
    .filter((c) => c.members.every((id) => found.get(id)?.complete))
    .map((c) =>
      compare(
        c,
        c.members.map((id) => found.get(id)!),
      ),
    );
  return { dataset: manifest.dataset, models, comparisons };
}

/**
 * The family from the manifest's parsed JSON, or the empty family when there is no manifest
 * (`undefined`); a manifest that does not validate throws with every error and its JSON path.
 */
export function familyFromJson(json: unknown, o: IndexOptions = {}): TrainedFamily {
  if (json === undefined) return EMPTY_FAMILY;
  const r = validateManifest(json);
  if (!r.ok) throw new Error(`public/models/trained/manifest.json is invalid:\n${r.errors.join('\n')}`);
  return trainedIndex(r.manifest, o);
}

/** The URL of a run's ONNX file on the site. */
export function trainedFileUrl(run: TrainedModel): string {
  return `/models/trained/${run.file}`;
}
