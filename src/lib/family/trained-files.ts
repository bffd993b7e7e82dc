/**
 * Build-time access to what the repository ships for the trained family: the committed models
 * (public/models/trained/, listed by its manifest) and the bundled Fashion-MNIST test subset
 * (public/data/fashion-mnist/, written by scripts/gen-train-data.ts). Node only (it reads files):
 * lesson figures call it while the site is built, never in the browser. A model that is not
 * committed reads as `null`, so a figure can leave it out instead of failing the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FASHION_MNIST_CLASSES, type ImageSet } from '../data/fashion-mnist.ts';
import { parseIdx } from '../data/idx.ts';
import type { Graph } from '../engine/index.ts';
import { readTrained } from '../train/checkpoint.ts';
import type { TrainedModel } from './manifest.ts';
import { readTrainedFamily } from './trained-read.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TRAINED_DIR = join(ROOT, 'public/models/trained');
const TEST_DIR = join(ROOT, 'public/data/fashion-mnist');
/** Images in the bundled test subset (the first ones of the test split; src/lib/viz/train/train-data.ts). */
export const BUNDLED_TEST_IMAGES = 1000;

/** The committed runs (validated by the family's one reader, trained-read.ts), or none. */
export function trainedRuns(root = ROOT): readonly TrainedModel[] {
  return readTrainedFamily(root).models.flatMap((m) => m.runs);
}

/** A committed run's graph and manifest entry, or null when that run is not committed. */
export function trainedGraph(id: string, seed: number): { graph: Graph; run: TrainedModel } | null {
  const run = trainedRuns().find((m) => m.id === id && m.seed === seed);
  if (!run) return null;
  return { graph: readTrained(readFileSync(join(TRAINED_DIR, run.file))).graph, run };
}

/** The bundled test subset: the first 1,000 test images with their labels. */
export function bundledTestSet(dir = TEST_DIR): ImageSet {
  const n = BUNDLED_TEST_IMAGES;
  const images = parseIdx(readFileSync(join(dir, `test-${n}-images.idx`)), 'bundled test images', {
    dims: [n, 28, 28],
  });
  const labels = parseIdx(readFileSync(join(dir, `test-${n}-labels.idx`)), 'bundled test labels', { dims: [n] });
  return {
    count: n,
    height: 28,
    width: 28,
    images: images.data,
    labels: labels.data,
    classes: FASHION_MNIST_CLASSES,
  };
}
