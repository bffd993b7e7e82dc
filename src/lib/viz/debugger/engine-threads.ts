/**
 * The debugger's "Engine threads" choice: whether a second kernel thread is on offer here, the
 * control that offers it, and how a runtime's thread count reads beside its timing. The engine's
 * second thread shares WebAssembly memory with it, and browsers hand out SharedArrayBuffer only to
 * cross-origin isolated pages (COOP + COEP), so elsewhere the choice is shown but disabled.
 */
import { choices, type ControlSpec } from '~/lib/viz/kit/controls.ts';

export type EngineThreads = 1 | 2;

export interface EngineThreadsOffer {
  readonly available: boolean;
  /** One line under the control: why 2 is disabled, or what choosing it does. */
  readonly note: string;
}

export const ENGINE_THREADS_UNAVAILABLE = 'Two threads need a cross-origin isolated page; the engine runs on one here.';

/** `isolated`: the page's crossOriginIsolated; `shared`: whether SharedArrayBuffer exists there. */
export function engineThreadsOffer(isolated: boolean, shared: boolean): EngineThreadsOffer {
  return isolated && shared
    ? {
        available: true,
        note: 'With 2, a second worker takes half of each large GEMM and depthwise conv; the numbers stay bit-identical.',
      }
    : { available: false, note: ENGINE_THREADS_UNAVAILABLE };
}

/** The radio group "Engine threads: 1 / 2", one thread by default. */
export const ENGINE_THREADS_CONTROL: ControlSpec = {
  kind: 'radio',
  name: 'engine-threads',
  label: 'Engine threads',
  value: '1',
  options: choices({ 1: '1', 2: '2' }),
};

/** The choice read back from the form: anything but '2' is one thread. */
export function parseEngineThreads(value: unknown): EngineThreads {
  return String(value) === '2' ? 2 : 1;
}

export function threadsText(n: number): string {
  return `${n} thread${n === 1 ? '' : 's'}`;
}
