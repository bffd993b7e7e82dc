import { describe, expect, it } from 'vitest';
import { MODELS } from '~/lib/models/index.ts';
import { byKind, bySection, memoryProfile } from '~/lib/viz/models/compute-breakdown.ts';
import { memoryChart } from '~/lib/viz/models/compute-memory-chart.ts';
import { niceStep } from '~/lib/viz/charts/scale.ts';
import { modelLayerTable } from '~/lib/viz/models/layer-table.ts';

const sum = (xs: { params: number; macs: number; activationBytes: number }[]) => ({
  params: xs.reduce((t, x) => t + x.params, 0),
  macs: xs.reduce((t, x) => t + x.macs, 0),
  activationBytes: xs.reduce((t, x) => t + x.activationBytes, 0),
});

describe('compute breakdown', () => {
  it.each(MODELS.map((m) => m.id))(
    '%s: per-section and per-kind sums equal the totals, and the memory peak equals the engine’s',
    (id) => {
      const t = modelLayerTable(id);
      const totals = { params: t.analysis.params, macs: t.analysis.macs, activationBytes: t.analysis.activationBytes };
      expect(sum(bySection(t))).toEqual(totals);
      const kinds = sum(byKind(t));
      expect(kinds.params).toBe(totals.params);
      expect(kinds.macs).toBe(totals.macs);
      expect(memoryProfile(t, t.graph, t.analysis).peakBytes).toBe(t.analysis.peakLiveBytes);
    },
  );

  it('attributes EfficientNet-B0’s MACs mostly to 1×1 convs, as the MBConv design implies', () => {
    const t = modelLayerTable('efficientnet_b0');
    const kinds = Object.fromEntries(byKind(t).map((k) => [k.key, k]));
    expect(kinds.pointwise.macs / t.totals.macs).toBeGreaterThan(0.8);
    // The classifier is one Linear(1280, 1000): 1,280,000 MACs and 1,281,000 params.
    expect(kinds.classifier.macs).toBe(1_280_000);
    expect(kinds.classifier.params).toBe(1_281_000);
  });

  it('finds MobileNetV2’s peak at the first expanded block (96 ch at 112²: input, expansion and output alive)', () => {
    const t = modelLayerTable('mobilenetv2_100');
    const m = memoryProfile(t, t.graph, t.analysis);
    expect(t.rows[m.peakRow].block).toBe('blocks.1.0');
    expect(m.peakBytes).toBeGreaterThanOrEqual(2 * 96 * 112 * 112 * 4);
  });

  it('charts the memory with its peak at the top of a 1-2-5 axis', () => {
    expect(niceStep(13.8, 4)).toBe(5);
    expect(niceStep(0.9, 4)).toBe(0.5);
    const t = modelLayerTable('efficientnet_b0');
    const m = memoryProfile(t, t.graph, t.analysis);
    const c = memoryChart(m, t, 960, 240);
    expect(c.yTicks[0]).toEqual({ y: c.plot.bottom, label: '0 B' });
    expect(c.peak.y).toBeGreaterThanOrEqual(c.plot.top);
    expect(c.peak.y).toBeLessThan(c.plot.bottom);
    expect(c.peak.label).toBe('peak 13.8 MiB');
    expect(c.sections[0].x).toBe(c.plot.left);
    expect(c.line.split('L')).toHaveLength(t.rows.length);
  });
});
