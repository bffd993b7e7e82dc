import { describe, expect, it } from 'vitest';
import {
  decades,
  linearScale,
  logDomain,
  logScale,
  logTicks,
  niceStep,
  niceTicks,
  round1,
  roundTo,
  stepTicks,
} from '~/lib/viz/charts/scale.ts';

describe('charts/scale: scales on d3-scale', () => {
  it('maps equal ratios to equal distances on a log axis', () => {
    const x = logScale([1e7, 1e11], [0, 400]);
    expect(x(1e7)).toBe(0);
    expect(x(1e11)).toBeCloseTo(400);
    expect(x(1e9) - x(1e8)).toBeCloseTo(x(1e8) - x(1e7));
    expect(x(1e9)).toBeCloseTo(200);
  });

  it('maps linearly, reversed ranges included (SVG y grows downward)', () => {
    expect(linearScale([50, 90], [300, 0])(70)).toBe(150);
    expect(linearScale([0, 7], [80, 604])(3.5)).toBe(342);
  });
});

describe('charts/scale: ticks', () => {
  it('places log ticks at 1, 2, 5 × 10^k, or decades only', () => {
    expect(logTicks(1e7, 1e9)).toEqual([1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9]);
    expect(logTicks(2e8, 5e10, [1])).toEqual([1e9, 1e10]);
    expect(logTicks(0.1, 1)).toEqual([0.1, 0.2, 0.5, 1]);
  });

  it('encloses a range in decades', () => {
    expect(decades(3e4, 2e6)).toEqual([1e4, 1e5, 1e6, 1e7]);
    expect(decades(1e4, 1e7)).toEqual([1e4, 1e5, 1e6, 1e7]);
  });

  it('widens a log domain outward to 1-2-5 × 10^k', () => {
    expect(logDomain([3.9e8, 4.1e10])).toEqual([2e8, 5e10]);
    expect(logDomain([1e6, 1e6])).toEqual([1e6, 2e6]);
  });

  it('steps by 1-2-5 × 10^k, never more than the asked intervals', () => {
    expect(niceStep(600e6)).toBe(200e6);
    expect(niceStep(47)).toBe(10);
    expect(niceStep(13.8, 4)).toBe(5);
    expect(niceStep(0.9, 4)).toBe(0.5);
  });

  it('ticks every step without floating-point dust', () => {
    expect(stepTicks(50, 90, 5)).toEqual([50, 55, 60, 65, 70, 75, 80, 85, 90]);
    expect(stepTicks(0, 0.9, 0.3)).toEqual([0, 0.3, 0.6, 0.9]);
    expect(niceTicks(0, 94, 4)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('rounds coordinates', () => {
    expect(round1(12.345)).toBe(12.3);
    expect(round1(-0.06)).toBe(-0.1);
    expect(roundTo(1.23456, 2)).toBe(1.23);
  });
});
