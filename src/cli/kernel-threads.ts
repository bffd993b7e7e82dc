/**
 * The engine's second kernel thread in Node: a worker_threads Worker running WORKER_LOOP
 * (src/lib/engine/ops/wasm-threads.ts) on its own instance of the kernel module over the shared
 * memory. Node's main thread may block in Atomics.wait, so the engine's synchronous ops wait for
 * the worker's half in place. An adapter at the edge: the bench starts it; ops never import it.
 */
import { Worker } from 'node:worker_threads';
import { sharedKernelModule, useKernelThreads } from '../lib/engine/ops/wasm-kernels.ts';
import { CONTROL_BYTES, helperOver, type KernelHelper, WORKER_LOOP } from '../lib/engine/ops/wasm-threads.ts';

export interface KernelThreads {
  /** Kernel calls offered to the worker so far (halves of GEMMs and depthwise convs). */
  calls(): number;
  /** Of those, the ones the worker ran (the rest it had not begun when this thread took them back). */
  workerRan(): number;
  /** Back to the one-thread kernels (the worker waits) until resume(): for one-thread runs in between. */
  pause(): void;
  resume(): void;
  /** Back to one thread: the kernels leave the shared memory and the worker exits. */
  stop(): Promise<void>;
}

/**
 * Runs the engine's large GEMMs and depthwise convs on two threads (this one and a worker) until
 * stop(); null where shared WebAssembly memory is unavailable. `takeBack: false` (tests) makes
 * this thread always wait for the worker's half instead of running it when the worker is late.
 */
export async function startKernelThreads({ takeBack = true } = {}): Promise<KernelThreads | null> {
  const shared = sharedKernelModule();
  if (!shared) return null;
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  // The worker reports once its instance exists, so the first call does not wait on its compile.
  const source = `${WORKER_LOOP}
const { parentPort, workerData } = require('node:worker_threads');
serve(workerData.module, workerData.memory, workerData.control, () => parentPort.postMessage('ready'));`;
  const worker = new Worker(source, { eval: true, workerData: { ...shared, control } });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
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
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      helper.stop();
      await exited;
    },
  };
}
