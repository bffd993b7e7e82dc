/**
 * `npm run bench:train [-- --json] [-- --runs N]`: training throughput of the engine on a tiny
 * MBConv+SE network (src/lib/train/tiny.ts) at batch 64, 32×32, on Fashion-MNIST batches.
 *
 * - images/s: 64 / median time of one whole training step (batch preparation, training forward,
 *   loss, backward, AdamW update, BatchNorm statistics);
 * - forward+backward against forward-only on the same batch: median of (training forward + loss +
 *   backward) over median of the inference forward (runGraph, fused kernels) — goal ≤ 3× — and
 *   the same ratio in CPU time (process.cpuUsage), which excludes time the shared machine spent
 *   on other processes;
 * - memory: the peak of process.memoryUsage().arrayBuffers during one step, sampled after each
 *   forward and each backward node with a forced GC so only live buffers count, above the level
 *   before the step (weights, data and optimizer state are already resident), against the
 *   up-front estimate of what a step allocates: activations kept for backward + gradients.
 * Runs are interleaved (inference, fwd+bwd, step) after two warm-up rounds; medians, never one run.
 */
import vm from 'node:vm';
import v8 from 'node:v8';
import { loadFashionMnist } from '../src/cli/fashion-mnist-files.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet } from '../src/lib/data/fashion-mnist.ts';
import { f32, runGraph } from '../src/lib/engine/index.ts';
import { backward, executeBackward, trainingForward } from '../src/lib/engine/grad/index.ts';
import { softmaxCrossEntropy } from '../src/lib/train/loss.ts';
import { specTrainingGraph } from '../src/lib/train/source.ts';
import { TINY_MBCONV_SPEC } from '../src/lib/train/tiny.ts';
import { createTrainer, type Recipe } from '../src/lib/train/trainer.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const arg = (k: string, d: number): number => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const json = process.argv.includes('--json');
const runs = arg('--runs', 7);
const BATCH = 64;
const RES = 32;

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const graph = specTrainingGraph(TINY_MBCONV_SPEC, 'tiny_mbconv_se', { resolution: RES, classes: 10, seed: 0 });
const data = limitSet(loadFashionMnist('train'), BATCH * (runs + 3));
const recipe: Recipe = {
  epochs: 1,
  batch: BATCH,
  lr: 0.002,
  optimizer: { kind: 'adamw', weightDecay: 0.05 },
  warmupEpochs: 0,
  labelSmoothing: 0.1,
  seed: 0,
  augment: { pad: 2, flip: true },
};
const trainer = createTrainer(graph, data, recipe, { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD });
const g = trainer.graph;
const logits = g.outputs[0].name;
const params = [...g.initializers.values()].reduce((a, t) => a + t.data.length, 0);

const fwd: number[] = [];
const fwdCpu: number[] = [];
const fb: number[] = [];
const fbCpu: number[] = [];
const step: number[] = [];
const tf: number[] = [];
for (let r = 0; r < runs + 2; r++) {
  const b = trainer.batchAt(trainer.state.step);
  const x = f32(b.dims, b.x);
  let c = cpuMs();
  let t = performance.now();
  runGraph(g, { input: x });
  const a1 = performance.now() - t;
  const c1 = cpuMs() - c;
  c = cpuMs();
  t = performance.now();
  const { tape, outputs } = trainingForward(g, { input: x }, { training: true, inputGrads: false });
  const a4 = performance.now() - t;
  const loss = softmaxCrossEntropy(outputs[logits].data as Float32Array, BATCH, 10, b.labels, 0.1);
  backward(tape, { [logits]: f32(outputs[logits].dims, loss.grad) });
  const a2 = performance.now() - t;
  const c2 = cpuMs() - c;
  t = performance.now();
  trainer.step();
  const a3 = performance.now() - t;
  if (r >= 2) {
    fwd.push(a1);
    fwdCpu.push(c1);
    fb.push(a2);
    fbCpu.push(c2);
    step.push(a3);
    tf.push(a4);
  }
}

