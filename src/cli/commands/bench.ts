/**
 * `depthwise bench [--json] [--runs N] [--warmup N]`: the engine against onnxruntime-web (wasm,
 * one thread) in the same process, on the zoo's MobileNetV2-1.0 and EfficientNet-B0 at 224 with
 * seeded (untrained, BatchNorm-calibrated) weights. Each runtime gets the same graph (ORT via
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
import { ortRun, ortSession } from '../ort-session.ts';

export const summary = 'time the engine against onnxruntime-web on MobileNetV2 and EfficientNet-B0; peak live memory';

const MODELS = ['mobilenetv2_100', 'efficientnet_b0'] as const;
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

export async function benchModel(id: string, runs: number, warmup: number): Promise<ModelBench> {
  const { graph, input } = seededModel(id);
  const feeds = { [graph.inputs[0].name]: input };
  const out = graph.outputs[0].name;
  const session = await ortSession(exportOnnx(graph));
  const engineOut = runGraph(graph, feeds)[out];
  const ortOut = (await ortRun(session, feeds))[out];
  const [engineMs, ortMs] = await timedInterleaved(runs, warmup, [() => runGraph(graph, feeds), () => ortRun(session, feeds)]);
  await session.release();
  return { id, macs: analyze(graph).macs, engineMs, ortMs, ratio: engineMs / ortMs, maxRelDiff: relDiff(engineOut, ortOut), runs };
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

function flag(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} expects a positive integer`);
  return v;
}

export async function run(args: string[]): Promise<number> {
  const runs = Math.max(10, flag(args, '--runs', 10));
  const warmup = Math.max(3, flag(args, '--warmup', 3));
  const models: ModelBench[] = [];
  for (const id of MODELS) {
    const b = await benchModel(id, runs, warmup);
    models.push(b);
    if (!args.includes('--json')) {
      console.log(`${id.padEnd(16)} engine ${b.engineMs.toFixed(1).padStart(7)} ms   ORT ${b.ortMs.toFixed(1).padStart(6)} ms   engine/ORT ${b.ratio.toFixed(2)}×   (${(b.macs / 1e6).toFixed(1)} M MACs, median of ${runs} after ${warmup} warm-ups; max rel diff ${b.maxRelDiff.toExponential(1)})`);
    }
  }
  const memory = benchMemory('efficientnet_b0');
  if (args.includes('--json')) {
    console.log(JSON.stringify({ runs, warmup, models, memory }, null, 2));
  } else {
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(2)} MiB`;
    console.log(`efficientnet_b0 peak live tensors: ${mib(memory.measuredPeakBytes)} measured (fused run ${mib(memory.measuredPeakBytesFused)}), static estimate ${mib(memory.staticPeakBytes)}, ratio ${memory.ratio.toFixed(2)}×`);
  }
  return 0;
}
