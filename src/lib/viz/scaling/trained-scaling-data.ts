/**
 * Build-time access for lesson 6 to the trained tiny family's models (Node only: it reads
 * public/models/trained/manifest.json through the family's one reader, trained-read.ts). The
 * figure (ScalingTrained) picks the scaling models out of them and leaves out what is not trained.
 */
import { readTrainedFamily } from '../../family/trained-read.ts';
import type { TrainedSummary } from '../../family/trained-index.ts';

export function trainedModels(): readonly TrainedSummary[] {
  return readTrainedFamily().models;
}
