import { describe, expect, it } from 'vitest';
import { checkScene, type PathMark, type TextMark } from '~/lib/viz/kit/marks.ts';
import { convCost, type ConvLayer } from '~/lib/viz/lessons/conv-cost.ts';
import {
  convCostControls,
  convCostReadouts,
  convCostScene,
  convShapesLine,
} from '~/lib/viz/lessons/conv-cost-scene.ts';

const layer: ConvLayer = {
  h: 112,
  w: 112,
  cin: 32,
  cout: 64,
  k: 3,
  stride: 2,
  groups: 1,
  padding: 'same',
  bias: false,
};

describe('the conv cost calculator as kit data', () => {
  it('draws three faces and two labels per box, and the ∗ and = between them, inside the scene', () => {
    const s = checkScene(convCostScene(layer, convCost(layer)));
    const paths = s.marks.filter((m): m is PathMark => m.kind === 'path');
    expect(paths).toHaveLength(9);
    const texts = s.marks.filter((m): m is TextMark => m.kind === 'text');
    expect(texts.filter((t) => t.class === 'label').map((t) => t.text)).toEqual(['112×112×32', '3×3×32', '56×56×64']);
    expect(texts.filter((t) => t.class === 'op').map((t) => t.text)).toEqual(['∗', '=']);
    // Every face starts inside the trimmed scene: its top-left y (after the M) is ≥ 0 and its top face's peak too.
    for (const p of paths) {
      const [, y] = /^M[\d.]+,([\d.-]+)/.exec(p.d)!;
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(s.height);
    }
    expect(s.label).toBe('Input 112×112×32, filter 3×3×32, output 56×56×64');
  });

  it('reads out shape, params and MACs, worked out by hand', () => {
    const r = Object.fromEntries(convCostReadouts(layer, convCost(layer)).map((x) => [x.key, x]));
    expect(r.shape!.value).toBe('56×56×64'); // ceil(112 / 2)
    expect(r.params!.value).toBe('18,432'); // 3·3·32·64
    expect(r.macs!.value).toBe('57,802,752'); // 56·56·64·32·9
    expect(r.macs!.detail).toBe('(57.8 M)');
    expect(r['out-bytes']!.value).toBe('784 KiB'); // 4·56·56·64 = 802,816 B
  });

  it('says the shapes in one line for phones, with the grouped filter depth', () => {
    const dw = { ...layer, cout: 32, groups: 32, stride: 1 };
    expect(convShapesLine(dw, convCost(dw))).toBe('input 112×112×32 ∗ filter 3×3×1 (×32) = output 112×112×32');
  });

  it('offers number fields within the layer limits, the padding select and the bias toggle', () => {
    const c = convCostControls(layer);
    expect(c.map((x) => `${x.kind}:${x.name}`)).toEqual([
      'number:h',
      'number:w',
      'number:cin',
      'number:cout',
      'number:k',
      'number:stride',
      'number:groups',
      'select:padding',
      'toggle:bias',
    ]);
    expect(c[6]).toMatchObject({ value: 1, min: 1, step: 1 });
  });
});
