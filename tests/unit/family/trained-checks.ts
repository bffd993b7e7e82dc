/**
 * The CI checks of every trained model (issue "Trained tiny models", Tests), shared by the shard
 * files tests/unit/family/trained-<k>.test.ts so vitest runs them in parallel (one worker per
 * file). For each entry of public/models/trained/manifest.json — and of
 * tests/fixtures/trained/manifest.json, a model trained briefly by the same `npm run train:family`
 * (tiny_mobilenetv1_025, 1 epoch on the first 4,096 images: a fixture, not a family member) so the
 * checks run before the family is trained:
 *
 * - the manifest validates, the file has its sha256 and size, and params/MACs are the engine's
 *   analysis of the tiny spec (and of the file itself);
 * - accuracy, for a run with stored test-set predictions (src/lib/family/predictions.ts, made for
 *   this file's sha256): the manifest's correct count, per-class accuracy and confusion matrix are
 *   recomputed from them and the test labels exactly, and the engine re-runs all SUBSET test images
 *   (batched) and must give the stored class for each — except at a near-tie, where
 *   the stored class's logit is within TIE of the top logit (a float32 summation-order allowance:
 *   kernels may change their order after a model is trained; none is needed today). A run without
 *   predictions (a train:family older than them) is re-evaluated on all 10,000 test images as
 *   before and must get the manifest's correct count to within 10 images. Checking each image's
 *   class is stricter than the count: a change in any one prediction fails;
 * - onnxruntime-web gives the same top-1 as the engine on a sample of test images (the engine's
 *   top-1 for the sample is one batched forward; ORT runs the file as committed, batch 1);
 * - re-running the first steps of training (20, or as many as recorded) from the same seed gives
 *   the recorded losses to 1e-5 relative — for ONE run (the issue: "one model's training"): the
 *   cheapest family run, or the fixture's while no family run is committed; every run shares the
 *   trainer.
 *
 * Sharding: runs are dealt to SHARDS files by estimated cost (MACs × the images the engine runs;
 * the replay counts as REPLAY_COST), largest first to the least loaded shard, so the shards finish
 * together. A shard
 * file only names its index; adding runs needs no new file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { limitSet, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import { makeBatch } from '~/lib/data/batches.ts';
import { analyze, f32, runGraph, type Graph } from '~/lib/engine/index.ts';
import { tinyTrainingGraph } from '~/lib/family/graph.ts';
import { validateManifest, type TrainedModel } from '~/lib/family/manifest.ts';
import {
  decodePredictions,
  predictionsDir,
  predictionsFile,
  predictionSubset,
  scorePredictions,
} from '~/lib/family/predictions.ts';
import { RESIZE_DESCRIPTION } from '~/lib/family/recipe.ts';
import { buildTinyModel } from '~/lib/models/tiny.ts';
import { readTrained } from '~/lib/train/checkpoint.ts';
import { evaluate } from '~/lib/train/evaluate.ts';
import { batchMode } from '~/lib/train/model.ts';
import { createTrainer } from '~/lib/train/trainer.ts';

export const SHARDS = 4;
/** Images sampled for the onnxruntime-web comparison: every 50th test image. */
const ORT_SAMPLE = 200;
/** The replay's cost in MAC units of the dealing: 20 training steps of the cheapest run ≈ a 2 MMAC evaluation. */
const REPLAY_COST = 2e6;
/**
 * Test images the engine re-runs for a run with stored predictions: all of them, as the issue asks
 * ("re-evaluates every committed model on the 10,000 test images"). Every 10th (1,000) was used while
 * CI was slower; all 10,000 add about 7 min to the unit tests on a 2-core machine.
 */
export const SUBSET = 10_000;
/** A near-tie: the stored class's logit within this of the top logit (relative to the largest |logit|). */
const TIE = 1e-5;

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(root, 'tests/fixtures/trained');
const PUBLIC = join(root, 'public/models/trained');

interface Run {
  readonly dir: string;
  readonly entry: TrainedModel;
  readonly replay: boolean;
  /** Its stored predictions' path, when there is a file for it (checked against its sha256 below). */
  readonly predictions: string | null;
}

function predictionsOf(dir: string, entry: TrainedModel): string | null {
  const p = join(predictionsDir(root, dir), predictionsFile(entry.file));
  return existsSync(p) ? p : null;
}

function readRuns(dir: string): TrainedModel[] {
  if (!existsSync(join(dir, 'manifest.json'))) return [];
  const r = validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!r.ok) throw new Error(`${dir}/manifest.json: ${r.errors.join('; ')}`);
  return [...r.manifest.models];
}

