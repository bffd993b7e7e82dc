/**
 * Build-time access for lessons to one comparison of the trained family (Node only: it reads
 * public/models/trained/manifest.json through the family's one reader, trained-read.ts). Null when
 * any member lacks a seed, so the lesson leaves the figure and its sentences out.
 */
import { readTrainedFamily } from '../../family/trained-read.ts';
import type { ComparisonResult, TrainedSummary } from '../../family/trained-index.ts';

export function trainedComparison(id: string): ComparisonResult | null {
  return readTrainedFamily().comparisons.find((c) => c.comparison.id === id) ?? null;
}

/** One trained model's summary (both seeds), or null when it has no committed run. */
export function trainedSummary(id: string): TrainedSummary | null {
  return readTrainedFamily().models.find((m) => m.id === id) ?? null;
}
