import { describe, expect, it } from 'vitest';
import { checkScene } from '~/lib/viz/kit/marks.ts';
import { modelSECost } from '~/lib/viz/lessons/se-cost.ts';
import { seCostEntry, seCostReadouts, seCostScene } from '~/lib/viz/lessons/se-cost-layout.ts';

// EfficientNet-B0's SE layers, from the widths of its 16 blocks (expanded channels, SE width =
// round(block input / 4), EfficientNet §4 / timm): 2·C·C_r + C + C_r parameters each.
const B0_SE: [number, number][] = [
  [32, 8],
  [96, 4],
  [144, 6],
  [144, 6],
  [240, 10],
  [240, 10],
  [480, 20],
  [480, 20],
  [480, 20],
  [672, 28],
  [672, 28],
  [672, 28],
  [1152, 48],
  [1152, 48],
  [1152, 48],
  [1152, 48],
];
const b0SeParams = B0_SE.reduce((s, [c, r]) => s + 2 * c * r + c + r, 0);

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
