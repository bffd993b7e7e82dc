import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildFromSpec } from '~/lib/models/index.ts';
import { configAt, scaledConfig } from '~/lib/viz/scaling/scaling-config.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import { depthCost, depthOnly, depthProfile, resolutionOnly, widthOnly } from '~/lib/viz/scaling/scaling-single-dim.ts';

const full = (w: number, d: number, r: number) => analyze(buildFromSpec(configAt(w, d, r).spec));
const profile = depthProfile();

describe('single-dimension scaling at a MACs budget', () => {
  it('sums per-block costs to exactly what the engine counts on the full depth-scaled graph', () => {
    for (const d of [1, 1.3, 2.5, 4.2]) {
      const a = full(1, d, 224);
      const c = depthCost(profile, d);
      expect(c.macs).toBe(a.macs);
      expect(c.params).toBe(a.params);
    }
  });

  const budget = scaledModel(scaledConfig(2)).macs;

  it('finds the narrowest width-only B0 that reaches the budget', () => {
    const m = widthOnly(budget);
    expect(m.reached).toBe(true);
    expect(m.macs).toBeGreaterThanOrEqual(budget);
    expect(full(m.width - 0.002, 1, 224).macs).toBeLessThan(budget);
    expect(m.macs).toBe(full(m.width, 1, 224).macs);
  });

  it('finds the shallowest depth-only B0 that reaches the budget', () => {
    const m = depthOnly(budget, profile);
    expect(m.macs).toBeGreaterThanOrEqual(budget);
    expect(depthCost(profile, m.depth - 0.001).macs).toBeLessThan(budget);
    expect(m.blocks).toBeGreaterThan(16);
  });

  it('finds the smallest resolution-only B0 (a multiple of 8) that reaches the budget', () => {
    const m = resolutionOnly(budget);
    expect(m.resolution % 8).toBe(0);
    expect(m.macs).toBeGreaterThanOrEqual(budget);
    expect(full(1, 1, m.resolution - 8).macs).toBeLessThan(budget);
    // Resolution does not change the weights.
    expect(m.params).toBe(5_288_548);
  });

  it('reports a budget beyond the search range as not reached', () => {
    const m = resolutionOnly(1e15);
    expect(m.reached).toBe(false);
  });
});
