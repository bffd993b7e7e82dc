/**
 * How the trained family reads on the site: accuracies on the 10,000 test images (two decimals of
 * a per cent: one image is 0.01 %), differences in percentage points, the recipe in a line, wall
 * times, and each comparison's verdict in words under the seed-spread rule of
 * src/lib/family/trained-index.ts. Pure: the same strings in pages, cards and tests.
 */
import type { TrainedModel } from '../../family/manifest.ts';
import type { ComparisonResult, PairResult } from '../../family/trained-index.ts';
import { formatInt } from '../charts/number-format.ts';

/** A test accuracy (a fraction of 10,000 images) as a percentage with two decimals: 71.72 %. */
export function formatTestAccuracy(a: number): string {
  return `${(a * 100).toFixed(2)} %`;
}

/** A difference of accuracies in percentage points, signed with a true minus: +0.34, −1.20. */
export function formatPoints(d: number, signed = true): string {
  const v = (Math.abs(d) * 100).toFixed(2);
  if (!signed) return `${v} points`;
  return `${d < 0 && v !== '0.00' ? '−' : '+'}${v} points`;
}

/** Wall seconds as 38 s, 2 min 38 s or 1 h 04 min. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The recipe in one line, from the run's own record (every run of the family shares it). */
export function recipeSummary(run: TrainedModel): string {
  const r = run.recipe;
  const opt =
    r.optimizer.kind === 'adamw'
      ? `AdamW (weight decay ${r.optimizer.weightDecay ?? 0})`
      : `SGD${r.optimizer.momentum ? ` (momentum ${r.optimizer.momentum})` : ''}`;
  const aug = r.augment
    ? `random crop (${r.augment.pad} px padding)${r.augment.flip ? ' and horizontal flip' : ''}`
    : 'no augmentation';
  return (
    `${r.epochs} epoch${r.epochs === 1 ? '' : 's'} over ${formatInt(run.trainImages)} training images, ` +
    `batch ${r.batch}, ${opt}, lr ${r.lr} with ${r.warmupEpochs} epoch${r.warmupEpochs === 1 ? '' : 's'} of warmup ` +
    `then cosine, label smoothing ${r.labelSmoothing}, ${aug}`
  );
}

/** "tiny_plain 85.10 % vs tiny_mobilenetv1 86.50 %: +1.40 points for tiny_mobilenetv1, more than the seed spread of 1.00 points". */
export function pairSentence(p: PairResult): string {
  const gap = formatPoints(p.difference, false);
  const spread = formatPoints(p.spread, false);
  if (p.exceeds) {
    const worse = p.better === p.a ? p.b : p.a;
    return `${p.better} beats ${worse} by ${gap}, more than the seed spread (${spread})`;
  }
  return `${p.a} and ${p.b} differ by ${gap}, within the seed spread (${spread}): no difference`;
}

/** The comparison's verdict in words: which pairs differ beyond the seed spread, or the null result. */
export function comparisonVerdict(c: ComparisonResult): string {
  const differing = c.pairs.filter((p) => p.exceeds);
  if (differing.length === 0) {
    return `No difference larger than the seed spread: at this scale the runs do not separate these models (largest seed spread ${formatPoints(c.spread, false)}).`;
  }
  if (differing.length === c.pairs.length) {
    // One pair, a reference against the others (matched cost), or neighbours along a series.
    const what =
      c.pairs.length === 1
        ? 'A difference larger than the seed spread'
        : c.comparison.matched
          ? `Every model differs from ${c.comparison.matched.to} by more than the seed spread`
          : 'Every step is a difference larger than the seed spread';
    return `${what}: ${differing.map(pairSentence).join('; ')}.`;
  }
  const within = c.pairs.filter((p) => !p.exceeds);
  return `${differing.map(pairSentence).join('; ')}; but ${within.map(pairSentence).join('; ')}.`;
}

/** MACs closeness of a matched comparison: "tiny_plain +1.2 % MACs of tiny_mobilenetv1 (tolerance 3 %)". */
export function macsSentence(c: ComparisonResult): string | null {
  if (!c.macs || !c.comparison.matched) return null;
  const { to, tolerance } = c.comparison.matched;
  // An ablation that changes no multiply-add (ReLU6 after the projection) is at exactly the same cost.
  if (c.macs.every((m) => m.relative === 0))
    return `MACs: ${c.macs.map((m) => m.id).join(', ')} the same as ${to}, exactly.`;
  const parts = c.macs.map((m) => {
    const pct = (m.relative * 100).toFixed(1);
    const signed = m.relative < 0 ? `−${pct.slice(1)}` : `+${pct}`;
    return `${m.id} ${signed} %`;
  });
  return `MACs against ${to}: ${parts.join(', ')} (allowed ±${(tolerance * 100).toFixed(0)} %).`;
}
