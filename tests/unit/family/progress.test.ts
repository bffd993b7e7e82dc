/**
 * Run progress (src/lib/family/progress.ts): epochs close at the last batch with image-weighted
 * means, only the first 20 losses are kept, and a progress that does not match its checkpoint's
 * step is refused.
 */
import { describe, expect, it } from 'vitest';
import { newProgress, parseProgress, recordStep, FIRST_LOSSES, segmentSteps } from '~/lib/family/progress.ts';
import type { StepReport } from '~/lib/train/trainer.ts';

const report = (step: number, spe: number, loss: number, correct: number): StepReport => ({
  step,
  epoch: Math.floor(step / spe),
  batchInEpoch: step % spe,
  loss,
  correct,
  images: 4,
  lr: 0.1 * (step + 1),
  ms: 1,
});

describe('run progress', () => {
  it('closes each epoch at its last batch with mean loss and accuracy', () => {
    const p = newProgress();
    expect(recordStep(p, report(0, 2, 2, 1), 2, 0.5)).toBeNull();
    expect(recordStep(p, report(1, 2, 1, 3), 2, 0.25)).toEqual({
      epoch: 1,
      loss: 1.5,
      accuracy: 0.5,
      lr: 0.2,
      seconds: 0.75,
    });
    expect(recordStep(p, report(2, 2, 4, 0), 2, 1)).toBeNull();
    expect(p.curve.length).toBe(1);
    expect(p.epoch).toEqual({ lossSum: 16, correct: 0, images: 4, seconds: 1 });
    expect(p.trainSeconds).toBe(1.75);
    expect(p.firstLosses).toEqual([2, 1, 4]);
  });

  it('keeps only the first 20 losses', () => {
    const p = newProgress();
    for (let s = 0; s < 30; s++) recordStep(p, report(s, 10, s, 0), 10, 0);
    expect(p.firstLosses).toEqual(Array.from({ length: FIRST_LOSSES }, (_, i) => i));
    expect(p.curve.map((e) => e.epoch)).toEqual([1, 2, 3]);
  });

  it('keeps a fine curve: a window mean every tenth of an epoch, the remainder closing the epoch', () => {
    const spe = 25; // windows of ceil(25 / 10) = 3 steps: 8 full ones, then 1 step closing the epoch
    expect(segmentSteps(spe)).toBe(3);
    const p = newProgress();
    for (let s = 0; s < 2 * spe; s++) recordStep(p, report(s, spe, s % 2 ? 1 : 2, s % 2 ? 4 : 0), spe, 0.5);
    const perEpoch = p.segments.filter((e) => e.epoch <= 1);
    expect(perEpoch.map((e) => e.step)).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 25]);
    expect(p.segments.length).toBe(18);
    // Window 1 = steps 0, 1, 2 with losses 2, 1, 2 and 0 + 4 + 0 of 12 images correct.
    expect(p.segments[0]).toEqual({
      step: 3,
      epoch: 0.12,
      loss: 5 / 3,
      accuracy: 4 / 12,
      lr: 0.30000000000000004,
      seconds: 1.5,
    });
    // The closing window is the epoch's 25th step alone, and the epoch ends there.
    expect(p.segments[8]).toMatchObject({ step: 25, epoch: 1, loss: 2, seconds: 0.5 });
    expect(p.segments[17]).toMatchObject({ step: 50, epoch: 2 });
    // The windows' image-weighted means average back to the epoch's mean.
    const images = perEpoch.map((e) => (e.seconds / 0.5) * 4);
    const mean = perEpoch.reduce((a, e, i) => a + e.loss * images[i], 0) / images.reduce((a, b) => a + b, 0);
    expect(mean).toBeCloseTo(p.curve[0].loss, 12);
  });

  it('refuses a report out of order and a progress file of another step', () => {
    const p = newProgress();
    expect(() => recordStep(p, report(1, 2, 1, 1), 2, 0)).toThrow(/progress is at step 0, the trainer reported step 1/);
    recordStep(p, report(0, 2, 1, 1), 2, 0);
    expect(parseProgress(JSON.stringify(p), 1).step).toBe(1);
    expect(() => parseProgress(JSON.stringify(p), 5)).toThrow(/progress file is at step 1, its checkpoint at step 5/);
  });
});
