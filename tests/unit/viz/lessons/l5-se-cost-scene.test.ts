import { describe, expect, it } from 'vitest';
import { B0_SE, seParams } from '../../../fixtures/paper-tables.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';
import { modelSECost } from '~/lib/viz/lessons/se-cost.ts';
import { seCostEntry, seCostReadouts, seCostScene } from '~/lib/viz/lessons/se-cost-layout.ts';

// EfficientNet-B0's SE layers, counted from the widths of its 16 blocks.
const b0SeParams = seParams(B0_SE);

describe('SE cost chart scene', () => {
  const entry = seCostEntry('efficientnet_b0', 'EfficientNet-B0', modelSECost('efficientnet_b0'));

  it('reads out the SE parameters and their share of the model', () => {
    const v = Object.fromEntries(seCostReadouts(entry).map((r) => [r.key, r.value]));
    expect(v['se-params']).toBe(b0SeParams.toLocaleString('en-US'));
    expect(v['params-pct']).toBe(`${((100 * b0SeParams) / entry.params).toFixed(1)} %`);
  });

  it('draws one label and two bars per row, the parameters bar as long as its share of the axis', () => {
    const s = checkScene(seCostScene(entry));
    const labels = s.marks.filter((m) => m.kind === 'text' && m.class?.startsWith('label'));
    expect(labels).toHaveLength(8);
    expect(labels.at(-1)).toMatchObject({ text: 'Total', class: 'label total' });
    const total = s.marks.find((m) => m.key === 'p-total');
    const share = (100 * b0SeParams) / entry.params;
    expect(total).toMatchObject({ kind: 'rect', x: entry.layout.x0 });
    expect((total as { width: number }).width).toBeCloseTo((entry.layout.span * share) / 100, 0);
    expect(s.label).toMatch(/^EfficientNet-B0: SE holds/);
  });
});
