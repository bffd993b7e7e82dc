/**
 * `depthwise bench [--json] [--runs N] [--warmup N]`: the engine against onnxruntime-web (wasm,
 * one thread) in the same process, on the zoo's MobileNetV2-1.0, EfficientNet-B0,
 * MobileNetV3-Large-1.0 and ViT-Ti at 224 with seeded (untrained, BatchNorm-calibrated) weights,
 * each ratio beside its goal (issue 16). Then the same four at two threads (a child process: ORT
 * fixes its thread count when it starts): the engine on one thread, the engine on two (its kernel
 * worker, kernel-threads.ts, takes half of each large GEMM, depthwise conv and affine pass) and ORT on two,
 * interleaved in that process; and the time to materialise
 * B0–B3's weights (seeded init + BatchNorm calibration; wall and CPU time, since the machine is shared). Each runtime gets the same graph (ORT via
 * exportOnnx) and the same input; we report the median of the timed runs after warm-up (engine
 * and ORT runs interleaved), the engine/ORT ratio and how far apart the two outputs are.
 *
 * Memory: the peak of the bytes the executor holds in live tensors (Step.liveBytes, weights
 * excluded) over a full EfficientNet-B0 run that releases each tensor after its last use,
 * against analyze().peakLiveBytes, the static estimate for the same policy. Not process RSS,
 * which mixes in the garbage collector's timing.
 */
import { analyze, execute, runGraph, type Graph, type Tensor } from '../../lib/engine/index.ts';
import { exportOnnx } from '../../lib/engine/onnx/export-onnx.ts';
import { buildModel, materialize, referenceInput } from '../../lib/models/index.ts';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ortRun, ortSession, setOrtThreads } from '../ort-session.ts';
import { startKernelThreads, type KernelThreads } from '../kernel-threads.ts';

export const summary =
  'time the engine against onnxruntime-web (1 and 2 threads) on four zoo models; weight materialisation; peak live memory';

/** The models timed and the engine/ORT ratio each should stay under (issue 16). */
const GOALS: Readonly<Record<string, number>> = {
  mobilenetv2_100: 1.0,
  efficientnet_b0: 1.0,
  mobilenetv3_large_100: 1.0,
  vit_tiny_patch16_224: 1.5,
};
const MATERIALIZE = ['efficientnet_b0', 'efficientnet_b1', 'efficientnet_b2', 'efficientnet_b3'] as const;
const SEED = 1;

export interface ModelBench {
  id: string;
  macs: number;
  engineMs: number;
  ortMs: number;
  /** engine median / ORT median. */
  ratio: number;
  /** max |engine − ORT| / max |ORT| over the logits. */
  maxRelDiff: number;
  runs: number;
  /** Threads each runtime used. */
  engineThreads: number;
  ortThreads: number;
  /** The ratio this model should stay under, when it has one. */
  goal?: number;
}

export interface MaterializeBench {
  id: string;
  /** Median wall time of materialize() (seeded init + BatchNorm calibration). */
  wallMs: number;
  /** Median CPU time of the same runs (excludes waiting for other processes). */
  cpuMs: number;
  runs: number;
}

export interface MemoryBench {
  id: string;
  /** Peak live tensor bytes measured in an unfused run without retention. */
  measuredPeakBytes: number;
  /** The same with Conv → BN → activation fusion (the default runGraph path). */
  measuredPeakBytesFused: number;
  /** analyze().peakLiveBytes. */
  staticPeakBytes: number;
  ratio: number;
}

const now = (): number => globalThis.performance.now();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Medians of interleaved runs: each round times one run of every contender in turn, so load from
 * other processes on this shared machine falls on all of them alike and the ratio stays fair.
 */
async function timedInterleaved(runs: number, warmup: number, fns: readonly (() => unknown)[]): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const ms = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = now();
      await fns[k]();
      ms[k].push(now() - t0);
    }
  }
  return ms.map(median);
}

function relDiff(a: Tensor, b: Tensor): number {
  let maxDiff = 0;
  let maxRef = 0;
  for (let i = 0; i < b.data.length; i++) {
    maxDiff = Math.max(maxDiff, Math.abs(a.data[i] - b.data[i]));
    maxRef = Math.max(maxRef, Math.abs(b.data[i]));
  }
  return maxRef > 0 ? maxDiff / maxRef : maxDiff;
}

function seededModel(id: string): { graph: Graph; input: Tensor } {
  const graph = materialize(buildModel(id), SEED);
  const R = graph.inputs[0].dims[2] as number;
  return { graph, input: referenceInput(R, SEED) };
}

