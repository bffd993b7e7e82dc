import { describe, expect, it } from 'vitest';
import {
  accuracyToTie,
  betaFor,
  exponent,
  HARD,
  reward,
  rewardChart,
  rewardCurve,
  rewardTex,
  SOFT,
} from '~/lib/viz/lessons/mnasnet-reward.ts';

describe('MnasNet reward (§3, Equation 2)', () => {
  it('uses α at or below T and β above it', () => {
    expect(exponent(75, 75, { alpha: -0.3, beta: -0.9 })).toBe(-0.3);
    expect(exponent(76, 75, { alpha: -0.3, beta: -0.9 })).toBe(-0.9);
  });

  it('hard: accuracy as is below T, divided by the overshoot above', () => {
    expect(reward(0.75, 50, 75, HARD)).toBe(0.75);
    expect(reward(0.75, 150, 75, HARD)).toBeCloseTo(0.375, 15);
  });

  it('soft: twice the latency multiplies the reward by 2^−0.07 ≈ 0.953 on either side of T', () => {
    const f = reward(0.752, 156, 75, SOFT) / reward(0.752, 78, 75, SOFT);
    expect(f).toBeCloseTo(Math.pow(2, -0.07), 12);
    expect(reward(0.7, 30, 75, SOFT) / reward(0.7, 15, 75, SOFT)).toBeCloseTo(0.9526, 4);
    expect(reward(0.7, 75, 75, SOFT)).toBe(0.7);
  });

  it('−0.07 is ln(1.05)/ln 2 rounded (5 % more accuracy per doubling), and the tie inverts it', () => {
    expect(betaFor(0.05)).toBeCloseTo(-0.0704, 4);
    const acc2 = accuracyToTie(0.752, 2);
    expect(reward(acc2, 156, 75, SOFT)).toBeCloseTo(reward(0.752, 78, 75, SOFT), 12);
  });

  it('rejects a non-positive latency or target', () => {
    expect(() => reward(0.7, 0, 75, SOFT)).toThrow(/positive/);
    expect(() => reward(0.7, 10, -1, SOFT)).toThrow(/positive/);
  });

  it('typesets the numbers and the exponent that applies', () => {
    expect(rewardTex(75.2, 78, 75, SOFT)).toContain('w = \\beta = -0.07');
    expect(rewardTex(75.2, 60, 75, HARD)).toContain('w = \\alpha = 0');
  });

  it('plots continuous curves (the value at T is ACC whatever α, β) and the point inside the frame', () => {
    const c = rewardCurve(0.8, 100, HARD, 100);
    expect(c[0][0]).toBe(25);
    expect(c[c.length - 1][0]).toBeCloseTo(250, 9);
    const s = rewardChart({ accuracy: 75.2, latency: 78, target: 75, alpha: -0.07, beta: -0.07 });
    const pt = s.marks.find((m) => m.key === 'point');
    expect(pt?.kind).toBe('circle');
    if (pt?.kind === 'circle') {
      expect(pt.cx).toBeGreaterThan(0);
      expect(pt.cx).toBeLessThan(s.width);
      expect(pt.data?.reward).toBeCloseTo(75.2 * (78 / 75) ** -0.07, 12);
    }
    expect(s.marks.filter((m) => m.kind === 'path')).toHaveLength(3);
    expect(new Set(s.marks.map((m) => m.key)).size).toBe(s.marks.length);
    // Outside 0.25–2.5 T there is no point.
    expect(
      rewardChart({ accuracy: 70, latency: 10, target: 100, alpha: 0, beta: -1 }).marks.some((m) => m.key === 'point'),
    ).toBe(false);
  });
});
