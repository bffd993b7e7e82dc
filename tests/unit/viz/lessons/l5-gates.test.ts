import { describe, expect, it } from 'vitest';
import { runSEBlock } from '~/lib/viz/lessons/se-gates.ts';

// One engine run of EfficientNet-B0's first block on a small input keeps this file fast; the
// lesson runs the same code at 224×224.
const run = runSEBlock(0, 64);

describe('a real SE block, run in the engine', () => {
  it('squeezes 32 channels and excites them through a bottleneck of 8', () => {
    expect(run.channels).toBe(32);
    expect(run.seWidth).toBe(8);
    expect(run.squeeze).toHaveLength(32);
    expect(run.scaled).toHaveLength(32);
  });

  it('produces gates strictly between 0 and 1', () => {
    for (const g of run.gates) {
      expect(g).toBeGreaterThan(0);
      expect(g).toBeLessThan(1);
    }
  });

  it('scales each channel by its gate: the scaled average is the squeezed average times the gate', () => {
    run.scaled.forEach((s, i) => expect(s).toBeCloseTo(run.squeeze[i] * run.gates[i], 5));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(runSEBlock(0, 64).gates).toEqual(run.gates);
    expect(runSEBlock(1, 64).gates).not.toEqual(run.gates);
  });
});
