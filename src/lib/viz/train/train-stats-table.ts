/**
 * Build-time half of train-stats.ts (imports the engine; pages call it in their frontmatter). Figures the playground shows before training, from the engine: parameters and MACs (static
 * analysis of the graph the run trains) and the memory one training step needs (the engine's
 * up-front estimate: activations kept for backward, parameters, gradients, optimizer state).
 *
 * They are computed at build time for every configuration the controls offer (a few hundred
 * graphs), so the page shows them live without loading the engine. The kept activations grow
 * linearly with the batch (every kept tensor has the batch as dim 0), so a row stores the
 * per-image and the fixed part; `memoryBytes` rebuilds the trainer's total for any batch and
 * optimizer (tests/unit/viz/train checks it equals the trainer's own figure).
 */
import { analyze, trainingMemory } from '../../engine/index.ts';
import { materialize, buildFromSpec } from '../../models/index.ts';
import { BLOCKS, CHOICES, configSpec, type BlockKind, type TrainConfig } from './train-config.ts';
import { statsKey, type ConfigStats, type StatsTable } from './train-stats.ts';

/** Statistics of one configuration's training graph (1-channel stem, 10 classes). */
export function configStats(c: Pick<TrainConfig, 'block' | 'width' | 'depth' | 'resolution'>): ConfigStats {
  const g = buildFromSpec(configSpec({ ...c } as TrainConfig), { numClasses: 10, inChannels: 1, batch: 1 });
  const a = analyze(g);
  const weights = materialize(g, 1);
  const m1 = trainingMemory(weights, 1, { inputGrads: false });
  const m2 = trainingMemory(weights, 2, { inputGrads: false });
  const keptPerImage = m2.keptBytes - m1.keptBytes;
  return {
    params: a.params,
    macs: a.macs,
    keptPerImage,
    fixedBytes: m1.totalBytes - keptPerImage,
    trainable: m1.gradientBytes / 4,
  };
}

/** Every configuration the controls offer. */
export function statsTable(): StatsTable {
  const out: Record<string, ConfigStats> = {};
  for (const b of BLOCKS)
    for (const width of CHOICES.width)
      for (const depth of CHOICES.depth)
        for (const resolution of CHOICES.resolution) {
          const c = { block: b.id as BlockKind, width, depth, resolution };
          out[statsKey(c)] = configStats(c);
        }
  return out;
}
