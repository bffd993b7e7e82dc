import { describe, expect, it } from 'vitest';
import { familyColour, linearScale, linearTicks, logScale, logTicks, scatterLayout } from '~/lib/viz/models/zoo-scatter.ts';
import { zooRows } from '~/lib/viz/models/zoo-table.ts';

describe('zoo scatter', () => {
  it('places log ticks at 1, 2, 5 × 10^k', () => {
    expect(logTicks(1e7, 1e9)).toEqual([1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9]);
    expect(linearTicks(50, 90, 5)).toEqual([50, 55, 60, 65, 70, 75, 80, 85, 90]);
  });

  it('maps equal ratios to equal distances on the log axis', () => {
    const x = logScale(1e7, 1e11, 0, 400);
    expect(x(1e7)).toBe(0);
    expect(x(1e11)).toBeCloseTo(400);
    expect(x(1e9) - x(1e8)).toBeCloseTo(x(1e8) - x(1e7));
    expect(linearScale(50, 90, 300, 0)(70)).toBe(150);
  });

  it('puts every cited model inside the plot, one colour per family, paper points filled', () => {
    const rows = zooRows();
    const L = scatterLayout(rows, 720, 420);
    expect(L.points).toHaveLength(rows.filter((r) => r.top1).length);
    for (const p of L.points) {
      expect(p.x).toBeGreaterThanOrEqual(L.plot.left);
      expect(p.x).toBeLessThanOrEqual(L.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(L.plot.top);
      expect(p.y).toBeLessThanOrEqual(L.plot.bottom);
      expect(p.colour).toBe(familyColour(p.family));
    }
    const b0 = L.points.find((p) => p.id === 'efficientnet_b0')!;
    const v2 = L.points.find((p) => p.id === 'mobilenetv2_100')!;
    expect(b0.x).toBeGreaterThan(v2.x); // 386 M > 301 M MACs
    expect(b0.y).toBeLessThan(v2.y); // 77.1 % above 72.0 %
    expect(b0.paper).toBe(true);
    expect(L.legend.reduce((s, l) => s + l.count, 0)).toBe(L.points.length);
    expect(new Set(L.legend.map((l) => l.colour)).size).toBe(L.legend.length);
  });
});