/** Every run to check, the one replayed marked. */
export function allRuns(): Run[] {
  const fixture = readRuns(FIXTURE);
  const family = readRuns(PUBLIC);
  const cheapest = (list: TrainedModel[]) =>
    list.reduce<TrainedModel | undefined>((a, m) => (!a || m.macs < a.macs ? m : a), undefined);
  const replayed = cheapest(family) ?? cheapest(fixture);
  return [
    ...fixture.map((entry) => ({
      dir: FIXTURE,
      entry,
      replay: entry === replayed,
      predictions: predictionsOf(FIXTURE, entry),
    })),
    ...family.map((entry) => ({
      dir: PUBLIC,
      entry,
      replay: entry === replayed,
      predictions: predictionsOf(PUBLIC, entry),
    })),
  ];
}

/** The runs of shard `k` (0-based) of `shards`: greedy by cost, largest first, ties by id and seed. */
export function shardRuns(runs: readonly Run[], k: number, shards = SHARDS): Run[] {
  const cost = (r: Run) =>
    (r.entry.macs * (r.predictions ? SUBSET : r.entry.testImages)) / 10_000 + (r.replay ? REPLAY_COST : 0);
  const order = [...runs].sort(
    (a, b) =>
      cost(b) - cost(a) ||
      a.entry.id.localeCompare(b.entry.id) ||
      a.entry.seed - b.entry.seed ||
      a.dir.localeCompare(b.dir),
  );
  const load = new Array<number>(shards).fill(0);
  const out: Run[][] = Array.from({ length: shards }, () => []);
  for (const r of order) {
    const i = load.indexOf(Math.min(...load));
    load[i] += cost(r);
    out[i].push(r);
  }
  return out[k];
}

const argmax = (y: Float32Array, i: number, k: number): number => {
  let a = 0;
  for (let j = 1; j < k; j++) if (y[i * k + j] > y[i * k + a]) a = j;
  return a;
};

/**
 * The engine's logits for `n` images, [n × k], in forwards of at most `batch` images when the graph
 * batches, else one image at a time (the ViT).
 */
function engineLogits(
  graph: Graph,
  input: string,
  output: string,
  x: Float32Array,
  n: number,
  dims: number[],
  batch = n,
): { y: Float32Array; k: number } {
  const mode = batchMode(graph, Math.min(batch, n));
  const plane = x.length / n;
  const step = mode.kind === 'batched' ? Math.min(batch, n) : 1;
  const parts: Float32Array[] = [];
  for (let s = 0; s < n; s += step) {
    const m = Math.min(step, n - s);
    const g = m === step ? mode.graph : batchMode(graph, m).graph;
    parts.push(
      runGraph(g, { [input]: f32([m, ...dims], x.slice(s * plane, (s + m) * plane)) })[output].data as Float32Array,
    );
  }
  const y = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    y.set(p, o);
    o += p.length;
  }
  return { y, k: y.length / n };
}

/** The engine's top-1 for `n` images. */
function engineTop1(graph: Graph, input: string, output: string, x: Float32Array, n: number, dims: number[]): number[] {
  const { y, k } = engineLogits(graph, input, output, x, n, dims);
  return Array.from({ length: n }, (_, i) => argmax(y, i, k));
}

