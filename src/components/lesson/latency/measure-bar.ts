/**
 * Binds a MeasureBar.astro row inside a widget: shows it, starts a measurement (measure-client.ts,
 * the worker) on "Measure", reports progress, cancels on "Cancel", and flags the widget
 * data-measuring while it runs and data-measured when it finished (test hooks).
 */
import type { UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import type { BlockLatencyRequest } from './block-latency-protocol.ts';
import { startMeasure, type Measurement } from './measure-client.ts';

export interface MeasureBarOptions {
  request(): BlockLatencyRequest;
  /**
   * Every median the current measurement has reported so far, each time it reports more (the last
   * measurement's stay shown until the new one reports its first).
   */
  timings(timings: UnitTiming[]): void;
  /**
   * What was measured, opening the status sentence when every piece is: 'Measured on this device:
   * median of 9 interleaved runs of each piece'. The bar adds the runtime, its threads and the weights.
   */
  measured(): string;
}

export function bindMeasureBar(root: HTMLElement, o: MeasureBarOptions): { cancel(): void } {
  const bar = root.querySelector<HTMLElement>('[data-lat-bar]');
  const status = root.querySelector<HTMLElement>('.lat-status');
  if (!bar || !status) throw new Error(`<${root.localName}>: no MeasureBar inside`);
  bar.hidden = false;
  status.textContent = 'Press “Measure on this device” to time these networks here, off the main thread.';
  const measure = bar.querySelector<HTMLButtonElement>('button[name="measure"]')!;
  const cancel = bar.querySelector<HTMLButtonElement>('button[name="cancel"]')!;
  const progress = bar.querySelector('progress')!;
  let job: Measurement | undefined;
  let threads = 1;
  let fresh = true;
  let timings: UnitTiming[] = [];
  const stop = (message: string): void => {
    job?.cancel();
    job = undefined;
    delete root.dataset.measuring;
    measure.disabled = false;
    cancel.disabled = true;
    status.textContent = message;
  };
  measure.addEventListener('click', () => {
    job?.cancel();
    fresh = true;
    root.dataset.measuring = 'true';
    delete root.dataset.measured;
    measure.disabled = true;
    cancel.disabled = false;
    progress.value = 0;
    status.textContent = 'Starting onnxruntime-web…';
    job = startMeasure(o.request(), {
      progress: (f, phase) => {
        progress.value = f;
        status.textContent = `${phase}…`;
      },
      timings: (t, n) => {
        timings = fresh ? [...t] : [...timings, ...t];
        fresh = false;
        threads = n;
        o.timings(timings);
      },
      done: () => {
        progress.value = 1;
        root.dataset.measured = 'true';
        stop(`${o.measured()}, onnxruntime-web (wasm, ${threads} thread${threads > 1 ? 's' : ''}), untrained weights.`);
      },
      error: (message) => stop(`${message}. Nothing more was measured.`),
    });
  });
  cancel.addEventListener('click', () => stop('Cancelled; the figures shown stay as they were last measured.'));
  return { cancel: () => job?.cancel() };
}
