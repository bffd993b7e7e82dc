/**
 * The training playground's worker logic, DOM-free (Node tests drive it): it wraps the training
 * worker's handler (src/lib/train/worker.ts) and adds what a page needs around a run — the model
 * built from a playground configuration, the bundled data, test-set evaluation while training
 * (loss, accuracy, a confusion matrix, misclassified images) and the learned depthwise kernels of
 * a chosen layer. The wrapped handler has no hook into its steps, so this file listens on its
 * port: each 'progress' is forwarded, and every `evalEvery`-th one (and 'done') takes a weights
 * snapshot from the handler — synchronously, between two steps — and evaluates it.
 */
import { executeBackward, explainWeightGradient, f32, runGraph, trainingForward, type Graph, type Tensor, type WeightGradTerm } from '~/lib/engine/index.ts';
import { makeBatch } from '~/lib/data/batches.ts';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { createTrainWorkerHandler } from '~/lib/train/worker.ts';
import type { TrainResponse } from '~/lib/train/worker-protocol.ts';
import type { TrainConfig } from '~/lib/viz/train/train-config.ts';
import { configGraph, configRecipe, depthwiseLayers, NORM } from '~/lib/viz/train/train-graph.ts';
import { MEMORY_BUDGET } from '~/lib/viz/train/train-stats.ts';

export type PlaygroundRequest =
  | { type: 'start'; config: TrainConfig; train: ImageSet; test: ImageSet; progressEvery?: number; evalEvery?: number; evalImages?: number; layer?: string; memoryBudget?: number }
  | { type: 'pause' } | { type: 'resume' } | { type: 'step' } | { type: 'cancel' }
  /** Which depthwise layer's kernels to send (now and with every evaluation). */
  | { type: 'layer'; layer: string }
  /**
   * While paused: one training-mode forward and backward pass of the current weights on the first
   * `images` training images (nothing is updated), reporting every weight's gradient norm, the
   * explanation of dL/dw[m, 0, ky, kx] of the depthwise `layer`, and that layer's input on image 0.
   */
  | { type: 'inspect'; layer: string; m: number; ky: number; kx: number; images?: number };

export interface Inspection {
  readonly step: number;
  readonly layer: string;
  readonly loss: number;
  /** L2 norm of each Conv/Gemm weight's gradient, in forward order. */
  readonly norms: readonly { readonly node: string; readonly norm: number }[];
  readonly m: number;
  readonly k: readonly number[];
  readonly terms: number;
  /** The largest products by magnitude. */
  readonly top: readonly WeightGradTerm[];
  readonly sum: number;
  readonly gradient: number;
  readonly accumulation: 'float32' | 'float64';
  /** The layer's input for image 0, [1, C, H, W]. */
  readonly activation: Tensor;
}

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
  | { type: 'inspect'; inspect: Inspection };

/** See PlaygroundRequest 'inspect'. */
export function inspectWeights(g: Graph, weights: Record<string, Tensor>, set: ImageSet, o: { layer: string; m: number; ky: number; kx: number; images: number; step: number }): Inspection {
  const graph: Graph = { ...g, initializers: new Map(Object.entries(weights)) };
  const input = g.inputs[0].name;
  const logits = g.outputs[0].name;
  const res = g.inputs[0].dims[2] as number;
  const n = Math.min(o.images, set.count);
  const b = makeBatch(set, Int32Array.from({ length: n }, (_, i) => i), { ...NORM, channels: 1, resolution: res });
  const { tape, outputs } = trainingForward(graph, { [input]: f32(b.dims, b.x) }, { training: true, inputGrads: false });
  const loss = softmaxCrossEntropy(outputs[logits].data as Float32Array, n, 10, b.labels, 0);
  const gen = executeBackward(tape, { [logits]: f32(outputs[logits].dims as number[], loss.grad) }, { keepTape: true });
  const norms: { node: string; norm: number }[] = [];
  let found: Omit<Inspection, 'step' | 'layer' | 'loss' | 'norms'> | undefined;
  for (let r = gen.next(); !r.done; r = gen.next()) {
    const st = r.value;
    if (st.node.opType === 'Conv' || st.node.opType === 'Gemm') {
      const wg = st.weightGrads.get(st.node.inputs[1]);
      if (wg) {
        let q = 0;
        for (const v of wg.data as Float32Array) q += v * v;
        norms.push({ node: st.node.name, norm: Math.sqrt(q) });
      }
    }
    if (st.node.name === o.layer) {
      const x = tape.records[st.index]!.inputs[0]!;
      const e = explainWeightGradient(graph, o.layer, x, st.gradOutputs[0]!, { m: o.m, ky: o.ky, kx: o.kx }, st.weightGrads.get(st.node.inputs[1]));
      const [, C, H, W] = x.dims;
      found = {
        m: e.m, k: e.k, terms: e.terms.length, sum: e.sum, gradient: e.gradient, accumulation: e.accumulation,
        top: [...e.terms].filter((t) => !t.padding).sort((a, c) => Math.abs(c.product) - Math.abs(a.product)).slice(0, 8),
        activation: f32([1, C, H, W], (x.data as Float32Array).slice(0, C * H * W)),
      };
    }
  }
  if (!found) throw new Error(`'${o.layer}' is not a layer of this network`);
  return { step: o.step, layer: o.layer, loss: loss.loss, norms: norms.reverse(), ...found };
}

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
  let run: { graph: Graph; train: ImageSet; test: ImageSet; evalEvery: number; evalImages: number; layer: string; reports: number; step: number } | undefined;
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
  }, schedule);

  return (req) => {
    switch (req.type) {
      case 'start': {
        const graph = configGraph(req.config);
        const layers = depthwiseLayers(graph);
        run = { graph, train: req.train, test: req.test, evalEvery: Math.max(1, req.evalEvery ?? 3), evalImages: req.evalImages ?? 200, layer: req.layer && layers.includes(req.layer) ? req.layer : layers[0] ?? '', reports: 0, step: 0 };
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
      case 'inspect': {
        if (!run) return;
        captured = undefined;
        handle({ type: 'snapshot' });
        const weights = captured as Record<string, Tensor> | undefined;
        if (!weights) return;
        try {
          port.postMessage({ type: 'inspect', inspect: inspectWeights(run.graph, weights, run.train, { ...req, images: req.images ?? 4, step: run.step }) });
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
