import { describe, expect, it } from 'vitest';
import { EFFICIENTNET_SCALING, getModel, modelStats } from '~/lib/models/index.ts';
import { configAt } from '~/lib/viz/scaling/scaling-config.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import { RELEASED_IDS, releasedModels } from '~/lib/viz/scaling/scaling-released.ts';

describe('the released EfficientNet-B0…B7', () => {
  const released = releasedModels();
  for (const b of RELEASED_IDS) {
    it(`builds ${b.toUpperCase()} from its (width, depth, resolution) with the zoo's and timm's parameter count`, () => {
      const { width, depth, resolution } = EFFICIENTNET_SCALING[b];
      const m = scaledModel(configAt(width, depth, resolution));
      const zoo = modelStats(`efficientnet_${b}`);
      const entry = getModel(`efficientnet_${b}`);
      expect(m.params).toBe(zoo.params);
      expect(m.macs).toBe(zoo.macs);
      // The exact integer published for the identical torchvision architecture (timm prints 2 decimals).
      expect(m.params).toBe(entry.exactParams!.value);
      expect(Math.abs(m.params / 1e6 - entry.timmParamsM!)).toBeLessThanOrEqual(0.005);
      const r = released.find((x) => x.id === `efficientnet_${b}`)!;
      expect(r.params).toBe(m.params);
    });
  }

  it('carries the paper’s Table 2 top-1 as cited data', () => {
    expect(released.map((r) => r.top1)).toEqual([77.1, 79.1, 80.1, 81.6, 82.9, 83.6, 84.0, 84.3]);
    for (const r of released) expect(r.top1Source).toMatch(/1905\.11946/);
  });

  it('shows that the released multipliers imply different φ per dimension', () => {
    const b7 = released[7];
    // B7: depth 3.1 → log 3.1 / log 1.2 = 6.21; width 2.0 → log 2 / log 1.1 = 7.27; 600/224 → 7.05.
    expect(b7.phiDepth).toBeCloseTo(Math.log(3.1) / Math.log(1.2), 10);
    expect(b7.phiDepth).toBeCloseTo(6.205, 2);
    expect(b7.phiWidth).toBeCloseTo(7.273, 2);
    expect(b7.phiResolution).toBeCloseTo(7.049, 2);
  });
});
