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
 * - the engine re-evaluates the file on all 10,000 test images with the manifest's preprocessing
 *   and gets the manifest's correct count to within 10 images (a float32 summation-order
 *   allowance: kernels may change their order after a model is trained), through its fastest
 *   path: one fused inference graph with a symbolic batch, evaluate's 100 images per forward (batch
 *   500 measured no cheaper in CPU time on the loaded 2-core machine);
 * - onnxruntime-web gives the same top-1 as the engine on a sample of test images (the engine's
 *   top-1 for the sample is one batched forward; ORT runs the file as committed, batch 1);
 * - re-running the first steps of training (20, or as many as recorded) from the same seed gives
 *   the recorded losses to 1e-5 relative — for ONE run (the issue: "one model's training"): the
 *   cheapest family run, or the fixture's while no family run is committed; every run shares the
 *   trainer.
 *
 * Sharding: runs are dealt to SHARDS files by estimated cost (MACs; the replay counts as
 * REPLAY_COST), largest first to the least loaded shard, so the shards finish together. A shard
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

const root = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = join(root, 'tests/fixtures/trained');
const PUBLIC = join(root, 'public/models/trained');

interface Run {
  readonly dir: string;
  readonly entry: TrainedModel;
  readonly replay: boolean;
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
    ...fixture.map((entry) => ({ dir: FIXTURE, entry, replay: entry === replayed })),
    ...family.map((entry) => ({ dir: PUBLIC, entry, replay: entry === replayed })),
  ];
}

/** The runs of shard `k` (0-based) of `shards`: greedy by cost, largest first, ties by id and seed. */
export function shardRuns(runs: readonly Run[], k: number, shards = SHARDS): Run[] {
  const cost = (r: Run) => r.entry.macs + (r.replay ? REPLAY_COST : 0);
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

/** The engine's top-1 for `n` images in one forward when the graph batches, else one image at a time (the ViT). */
function engineTop1(graph: Graph, input: string, output: string, x: Float32Array, n: number, dims: number[]): number[] {
  const mode = batchMode(graph, n);
  const plane = x.length / n;
  const outs: number[] = [];
  if (mode.kind === 'batched') {
    const y = runGraph(mode.graph, { [input]: f32([n, ...dims], x) })[output].data as Float32Array;
    const k = y.length / n;
    for (let i = 0; i < n; i++) outs.push(argmax(y, i, k));
    return outs;
  }
  for (let i = 0; i < n; i++) {
    const y = runGraph(graph, { [input]: f32([1, ...dims], x.slice(i * plane, (i + 1) * plane)) })[output]
      .data as Float32Array;
    outs.push(argmax(y, 0, y.length));
  }
  return outs;
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
      (_name, { dir, entry, replay }) => {
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

        it("re-evaluates on all 10,000 test images to the manifest's accuracy (within 10 images)", () => {
          const ev = evaluate(graph, test, norm);
          expect(ev.count).toBe(entry.testImages);
          expect(Math.abs(ev.correct - entry.correct)).toBeLessThanOrEqual(10);
        }, 600_000);

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
