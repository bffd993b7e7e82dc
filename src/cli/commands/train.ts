/**
 * `depthwise train <zoo id | spec.json | model.onnx> --data fashion-mnist [options]`: trains on
 * Fashion-MNIST and writes an ONNX model with its training record in metadata_props (see
 * src/lib/train/checkpoint.ts). Ctrl-C (SIGINT) finishes the current step, writes a checkpoint and
 * prints the command that continues it; `--resume ckpt.onnx` continues exactly (the same losses
 * and weights as an uninterrupted run). A progress bar on a TTY, plain lines elsewhere.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Graph } from '../../lib/engine/index.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet } from '../../lib/data/fashion-mnist.ts';
import { readTrained, writeTrained, type TrainingRecord } from '../../lib/train/checkpoint.ts';
import { specFromFile, specTrainingGraph, zooTrainingGraph } from '../../lib/train/source.ts';
import {
  createTrainer,
  type Recipe,
  type StepReport,
  type Trainer,
  type TrainerState,
} from '../../lib/train/trainer.ts';
import type { OptimizerConfig } from '../../lib/train/optimizer.ts';
import { numberFlag, parseFlags, usageError, UsageError } from '../args.ts';
import { loadFashionMnist } from '../fashion-mnist-files.ts';
import { progressLine } from '../progress.ts';

export const summary =
  'train a zoo model, spec file or .onnx on Fashion-MNIST: train <id|spec.json|model.onnx> --data fashion-mnist [--epochs --batch --lr --opt sgd|adamw --seed --res --limit N --out m.onnx --resume ckpt]';

const USAGE = `usage: depthwise train <zoo id | spec.json | model.onnx> --data fashion-mnist
  [--epochs 1] [--batch 64] [--lr 0.1·batch/256 (sgd) | 0.002 (adamw)] [--opt sgd|adamw] [--wd 5e-4 (sgd) | 0.05 (adamw)]
  [--smoothing 0.1] [--warmup <epochs>] [--no-augment] [--seed 0] [--res 32] [--limit N]
  [--out <model>.onnx] [--checkpoint <file>] [--resume <checkpoint.onnx>] [--stop-after N] [--json]`;

const RESIZE = 'bilinear, half-pixel centres (PyTorch interpolate align_corners=False), no antialias';

export interface TrainSummary {
  out: string;
  steps: number;
  /** Steps run by this invocation (after a resume: only the new ones), with their losses. */
  losses: number[];
  trainAccuracy: number;
  imagesPerSecond: number;
  interrupted: boolean;
  checkpoint?: string;
}

