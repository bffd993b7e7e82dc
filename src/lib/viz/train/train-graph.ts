/**
 * The graph and recipe a playground configuration trains (shared by the worker and the lesson's
 * build-time figures), and which of its layers are depthwise.
 */
import type { Graph } from '../../engine/index.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD } from '../../data/fashion-mnist.ts';
import { specTrainingGraph } from '../../train/source.ts';
import type { Recipe } from '../../train/trainer.ts';
import { configSpec, type TrainConfig } from './train-config.ts';

export const NORM = { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD } as const;

/** The recipe of a configuration (the CLI's defaults: AdamW decay 0.05, SGD Nesterov 0.9 decay 5e-4, label smoothing 0.1, warmup 0.1 epoch per epoch up to 1, no augmentation on a 3 000-image subset). */
export function configRecipe(c: TrainConfig): Recipe {
  return {
    epochs: c.epochs,
    batch: c.batch,
    lr: c.lr,
    optimizer:
      c.optimizer === 'sgd'
        ? { kind: 'sgd', momentum: 0.9, nesterov: true, weightDecay: 5e-4 }
        : { kind: 'adamw', weightDecay: 0.05 },
    warmupEpochs: Math.min(1, 0.1 * c.epochs),
    labelSmoothing: 0.1,
    seed: c.seed,
    augment: null,
  };
}

/** The graph a configuration trains (seeded weights, 1-channel stem, 10 classes, batch 'N'). */
export function configGraph(c: TrainConfig): Graph {
  return specTrainingGraph(configSpec(c), `train-${c.block}`, { classes: 10, seed: c.seed });
}

/** Names of the depthwise convolutions (group = channels, one input channel per kernel) of a graph, in order. */
export function depthwiseLayers(g: Graph): string[] {
  return g.nodes
    .filter((n) => {
      if (n.opType !== 'Conv') return false;
      const a = n.attrs.group;
      const group = a?.type === 'int' ? a.value : 1;
      const w = g.initializers.get(n.inputs[1]) ?? g.declared?.get(n.inputs[1]);
      return group > 1 && w !== undefined && w.dims[0] === group && w.dims[1] === 1;
    })
    .map((n) => n.name);
}
