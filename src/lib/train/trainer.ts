/**
 * The training loop, one batch per `step()`: batch → training forward (tape) → label-smoothed
 * cross-entropy → backward → optimizer update at the scheduled rate → BatchNorm running statistics.
 * Pure (no DOM, no fs): the CLI and the browser worker drive it.
 *
 * Determinism: everything random is a function of (seed, step) — the epoch's order is
 * epochOrder(count, seed, epoch), the augmentation of step s draws from Rng(mix(seed, s)), the
 * dropout masks from mix(seed, s) — and every kernel and gradient sum runs in a fixed order, so the
 * same seed gives the same loss trace bit for bit on one machine, and a checkpoint needs to store
 * only the step and the optimizer state for a resumed run to continue exactly.
 */
import { f32, type Graph, type Tensor } from '../engine/index.ts';
import {
  applyBuffers,
  backward,
  gradientPath,
  parameterRoles,
  trainingForward,
  trainingMemory,
  type TrainingMemory,
} from '../engine/grad/index.ts';
import { closeArena, newArena, openArena } from '../engine/pool.ts';
import { batchesPerEpoch, epochOrder, makeBatch, type Augment, type Batch, type Preprocess } from '../data/batches.ts';
import type { ImageSet } from '../data/fashion-mnist.ts';
import { Rng } from '../data/rng.ts';
import { softmaxCrossEntropy } from './loss.ts';
import { batchMode, imageInput, logitsOutput, type BatchMode } from './model.ts';
import { newOptimizerState, optimizerStep, type OptimizerConfig, type OptimizerState } from './optimizer.ts';
import { learningRate } from './schedule.ts';

/** Everything that decides a run besides the model and the data (stored in every output file). */
export interface Recipe {
  readonly epochs: number;
  readonly batch: number;
  /** Peak learning rate. */
  readonly lr: number;
  readonly optimizer: OptimizerConfig;
  /** Linear warmup length in epochs (may be fractional). */
  readonly warmupEpochs: number;
  readonly labelSmoothing: number;
  readonly seed: number;
  /** Training augmentation; null trains on the plain images. */
  readonly augment: Augment | null;
}

export interface TrainerState {
  /** Updates done so far. */
  step: number;
  readonly optimizer: OptimizerState;
}

export interface StepReport {
  /** The step just done (0-based). */
  readonly step: number;
  readonly epoch: number;
  /** Position of the batch in its epoch. */
  readonly batchInEpoch: number;
  readonly loss: number;
  /** Correct predictions in the batch (before the update). */
  readonly correct: number;
  readonly images: number;
  readonly lr: number;
  readonly ms: number;
}

export type TrainErrorCode = 'nan-loss' | 'data' | 'model' | 'memory';

/** A training failure the caller reports as is; the graph keeps the weights of the last good step. */
export class TrainError extends Error {
  constructor(
    readonly code: TrainErrorCode,
    message: string,
    readonly step?: number,
  ) {
    super(message);
    this.name = 'TrainError';
  }
}

