import { describe, expect, it } from 'vitest';
import { activationFn, curveDomain, curveLayout, histogram, quantiles } from '~/lib/viz/charts/activation-curve.ts';

describe('activation curves', () => {
  it('evaluates ReLU6, hard-swish, SiLU, sigmoid and hard-sigmoid with their defining values', () => {
    const relu6 = activationFn('Clip', 0, 6)!;
    expect(relu6.name).toBe('ReLU6');
    expect([relu6.fn(-1), relu6.fn(3), relu6.fn(9)]).toEqual([0, 3, 6]);
    expect(relu6.knees).toEqual([0, 6]);
    expect(relu6.formula).toBe('min(max(x, 0), 6)');
    const hs = activationFn('HardSwish')!;
    expect([hs.fn(-4), hs.fn(0), hs.fn(4)]).toEqual([-0, 0, 4]);
    expect(hs.fn(1)).toBeCloseTo(1 * (1 / 6 + 0.5));
    const silu = activationFn('SiLU')!;
    expect(silu.fn(0)).toBe(0);
    expect(silu.fn(2)).toBeCloseTo(2 / (1 + Math.exp(-2)));
    expect(activationFn('Sigmoid')!.fn(0)).toBe(0.5);
    const hsig = activationFn('HardSigmoid', 1 / 6, 0.5)!;
    expect(hsig.knees[0]).toBeCloseTo(-3);
    expect(hsig.knees[1]).toBeCloseTo(3);
    expect(hsig.fn(0)).toBe(0.5);
    expect(activationFn('Gelu')!.fn(0)).toBe(0);
    expect(activationFn('Gelu')!.fn(3)).toBeCloseTo(3 * 0.99865, 4);
    expect(activationFn('Conv')).toBeNull();
  });

  it('takes quantiles from the sorted data', () => {
    const d = Array.from({ length: 101 }, (_, i) => 100 - i);
    expect(quantiles(d, [0, 0.5, 1])).toEqual([0, 50, 100]);
  });

  it('covers the bulk of the inputs and every knee with a margin', () => {
    const d = Array.from({ length: 1000 }, (_, i) => (i / 1000) * 2 - 1); // −1..1
    const [a, b] = curveDomain(d, [0, 6]);
    expect(a).toBeLessThan(-1);
    expect(b).toBeGreaterThan(6);
  });

  it('bins values with the outliers in the end bins', () => {
    expect(histogram([-5, 0.1, 0.6, 0.9, 7], 0, 1, 2)).toEqual([2, 3]);
  });

  it('draws the curve across the width and puts y = 0 on the zero line', () => {
    const act = activationFn('Relu')!;
    const L = curveLayout(act, [-2, -1, 0, 1, 2], 300, 100, 10, 5);
    expect(L.curve.startsWith('M0.00,')).toBe(true);
    expect(L.curve).toContain('L300.00,');
    expect(L.yOf(0)).toBeCloseTo(L.yOf(act.fn(-1)));
    expect(L.bars).toHaveLength(5);
    expect(L.bars.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(Math.max(...L.bars.map((b) => b.h))).toBeCloseTo(40);
  });
});
