import { describe, expect, it } from 'vitest';
import { controlProblem, formatControlValue } from '~/lib/viz/kit/controls.ts';
import { multiplierControls } from '~/lib/viz/lessons/multiplier-curves-scene.ts';
import { rooflineChart, tickLabel } from '~/lib/viz/lessons/roofline-chart.ts';
import type { LayerTraffic } from '~/lib/viz/lessons/roofline.ts';

describe('lesson 3’s multiplier sliders', () => {
  it('step through the zoo’s α and pixel values, each stop named by its value', () => {
    const [w, r] = multiplierControls(0.75, 160);
    expect([w.value, r.value]).toEqual([2, 1]);
    expect(formatControlValue(w, 0)).toBe('0.25');
    expect(formatControlValue(r, 3)).toBe('224');
    expect(controlProblem(w)).toBeNull();
    expect(controlProblem(r)).toBeNull();
  });
});

describe('lesson 1’s roofline ticks', () => {
  const layer = (macs: number, intensity: number) =>
    ({ node: `n${macs}`, kind: 'pointwise', macs, bytes: macs / intensity, intensity }) as unknown as LayerTraffic;

  it('puts x ticks at 1, 2 and 5 × 10^k and y ticks at decades, placed on log scales', () => {
    const c = rooflineChart([layer(1e5, 3), layer(1e7, 40)], 8);
    expect(c.xTicks.map((t) => t.label)).toEqual(['0.5', '1', '2', '5', '10', '20', '50']);
    expect(c.yTicks.map((t) => t.value)).toEqual([1e5, 1e6, 1e7]);
    // Equal ratios, equal distances: 1 → 10 spans as much as 5 → 50.
    const at = (v: number) => c.xTicks.find((t) => t.value === v)!.pos;
    expect(at(10) - at(1)).toBeCloseTo(at(50) - at(5), 6);
  });

  it('writes tick labels short: 5k, 10M, 2G', () => {
    expect([5e3, 1e7, 2e9, 0.5].map(tickLabel)).toEqual(['5k', '10M', '2G', '0.5']);
  });
});
