/**
 * The engine's second kernel thread in Node: a worker_threads Worker running WORKER_LOOP
 * (src/lib/engine/ops/wasm-threads.ts) on its own instance of the kernel module over the shared
 * memory. Node's main thread may block in Atomics.wait, so the engine's synchronous ops wait for
 * the worker's half in place. An adapter at the edge: the bench and tests start it; ops never
 * import it.
 */
import { Worker } from 'node:worker_threads';
import {
  installKernelThreads,
  kernelWorkerReady,
  type KernelThreads,
  type KernelThreadsOptions,
  START_TIMEOUT_MS,
} from '../lib/engine/kernel-threads.ts';
import { sharedKernelModule } from '../lib/engine/ops/wasm-kernels.ts';
import { CONTROL_BYTES, WORKER_LOOP } from '../lib/engine/ops/wasm-threads.ts';

export type { KernelThreads } from '../lib/engine/kernel-threads.ts';

/**
 * Runs the engine's large GEMMs, depthwise convs and affine passes on two threads (this one and a
 * worker) until stop(); null where shared WebAssembly memory is unavailable, or when the worker
 * fails to start or does not say it is ready within `timeoutMs` (it is then terminated and the
 * kernels stay on one thread).
 */
export async function startKernelThreads({
  timeoutMs = START_TIMEOUT_MS,
  ...options
}: KernelThreadsOptions = {}): Promise<KernelThreads | null> {
  const shared = sharedKernelModule();
  if (!shared) return null;
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  // The worker reports once its instance exists, so the first call does not wait on its compile.
  const source = `${WORKER_LOOP}
const { parentPort, workerData } = require('node:worker_threads');
serve(workerData.module, workerData.memory, workerData.control, () => parentPort.postMessage('ready'));`;
  const worker = new Worker(source, { eval: true, workerData: { ...shared, control } });
  try {
    await kernelWorkerReady((ready, failed) => {
      worker.once('message', ready);
      worker.once('error', failed);
    }, timeoutMs);
  } catch {
    await worker.terminate();
    return null;
  }
  const exited = (): Promise<void> => new Promise((resolve) => worker.once('exit', () => resolve()));
  return installKernelThreads(shared, control, exited, options);
}
