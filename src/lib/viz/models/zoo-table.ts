/**
 * The zoo table: one row per zoo model with its computed params and MACs (engine analysis of the
 * spec's graph) and the top-1 accuracy it is cited with; sorting and filtering as pure functions.
 * The page's script sorts the rendered rows with `compareValues` over the values ZooTable.astro
 * writes from `sortValue` (components/models/zoo-table-sort.ts, unit-tested against `sortZooRows`).
 */
import { MODELS, modelStats, type Citation, type Family, type ModelStats, type ZooEntry } from '../../models/index.ts';
import { formatAccuracy } from '../charts/number-format.ts';

export interface CitedTop1 {
  readonly value: number;
  readonly source: string;
  /** Short tag for the table, e.g. 'paper', 'timm eval'. */
  readonly tag: string;
  /** True for a number from the paper that introduced the model (or its official repository). */
  readonly paper: boolean;
  readonly note?: string;
}

/** A zoo entry's own figures: what it is, and the params and MACs the engine computes for it. */
export interface EntryFigures {
  readonly id: string;
  readonly family: Family;
  readonly resolution: number;
  readonly numClasses: number;
  readonly params: number;
  readonly macs: number;
}

export interface ZooRow extends EntryFigures {
  readonly top1?: CitedTop1;
  readonly href: string;
}

export type ZooSortKey = 'family' | 'id' | 'resolution' | 'params' | 'macs' | 'top1';
export type SortDir = 'ascending' | 'descending';

/** Families in course order (the zoo's order). */
export const FAMILIES: readonly Family[] = [...new Set(MODELS.map((m) => m.family))];

const isRepoResults = (s: string): boolean =>
  s.startsWith('timm') || s.startsWith('torchvision') || s.startsWith('TF-slim');

/** A short label for a citation's source. */
export function sourceTag(source: string): string {
  if (source.startsWith('timm results/results-imagenet')) return 'timm eval';
  if (source.startsWith('timm results/benchmark')) return 'timm profiler';
  if (source.startsWith('timm')) return 'timm';
  if (source.startsWith('torchvision')) return 'torchvision';
  if (source.startsWith('TF-slim')) return 'TF-slim';
  if (/README/.test(source)) return 'official README';
  if (/secondary source/.test(source)) return 'secondary';
  return 'paper';
}

/**
 * The top-1 a row shows: the paper's own figure when there is one, else the first cited
 * evaluation (timm's results CSV, torchvision, TF-slim), tagged so the two are never confused.
 */
export function citedTop1(published: readonly Citation[]): CitedTop1 | undefined {
  const withTop1 = published.filter((c) => c.top1 !== undefined && !/secondary source/.test(c.source));
  const pick = withTop1.find((c) => !isRepoResults(c.source)) ?? withTop1[0];
  if (!pick || pick.top1 === undefined) return undefined;
  const tag = sourceTag(pick.source);
  return {
    value: pick.top1,
    source: pick.source,
    tag,
    paper: tag === 'paper' || tag === 'official README',
    ...(pick.note ? { note: pick.note } : {}),
  };
}

/** The figures of one entry, the columns a per-model listing starts with (`stats`: already computed ones). */
export function entryFigures(m: ZooEntry, stats: ModelStats = modelStats(m.id)): EntryFigures {
  return {
    id: m.id,
    family: m.family,
    resolution: m.spec.resolution,
    numClasses: m.spec.numClasses,
    params: stats.params,
    macs: stats.macs,
  };
}

/** The row of one zoo entry. */
export function zooRow(m: ZooEntry): ZooRow {
  const top1 = citedTop1(m.published);
  return { ...entryFigures(m), ...(top1 ? { top1 } : {}), href: `/models/${m.id}/` };
}

export function zooRows(models: readonly ZooEntry[] = MODELS): ZooRow[] {
  return models.map(zooRow);
}

/** The value a column sorts by (family sorts by course order, then the zoo order inside it). */
export function sortValue(row: ZooRow, key: ZooSortKey): number | string | undefined {
  switch (key) {
    case 'family':
      return FAMILIES.indexOf(row.family);
    case 'id':
      return row.id;
    case 'top1':
      return row.top1?.value;
    default:
      return row[key];
  }
}

/**
 * Compares two sort values; missing values (no cited top-1) always go last, whatever the
 * direction, and ties keep their earlier order (Array.prototype.sort is stable).
 */
export function compareValues(a: number | string | undefined, b: number | string | undefined, dir: SortDir): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en');
  return dir === 'ascending' ? c : -c;
}

export function sortZooRows(rows: readonly ZooRow[], key: ZooSortKey, dir: SortDir): ZooRow[] {
  return [...rows].sort((a, b) => compareValues(sortValue(a, key), sortValue(b, key), dir));
}

/** Rows of one family, or all rows for 'all'. */
export function filterZooRows(rows: readonly ZooRow[], family: Family | 'all'): ZooRow[] {
  return family === 'all' ? [...rows] : rows.filter((r) => r.family === family);
}

/** A top-1 figure as printed: at least one decimal (72.0 %), at most the source's (75.784 %). */
export function formatTop1(v: number): string {
  return formatAccuracy(v);
}
