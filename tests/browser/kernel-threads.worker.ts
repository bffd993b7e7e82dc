/**
 * The browser check's engine worker (kernel-threads.mjs bundles it): MobileNetV2 on one thread,
 * then on two with startWebKernelThreads (every half on the kernel worker), bit for bit; then the
 * one- and two-thread engine timed interleaved, with the usual take-back of late halves; then kernel
 * workers that fail to start (brokenWorkers).
 */
import { startWebKernelThreads } from '~/lib/engine/kernel-threads-web.ts';
import { runGraph } from '~/lib/engine/index.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';

const scope = globalThis as unknown as { postMessage(m: unknown): void; crossOriginIsolated?: boolean };

async function main(): Promise<unknown> {
  const graph = materialize(buildModel('mobilenetv2_100'), 1);
  const feeds = { [graph.inputs[0].name]: referenceInput(graph.inputs[0].dims[2] as number, 1) };
  const out = graph.outputs[0].name;
  const one = runGraph(graph, feeds)[out].data;
  const threads = await startWebKernelThreads({ takeBack: false });
  if (!threads) return { crossOriginIsolated: scope.crossOriginIsolated ?? false, started: false };
  const two = runGraph(graph, feeds)[out].data;
  let identical = one.length === two.length;
  for (let i = 0; identical && i < one.length; i++) identical = Object.is(one[i], two[i]);
  const [calls, workerRan] = [threads.calls(), threads.workerRan()];
  await threads.stop();
  // Timed as the engine would run: a half the kernel worker has not begun is taken back.
  const timed = await startWebKernelThreads();
  if (!timed) return { error: 'the second start failed' };
  const ms: [number[], number[]] = [[], []];
  for (let r = 0; r < 7; r++) {
    for (const k of [0, 1] as const) {
      if (k === 0) timed.pause();
      const t0 = performance.now();
      runGraph(graph, feeds);
      ms[k].push(performance.now() - t0);
      if (k === 0) timed.resume();
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const result = {
    crossOriginIsolated: scope.crossOriginIsolated ?? false,
    started: true,
    identical,
    calls,
    workerRan,
    oneMs: median(ms[0]),
    twoMs: median(ms[1]),
    timedWorkerShare: timed.workerRan() / timed.calls(),
  };
  await timed.stop();
  return { ...result, brokenWorkers: await brokenWorkers(one, () => runGraph(graph, feeds)[out].data) };
}

/**
 * Kernel workers that cannot start, for real: a script that throws as it loads (an error event)
 * and one that never answers (the start timeout). Each start must give null, in about the time
 * its failure takes, and the engine must go on giving the one-thread bits.
 */
async function brokenWorkers(
  one: ArrayLike<number>,
  run: () => ArrayLike<number>,
): Promise<{ kind: string; started: boolean; ms: number; timeoutMs: number; identical: boolean }[]> {
  const g = globalThis as unknown as { Worker: new (url: string) => object };
  const RealWorker = g.Worker;
  const out = [];
  for (const [kind, script, timeoutMs] of [
    ['throws as it loads', 'throw new Error("blocked")', 5000],
    ['never answers', 'onmessage = null', 1000],
  ] as const) {
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    g.Worker = class extends RealWorker {
      constructor() {
        super(url);
      }
    };
    const t0 = performance.now();
    const threads = await startWebKernelThreads({ timeoutMs });
    const ms = performance.now() - t0;
    g.Worker = RealWorker;
    URL.revokeObjectURL(url);
    await threads?.stop();
    const again = run();
    let identical = one.length === again.length;
    for (let i = 0; identical && i < one.length; i++) identical = Object.is(one[i], again[i]);
    out.push({ kind, started: threads !== null, ms, timeoutMs, identical });
  }
  return out;
}

main().then(
  (r) => scope.postMessage(r),
  (e: unknown) => scope.postMessage({ error: String(e) }),
);
