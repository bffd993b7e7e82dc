/**
 * The browser check's engine worker (kernel-threads.mjs bundles it): MobileNetV2 on one thread,
 * then on two with startWebKernelThreads (every half on the kernel worker), bit for bit; then the
 * one- and two-thread engine timed interleaved, with the usual take-back of late halves.
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
  return result;
}

main().then(
  (r) => scope.postMessage(r),
  (e: unknown) => scope.postMessage({ error: String(e) }),
);
