/**
 * The pre-trained tiny family as points for the playground's runs chart (issue "Train it
 * yourself": every finished run becomes a point beside the pre-trained family's points). Built at
 * build time from the manifest (src/lib/family/trained-index.ts) and passed to the playground as
 * props; the legend says what the family trained on, since the reader's runs train on the bundled
 * subset for fewer steps. Distinct training set-ups get distinct legend entries, so the label
 * never claims more than every point did.
 */
import type { TrainedFamily } from '../../family/trained-index.ts';
import { familyTrainingLabel, type FamilyPoint } from './train-runs.ts';

/** One point per run (model and seed), in the family's order. */
export function familyPoints(family: TrainedFamily): FamilyPoint[] {
  return family.models.flatMap((m) =>
    m.runs.map((r) => ({
      id: m.id,
      seed: r.seed,
      macs: m.macs,
      accuracy: r.accuracy,
      trainImages: r.trainImages,
      epochs: r.recipe.epochs,
    })),
  );
}

/** The legend's family entries: one per (images, epochs) set-up among the points. */
export function familyLegend(points: readonly FamilyPoint[]): string[] {
  return [...new Set(points.map((p) => familyTrainingLabel(p)))];
}
