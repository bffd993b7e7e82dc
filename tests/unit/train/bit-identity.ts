/**
 * The training-step fingerprint the bit-identity guard (bit-identity.test.ts) compares: a few
 * family-recipe steps of a tiny-family model on the first Fashion-MNIST images, the loss of each
 * step as the hex of its float64 bits, and the SHA-256 of every initializer (weights and BatchNorm
 * running statistics) after the steps. Engine speed-ups must leave all of them unchanged: runs
 * already trained, and runs resumed from checkpoints, must match a from-scratch run bit for bit.
 */
import { createHash } from 'node:crypto';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD } from '~/lib/data/fashion-mnist.ts';
import { tinyTrainingGraph } from '~/lib/family/graph.ts';
import { FAMILY_RECIPE } from '~/lib/family/recipe.ts';
import { createTrainer, type Recipe } from '~/lib/train/trainer.ts';

export interface Fingerprint {
  readonly losses: string[];
  readonly weights: string;
}

const hex64 = (x: number): string => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
};

/**
 * The recipe the expected fingerprints were recorded with (the family recipe of main 29752b6, with
 * augmentation so the crop/flip path is covered too): the guard checks the code, so it keeps this
 * recipe when the family's changes.
 */
const RECORDED_RECIPE: Recipe = {
  ...FAMILY_RECIPE,
  lr: 2e-3,
  labelSmoothing: 0.1,
  augment: { pad: 2, flip: true },
  seed: 1,
};

export function fingerprint(id: string, data: ImageSet, steps: number, reuseBuffers = true): Fingerprint {
  const graph = tinyTrainingGraph(id, 1);
  const t = createTrainer(
    graph,
    data,
    RECORDED_RECIPE,
    { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD },
    { reuseBuffers },
  );
  const losses = Array.from({ length: steps }, () => hex64(t.step().loss));
  const h = createHash('sha256');
  for (const [name, tensor] of [...t.graph.initializers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    h.update(name);
    const d = tensor.data;
    h.update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  }
  return { losses, weights: h.digest('hex') };
}
