/**
 * The engine's two kernel threads, whatever made the worker: given the shared kernel module and
 * memory (ops/wasm-kernels.ts, sharedKernelModule), the control block and a way to end the worker,
 * installs the two-thread kernels and returns the handle the caller keeps. The platform adapters
 * are kernel-threads-web.ts (a Web Worker, cross-origin isolated pages) and src/cli/kernel-threads.ts
 * (Node's worker_threads); ops never import any of them.
 */
import { useKernelThreads } from './ops/wasm-kernels.ts';
import { helperOver, type KernelHelper } from './ops/wasm-threads.ts';

export interface KernelThreads {
  /** Kernel calls offered to the worker so far (halves of GEMMs, depthwise convs and affine passes). */
  calls(): number;
  /** Of those, the ones the worker ran (the rest it had not begun when this thread took them back). */
  workerRan(): number;
  /** Back to the one-thread kernels (the worker waits) until resume(): for one-thread runs in between. */
  pause(): void;
  resume(): void;
  /** Back to one thread for good: the kernels leave the shared memory and the worker exits. */
  stop(): Promise<void>;
}

export interface KernelThreadsOptions {
  /**
   * False makes this thread always wait for the worker's half instead of running it itself when
   * the worker has not begun it (tests, to check the worker's results). Default true.
   */
  takeBack?: boolean;
  /** How long to wait for the kernel worker's 'ready' before giving up on it (default START_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** How long a new kernel worker may take to say it is ready before the engine stays on one thread. */
export const START_TIMEOUT_MS = 10_000;

/**
 * Resolves when a just-made kernel worker reports ready; rejects when it reports an error first or
 * says nothing for `timeoutMs` (a worker that never boots, e.g. a blocked script, must not hang
 * its caller). `listen` hooks the two callbacks to the platform's worker.
 */
export function kernelWorkerReady(
  listen: (ready: () => void, failed: (error: unknown) => void) => void,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the kernel worker did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    listen(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('the kernel worker failed to start'));
      },
    );
  });
}

/**
 * Switches the kernels to two threads over a worker already running WORKER_LOOP on `control`;
 * `exited` resolves when the worker has ended after its stop signal.
 */
export function installKernelThreads(
  shared: { module: WebAssembly.Module; memory: WebAssembly.Memory },
  control: SharedArrayBuffer,
  exited: () => Promise<void>,
  { takeBack = true }: KernelThreadsOptions = {},
): KernelThreads {
  const helper = helperOver(control, takeBack);
  let calls = 0;
  let workerRan = 0;
  const counted: KernelHelper = {
    start(fn, args) {
      calls++;
      helper.start(fn, args);
    },
    join() {
      const ran = helper.join();
      if (ran) workerRan++;
      return ran;
    },
  };
  const threads = { ...shared, helper: counted };
  useKernelThreads(threads);
  return {
    calls: () => calls,
    workerRan: () => workerRan,
    pause: () => useKernelThreads(null),
    resume: () => useKernelThreads(threads),
    async stop() {
      useKernelThreads(null);
      const done = exited();
      helper.stop();
      await done;
    },
  };
}