/** The graph to train and its name, from a zoo id, a spec file or an .onnx file. */
function loadSource(source: string, res: number, seed: number): { graph: Graph; name: string } {
  if (source.endsWith('.onnx')) {
    if (!existsSync(source)) throw new UsageError(`no such file: ${source}`);
    // readTrained: our files have a symbolic batch (and a checkpoint's optimizer slots are dropped).
    return { graph: readTrained(new Uint8Array(readFileSync(source))).graph, name: basename(source) };
  }
  if (source.endsWith('.json')) {
    if (!existsSync(source)) throw new UsageError(`no such file: ${source}`);
    const spec = specFromFile(JSON.parse(readFileSync(source, 'utf8')), source);
    return {
      graph: specTrainingGraph(spec, basename(source, '.json'), { resolution: res, classes: 10, seed }),
      name: basename(source),
    };
  }
  return { graph: zooTrainingGraph(source, { resolution: res, classes: 10, seed }), name: source };
}

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** The flags that set the recipe and the data: a resumed run takes them from its checkpoint instead. */
const RECIPE_FLAGS = {
  epochs: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  opt: { type: 'string' },
  wd: { type: 'string' },
  smoothing: { type: 'string' },
  warmup: { type: 'string' },
  'no-augment': { type: 'boolean' },
  seed: { type: 'string' },
  res: { type: 'string' },
  limit: { type: 'string' },
} as const;

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags('train', USAGE, args, {
    data: { type: 'string' },
    ...RECIPE_FLAGS,
    out: { type: 'string' },
    checkpoint: { type: 'string' },
    resume: { type: 'string' },
    'stop-after': { type: 'string' },
    json: { type: 'boolean' },
    'memory-budget': { type: 'string' },
  });
  if (!parsed) return 2;
  const v = parsed.values;
  try {
    if (v.data !== 'fashion-mnist')
      throw new UsageError(
        `--data fashion-mnist is required (the one dataset supported)${v.data ? `, got '${v.data}'` : ''}`,
      );
    const stopAfter = numberFlag(v['stop-after'], '--stop-after', { int: true, min: 1 });
    const budget = numberFlag(v['memory-budget'], '--memory-budget', { min: 1 });
    let graph: Graph;
    let modelName: string;
    let recipe: Recipe;
    let limit: number | undefined;
    let state: TrainerState | undefined;
    if (v.resume) {
      if (parsed.positionals.length > 0)
        throw new UsageError(`--resume continues the checkpoint's model; do not name a model too`);
      const given = (Object.keys(RECIPE_FLAGS) as (keyof typeof RECIPE_FLAGS)[]).filter((k) => v[k] !== undefined);
      if (given.length > 0)
        throw new UsageError(
          `--resume continues the checkpoint's recipe exactly; drop ${given.map((g) => `--${g}`).join(', ')}`,
        );
      if (!existsSync(v.resume)) throw new UsageError(`no such checkpoint: ${v.resume}`);
      const ck = readTrained(new Uint8Array(readFileSync(v.resume)));
      if (!ck.record || !ck.state)
        throw new UsageError(`${v.resume} is not a depthwise train checkpoint (no depthwise.checkpoint metadata)`);
      graph = ck.graph;
      modelName = ck.record.model;
      recipe = ck.record.recipe;
      limit = ck.record.data.limit ?? undefined;
      state = ck.state;
    } else {
      if (parsed.positionals.length !== 1)
        throw new UsageError('expected one model: a zoo id, a spec .json or an .onnx file');
      const opt = v.opt ?? 'sgd';
      if (opt !== 'sgd' && opt !== 'adamw') throw new UsageError(`--opt is sgd or adamw, got '${opt}'`);
      const epochs = numberFlag(v.epochs, '--epochs', { int: true, min: 1 }) ?? 1;
      const seed = numberFlag(v.seed, '--seed', { int: true, min: 0 }) ?? 0;
      const optimizer: OptimizerConfig =
        opt === 'sgd'
          ? { kind: 'sgd', momentum: 0.9, nesterov: true, weightDecay: numberFlag(v.wd, '--wd', { min: 0 }) ?? 5e-4 }
          : { kind: 'adamw', weightDecay: numberFlag(v.wd, '--wd', { min: 0 }) ?? 0.05 };
      const batch = numberFlag(v.batch, '--batch', { int: true, min: 1 }) ?? 64;
      recipe = {
        epochs,
        batch,
        // SGD: 0.1 per 256 images (the linear scaling rule, Goyal et al. 2017, arXiv 1706.02677 §2.1).
        lr: numberFlag(v.lr, '--lr', { min: 0 }) ?? (opt === 'sgd' ? (0.1 * batch) / 256 : 0.002),
        optimizer,
        warmupEpochs: numberFlag(v.warmup, '--warmup', { min: 0 }) ?? Math.min(1, 0.1 * epochs),
        labelSmoothing: numberFlag(v.smoothing, '--smoothing', { min: 0 }) ?? 0.1,
        seed,
        augment: v['no-augment'] ? null : { pad: 2, flip: true },
      };
      limit = numberFlag(v.limit, '--limit', { int: true, min: 1 });
      const res = numberFlag(v.res, '--res', { int: true, min: 8 }) ?? 32;
      ({ graph, name: modelName } = loadSource(parsed.positionals[0], res, seed));
    }
    const full = loadFashionMnist('train');
    const data = limitSet(full, limit);
    const trainer = createTrainer(
      graph,
      data,
      recipe,
      { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD },
      { state, memoryBudget: budget === undefined ? undefined : budget * 2 ** 20 },
    );
    const out = v.out ?? `${modelName.replace(/\.(onnx|json)$/, '')}-fashion-mnist.onnx`;
    const checkpoint = v.checkpoint ?? out.replace(/\.onnx$/, '') + '.ckpt.onnx';
    const m = trainer.memory;
    const log = (s: string): void => void (v.json ? process.stderr.write(`${s}\n`) : console.log(s));
    log(
      `train ${modelName}: ${data.count} images at ${trainer.preprocess.resolution}×${trainer.preprocess.resolution}×${trainer.preprocess.channels}, batch ${recipe.batch}${trainer.mode === 'per-image' ? ' (one image per pass: the graph fixes batch 1)' : ''}, ` +
        `${recipe.epochs} epoch${recipe.epochs > 1 ? 's' : ''} = ${trainer.totalSteps} steps, ${recipe.optimizer.kind} lr ${recipe.lr}, seed ${recipe.seed}` +
        (state ? `, resuming at step ${state.step}` : ''),
    );
    log(
      `memory estimate: ${mib(m.totalBytes)} (activations kept for backward ${mib(m.keptBytes)}, parameters ${mib(m.parameterBytes)}, gradients ${mib(m.gradientBytes)}, optimizer ${mib(m.optimizerBytes)})`,
    );
    const rec = (): TrainingRecord => ({
      model: modelName,
      recipe,
      step: trainer.state.step,
      stepsPerEpoch: trainer.stepsPerEpoch,
      data: { name: 'fashion-mnist', split: 'train', images: data.count, limit: limit ?? null },
      preprocessing: {
        resolution: trainer.preprocess.resolution,
        channels: trainer.preprocess.channels,
        mean: FASHION_MNIST_MEAN,
        std: FASHION_MNIST_STD,
        resize: RESIZE,
        gray: `repeated to ${trainer.preprocess.channels} input channel${trainer.preprocess.channels > 1 ? 's' : ''}`,
      },
    });
    const result = await loop(trainer, {
      stopAfter,
      json: v.json === true,
      tty: process.stdout.isTTY === true && !v.json,
    });
    if (result.interrupted) {
      writeFileSync(checkpoint, writeTrained(trainer.graph, rec(), trainer.state));
      log(
        `interrupted after step ${trainer.state.step} of ${trainer.totalSteps}; checkpoint written to ${checkpoint}\ncontinue with: depthwise train --data fashion-mnist --resume ${checkpoint} --out ${out}`,
      );
    } else {
      writeFileSync(out, writeTrained(trainer.graph, rec()));
      log(
        `wrote ${out}: train accuracy ${(100 * result.epochAccuracy).toFixed(1)} % over the last epoch's batches; evaluate with: depthwise eval ${out} --data fashion-mnist`,
      );
    }
    if (v.json) {
      const s: TrainSummary = {
        out: result.interrupted ? checkpoint : out,
        steps: trainer.state.step,
        losses: result.losses,
        trainAccuracy: result.epochAccuracy,
        imagesPerSecond: result.imagesPerSecond,
        interrupted: result.interrupted,
        ...(result.interrupted ? { checkpoint } : {}),
      };
      console.log(JSON.stringify(s));
    }
    return result.interrupted ? 130 : 0;
  } catch (e) {
    if (e instanceof UsageError) return usageError('train', USAGE, e.message);
    // TrainError, EngineError (no gradient, memory), DatasetError, an unknown zoo id, a bad file.
    console.error(`depthwise train: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

interface LoopResult {
  interrupted: boolean;
  losses: number[];
  epochAccuracy: number;
  imagesPerSecond: number;
}

/** Runs steps until done, SIGINT or `stopAfter` steps; yields to the event loop between steps so the signal arrives. */
async function loop(trainer: Trainer, o: { stopAfter?: number; json: boolean; tty: boolean }): Promise<LoopResult> {
  let interrupted = false;
  const onSigint = (): void => {
    // A second Ctrl-C while the checkpoint is pending quits at once.
    if (interrupted) process.exit(130);
    interrupted = true;
    if (!o.tty)
      process.stderr.write(
        'interrupt: finishing the current step, then writing a checkpoint (Ctrl-C again quits without one)\n',
      );
  };
  process.on('SIGINT', onSigint);
  const losses: number[] = [];
  let epochCorrect = 0;
  let epochImages = 0;
  let images = 0;
  let ms = 0;
  const every = Math.max(1, Math.round(trainer.totalSteps / 20));
  let ran = 0;
  try {
    while (!trainer.done()) {
      await new Promise<void>((r) => setImmediate(r));
      if (interrupted) break;
      const r: StepReport = trainer.step();
      ran++;
      losses.push(r.loss);
      if (r.batchInEpoch === 0) {
        epochCorrect = 0;
        epochImages = 0;
      }
      epochCorrect += r.correct;
      epochImages += r.images;
      images += r.images;
      ms += r.ms;
      const rate = images / (ms / 1000);
      const eta = ((trainer.totalSteps - trainer.state.step) * r.images) / rate;
      const line = progressLine({
        step: trainer.state.step,
        total: trainer.totalSteps,
        epoch: r.epoch + 1,
        loss: r.loss,
        accuracy: epochCorrect / epochImages,
        rate,
        eta,
      });
      if (o.tty) process.stdout.write(`\r${line}\x1b[K`);
      else if (trainer.state.step % every === 0 || trainer.done()) {
        if (o.json) process.stderr.write(`${line}\n`);
        else console.log(line);
      }
      if (o.stopAfter !== undefined && ran >= o.stopAfter && !trainer.done()) {
        interrupted = true;
        break;
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    if (o.tty) process.stdout.write('\n');
  }
  return {
    interrupted,
    losses,
    epochAccuracy: epochImages ? epochCorrect / epochImages : 0,
    imagesPerSecond: images / (ms / 1000),
  };
}