export async function benchModel(id: string, runs: number, warmup: number, ortThreads = 1): Promise<ModelBench> {
  const { graph, input } = seededModel(id);
  const feeds = { [graph.inputs[0].name]: input };
  const out = graph.outputs[0].name;
  const session = await ortSession(exportOnnx(graph));
  const engineOut = runGraph(graph, feeds)[out];
  const ortOut = (await ortRun(session, feeds))[out];
  const [engineMs, ortMs] = await timedInterleaved(runs, warmup, [
    () => runGraph(graph, feeds),
    () => ortRun(session, feeds),
  ]);
  await session.release();
  const macs = analyze(graph).macs;
  const maxRelDiff = relDiff(engineOut, ortOut);
  return {
    id,
    macs,
    engineMs,
    ortMs,
    ratio: engineMs / ortMs,
    maxRelDiff,
    runs,
    engineThreads: 1,
    ortThreads,
    goal: GOALS[id],
  };
}

/** One model at two threads: the engine on one and on two threads, and ORT on two. */
export interface TwoThreadBench {
  /** Engine (2 threads) against ORT (2 threads). */
  both: ModelBench;
  /** Engine (1 thread) against ORT (2 threads), from the same interleaved runs. */
  engineOne: ModelBench;
  /** Engine one-thread median / two-thread median. */
  engineSpeedup: number;
  /** Whether the engine's two-thread logits equal its one-thread logits bit for bit. */
  bitIdentical: boolean;
  /** Kernel calls split (half offered to the worker) per two-thread inference. */
  splitCallsPerRun: number;
  /** Share of those halves the worker ran over the timed runs (the main thread took back the rest). */
  workerShare: number;
}

/**
 * The same model with ORT at `ortThreads` (set before this process's first session) and the engine
 * on one thread and on two, the three interleaved; `threads` is the engine's kernel worker, paused
 * (the kernels back on one thread) for the one-thread runs.
 */
async function benchModelTwoThreads(
  id: string,
  runs: number,
  warmup: number,
  ortThreads: number,
  threads: KernelThreads,
): Promise<TwoThreadBench> {
  const { graph, input } = seededModel(id);
  const feeds = { [graph.inputs[0].name]: input };
  const out = graph.outputs[0].name;
  const session = await ortSession(exportOnnx(graph));
  const one = (): Record<string, Tensor> => {
    threads.pause();
    try {
      return runGraph(graph, feeds);
    } finally {
      threads.resume();
    }
  };
  const oneOut = one()[out];
  let c0 = threads.calls();
  const twoOut = runGraph(graph, feeds)[out];
  const splitCallsPerRun = threads.calls() - c0;
  const ortOut = (await ortRun(session, feeds))[out];
  c0 = threads.calls();
  const w0 = threads.workerRan();
  const [oneMs, twoMs, ortMs] = await timedInterleaved(runs, warmup, [
    one,
    () => runGraph(graph, feeds),
    () => ortRun(session, feeds),
  ]);
  const workerShare = (threads.workerRan() - w0) / Math.max(1, threads.calls() - c0);
  await session.release();
  const macs = analyze(graph).macs;
  const base = { id, macs, ortMs, runs, ortThreads };
  let bitIdentical = oneOut.data.length === twoOut.data.length;
  for (let i = 0; bitIdentical && i < oneOut.data.length; i++) bitIdentical = Object.is(oneOut.data[i], twoOut.data[i]);
  return {
    both: { ...base, engineMs: twoMs, ratio: twoMs / ortMs, maxRelDiff: relDiff(twoOut, ortOut), engineThreads: 2 },
    engineOne: {
      ...base,
      engineMs: oneMs,
      ratio: oneMs / ortMs,
      maxRelDiff: relDiff(oneOut, ortOut),
      engineThreads: 1,
    },
    engineSpeedup: oneMs / twoMs,
    bitIdentical,
    splitCallsPerRun,
    workerShare,
  };
}

