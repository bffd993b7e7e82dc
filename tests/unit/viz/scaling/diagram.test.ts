import { describe, expect, it } from 'vitest';
import { scaledConfig } from '~/lib/viz/scaling/scaling-config.ts';
import { DIAGRAM_WIDTH, diagramLayout } from '~/lib/viz/scaling/scaling-diagram.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import { macsCurveLayout, logAxisTicks } from '~/lib/viz/scaling/scaling-charts.ts';
import { logDomain, logScale } from '~/lib/viz/charts/scale.ts';
import { signedDiff, stageTable } from '~/lib/viz/scaling/scaling-stage-table.ts';

const frame = { maxSide: 296, maxChannels: 2496 };

describe('architecture diagram layout', () => {
  const b0 = scaledModel(scaledConfig(0));
  const b3 = scaledModel(scaledConfig(3));
  const l0 = diagramLayout(b0, frame);
  const l3 = diagramLayout(b3, frame);

  it('draws one bar per block plus the stem and the head, with stable ids', () => {
    expect(l0.bars).toHaveLength(16 + 2);
    expect(l3.bars).toHaveLength(b3.blocks + 2);
    expect(l0.bars.map((b) => b.id).slice(0, 3)).toEqual(['stem', 'b0-0', 'b1-0']);
    // B0's ids are a subset of the larger model's, so D3 moves them instead of re-creating them.
    const ids3 = new Set(l3.bars.map((b) => b.id));
    for (const b of l0.bars) expect(ids3.has(b.id)).toBe(true);
  });

  it('grows taller with resolution and thicker with width', () => {
    const stem0 = l0.bars.find((b) => b.id === 'stem')!;
    const stem3 = l3.bars.find((b) => b.id === 'stem')!;
    expect(stem3.h).toBeGreaterThan(stem0.h);
    const head0 = l0.bars.find((b) => b.id === 'head')!;
    const head3 = l3.bars.find((b) => b.id === 'head')!;
    expect(head3.w).toBeGreaterThanOrEqual(head0.w);
  });

  it('labels each stage with its repeats and stays inside the drawing', () => {
    expect(l3.labels.map((l) => l.text)).toEqual(b3.stages.map((s) => String(s.repeats)));
    const right = Math.max(...l3.bars.map((b) => b.x + b.w));
    expect(right).toBeLessThanOrEqual(DIAGRAM_WIDTH);
  });

  it('squeezes a model wider than the drawing instead of overflowing', () => {
    const deep = scaledModel(scaledConfig(7, { alpha: 1.5, beta: 1, gamma: 1 }));
    const l = diagramLayout(deep, frame);
    expect(l.squeeze).toBeLessThan(1);
    expect(Math.max(...l.bars.map((b) => b.x + b.w))).toBeLessThanOrEqual(DIAGRAM_WIDTH + 0.5);
  });
});

describe('stage table', () => {
  it('diffs φ = 3 against B0, with the unrounded values beside the rounded ones', () => {
    const rows = stageTable(scaledModel(scaledConfig(3)), scaledModel(scaledConfig(0)));
    expect(rows.map((r) => r.id)).toEqual([
      'stem',
      'stage-1',
      'stage-2',
      'stage-3',
      'stage-4',
      'stage-5',
      'stage-6',
      'stage-7',
      'head',
    ]);
    const s2 = rows[2];
    expect([s2.channels, s2.baseChannels, s2.repeats, s2.baseRepeats, s2.resolution, s2.baseResolution]).toEqual([
      32, 24, 4, 2, 172, 112,
    ]);
    expect(s2.channelsExact).toBeCloseTo(24 * 1.331, 9);
    expect(s2.repeatsExact).toBeCloseTo(2 * 1.728, 9);
    expect(rows[0].operator).toBe('Conv3×3');
    expect(rows[1].operator).toBe('MBConv1, k3×3');
    expect(rows[3].operator).toBe('MBConv6, k5×5');
  });

  it('writes diffs with a true minus sign and nothing when unchanged', () => {
    expect(signedDiff(32, 24)).toBe('+8');
    expect(signedDiff(16, 24)).toBe('−8');
    expect(signedDiff(24, 24)).toBe('');
  });
});

describe('chart layouts', () => {
  it('widens a log domain to 1-2-5 steps and ticks it', () => {
    expect(logDomain([3.9e8, 4.1e10])).toEqual([2e8, 5e10]);
    // On a tall axis there is room for every 1-2-5 tick…
    const ticks = logAxisTicks(logScale([2e8, 5e10], [600, 0]));
    expect(ticks.map((t) => t.label)).toEqual(['200 M', '500 M', '1 G', '2 G', '5 G', '10 G', '20 G', '50 G']);
    // …across a 100-unit one, "500 M" and "1 G" would touch at the phone font: only the 1s.
    expect(logAxisTicks(logScale([2e8, 5e10], [0, 100])).map((t) => t.label)).toEqual(['1 G', '10 G']);
  });

  it('places the current φ on the curve at its x and its actual MACs', () => {
    const pts = [0, 1, 2].map((phi) => ({ phi, ideal: 2 ** phi, formula: 1.92 ** phi, actual: 1.1 * 2 ** phi }));
    const l = macsCurveLayout(pts, pts[1]);
    expect(l.current.x).toBeCloseTo(l.x(1), 1);
    expect(l.current.yActual).toBeLessThan(l.current.yIdeal);
    expect(l.actual.startsWith('M')).toBe(true);
  });
});

describe('scatter labels and latency ticks', () => {
  it('keeps point labels inside the chart and off each other', async () => {
    const { scatterLayout, msLabel, placeLabels, CHART_WIDTH } = await import('~/lib/viz/scaling/scaling-charts.ts');
    const s = scatterLayout(
      [
        { id: 'a', label: 'B0', x: 4e8, y: 300 },
        { id: 'b', label: 'φ = 2.0', x: 1.81e9, y: 1800 },
      ],
      [],
      msLabel,
    );
    // The top-right point's label cannot go above or right of it: it goes below or left, inside.
    expect(s.points[1].dy > 0 || s.points[1].anchor === 'end').toBe(true);
    // Two points at almost the same place (φ = 3.0 beside B4): their labels go to different sides.
    const close = placeLabels([
      { id: 'b4', label: 'B4', x: 0, y: 0, px: 300, py: 120 },
      { id: 'current', label: 'φ = 3.0', x: 0, y: 0, px: 306, py: 124 },
    ]);
    expect(close[1].dy).toBe(-9); // the current model keeps the first choice
    expect(close[0].dy).not.toBe(-9);
    for (const p of close) expect(p.px + p.dx).toBeLessThan(CHART_WIDTH);
    // φ = 0.0 on top of B0 in the bottom-left corner: B0's label goes a row higher, not onto φ's.
    const corner = placeLabels([
      { id: 'b0', label: 'B0', x: 0, y: 0, px: 90, py: 234 },
      { id: 'current', label: 'φ = 0.0', x: 0, y: 0, px: 90, py: 234 },
    ]);
    expect(corner[1].dy).toBe(-9);
    expect(corner[0].dy).toBeLessThan(-9 - 12);
    expect(s.yTicks.map((t) => t.label)).toEqual(['0.2 s', '0.5 s', '1 s', '2 s']);
    expect(msLabel(50)).toBe('50 ms');
  });
});
