/**
 * Starts the device-latency worker (block-latency.worker.ts) for a request and forwards what it
 * reports; `cancel()` terminates it. Every figure that measures on the reader's device goes through
 * this one function, so all run off the main thread and stop the same way.
 */
import type { LatencyUnit, UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import type { BlockLatencyRequest, BlockLatencyResponse } from './block-latency-protocol.ts';

export interface MeasureHandlers {
  progress(fraction: number, phase: string): void;
  units?(target: string, units: LatencyUnit[]): void;
  timings(timings: UnitTiming[], threads: number): void;
  done(): void;
  /** A sentence for the reader: what failed. */
  error(message: string): void;
}

export interface Measurement {
  cancel(): void;
}

export function startMeasure(req: BlockLatencyRequest, on: MeasureHandlers): Measurement {
  const worker = new Worker(new URL('./block-latency.worker.ts', import.meta.url), { type: 'module' });
  let over = false;
  const end = (): void => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = (e: MessageEvent<BlockLatencyResponse>) => {
    if (over) return;
    const m = e.data;
    if (m.type === 'progress') on.progress(m.total > 0 ? m.done / m.total : 0, m.phase);
    else if (m.type === 'units') on.units?.(m.target, m.units);
    else if (m.type === 'timings') on.timings(m.timings, m.threads);
    else if (m.type === 'done') {
      end();
      on.done();
    } else if (m.type === 'error') {
      end();
      on.error(m.message);
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    if (over) return;
    end();
    on.error(`The measuring worker failed: ${e.message || 'it could not start'}`);
  };
  worker.postMessage(req);
  return { cancel: end };
}