/** Registers the checks of shard `k`; shard 0 also checks that the fixture run is among the runs. */
export function trainedChecks(k: number): void {
  const runs = allRuns();
  const mine = shardRuns(runs, k);
  let test: ImageSet;
  let train: ImageSet | undefined;
  beforeAll(() => {
    test = loadFashionMnist('test');
  });

  describe(`trained models, shard ${k + 1} of ${SHARDS}`, () => {
    it.runIf(k === 0)('includes the fixture run (so the checks below always run)', () => {
      expect(runs.some((r) => r.dir === FIXTURE)).toBe(true);
    });
    it.runIf(mine.length === 0)('has no run to check in this shard (fewer runs than shards)', () => {
      expect(runs.length).toBeLessThan(SHARDS);
    });

    describe.each(mine.map((r) => [`${r.entry.id} seed ${r.entry.seed} (${r.dir.slice(root.length)})`, r] as const))(
      '%s',
      (_name, { dir, entry, replay, predictions }) => {
        const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
        const { graph, record } = readTrained(bytes);
        const norm = { mean: entry.preprocessing.mean, std: entry.preprocessing.std };

        it('is the file the manifest names: sha256, size, params and MACs from the engine', () => {
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
          expect(bytes.length).toBe(entry.bytes);
          const a = analyze(buildTinyModel(entry.id));
          expect([a.params, a.macs]).toEqual([entry.params, entry.macs]);
          expect(analyze(graph).macs).toBe(entry.macs);
          expect(graph.inputs[0].dims).toEqual([
            1,
            entry.preprocessing.channels,
            entry.preprocessing.resolution,
            entry.preprocessing.resolution,
          ]);
          expect(graph.inputs[0].name).toBe(entry.preprocessing.input);
          expect(entry.preprocessing.resize).toBe(RESIZE_DESCRIPTION);
          expect(record?.recipe).toEqual(entry.recipe);
        });

        it.runIf(predictions === null)(
          "re-evaluates on all 10,000 test images to the manifest's accuracy (within 10 images; no stored predictions)",
          () => {
            const ev = evaluate(graph, test, norm);
            expect(ev.count).toBe(entry.testImages);
            expect(Math.abs(ev.correct - entry.correct)).toBeLessThanOrEqual(10);
          },
          600_000,
        );

        it.runIf(predictions !== null)(
          "has stored predictions that give the manifest's accuracy, per-class accuracy and confusion exactly",
          () => {
            const top1 = decodePredictions(JSON.parse(readFileSync(predictions!, 'utf8')), entry);
            const s = scorePredictions(top1, test.labels, entry.classes.length);
            expect(s.correct).toBe(entry.correct);
            expect(s.correct / test.count).toBe(entry.accuracy);
            expect(s.confusion).toEqual(entry.confusion);
            expect(s.perClass).toEqual(entry.perClass);
          },
        );

        it.runIf(predictions !== null)(
          `gives the stored prediction on all ${SUBSET} test images in the engine`,
          () => {
            const top1 = decodePredictions(JSON.parse(readFileSync(predictions!, 'utf8')), entry);
            const { resolution: R, channels: C } = entry.preprocessing;
            const idx = predictionSubset(test.count, SUBSET);
            const b = makeBatch(test, idx, { ...norm, resolution: R, channels: C });
            const { y, k } = engineLogits(
              graph,
              entry.preprocessing.input,
              graph.outputs[0].name,
              b.x,
              idx.length,
              [C, R, R],
              100,
            );
            const off: string[] = [];
            for (let i = 0; i < idx.length; i++) {
              const a = argmax(y, i, k);
              const stored = top1[idx[i]];
              if (a === stored) continue;
              let big = 0;
              for (let j = 0; j < k; j++) big = Math.max(big, Math.abs(y[i * k + j]));
              const gap = y[i * k + a] - y[i * k + stored];
              if (gap > TIE * big) off.push(`image ${idx[i]}: engine ${a}, stored ${stored} (logit gap ${gap})`);
            }
            expect(off).toEqual([]);
          },
          600_000,
        );

        it('gives the same top-1 in onnxruntime-web on a sample of test images', async () => {
          const { resolution: R, channels: C } = entry.preprocessing;
          const idx = Int32Array.from({ length: ORT_SAMPLE }, (_, i) => i * Math.floor(test.count / ORT_SAMPLE));
          const b = makeBatch(test, idx, { ...norm, resolution: R, channels: C });
          const input = entry.preprocessing.input;
          const out = graph.outputs[0].name;
          const ours = engineTop1(graph, input, out, b.x, ORT_SAMPLE, [C, R, R]);
          const session = await ortSession(bytes);
          const plane = C * R * R;
          const theirs: number[] = [];
          for (let i = 0; i < ORT_SAMPLE; i++) {
            const x = f32([1, C, R, R], b.x.slice(i * plane, (i + 1) * plane));
            const y = (await ortRun(session, { [input]: x }))[out].data as Float32Array;
            theirs.push(argmax(y, 0, y.length));
          }
          expect(theirs).toEqual(ours);
        }, 300_000);

        it.runIf(replay)(
          'replays the first training steps to the recorded losses (1e-5 relative)',
          () => {
            train ??= loadFashionMnist('train');
            const data = limitSet(train, entry.trainImages);
            const trainer = createTrainer(tinyTrainingGraph(entry.id, entry.seed), data, entry.recipe, norm);
            const losses = entry.firstLosses.map(() => trainer.step().loss);
            losses.forEach((l, i) =>
              expect(Math.abs(l - entry.firstLosses[i]) / entry.firstLosses[i], `step ${i}`).toBeLessThanOrEqual(1e-5),
            );
          },
          600_000,
        );
      },
    );
  });
}
