/**
 * `npm run train:family`: trains the tiny family (src/lib/models/tiny.ts) on Fashion-MNIST by the
 * one recipe (src/lib/family/recipe.ts), every seed of FAMILY_SEEDS, `--jobs` runs side by side
 * (default 2: one per core of the 2-core machine the budget was sized for), and writes
 * public/models/trained/<id>.onnx (first seed; <id>.seed<k>.onnx for the others) and
 * public/models/trained/manifest.json.
 *
 * Resumable: a session's background jobs die with it, so each run saves a checkpoint (ONNX with
 * the optimizer state, src/lib/train/checkpoint.ts, plus a progress JSON) at the end of every
 * epoch and every `--checkpoint-minutes` (default 5), and on SIGINT/SIGTERM. Starting again
 * resumes every unfinished run from its checkpoint exactly (the trainer's randomness is a function
 * of seed and step) and skips runs already in the manifest whose file matches its sha256.
 * Checkpoints go to `.family-checkpoints/` (git-ignored); `--checkpoints <dir>` puts them
 * elsewhere, e.g. a tracked folder to commit them between sessions.
 *
 *   npm run train:family [-- --jobs 2 --only id,id --seeds 1,2 --out dir --checkpoints dir
 *                            --epochs N --limit N --checkpoint-minutes M --plan bench.json
 *                            --cheapest-first]
 *
 * `--epochs` and `--limit` (train on the first N images) override the recipe for fixtures and
 * smoke runs; such runs are recorded with what they actually used. `--plan bench.json` (from
 * scripts/bench-family.ts --json) prints the queue with estimated CPU hours and exits.
 *
 * Beside each run it writes the engine's top-1 on every test image (src/lib/family/predictions.ts:
 * training/predictions/ for the family), from which CI recomputes the accuracy.
 *
 * One process per run: the orchestrator forks `--worker <id> <seed>` children (at most `--jobs` at
 * a time, costliest first) and alone writes the manifest, merging each child's result file.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet } from '../src/lib/data/fashion-mnist.ts';
import { analyze } from '../src/lib/engine/index.ts';
import { tinyTrainingGraph } from '../src/lib/family/graph.ts';
import {
  MANIFEST_VERSION,
  trainedFileName,
  validateManifest,
  type TrainedManifest,
  type TrainedModel,
} from '../src/lib/family/manifest.ts';
import { encodePredictions, predictionsDir, predictionsFile } from '../src/lib/family/predictions.ts';
import { newProgress, parseProgress, recordStep, type RunProgress } from '../src/lib/family/progress.ts';
import { FAMILY_DATASET, FAMILY_RECIPE, FAMILY_SEEDS, RESIZE_DESCRIPTION } from '../src/lib/family/recipe.ts';
import { buildTinyModel, getTinyModel, TINY_MODELS } from '../src/lib/models/tiny.ts';
import { readTrained, writeTrained, type TrainingRecord } from '../src/lib/train/checkpoint.ts';
import { evaluate } from '../src/lib/train/evaluate.ts';
import { withBatchDim } from '../src/lib/train/model.ts';
import { createTrainer, type Recipe } from '../src/lib/train/trainer.ts';

/**
 * glibc malloc settings for the workers (ignored elsewhere): every step allocates its activations
 * and gradients afresh, and by default each buffer over the mmap threshold is a fresh mmap whose
 * pages fault in and are zeroed by the kernel, then unmapped on free. Keeping them in the heap
 * (threshold at its 32 MiB maximum, no trimming) cut the CPU time of a tiny_efficientnet_b1 step
 * at batch 64 by about 15 % (forward + backward, medians of 7, 6 December 2026).
 */
