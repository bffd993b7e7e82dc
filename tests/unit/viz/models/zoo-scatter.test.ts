import { describe, expect, it } from 'vitest';
import { familyColour, scatterLayout } from '~/lib/viz/models/zoo-scatter.ts';
import { zooRows } from '~/lib/viz/models/zoo-table.ts';

describe('zoo scatter', () => {
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

  it("marks only the x axis' end ticks as edges, for a phone to anchor inwards", () => {
    const L = scatterLayout(zooRows(), 720, 420);
    const edges = L.xTicks.filter((t) => t.edge);
    expect(edges.map((t) => [t.edge, t.pos])).toEqual([
      ['start', L.plot.left],
      ['end', L.plot.right],
    ]);
    expect(L.yTicks.some((t) => t.edge)).toBe(false);
  });
});
