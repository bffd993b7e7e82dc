import { describe, expect, it } from 'vitest';
import {
  interpolate,
  schedule,
  schedulePixelShare,
  stageSetting,
  TABLE5,
} from '~/lib/viz/lessons/effv2-progressive.ts';
import { progressiveReadouts, progressiveScene, progressiveTex } from '~/lib/viz/lessons/effv2-progressive-layout.ts';

describe('Algorithm 1: progressive learning with adaptive regularization', () => {
  it('starts at Table 5’s minimum and ends at its maximum for every model and regularizer', () => {
    for (const m of ['s', 'm', 'l'] as const) {
      const s = schedule(m);
      expect(s).toHaveLength(4);
      expect(s[0].imageSize).toBe(TABLE5[m].imageSize.min);
      expect(s[3].imageSize).toBe(TABLE5[m].imageSize.max);
      expect(s[0].dropout).toBeCloseTo(TABLE5[m].dropout.min, 12);
      expect(s[3].randaug).toBeCloseTo(TABLE5[m].randaug.max, 12);
    }
  });

  it('steps in equal increments: V2-L’s RandAugment 5 → 25 over four stages is 5, 11.67, 18.33, 25', () => {
    const r = schedule('l').map((s) => s.randaug);
    expect(r[1]).toBeCloseTo(5 + 20 / 3, 10);
    expect(r[2]).toBeCloseTo(5 + 40 / 3, 10);
    expect(interpolate({ min: 2, max: 8 }, 1, 1)).toBe(8);
  });

  it('covers 350 epochs in four back-to-back stages', () => {
    const s = schedule('s');
    expect(s[0].firstEpoch).toBe(0);
    expect(s[3].lastEpoch).toBe(350);
    for (let i = 1; i < 4; i++) expect(s[i].firstEpoch).toBe(s[i - 1].lastEpoch);
  });

  it('rejects a stage outside the schedule', () => {
    expect(() => stageSetting('s', 4)).toThrow(/outside/);
  });

  it('spends fewer pixels per image on average than full-size training: V2-S by hand', () => {
    const sizes = [128, 128 + 172 / 3, 128 + 344 / 3, 300].map(Math.round);
    const want = sizes.reduce((a, x) => a + (x * x) / (300 * 300), 0) / 4;
    expect(schedulePixelShare('s')).toBeCloseTo(want, 12);
  });
});

describe('the stepper layout', () => {
  it('draws the stage’s image inside the last stage’s, to scale', () => {
    const sc = progressiveScene('m', 1);
    const img = sc.marks.find((m) => m.key === 'image') as { width: number };
    const fin = sc.marks.find((m) => m.key === 'final') as { width: number };
    expect(img.width / fin.width).toBeCloseTo(stageSetting('m', 1).imageSize / 380, 2);
  });

  it('fills the regularization bars in proportion to the value', () => {
    const a = progressiveScene('l', 0).marks.find((m) => m.key === 'reg-bar-dropout') as { width: number };
    const b = progressiveScene('l', 3).marks.find((m) => m.key === 'reg-bar-dropout') as { width: number };
    expect(b.width / a.width).toBeCloseTo(0.5 / 0.1, 1);
  });

  it('writes Algorithm 1’s line with the stage’s numbers and reads them out', () => {
    expect(progressiveTex('s', 2)).toContain(`= ${stageSetting('s', 2).imageSize}`);
    expect(progressiveReadouts('s', 3).find((r) => r.key === 'size')?.value).toBe('300 px');
  });
});