const MALLOC_TUNABLES =
  'glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295:glibc.malloc.top_pad=67108864';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Options {
  jobs: number;
  only?: string[];
  seeds: number[];
  out: string;
  checkpoints: string;
  epochs?: number;
  limit?: number;
  checkpointMinutes: number;
  plan?: string;
  cheapestFirst: boolean;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
    return v;
  };
  const int = (name: string, v: string | undefined, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got '${v}'`);
    return n;
  };
  const only = get('only')?.split(',');
  for (const id of only ?? []) getTinyModel(id);
  const seeds = get('seeds')
    ?.split(',')
    .map((s) => int('seeds', s, 0)!) ?? [...FAMILY_SEEDS];
  const minutes = Number(get('checkpoint-minutes') ?? 5);
  if (!(minutes > 0)) throw new Error(`--checkpoint-minutes must be > 0`);
  return {
    jobs: int('jobs', get('jobs'), 1) ?? 2,
    only,
    seeds,
    out: resolve(get('out') ?? join(ROOT, 'public/models/trained')),
    checkpoints: resolve(get('checkpoints') ?? join(ROOT, '.family-checkpoints')),
    epochs: int('epochs', get('epochs'), 1),
    limit: int('limit', get('limit'), 1),
    checkpointMinutes: minutes,
    plan: get('plan'),
    cheapestFirst: argv.includes('--cheapest-first'),
  };
}

const runName = (id: string, seed: number): string => `${id}.seed${seed}`;
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function recipeFor(o: Options, seed: number): Recipe {
  return { ...FAMILY_RECIPE, epochs: o.epochs ?? FAMILY_RECIPE.epochs, seed };
}

/** Writes a file atomically (temp file, then rename): a killed process never leaves half a file. */
function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

// ───────────────────────────── worker: one run ─────────────────────────────

async function worker(o: Options, id: string, seed: number): Promise<void> {
  const name = runName(id, seed);
  const ckPath = join(o.checkpoints, `${name}.ckpt.onnx`);
  const progressPath = join(o.checkpoints, `${name}.progress.json`);
  const resultPath = join(o.checkpoints, `${name}.result.json`);
  const recipe = recipeFor(o, seed);
  const train = limitSet(loadFashionMnist('train'), o.limit);
  const norm = { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD };

  let graph = tinyTrainingGraph(id, seed);
  let progress: RunProgress = newProgress();
  let state;
  if (existsSync(ckPath)) {
    const ck = readTrained(readFileSync(ckPath));
    if (!ck.state || !ck.record) throw new Error(`${ckPath} is not a training checkpoint`);
    if (JSON.stringify(ck.record.recipe) !== JSON.stringify(recipe)) {
      throw new Error(
        `${ckPath} was trained with recipe ${JSON.stringify(ck.record.recipe)}, not ${JSON.stringify(recipe)}; delete it to start over`,
      );
    }
    graph = ck.graph;
    state = ck.state;
    progress = parseProgress(readFileSync(progressPath, 'utf8'), state.step);
    progress.sessions++;
    console.log(`${name}: resuming at step ${state.step}`);
  }
  const trainer = createTrainer(graph, train, recipe, norm, { state, reuseBuffers: true });
  const record = (): TrainingRecord => ({
    model: id,
    recipe,
    step: trainer.state.step,
    stepsPerEpoch: trainer.stepsPerEpoch,
    data: { name: FAMILY_DATASET.name, split: 'train', images: train.count, limit: o.limit ?? null },
    preprocessing: {
      resolution: trainer.preprocess.resolution,
      channels: trainer.preprocess.channels,
      mean: norm.mean,
      std: norm.std,
      resize: RESIZE_DESCRIPTION,
      gray: 'one channel',
    },
  });
  const checkpoint = (): void => {
    writeAtomic(ckPath, writeTrained(trainer.graph, record(), trainer.state));
    writeAtomic(progressPath, JSON.stringify(progress));
  };
  let stop = false;
  const onSignal = (): void => {
    stop = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let lastCheckpoint = performance.now();
  while (!trainer.done()) {
    const t0 = performance.now();
    const r = trainer.step();
    const point = recordStep(progress, r, trainer.stepsPerEpoch, (performance.now() - t0) / 1000);
    if (point) {
      console.log(
        `${name}: epoch ${point.epoch}/${recipe.epochs} loss ${point.loss.toFixed(4)} acc ${point.accuracy.toFixed(4)} ${point.seconds.toFixed(0)} s`,
      );
    }
    if (point || performance.now() - lastCheckpoint > o.checkpointMinutes * 60_000) {
      checkpoint();
      lastCheckpoint = performance.now();
    }
    // Let SIGINT/SIGTERM handlers run between steps.
    await new Promise((r) => setImmediate(r));
    if (stop) {
      checkpoint();
      console.log(`${name}: stopped at step ${trainer.state.step}; checkpoint saved`);
      process.exit(130);
    }
  }

  const e0 = performance.now();
  const test = loadFashionMnist('test');
  // Exported with input [1, C, R, R] (the issue's layout); CNN graphs still evaluate batched.
  const final = withBatchDim(trainer.graph, 1);
  const ev = evaluate(final, test, norm);
  const evalSeconds = (performance.now() - e0) / 1000;
  const bytes = writeTrained(final, record());
  const file = trainedFileName(id, seed, FAMILY_SEEDS[0]);
  mkdirSync(o.out, { recursive: true });
  writeAtomic(join(o.out, file), bytes);
  // The test-set predictions, so CI recomputes the accuracy from them and re-runs only a subset
  // (src/lib/family/predictions.ts); written before the result, so a finished run always has them.
  const pdir = predictionsDir(ROOT, o.out);
  mkdirSync(pdir, { recursive: true });
  writeAtomic(join(pdir, predictionsFile(file)), JSON.stringify(encodePredictions(file, sha256(bytes), ev.top1)));
  const a = analyze(buildTinyModel(id));
  const { resolution, channels } = trainer.preprocess;
  const result: TrainedModel = {
    id,
    seed,
    file,
    sha256: sha256(bytes),
    bytes: bytes.length,
    params: a.params,
    macs: a.macs,
    accuracy: ev.accuracy,
    correct: ev.correct,
    testImages: ev.count,
    perClass: ev.perClass,
    classes: ev.classes,
    confusion: ev.confusion,
    curve: progress.curve,
    segments: progress.segments,
    firstLosses: progress.firstLosses,
    recipe,
    trainImages: train.count,
    trainSeconds: +progress.trainSeconds.toFixed(1),
    evalSeconds: +evalSeconds.toFixed(1),
    preprocessing: {
      input: final.inputs[0].name,
      layout: 'NCHW',
      resolution,
      channels,
      scale: 255,
      resize: RESIZE_DESCRIPTION,
      mean: norm.mean,
      std: norm.std,
    },
    finished: new Date().toISOString(),
  };
  writeAtomic(resultPath, JSON.stringify(result));
  rmSync(ckPath, { force: true });
  rmSync(progressPath, { force: true });
  console.log(
    `${name}: test accuracy ${ev.accuracy.toFixed(4)} (${ev.correct}/${ev.count}), ${result.trainSeconds} s training → ${join(o.out, file)}`,
  );
}

// ───────────────────────────── orchestrator ─────────────────────────────

function readManifest(path: string): TrainedManifest {
  const empty: TrainedManifest = { version: MANIFEST_VERSION, dataset: FAMILY_DATASET, models: [] };
  if (!existsSync(path)) return empty;
  const r = validateManifest(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(`${path} is not a valid manifest:\n  ${r.errors.join('\n  ')}`);
  return r.manifest;
}

const ORDER = new Map(TINY_MODELS.map((m, i) => [m.id, i]));

/** Merges every finished run's result file into the manifest (the orchestrator is its only writer). */
function mergeResults(o: Options): TrainedManifest {
  const path = join(o.out, 'manifest.json');
  const m = readManifest(path);
  const runs = new Map(m.models.map((e) => [runName(e.id, e.seed), e]));
  if (existsSync(o.checkpoints)) {
    for (const f of readdirSync(o.checkpoints).filter((f) => f.endsWith('.result.json'))) {
      const e = JSON.parse(readFileSync(join(o.checkpoints, f), 'utf8')) as TrainedModel;
      runs.set(runName(e.id, e.seed), e);
    }
  }
  const models = [...runs.values()].sort((a, b) => ORDER.get(a.id)! - ORDER.get(b.id)! || a.seed - b.seed);
  const next: TrainedManifest = { version: MANIFEST_VERSION, dataset: FAMILY_DATASET, models };
  const r = validateManifest(next);
  if (!r.ok) throw new Error(`merged manifest is invalid:\n  ${r.errors.join('\n  ')}`);
  mkdirSync(o.out, { recursive: true });
  writeAtomic(path, JSON.stringify(next, null, 1) + '\n');
  if (existsSync(o.checkpoints))
    for (const f of readdirSync(o.checkpoints).filter((f) => f.endsWith('.result.json')))
      rmSync(join(o.checkpoints, f));
  return next;
}

/** A run is finished when the manifest lists it and its file is there with that sha256. */
function finished(o: Options, m: TrainedManifest, id: string, seed: number): boolean {
  const e = m.models.find((x) => x.id === id && x.seed === seed);
  if (!e) return false;
  const path = join(o.out, e.file);
  return existsSync(path) && sha256(readFileSync(path)) === e.sha256;
}

async function orchestrate(o: Options): Promise<void> {
  // --plan only reads: it must not create or rewrite anything.
  let manifest = o.plan
    ? readManifest(join(o.out, 'manifest.json'))
    : (mkdirSync(o.checkpoints, { recursive: true }), mergeResults(o));
  const ids = o.only ?? TINY_MODELS.map((m) => m.id);
  // Costliest first (MACs are a fair proxy), so the two job slots end together; --cheapest-first
  // instead finishes the most models soonest, for a session that will stop before the family ends.
  const cost = new Map(ids.map((id) => [id, analyze(buildTinyModel(id)).macs]));
  const queue = ids
    .flatMap((id) => o.seeds.map((seed) => ({ id, seed })))
    .filter((r) => !finished(o, manifest, r.id, r.seed))
    .sort((a, b) => (o.cheapestFirst ? -1 : 1) * (cost.get(b.id)! - cost.get(a.id)!) || a.seed - b.seed);
  const done = ids.length * o.seeds.length - queue.length;
  if (o.plan) {
    const bench = JSON.parse(readFileSync(o.plan, 'utf8')) as { rows: { id: string; imagesPerCpuSecond: number }[] };
    const rate = new Map(bench.rows.map((r) => [r.id, r.imagesPerCpuSecond]));
    let total = 0;
    for (const r of queue) {
      const images = (o.limit ?? 60000) * (o.epochs ?? FAMILY_RECIPE.epochs);
      const s = images / (rate.get(r.id) ?? NaN);
      total += s;
      console.log(`${runName(r.id, r.seed).padEnd(36)} ${(s / 3600).toFixed(2)} CPU-h`);
    }
    console.log(
      `${queue.length} runs to go (${done} finished): ${(total / 3600).toFixed(1)} CPU-hours, ≈ ${(total / 3600 / o.jobs).toFixed(1)} h with ${o.jobs} jobs on idle cores`,
    );
    return;
  }
  console.log(
    `train:family: ${queue.length} runs to go, ${done} already finished; ${o.jobs} side by side; checkpoints in ${o.checkpoints}`,
  );
  const self = fileURLToPath(import.meta.url);
  const passOn = process.argv.slice(2);
  let failed = 0;
  const children = new Set<ReturnType<typeof fork>>();
  const forward = (sig: NodeJS.Signals) => () => {
    for (const c of children) c.kill(sig);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  const slot = async (): Promise<void> => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const run = r;
      const code = await new Promise<number>((res) => {
        const child = fork(self, [...passOn, '--worker', run.id, String(run.seed)], {
          execArgv: ['--import', 'tsx'],
          stdio: 'inherit',
          env: { ...process.env, GLIBC_TUNABLES: MALLOC_TUNABLES },
        });
        children.add(child);
        child.on('exit', (c, sig) => {
          children.delete(child);
          res(c ?? (sig ? 128 : 1));
        });
      });
      if (code === 130 || code === 128) {
        console.log('train:family: stopped; run it again to resume');
        queue.length = 0;
        return;
      }
      if (code !== 0) {
        failed++;
        console.error(`train:family: ${runName(run.id, run.seed)} failed (exit ${code})`);
      }
      manifest = mergeResults(o);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.jobs, Math.max(queue.length, 1)) }, slot));
  manifest = mergeResults(o);
  console.log(
    `train:family: ${manifest.models.length} runs in ${join(o.out, 'manifest.json')}${failed ? `; ${failed} failed` : ''}`,
  );
  if (failed) process.exitCode = 1;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const w = argv.indexOf('--worker');
  const o = parseArgs(w >= 0 ? argv.slice(0, w) : argv);
  if (w >= 0) {
    mkdirSync(o.checkpoints, { recursive: true });
    await worker(o, getTinyModel(argv[w + 1]).id, Number(argv[w + 2]));
  } else {
    await orchestrate(o);
  }
}

main().catch((e: unknown) => {
  console.error(`train:family: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