// Memory: one step sampled node by node. V8 frees ArrayBuffer memory on a background thread after
// a GC, so each sample forces a GC and waits for the sweeper before reading arrayBuffers.
const settle = async (): Promise<number> => {
  gc();
  await new Promise((r) => setTimeout(r, 20));
  gc();
  await new Promise((r) => setTimeout(r, 20));
  return process.memoryUsage().arrayBuffers;
};
const b = trainer.batchAt(trainer.state.step);
const x = f32(b.dims, b.x);
const base = await settle();
let peak = 0;
const sample = async (): Promise<void> => {
  peak = Math.max(peak, (await settle()) - base);
};
const { tape, outputs } = trainingForward(g, { input: x }, { training: true, inputGrads: false });
await sample();
const loss = softmaxCrossEntropy(outputs[logits].data as Float32Array, BATCH, 10, b.labels, 0.1);
const gen = executeBackward(tape, { [logits]: f32(outputs[logits].dims, loss.grad) });
const held: unknown[] = [];
const byOp: Record<string, number> = {};
for (let r = gen.next(); ; r = gen.next()) {
  await sample();
  if (r.done) {
    held.push(r.value);
    break;
  }
  byOp[r.value.node.opType] = (byOp[r.value.node.opType] ?? 0) + r.value.ms;
}
const m = trainer.memory;
const estimate = m.keptBytes + m.gradientBytes;

const result = {
  model: 'tiny MBConv+SE (src/lib/train/tiny.ts)',
  params,
  batch: BATCH,
  resolution: RES,
  runs,
  imagesPerSecond: (BATCH * 1000) / median(step),
  stepMs: median(step),
  forwardMs: median(fwd),
  trainingForwardMs: median(tf),
  forwardBackwardMs: median(fb),
  fwdBwdOverFwdRatio: median(fb) / median(fwd),
  fwdBwdOverFwdCpuRatio: median(fbCpu) / median(fwdCpu),
  /** One backward (the memory pass), ms per op type: where the backward time goes. */
  backwardMsByOp: Object.fromEntries(
    Object.entries(byOp)
      .sort((p, q) => q[1] - p[1])
      .map(([k, v]) => [k, +v.toFixed(1)]),
  ),
  memory: {
    measuredPeakBytes: peak,
    estimateBytes: estimate,
    measuredOverEstimateRatio: peak / estimate,
    keptBytes: m.keptBytes,
    gradientBytes: m.gradientBytes,
    estimateTotalBytes: m.totalBytes,
  },
};
if (json) console.log(JSON.stringify(result));
else {
  const mib = (v: number): string => `${(v / 2 ** 20).toFixed(1)} MiB`;
  console.log(`${result.model}: ${params} parameters, batch ${BATCH} at ${RES}×${RES}, medians of ${runs} runs`);
  console.log(
    `  training throughput   ${result.imagesPerSecond.toFixed(1)} images/s (one step ${result.stepMs.toFixed(0)} ms)`,
  );
  console.log(`  forward only          ${result.forwardMs.toFixed(1)} ms (inference, fused)`);
  console.log(
    `  training forward      ${result.trainingForwardMs.toFixed(1)} ms (unfused, BatchNorm on batch statistics, tape)`,
  );
  console.log(
    `  forward + backward    ${result.forwardBackwardMs.toFixed(1)} ms = ${result.fwdBwdOverFwdRatio.toFixed(2)}× forward (CPU time: ${result.fwdBwdOverFwdCpuRatio.toFixed(2)}×; goal ≤ 3×)`,
  );
  console.log(
    `  backward by op (ms)   ${Object.entries(result.backwardMsByOp)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  memory of one step    measured peak ${mib(peak)} above the resident weights vs estimate ${mib(estimate)} (kept for backward ${mib(m.keptBytes)} + gradients ${mib(m.gradientBytes)}): ${result.memory.measuredOverEstimateRatio.toFixed(2)}×`,
  );
}