/** A 32-bit mix of the seed and a counter (for per-step random streams). */
export function mixSeed(seed: number, n: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(n + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

export interface TrainerOptions {
  /** Resume from this state (the graph must hold the checkpoint's weights). */
  readonly state?: TrainerState;
  /** Refuse to start when the up-front estimate exceeds this many bytes (activations kept for backward + parameters + gradients + optimizer state). */
  readonly memoryBudget?: number;
  /**
   * Batched steps take their big buffers from one arena and hand them back at the step's end, so
   * the next step allocates nothing new (engine/pool.ts): 1.3–1.4× fewer CPU-seconds per step for
   * the EfficientNet scaling models, same bits. The price is memory: a step holds everything it
   * allocated until it ends (tiny_efficientnet_b0_res2 at batch 64: 1.2 GiB instead of ≈ 0.6), more
   * than memoryBudget's estimate counts, so only the family's Node runs turn it on (default false).
   */
  readonly reuseBuffers?: boolean;
}

export interface Trainer {
  /** The graph being trained; its initializers are updated in place. */
  readonly graph: Graph;
  readonly mode: BatchMode['kind'];
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly state: TrainerState;
  readonly preprocess: Preprocess;
  /** The up-front estimate (for one pass: the batch, or one image per pass in per-image mode), plus optimizer state. */
  readonly memory: TrainingMemory & { readonly optimizerBytes: number };
  done(): boolean;
  /** The batch step `s` trains on (indices and pixels): what `step()` will use when state.step = s. */
  batchAt(s: number): Batch;
  step(): StepReport;
}

/** Optimizer slots per parameter element: SGD 1 (momentum), AdamW 2 (m, v). */
const SLOTS = { sgd: 1, adamw: 2 } as const;

export function createTrainer(
  source: Graph,
  data: ImageSet,
  recipe: Recipe,
  pre: Omit<Preprocess, 'channels' | 'resolution'>,
  opts: TrainerOptions = {},
): Trainer {
  const { epochs, batch } = recipe;
  if (!(Number.isInteger(batch) && batch >= 1))
    throw new TrainError('data', `batch must be a whole number ≥ 1, got ${batch}`);
  if (!(Number.isInteger(epochs) && epochs >= 1))
    throw new TrainError('data', `epochs must be a whole number ≥ 1, got ${epochs}`);
  if (data.count < batch)
    throw new TrainError(
      'data',
      `${data.count} training images cannot fill one batch of ${batch}; lower --batch or raise --limit`,
    );
  const mode = batchMode(source, batch);
  const graph = mode.graph;
  // Refuses, naming them, every op on the gradient path without a backward rule (before any work).
  gradientPath(graph, { inputGrads: false });
  const { name: inputName, channels, resolution } = imageInput(graph);
  const { name: logits, classes } = logitsOutput(graph);
  if (classes !== data.classes.length) {
    throw new TrainError(
      'model',
      `graph '${graph.name}' predicts ${classes} classes, the data has ${data.classes.length}; train a zoo id (built with a ${data.classes.length}-class head) or a model with that many outputs`,
    );
  }
  const preprocess: Preprocess = { ...pre, channels, resolution };
  const passBatch = mode.kind === 'batched' ? batch : 1;
  const roles = parameterRoles(graph);
  const trainable = roles.filter((r) => r.role === 'trainable');
  const decay = new Set(trainable.filter((r) => r.decay).map((r) => r.name));
  const estimate = trainingMemory(graph, passBatch, { inputGrads: false });
  const optimizerBytes = optimizerBytesOf(
    graph,
    trainable.map((r) => r.name),
    recipe.optimizer,
  );
  const needed = estimate.totalBytes + optimizerBytes;
  if (opts.memoryBudget !== undefined && needed > opts.memoryBudget) {
    const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
    throw new TrainError(
      'memory',
      `training '${graph.name}' at batch ${batch}${mode.kind === 'per-image' ? ' (one image per pass)' : ''} needs ${mib(needed)}: activations kept for backward ${mib(estimate.keptBytes)}, ` +
        `parameters ${mib(estimate.parameterBytes)}, gradients ${mib(estimate.gradientBytes)}, optimizer state ${mib(optimizerBytes)}; the budget is ${mib(opts.memoryBudget)}. Use a smaller batch or resolution`,
    );
  }
  const params = new Map<string, Float32Array>();
  for (const r of trainable) params.set(r.name, graph.initializers.get(r.name)!.data as Float32Array);
  const stepsPerEpoch = batchesPerEpoch(data.count, batch);
  const totalSteps = stepsPerEpoch * epochs;
  const schedule = { lr: recipe.lr, warmupSteps: Math.round(recipe.warmupEpochs * stepsPerEpoch), totalSteps };
  const state: TrainerState = opts.state ?? { step: 0, optimizer: newOptimizerState() };
  let orderEpoch = -1;
  let order: Int32Array = new Int32Array(0);

  const batchAt = (s: number): Batch => {
    const epoch = Math.floor(s / stepsPerEpoch);
    if (epoch !== orderEpoch) {
      order = epochOrder(data.count, recipe.seed, epoch);
      orderEpoch = epoch;
    }
    const pos = s % stepsPerEpoch;
    const indices = order.subarray(pos * batch, (pos + 1) * batch);
    const augment = recipe.augment ? { opts: recipe.augment, rng: new Rng(mixSeed(recipe.seed, 2 * s)) } : undefined;
    return makeBatch(data, indices, preprocess, augment);
  };

  /** Forward + loss + backward over images [from, to) of the batch; gradients scaled to the whole batch's mean loss. */
  const pass = (b: Batch, from: number, to: number, s: number) => {
    const n = to - from;
    const plane = channels * resolution * resolution;
    const x = f32([n, channels, resolution, resolution], b.x.subarray(from * plane, to * plane));
    const { tape, outputs, buffers } = trainingForward(
      graph,
      { [inputName]: x },
      { training: true, seed: mixSeed(recipe.seed, 2 * s + 1), inputGrads: false },
    );
    const y = outputs[logits];
    const r = softmaxCrossEntropy(
      y.data as Float32Array,
      n,
      classes,
      b.labels.subarray(from, to),
      recipe.labelSmoothing,
    );
    if (n !== b.labels.length) for (let i = 0; i < r.grad.length; i++) r.grad[i] *= n / b.labels.length;
    return { r, tape, buffers, dims: y.dims };
  };

  // With reuseBuffers, batched steps take their big buffers from one arena, returned at the step's end
  // (engine/pool.ts). Per-image mode keeps plain allocation (one step holds batch-many passes).
  const arena = opts.reuseBuffers && mode.kind === 'batched' ? newArena() : undefined;

  const step = (): StepReport => {
    if (!arena) return stepOnce();
    openArena(arena);
    try {
      return stepOnce();
    } finally {
      closeArena(arena);
    }
  };

  const stepOnce = (): StepReport => {
    const s = state.step;
    if (s >= totalSteps) throw new TrainError('data', `training is complete (${totalSteps} steps)`);
    const t0 = globalThis.performance.now();
    const b = batchAt(s);
    const epoch = Math.floor(s / stepsPerEpoch);
    let lossSum = 0;
    let correct = 0;
    let grads: Map<string, Float32Array> | undefined;
    let buffers = new Map<string, Tensor>();
    const passes = mode.kind === 'batched' ? [[0, batch]] : Array.from({ length: batch }, (_, i) => [i, i + 1]);
    for (const [from, to] of passes) {
      const p = pass(b, from, to, s);
      lossSum += p.r.loss * (to - from);
      correct += p.r.correct;
      if (!Number.isFinite(p.r.loss)) {
        throw new TrainError(
          'nan-loss',
          `loss is ${p.r.loss} at step ${s + 1} (epoch ${epoch + 1}, batch ${(s % stepsPerEpoch) + 1}); training stopped, the weights are those after step ${s}`,
          s,
        );
      }
      const g = backward(p.tape, { [logits]: f32(p.dims, p.r.grad) }, { fast: true }).params;
      if (!grads) grads = new Map([...g].map(([k, t]) => [k, t.data as Float32Array]));
      else
        for (const [k, t] of g) {
          const acc = grads.get(k)!;
          const d = t.data as Float32Array;
          for (let i = 0; i < acc.length; i++) acc[i] += d[i];
        }
      buffers = p.buffers;
    }
    const lr = learningRate(schedule, s);
    optimizerStep(recipe.optimizer, state.optimizer, params, grads!, lr, decay);
    applyBuffers(graph, buffers);
    state.step = s + 1;
    return {
      step: s,
      epoch,
      batchInEpoch: s % stepsPerEpoch,
      loss: lossSum / batch,
      correct,
      images: batch,
      lr,
      ms: globalThis.performance.now() - t0,
    };
  };

  return {
    graph,
    mode: mode.kind,
    stepsPerEpoch,
    totalSteps,
    state,
    preprocess,
    memory: { ...estimate, optimizerBytes, totalBytes: needed },
    done: () => state.step >= totalSteps,
    batchAt,
    step,
  };
}

function optimizerBytesOf(graph: Graph, names: readonly string[], cfg: OptimizerConfig): number {
  let n = 0;
  for (const name of names) n += graph.initializers.get(name)?.data.length ?? 0;
  return n * 4 * SLOTS[cfg.kind];
}
