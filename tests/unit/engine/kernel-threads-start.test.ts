/**
 * When the engine's second thread cannot start, the engine stays on one thread, says why, gives
 * the same bits and never hangs: a Node kernel worker that misses its handshake time
 * (src/cli/kernel-threads.ts), and a browser kernel worker that errors or stays silent, faked in
 * place of the Web Worker constructor, behind the debugger worker's "Engine threads" switch
 * (src/workers/engine-threads.ts over src/lib/engine/kernel-threads-web.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKernelThreads } from '~/cli/kernel-threads.ts';
import { START_TIMEOUT_MS } from '~/lib/engine/kernel-threads.ts';
import { runGraph } from '~/lib/engine/index.ts';
import { wasmKernels } from '~/lib/engine/ops/wasm-kernels.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { engineThreads, setEngineThreads, splitCalls } from '~/workers/engine-threads.ts';

const graph = materialize(buildModel('mobilenetv2_100'), 1);
const feeds = { [graph.inputs[0].name]: referenceInput(graph.inputs[0].dims[2] as number, 1) };
const logits = (): Float32Array => runGraph(graph, feeds)[graph.outputs[0].name].data as Float32Array;

/** A Web Worker that never boots: it reports an error when posted to, or (silent) nothing at all. */
function failingWorker(mode: 'error' | 'silent', made: { terminated: number; count: number }) {
  return class {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor() {
      made.count++;
    }
    postMessage(): void {
      if (mode === 'error') queueMicrotask(() => this.onerror?.(new Error('script blocked')));
    }
    terminate(): void {
      made.terminated++;
    }
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the kernel worker does not start', () => {
  const one = logits();

  it('Node: a worker that has not said ready within the time is terminated; the kernels stay on one thread', async () => {
    // A 0 ms timer fires before any worker can boot and answer, so the handshake times out.
    const threads = await startKernelThreads({ timeoutMs: 0 });
    expect(threads).toBeNull();
    expect(wasmKernels()?.helper).toBeUndefined();
    expect(logits()).toEqual(one);
  });

  for (const mode of ['error', 'silent'] as const) {
    it(`browser: a worker that stays ${mode === 'error' ? 'broken (error event)' : 'silent'} leaves the engine on one thread with a message`, async () => {
      const made = { terminated: 0, count: 0 };
      vi.stubGlobal('crossOriginIsolated', true);
      vi.stubGlobal('Worker', failingWorker(mode, made));
      vi.useFakeTimers();
      const answer = setEngineThreads(2);
      // The silent worker is given up on only at the start timeout, not a moment before.
      if (mode === 'silent') {
        await vi.advanceTimersByTimeAsync(START_TIMEOUT_MS - 1);
        expect(made.terminated).toBe(0);
      }
      await vi.advanceTimersByTimeAsync(1);
      const got = await answer;
      expect(got.threads).toBe(1);
      expect(got.message).toMatch(/second thread did not start/);
      expect(made).toEqual({ terminated: 1, count: 1 });
      expect(engineThreads()).toBe(1);
      expect(splitCalls()).toBe(0);
      expect(wasmKernels()?.helper).toBeUndefined();
      expect(logits()).toEqual(one);
    });
  }
});