export function benchMaterialize(id: string, runs: number): MaterializeBench {
  const graph = buildModel(id);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = now();
    materialize(graph, SEED);
    wall.push(now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { id, wallMs: median(wall), cpuMs: median(cpu), runs };
}

/** Every model at `threads` threads, timed in a child process (see the file comment). */
function benchTwoThreads(runs: number, warmup: number, threads: number): TwoThreadBench[] {
  const bin = fileURLToPath(new URL('../../../bin/depthwise.mjs', import.meta.url));
  const r = spawnSync(
    process.execPath,
    [bin, 'bench', '--child-threads', String(threads), '--runs', String(runs), '--warmup', String(warmup)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`the ${threads}-thread bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as TwoThreadBench[];
}

/** The child's side of benchTwoThreads: ORT and the engine's kernels at `threads` (2) threads. */
async function childTwoThreads(runs: number, warmup: number, threads: number): Promise<TwoThreadBench[]> {
  if (threads !== 2) throw new Error('--child-threads: the engine splits its kernels over two threads only');
  setOrtThreads(threads);
  const kernelThreads = await startKernelThreads();
  if (!kernelThreads)
    throw new Error(
      'the kernel worker did not start (no shared WebAssembly memory in this Node, or it failed to boot)',
    );
  try {
    const out: TwoThreadBench[] = [];
    for (const id of Object.keys(GOALS)) out.push(await benchModelTwoThreads(id, runs, warmup, threads, kernelThreads));
    return out;
  } finally {
    await kernelThreads.stop();
  }
}

function peakLive(graph: Graph, feeds: Record<string, Tensor>, fuse: boolean): number {
  let peak = 0;
  const steps = execute(graph, feeds, { fuse });
  for (let r = steps.next(); !r.done; r = steps.next()) peak = Math.max(peak, r.value.liveBytes);
  return peak;
}

export function benchMemory(id: string): MemoryBench {
  const { graph, input } = seededModel(id);
  const feeds = { [graph.inputs[0].name]: input };
  const measuredPeakBytes = peakLive(graph, feeds, false);
  const measuredPeakBytesFused = peakLive(graph, feeds, true);
  const staticPeakBytes = analyze(graph).peakLiveBytes;
  return { id, measuredPeakBytes, measuredPeakBytesFused, staticPeakBytes, ratio: measuredPeakBytes / staticPeakBytes };
}

/** /proc/loadavg's three load averages. */
function loadavg(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

function flag(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} expects a positive integer`);
  return v;
}

function modelLine(b: ModelBench): string {
  const goal = b.goal === undefined ? '' : `  goal ≤ ${b.goal.toFixed(1)}× ${b.ratio <= b.goal ? 'met' : 'NOT met'}`;
  return `${b.id.padEnd(21)} engine ${b.engineMs.toFixed(1).padStart(7)} ms (${b.engineThreads} thr)   ORT ${b.ortMs.toFixed(1).padStart(6)} ms (${b.ortThreads} thr)   engine/ORT ${b.ratio.toFixed(2)}×${goal}   (${(b.macs / 1e6).toFixed(1)} M MACs, median of ${b.runs}; max rel diff ${b.maxRelDiff.toExponential(1)})`;
}

export async function run(args: string[]): Promise<number> {
  const runs = Math.max(10, flag(args, '--runs', 10));
  const warmup = Math.max(3, flag(args, '--warmup', 3));
  const json = args.includes('--json');
  if (args.includes('--child-threads')) {
    console.log(JSON.stringify(await childTwoThreads(runs, warmup, flag(args, '--child-threads', 2))));
    return 0;
  }
  const load = (): string => (process.platform === 'linux' ? loadavg() : 'n/a');
  if (!json) console.log(`load average at start: ${load()}`);
  const models: ModelBench[] = [];
  for (const id of Object.keys(GOALS)) {
    const b = await benchModel(id, runs, warmup);
    models.push(b);
    if (!json) console.log(modelLine(b));
  }
  const twoThreads = benchTwoThreads(runs, warmup, 2);
  if (!json) {
    console.log('at two threads (engine 1 and 2 threads and ORT 2 threads interleaved, one child process):');
    for (const t of twoThreads) {
      console.log(`${modelLine(t.engineOne)}`);
      console.log(
        `${modelLine(t.both)}   [engine 2 thr / 1 thr speed-up ${t.engineSpeedup.toFixed(2)}×; ${t.splitCallsPerRun} kernel calls split per run, ${(100 * t.workerShare).toFixed(0)}% of halves run by the worker; logits ${t.bitIdentical ? 'bit-identical to' : 'DIFFER from'} 1 thread]`,
      );
    }
  }
  const materialized = MATERIALIZE.map((id) => {
    const m = benchMaterialize(id, 3);
    if (!json)
      console.log(
        `materialize ${id.padEnd(16)} ${m.wallMs.toFixed(0).padStart(5)} ms wall, ${m.cpuMs.toFixed(0).padStart(5)} ms CPU (median of ${m.runs}; goal < 1000 ms ${m.wallMs < 1000 ? 'met' : 'NOT met'})`,
      );
    return m;
  });
  const memory = benchMemory('efficientnet_b0');
  if (json) {
    console.log(JSON.stringify({ runs, warmup, load: load(), models, twoThreads, materialized, memory }, null, 2));
  } else {
    console.log(`load average at end: ${load()}`);
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
    console.log(
      `efficientnet_b0 peak live tensors: ${mib(memory.measuredPeakBytes)} measured (fused run ${mib(memory.measuredPeakBytesFused)}), static estimate ${mib(memory.staticPeakBytes)}, ratio ${memory.ratio.toFixed(2)}×`,
    );
  }
  return 0;
}
