/**
 * Accuracy of a trained model on a labelled image set: inference forward (BatchNorm on running
 * statistics, fused kernels), arg-max per image, a confusion matrix (rows true class, columns
 * predicted), per-class accuracy (recall: the diagonal over the row sum).
 */
import { runGraph, f32, type Graph } from '../engine/index.ts';
import { makeBatch, type Preprocess } from '../data/batches.ts';
import type { ImageSet } from '../data/fashion-mnist.ts';
import { batchMode, imageInput, logitsOutput } from './model.ts';

export interface Evaluation {
  readonly count: number;
  readonly correct: number;
  /** correct / count, a fraction. */
  readonly accuracy: number;
  readonly classes: readonly string[];
  /** Per class: correct / images of that class (NaN for a class with no image). */
  readonly perClass: readonly number[];
  /** confusion[true][predicted] = images. */
  readonly confusion: readonly (readonly number[])[];
  /** Each image's arg-max class, in set order (stored beside trained runs: src/lib/family/predictions.ts). */
  readonly top1: Uint8Array;
}

export function evaluate(
  source: Graph,
  set: ImageSet,
  norm: Pick<Preprocess, 'mean' | 'std'>,
  opts: { batch?: number; onProgress?: (done: number) => void } = {},
): Evaluation {
  const want = opts.batch ?? 100;
  const mode = batchMode(source, want);
  const batch = mode.kind === 'batched' ? want : 1;
  const graph = mode.graph;
  const { name: input, channels, resolution } = imageInput(graph);
  const { name: logits, classes: k } = logitsOutput(graph);
  const K = set.classes.length;
  if (k < K) throw new Error(`model '${graph.name}' predicts ${k} classes, the data has ${K}`);
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const pre: Preprocess = { ...norm, channels, resolution };
  let correct = 0;
  const top1 = new Uint8Array(set.count);
  for (let start = 0; start < set.count; start += batch) {
    const n = Math.min(batch, set.count - start);
    const idx = Int32Array.from({ length: n }, (_, i) => start + i);
    const b = makeBatch(set, idx, pre);
    const y = runGraph(graph, { [input]: f32(b.dims, b.x) })[logits].data as Float32Array;
    for (let i = 0; i < n; i++) {
      let arg = 0;
      for (let j = 1; j < k; j++) if (y[i * k + j] > y[i * k + arg]) arg = j;
      const t = b.labels[i];
      top1[start + i] = arg;
      if (arg < K) confusion[t][arg]++;
      if (arg === t) correct++;
    }
    opts.onProgress?.(start + n);
  }
  const perClass = confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? NaN : row[c] / total;
  });
  return { count: set.count, correct, accuracy: correct / set.count, classes: set.classes, perClass, confusion, top1 };
}
