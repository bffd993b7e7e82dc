/**
 * The engine's second kernel thread in a browser: a Web Worker (from a Blob URL of WORKER_LOOP,
 * ops/wasm-threads.ts) with its own instance of the kernel module over the shared memory. Only
 * where the page is cross-origin isolated (COOP + COEP headers): elsewhere SharedArrayBuffer is
 * withheld and this returns null. Call it from the engine's own worker, never a page's main
 * thread: the kernels block in Atomics.wait, which browsers refuse on the main thread.
 */
import {
  installKernelThreads,
  kernelWorkerReady,
  type KernelThreads,
  type KernelThreadsOptions,
  START_TIMEOUT_MS,
} from './kernel-threads.ts';
import { sharedKernelModule } from './ops/wasm-kernels.ts';
import { CONTROL_BYTES, WORKER_LOOP } from './ops/wasm-threads.ts';

/** The few worker-scope globals used here, typed without the DOM library. */
interface WebScope {
  crossOriginIsolated?: boolean;
  Worker?: new (url: string) => WebWorker;
  Blob?: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
}
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

/**
 * Two kernel threads in this (worker) scope; null where the page is not cross-origin isolated or
 * the kernel worker failed or did not answer within `timeoutMs` (it is then terminated).
 */
export async function startWebKernelThreads({
  timeoutMs = START_TIMEOUT_MS,
  ...options
}: KernelThreadsOptions = {}): Promise<KernelThreads | null> {
  const scope = globalThis as unknown as WebScope;
  if (!scope.crossOriginIsolated || !scope.Worker || !scope.Blob) return null;
  const shared = sharedKernelModule();
  if (!shared) return null;
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const source = `${WORKER_LOOP}
onmessage = (e) => {
  onmessage = null;
  serve(e.data.module, e.data.memory, e.data.control, () => postMessage('ready'));
};`;
  const url = scope.URL.createObjectURL(new scope.Blob([source], { type: 'text/javascript' }));
  const worker = new scope.Worker(url);
  try {
    await kernelWorkerReady((ready, failed) => {
      worker.onmessage = ready;
      worker.onerror = failed;
      worker.postMessage({ ...shared, control });
    }, timeoutMs);
  } catch {
    worker.terminate();
    return null;
  } finally {
    scope.URL.revokeObjectURL(url);
  }
  // The worker's loop returns on the stop signal; terminate() then frees it (a Web Worker has no
  // exit event to wait for).
  const exited = async (): Promise<void> => {
    await Promise.resolve();
    worker.terminate();
  };
  return installKernelThreads(shared, control, exited, options);
}
