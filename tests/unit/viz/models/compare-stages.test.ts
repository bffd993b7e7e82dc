import { describe, expect, it } from 'vitest';
import {
  alignStages,
  formatDelta,
  outputStride,
  stageSummaries,
  type ModelSummary,
} from '~/lib/viz/models/compare-stages.ts';
import { compareTableHtml, escapeHtml } from '~/lib/viz/models/compare-view.ts';
import { modelLayerTable } from '~/lib/viz/models/layer-table.ts';
import { getModel } from '~/lib/models/index.ts';

function summary(id: string): ModelSummary {
  const t = modelLayerTable(id);
  const m = getModel(id);
  return {
    id,
    family: m.family,
    resolution: m.spec.resolution,
    params: t.totals.params,
    macs: t.totals.macs,
    activationBytes: t.totals.activationBytes,
    stages: stageSummaries(t),
  };
}

describe('stage alignment', () => {
  it('computes output strides as powers of two, also for 240 px inputs', () => {
    expect(outputStride(224, 112)).toBe(2);
    expect(outputStride(224, 7)).toBe(32);
    expect(outputStride(240, 8)).toBe(32);
    expect(outputStride(240, 15)).toBe(16);
  });

  it('aligns MobileNetV1’s 5 stages with EfficientNet-B0’s 7 by output stride', () => {
    const v1 = summary('mobilenetv1_100');
    const b0 = summary('efficientnet_b0');
    const levels = alignStages(v1, b0);
    expect(levels.map((l) => l.key)).toEqual(['stem', '/2', '/4', '/8', '/16', '/32', 'head']);
    const l16 = levels.find((l) => l.key === '/16')!;
    expect(l16.a.stages.map((s) => s.label)).toEqual(['stage 3']);
    expect(l16.b.stages.map((s) => s.label)).toEqual(['stage 3', 'stage 4']);
    expect(l16.a.resolution).toBe(14);
    expect(l16.b.resolution).toBe(14);
  });

  it('gives deltas as B − A whose sum over levels equals the difference of the totals', () => {
    const a = summary('mobilenetv2_100');
    const b = summary('efficientnet_b0');
    const levels = alignStages(a, b);
    for (const l of levels) expect(l.delta.macs).toBe(l.b.macs - l.a.macs);
    expect(levels.reduce((s, l) => s + l.a.params, 0)).toBe(a.params);
    expect(levels.reduce((s, l) => s + l.b.macs, 0)).toBe(b.macs);
    expect(levels.reduce((s, l) => s + l.delta.params, 0)).toBe(b.params - a.params);
    expect(levels.reduce((s, l) => s + l.delta.activationBytes, 0)).toBe(b.activationBytes - a.activationBytes);
  });

  it('puts all twelve ViT blocks at stride /16 against a CNN', () => {
    const levels = alignStages(summary('vit_tiny_patch16_224'), summary('mobilenetv2_100'));
    expect(levels.find((l) => l.key === '/16')!.a.stages).toHaveLength(12);
    expect(levels.find((l) => l.key === '/4')!.a.stages).toHaveLength(0);
  });

  it('renders the table with escaped text, one row per level and signed deltas', () => {
    const html = compareTableHtml(summary('mobilenetv2_100'), summary('efficientnet_b0'));
    expect(html.match(/<tr data-level=/g)).toHaveLength(8); // 7 levels + total
    expect(html).toContain('data-level="/32"');
    expect(html).toMatch(/class="num delta params-d up" data-value="1783676"/); // 5,288,548 − 3,504,872
    expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(formatDelta(-1500, String)).toBe('−1500');
    expect(formatDelta(0, String)).toBe('0');
  });
});
