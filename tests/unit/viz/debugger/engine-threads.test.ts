import { describe, expect, it } from 'vitest';
import {
  ENGINE_THREADS_CONTROL,
  ENGINE_THREADS_UNAVAILABLE,
  engineThreadsOffer,
  parseEngineThreads,
  threadsText,
} from '~/lib/viz/debugger/engine-threads.ts';
import { controlProblem } from '~/lib/viz/kit/controls.ts';

describe('the debugger’s engine threads choice', () => {
  it('offers two threads only on a cross-origin isolated page with SharedArrayBuffer', () => {
    expect(engineThreadsOffer(true, true).available).toBe(true);
    for (const [isolated, shared] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      const offer = engineThreadsOffer(isolated, shared);
      expect(offer.available).toBe(false);
      expect(offer.note).toBe(ENGINE_THREADS_UNAVAILABLE);
    }
    expect(ENGINE_THREADS_UNAVAILABLE).toMatch(/cross-origin isolated/);
  });

  it('is a valid radio group, one thread by default', () => {
    expect(controlProblem(ENGINE_THREADS_CONTROL)).toBeNull();
    expect(ENGINE_THREADS_CONTROL.value).toBe('1');
    expect(ENGINE_THREADS_CONTROL.options!.map((o) => o.value)).toEqual(['1', '2']);
  });

  it('reads anything but 2 as one thread, and says the count', () => {
    expect(parseEngineThreads('2')).toBe(2);
    expect(parseEngineThreads(2)).toBe(2);
    expect(parseEngineThreads('1')).toBe(1);
    expect(parseEngineThreads('')).toBe(1);
    expect(parseEngineThreads(undefined)).toBe(1);
    expect(threadsText(1)).toBe('1 thread');
    expect(threadsText(2)).toBe('2 threads');
  });
});
