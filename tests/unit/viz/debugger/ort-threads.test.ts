import { describe, expect, it } from 'vitest';
import { threadsFor } from '~/workers/ort-run.ts';

describe('onnxruntime-web thread count', () => {
  it('uses up to four threads only when the page is cross-origin isolated', () => {
    expect(threadsFor(true, 8)).toBe(4);
    expect(threadsFor(true, 2)).toBe(2);
    expect(threadsFor(true, undefined)).toBe(1);
    expect(threadsFor(false, 8)).toBe(1);
  });
});
