import { describe, expect, it } from 'vitest';
import { seBlocks, seParams, seTotals } from '../../../../src/lib/viz/lessons/mbv3-se.ts';

describe('SE at a quarter of the expansion (MobileNetV3 §5.3)', () => {
  const rows = seBlocks('mobilenetv3_large_100');

  it('finds the eight SE blocks of Table 1', () => {
    expect(rows.map((r) => r.scope)).toEqual([
      'blocks.2.0',
      'blocks.2.1',
      'blocks.2.2',
      'blocks.4.0',
      'blocks.4.1',
      'blocks.5.0',
      'blocks.5.1',
      'blocks.5.2',
    ]);
  });

  it('sizes each SE at a quarter of the expanded channels, a multiple of 8 within 10 %', () => {
    for (const r of rows) {
      expect(r.seWidth % 8).toBe(0);
      expect(r.seWidth).toBeGreaterThanOrEqual(0.9 * (r.midChannels / 4));
      expect(Math.abs(r.seWidth - r.midChannels / 4)).toBeLessThanOrEqual(8);
    }
    expect(rows[0].seWidth).toBe(24); // 72 / 4 = 18 rounds to 16, more than 10 % below 18, so 24
  });

  it('counts the engine’s SE parameters as two 1×1 convs with bias, and MACs as their weights', () => {
    for (const r of rows) {
      expect(r.seParams).toBe(2 * r.midChannels * r.seWidth + r.midChannels + r.seWidth);
      expect(r.seMacs).toBe(2 * r.midChannels * r.seWidth);
    }
    expect(seParams(672, 168)).toBe(226_632);
  });

  it('totals the blocks, and MnasNet’s input-based rule gives far fewer parameters', () => {
    const t = seTotals(rows);
    expect(t.seParams).toBe(rows.reduce((s, r) => s + r.seParams, 0));
    expect(t.inputRuleParams).toBeLessThan(t.seParams / 4);
    expect(rows[4].inputRuleWidth).toBe(28); // 112 / 4
  });

  it('refuses a model that is not a CNN', () => {
    expect(() => seBlocks('vit_tiny_patch16_224')).toThrow(/not a CNN/);
  });
});
