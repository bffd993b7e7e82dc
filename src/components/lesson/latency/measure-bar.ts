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
  /** When a new measurement reports its first medians: forget the last one's (until then they stay shown). */
  reset(): void;
  timings(timings: UnitTiming[], threads: number): void;
  /** The status sentence when every piece is measured. */
  finished(threads: number): string;
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
        if (fresh) o.reset();
        fresh = false;
        threads = n;
        o.timings(t, n);
      },
      done: () => {
        progress.value = 1;
        root.dataset.measured = 'true';
        stop(o.finished(threads));
      },
      error: (message) => stop(`${message}. Nothing more was measured.`),
    });
  });
  cancel.addEventListener('click', () => stop('Cancelled; the figures shown stay as they were last measured.'));
  return { cancel: () => job?.cancel() };
}
