/**
 * The graph a tiny-family run starts from: the tiny spec built by the zoo's builder with a
 * 1-channel stem (src/lib/train/model.ts says why not three repeated channels), seeded weights
 * (He init, BatchNorm calibrated: src/lib/models/materialize.ts), and for CNNs a symbolic batch
 * 'N' so one graph trains at batch N and exports for any runtime. The zoo's ViT graph is batch 1:
 * the trainer runs it one image at a time with summed gradients (it has no BatchNorm).
 */
import type { Graph } from '../engine/index.ts';
import { materialize } from '../models/materialize.ts';
import { buildTinyModel, getTinyModel } from '../models/tiny.ts';
import { BATCH_DIM, withBatchDim } from '../train/model.ts';

export function tinyTrainingGraph(id: string, seed: number): Graph {
  const entry = getTinyModel(id);
  // Materialise at batch 1 (the calibration runs one reference image), then relabel the batch.
  const g = materialize(buildTinyModel(id, { batch: 1 }), seed);
  return entry.spec.kind === 'vit' ? g : withBatchDim(g, BATCH_DIM);
}
