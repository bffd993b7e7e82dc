import { describe, expect, it } from 'vitest';
import { depthwiseMacs, halveSide, sideAtStride, vitBlockCost, vitTokens } from '~/lib/viz/lessons/vit-cost.ts';
import { measureCnn, measureVit } from '~/lib/viz/lessons/vit-measure.ts';

describe('the cost formulas of a ViT block and a depthwise conv', () => {
  it('counts tokens as whole patches plus the class token', () => {
    expect(vitTokens(224, 16)).toBe(197);
    expect(vitTokens(224, 32)).toBe(50);
    expect(vitTokens(230, 16)).toBe(197); // the leftover 6 pixels make no patch
    expect(vitTokens(8, 16)).toBe(1);
  });

  it('splits a block into the N²·D attention products and the N·D² projections and MLP', () => {
    const c = vitBlockCost(197, 192);
    expect(c.qk).toBe(197 * 197 * 192);
    expect(c.av).toBe(c.qk);
    expect(c.linear).toBe(12 * 197 * 192 * 192);
    expect(c.total).toBe(c.quadratic + c.linear);
    expect(() => vitBlockCost(0, 192)).toThrow(/tokens/);
    expect(() => vitBlockCost(10, 1.5)).toThrow(/dim/);
  });

  it('puts the crossing of the two terms at N = 6D', () => {
    const below = vitBlockCost(6 * 192 - 1, 192);
    const above = vitBlockCost(6 * 192 + 1, 192);
    expect(below.quadratic).toBeLessThan(below.linear);
    expect(above.quadratic).toBeGreaterThan(above.linear);
  });

  it('halves a side the way a padded stride-2 conv does (ceil)', () => {
    expect([224, 225, 7, 1].map(halveSide)).toEqual([112, 113, 4, 1]);
    expect(sideAtStride(224, 32)).toBe(7);
    expect(sideAtStride(100, 16)).toBe(7); // 50, 25, 13, 7
    expect(() => sideAtStride(224, 12)).toThrow(/power of two/);
  });

  it('costs a depthwise conv side²·C·k²', () => {
    expect(depthwiseMacs(14, 672, 5)).toBe(14 * 14 * 672 * 25);
  });
});

describe('the formulas against the engine on the zoo graphs', () => {
  const cases = [
    [64, 16],
    [224, 16],
    [224, 8],
    [384, 32],
    [480, 16],
  ] as const;
  for (const [R, P] of cases) {
    it(`agree for ViT-Ti's first block at ${R}×${R} with ${P}×${P} patches`, () => {
      const m = measureVit(R, P);
      const f = vitBlockCost(vitTokens(R, P), 192);
      expect(m.tokens).toBe(f.tokens);
      expect(m.quadratic).toBe(f.quadratic);
      expect(m.linear).toBe(f.linear);
      // The patch embedding: (R/P)² patches × 3P² inputs × D outputs.
      expect(m.patchEmbed).toBe((f.tokens - 1) * 3 * P * P * 192);
    });
    it(`agree for EfficientNet-B0's comparator depthwise conv at ${R}×${R}, stride ${P}`, () => {
      const c = measureCnn(R, P);
      expect(c.side).toBe(sideAtStride(R, P));
      expect(c.depthwise).toBe(depthwiseMacs(c.side, c.channels, c.k));
      expect(c.blockMacs).toBeGreaterThan(c.depthwise);
    });
  }

  it('picks the last stride-1 depthwise conv of B0 at the patch stride', () => {
    expect(measureCnn(224, 16)).toMatchObject({ block: 'blocks.4.2', side: 14, channels: 672, k: 5 });
    expect(measureCnn(224, 8)).toMatchObject({ block: 'blocks.2.1', side: 28, channels: 240, k: 5 });
    expect(measureCnn(224, 32)).toMatchObject({ block: 'blocks.6.0', side: 7, channels: 1152, k: 3 });
  });

  it('grows attention about 16× and the depthwise conv 4× when the side doubles', () => {
    const a = measureVit(448, 16).quadratic / measureVit(224, 16).quadratic;
    expect(a).toBeCloseTo((785 / 197) ** 2, 10);
    expect(measureCnn(448, 16).depthwise / measureCnn(224, 16).depthwise).toBe(4);
  });
});
