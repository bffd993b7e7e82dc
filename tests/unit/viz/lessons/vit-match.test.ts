import { describe, expect, it } from 'vitest';
import { closestMatch, matchScene } from '~/lib/viz/lessons/vit-match.ts';
import { cnnAt, matchedVit, vitAt, vitCurve } from '~/lib/viz/lessons/vit-measure.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';

describe('ViT-Ti against EfficientNet-B0 at matched MACs', () => {
  it('picks the point closest in MACs, ties to the smaller side', () => {
    const pts = [
      { resolution: 16, macs: 90, params: 1 },
      { resolution: 32, macs: 110, params: 1 },
      { resolution: 48, macs: 200, params: 1 },
    ];
    expect(closestMatch(pts, 100).resolution).toBe(16);
    expect(closestMatch(pts, 104).resolution).toBe(32);
    expect(closestMatch(pts, 110).gap).toBe(0);
    expect(() => closestMatch([], 1)).toThrow(/no points/);
    expect(() => closestMatch(pts, 0)).toThrow(/positive/);
  });

  it('finds ViT-Ti closest to B0 at 128×128, within a few percent, from the engine', () => {
    const m = matchedVit();
    expect(m.target.macs).toBe(cnnAt(224).macs);
    expect(m.resolution).toBe(128);
    expect(Math.abs(m.gap)).toBeLessThan(0.05);
    // Its neighbours on the grid are further away.
    for (const r of [112, 144]) expect(Math.abs(vitAt(r).macs / m.target.macs - 1)).toBeGreaterThan(Math.abs(m.gap));
  });

  it('grows ViT-Ti MACs monotonically with the side, and its params with the position embedding', () => {
    const c = vitCurve();
    for (let i = 1; i < c.length; i++) {
      expect(c[i].macs).toBeGreaterThan(c[i - 1].macs);
      // One more row of 192 position-embedding values per extra token.
      const dTokens = (c[i].resolution / 16) ** 2 - (c[i - 1].resolution / 16) ** 2;
      expect(c[i].params - c[i - 1].params).toBe(dTokens * 192);
    }
  });

  it('draws the curve with the B0 level and the match marked', () => {
    const s = checkScene(matchScene(vitCurve(), cnnAt(224).macs, 'B0'));
    const dot = s.marks.find((m) => m.key === 'match') as unknown as { data: { resolution: number } };
    expect(dot.data.resolution).toBe(128);
    const level = s.marks.find((m) => m.key === 'target') as { y1: number; y2: number };
    expect(level.y1).toBe(level.y2);
  });
});
