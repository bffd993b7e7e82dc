/**
 * Training throughput of every tiny-family model (src/lib/models/tiny.ts) with the trainer of
 * src/lib/train, on Fashion-MNIST at the family recipe's batch: `warmup` steps not counted, then
 * `steps` timed. Prints images/s of wall time and images per CPU-second of this process (the
 * machine is shared: the CPU figure excludes time spent waiting for other processes and is what
 * the family's time budget is computed from), with the load average before and after.
 *
 *   npx tsx scripts/bench-family.ts [--steps 8] [--warmup 2] [--only id,id] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { tinyTrainingGraph } from '../src/lib/family/graph.ts';
import { FAMILY_RECIPE } from '../src/lib/family/recipe.ts';
import { analyze } from '../src/lib/engine/index.ts';
import { buildTinyModel, TINY_MODELS } from '../src/lib/models/tiny.ts';
import { createTrainer } from '../src/lib/train/trainer.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD } from '../src/lib/data/fashion-mnist.ts';

const arg = (name: string, d?: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : d;
};
const steps = Number(arg('steps', '8'));
const warmup = Number(arg('warmup', '2'));
const only = arg('only')?.split(',');
const out = arg('json');
const train = loadFashionMnist('train');
const rows: unknown[] = [];
for (const m of TINY_MODELS) {
  if (only && !only.includes(m.id)) continue;
  const a = analyze(buildTinyModel(m.id));
  const graph = tinyTrainingGraph(m.id, 1);
  const trainer = createTrainer(
    graph,
    train,
    { ...FAMILY_RECIPE, epochs: 1, seed: 1 },
    { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD },
    { reuseBuffers: true },
  );
  for (let i = 0; i < warmup; i++) trainer.step();
  const load0 = loadavg()[0];
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  let loss = 0;
  for (let i = 0; i < steps; i++) loss = trainer.step().loss;
  const cpu = process.cpuUsage(c0);
  const wall = (performance.now() - w0) / 1000;
  const images = steps * FAMILY_RECIPE.batch;
  const row = {
    id: m.id,
    params: a.params,
    macs: a.macs,
    mode: trainer.mode,
    batch: FAMILY_RECIPE.batch,
    steps,
    imagesPerSecond: +(images / wall).toFixed(1),
    imagesPerCpuSecond: +(images / ((cpu.user + cpu.system) / 1e6)).toFixed(1),
    load: [+load0.toFixed(2), +loadavg()[0].toFixed(2)],
    loss: +loss.toFixed(4),
  };
  rows.push(row);
  console.log(
    `${m.id.padEnd(30)} ${(a.macs / 1e6).toFixed(2).padStart(6)} MMAC  ${String(row.imagesPerSecond).padStart(7)} img/s  ${String(row.imagesPerCpuSecond).padStart(7)} img/CPU-s  load ${row.load.join('→')}`,
  );
}
if (out) writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), warmup, steps, rows }, null, 2) + '\n');
