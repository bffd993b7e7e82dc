/**
 * The debugger worker's side of "Engine threads": starts the engine's kernel worker the first time
 * the reader asks for two threads (kernel-threads-web.ts) and keeps it, so switching back and forth
 * only pauses and resumes it; and times whole engine runs for the comparison with onnxruntime-web.
 * An adapter at the edge, like the CLI's: the engine's ops never learn how many threads there are.
 */
import { runGraph, type Graph, type Tensor } from '~/lib/engine/index.ts';
import type { KernelThreads } from '~/lib/engine/kernel-threads.ts';
import { startWebKernelThreads } from '~/lib/engine/kernel-threads-web.ts';

let kernels: KernelThreads | null = null;
let current = 1;

/** The threads the engine's kernels run on now. */
export function engineThreads(): number {
  return current;
}

/** Kernel calls split with the kernel worker so far (0 until it has started). */
export function splitCalls(): number {
  return kernels?.calls() ?? 0;
}

/**
 * Switches the engine to `want` threads; answers the count it runs on and, when two were asked
 * for and could not be had, why (never throws: one thread always works).
 */
export async function setEngineThreads(want: number): Promise<{ threads: number; message?: string }> {
  if (want !== 2) {
    kernels?.pause();
    current = 1;
    return { threads: 1 };
  }
  if (kernels) {
    kernels.resume();
  } else {
    if (!globalThis.crossOriginIsolated)
      return { threads: 1, message: 'Two threads need a cross-origin isolated page; the engine stays on one.' };
    kernels = await startWebKernelThreads().catch(() => null);
    if (!kernels)
      return { threads: 1, message: 'The engine’s second thread did not start here; it stays on one thread.' };
  }
  current = 2;
  return { threads: 2 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median wall time of `runs` whole engine runs (after one warm-up) of `graph` on `input`, fused and
 * with buffers reused as in `npm run bench`, on the threads chosen now.
 */
export function engineLatency(
  graph: Graph,
  input: Tensor,
  runs: number,
): { medianMs: number; runsMs: number[]; threads: number; splitCalls: number } {
  const feeds = { [graph.inputs[0].name]: input };
  const before = splitCalls();
  runGraph(graph, feeds);
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runGraph(graph, feeds);
    runsMs.push(performance.now() - t0);
  }
  return { medianMs: median(runsMs), runsMs, threads: current, splitCalls: splitCalls() - before };
}
