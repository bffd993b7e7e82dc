/**
 * The training playground's worker logic, DOM-free (Node tests drive it): it wraps the training
 * worker's handler (src/lib/train/worker.ts) and adds what a page needs around a run — the model
 * built from a playground configuration, the bundled data, test-set evaluation while training
 * (loss, accuracy, a confusion matrix, misclassified images) and the learned depthwise kernels of
 * a chosen layer. The wrapped handler has no hook into its steps, so this file listens on its
 * port: each 'progress' is forwarded, and every `evalEvery`-th one (and 'done') takes a weights
 * snapshot from the handler — synchronously, between two steps — and evaluates it.
 */
import { f32, runGraph, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { makeBatch } from '~/lib/data/batches.ts';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { createTrainWorkerHandler } from '~/lib/train/worker.ts';
import type { TrainResponse } from '~/lib/train/worker-protocol.ts';
import type { TrainConfig } from '~/lib/viz/train-config.ts';
import { configGraph, configRecipe, depthwiseLayers, NORM } from '~/lib/viz/train-graph.ts';
import { MEMORY_BUDGET } from '~/lib/viz/train-stats.ts';

export type PlaygroundRequest =
  | { type: 'start'; config: TrainConfig; train: ImageSet; test: ImageSet; progressEvery?: number; evalEvery?: number; evalImages?: number; layer?: string; memoryBudget?: number }
  | { type: 'pause' } | { type: 'resume' } | { type: 'step' } | { type: 'cancel' }
  /** Which depthwise layer's kernels to send (now and with every evaluation). */
  | { type: 'layer'; layer: string };

export interface Evaluated {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly count: number;
  /** Predicted class per evaluated test image. */
  readonly predicted: Uint8Array;
}

export interface Kernels {
  readonly step: number;
  readonly layer: string;
  readonly channels: number;
  readonly k: number;
  /** [channels, k, k] */
  readonly data: Float32Array;
}

export type PlaygroundResponse =
  | TrainResponse
  | { type: 'layers'; layers: readonly string[] }
  | { type: 'eval'; eval: Evaluated; final: boolean }
  | { type: 'kernels'; kernels: Kernels };

/** Evaluates `count` test images with the given weights (inference forward, running statistics). */
export function evaluateWeights(g: Graph, weights: Record<string, Tensor>, set: ImageSet, count: number, step: number): Evaluated {
  const graph: Graph = { ...g, initializers: new Map(Object.entries(weights)) };
  const input = g.inputs[0].name;
  const logits = g.outputs[0].name;
  const res = g.inputs[0].dims[2] as number;
  const predicted = new Uint8Array(count);
  let lossSum = 0;
  let correct = 0;
  const B = 100;
  for (let s = 0; s < count; s += B) {
    const n = Math.min(B, count - s);
    const b = makeBatch(set, Int32Array.from({ length: n }, (_, i) => s + i), { ...NORM, channels: 1, resolution: res });
    const y = runGraph(graph, { [input]: f32(b.dims, b.x) })[logits].data as Float32Array;
    const r = softmaxCrossEntropy(y, n, 10, b.labels, 0);
    lossSum += r.loss * n;
    correct += r.correct;
    predicted.set(Uint8Array.from(r.predicted), s);
  }
  return { step, loss: lossSum / count, accuracy: correct / count, count, predicted };
}

export function createPlaygroundHandler(
  port: { postMessage(m: PlaygroundResponse): void },
  schedule?: (fn: () => void) => void,
): (req: PlaygroundRequest) => void {
  let run: { graph: Graph; test: ImageSet; evalEvery: number; evalImages: number; layer: string; reports: number; step: number } | undefined;
  let captured: Record<string, Tensor> | undefined;

  const kernels = (weights: Record<string, Tensor>): void => {
    if (!run) return;
    const node = run.graph.nodes.find((n) => n.name === run!.layer);
    const w = node && weights[node.inputs[1]];
    if (!w) return;
    port.postMessage({ type: 'kernels', kernels: { step: run.step, layer: run.layer, channels: w.dims[0], k: w.dims[2], data: Float32Array.from(w.data as Float32Array) } });
  };

  const inspect = (final: boolean): void => {
    if (!run) return;
    captured = undefined;
    handle({ type: 'snapshot' });
    const weights = captured as Record<string, Tensor> | undefined;
    if (!weights) return;
    port.postMessage({ type: 'eval', eval: evaluateWeights(run.graph, weights, run.test, final ? run.test.count : Math.min(run.evalImages, run.test.count), run.step), final });
    kernels(weights);
  };

  const handle = createTrainWorkerHandler({
    postMessage(m) {
      if (m.type === 'snapshot') {
        captured = m.weights;
        return;
      }
      port.postMessage(m);
      if (!run) return;
      if (m.type === 'progress') {
        run.step = m.progress.step;
        run.reports++;
        if (run.reports % run.evalEvery === 0 && m.progress.step < m.progress.totalSteps) inspect(false);
      } else if (m.type === 'done') {
        run.step = m.step;
        inspect(true);
      }
    },
  }, schedule);

  return (req) => {
    switch (req.type) {
      case 'start': {
        const graph = configGraph(req.config);
        const layers = depthwiseLayers(graph);
        run = { graph, test: req.test, evalEvery: Math.max(1, req.evalEvery ?? 3), evalImages: req.evalImages ?? 200, layer: req.layer && layers.includes(req.layer) ? req.layer : layers[0] ?? '', reports: 0, step: 0 };
        port.postMessage({ type: 'layers', layers });
        handle({
          type: 'start', graph, data: req.train, recipe: configRecipe(req.config), norm: NORM,
          progressEvery: req.progressEvery ?? 5, memoryBudget: req.memoryBudget ?? MEMORY_BUDGET,
        });
        return;
      }
      case 'layer': {
        if (!run) return;
        run.layer = req.layer;
        captured = undefined;
        handle({ type: 'snapshot' });
        if (captured) kernels(captured);
        return;
      }
      default:
        handle(req);
    }
  };
}
