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
import type { TrainConfig } from '~/lib/viz/train/train-config.ts';
import { configGraph, configRecipe, depthwiseLayers, NORM } from '~/lib/viz/train/train-graph.ts';
import { MEMORY_BUDGET } from '~/lib/viz/train/train-stats.ts';
import { inspectWeights, probeWeights, type Inspection, type Probe } from './train-probe.ts';

export { inspectWeights, probeWeights, type Inspection, type Probe };

export type PlaygroundRequest =
  | {
      type: 'start';
      config: TrainConfig;
      train: ImageSet;
      test: ImageSet;
      progressEvery?: number;
      evalEvery?: number;
      evalImages?: number;
      layer?: string;
      image?: number;
      memoryBudget?: number;
    }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'cancel' }
  /** Which depthwise layer's kernels and activations to send (now and with every evaluation). */
  | { type: 'layer'; layer: string }
  /** Which test image the activations are shown on (now and with every evaluation). */
  | { type: 'watch'; image: number }
  /**
   * While paused: one training-mode forward and backward pass of the current weights on the first
   * `images` training images (nothing is updated), reporting every weight's gradient norm, the
   * backward steps of the layer's block, the explanation of dL/dw[m, 0, ky, kx] of the depthwise
   * `layer`, and that layer's input on image 0.
   */
  | { type: 'inspect'; layer: string; m: number; ky: number; kx: number; images?: number };

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
  | { type: 'kernels'; kernels: Kernels }
  | { type: 'inspect'; inspect: Inspection }
  /** The live look inside (see train-probe.ts), with every evaluation and on 'layer' / 'watch'. */
  | { type: 'probe'; probe: Probe };

/** Evaluates `count` test images with the given weights (inference forward, running statistics). */
export function evaluateWeights(
  g: Graph,
  weights: Record<string, Tensor>,
  set: ImageSet,
  count: number,
  step: number,
): Evaluated {
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
    const b = makeBatch(
      set,
      Int32Array.from({ length: n }, (_, i) => s + i),
      { ...NORM, channels: 1, resolution: res },
    );
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
  let run:
    | {
        graph: Graph;
        train: ImageSet;
        test: ImageSet;
        evalEvery: number;
        evalImages: number;
        layer: string;
        image: number;
        reports: number;
        step: number;
      }
    | undefined;
  let captured: Record<string, Tensor> | undefined;

  const kernels = (weights: Record<string, Tensor>): void => {
    if (!run) return;
    const node = run.graph.nodes.find((n) => n.name === run!.layer);
    const w = node && weights[node.inputs[1]];
    if (!w) return;
    port.postMessage({
      type: 'kernels',
      kernels: {
        step: run.step,
        layer: run.layer,
        channels: w.dims[0],
        k: w.dims[2],
        data: Float32Array.from(w.data as Float32Array),
      },
    });
  };

  const probe = (weights: Record<string, Tensor>): void => {
    if (!run || !run.layer) return;
    try {
      port.postMessage({
        type: 'probe',
        probe: probeWeights(run.graph, weights, run.train, run.test, {
          layer: run.layer,
          image: run.image,
          step: run.step,
        }),
      });
    } catch (e) {
      port.postMessage({ type: 'error', code: 'probe', message: e instanceof Error ? e.message : String(e) });
    }
  };

  /** A weights snapshot taken synchronously between two steps (or at a pause). */
  const snapshot = (): Record<string, Tensor> | undefined => {
    captured = undefined;
    handle({ type: 'snapshot' });
    return captured as Record<string, Tensor> | undefined;
  };

  const inspect = (final: boolean): void => {
    if (!run) return;
    const weights = snapshot();
    if (!weights) return;
    port.postMessage({
      type: 'eval',
      eval: evaluateWeights(
        run.graph,
        weights,
        run.test,
        final ? run.test.count : Math.min(run.evalImages, run.test.count),
        run.step,
      ),
      final,
    });
    kernels(weights);
    probe(weights);
  };

  const handle = createTrainWorkerHandler(
    {
      postMessage(m) {
        if (m.type === 'snapshot') {
          captured = m.weights;
          return;
        }
        port.postMessage(m);
        if (!run) return;
        if (m.type === 'paused' || m.type === 'cancelled') run.step = m.step;
        if (m.type === 'progress') {
          run.step = m.progress.step;
          run.reports++;
          if (run.reports % run.evalEvery === 0 && m.progress.step < m.progress.totalSteps) inspect(false);
        } else if (m.type === 'done') {
          run.step = m.step;
          inspect(true);
        }
      },
    },
    schedule,
  );

  return (req) => {
    switch (req.type) {
      case 'start': {
        const graph = configGraph(req.config);
        const layers = depthwiseLayers(graph);
        const image = Math.min(Math.max(0, Math.floor(req.image ?? 0)), req.test.count - 1);
        run = {
          graph,
          train: req.train,
          test: req.test,
          evalEvery: Math.max(1, req.evalEvery ?? 3),
          evalImages: req.evalImages ?? 200,
          layer: req.layer && layers.includes(req.layer) ? req.layer : (layers[0] ?? ''),
          image,
          reports: 0,
          step: 0,
        };
        port.postMessage({ type: 'layers', layers });
        handle({
          type: 'start',
          graph,
          data: req.train,
          recipe: configRecipe(req.config),
          norm: NORM,
          progressEvery: req.progressEvery ?? 5,
          memoryBudget: req.memoryBudget ?? MEMORY_BUDGET,
        });
        return;
      }
      case 'layer':
      case 'watch': {
        if (!run) return;
        if (req.type === 'layer') run.layer = req.layer;
        else run.image = Math.min(Math.max(0, Math.floor(req.image)), run.test.count - 1);
        const weights = snapshot();
        if (!weights) return;
        if (req.type === 'layer') kernels(weights);
        probe(weights);
        return;
      }
      case 'inspect': {
        if (!run) return;
        const weights = snapshot();
        if (!weights) return;
        try {
          port.postMessage({
            type: 'inspect',
            inspect: inspectWeights(run.graph, weights, run.train, { ...req, images: req.images ?? 4, step: run.step }),
          });
        } catch (e) {
          port.postMessage({ type: 'error', code: 'inspect', message: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      default:
        handle(req);
    }
  };
}
