import { describe, expect, it } from 'vitest';
import { checkScene, type LineMark, type RectMark } from '~/lib/viz/kit/marks.ts';
import { morphStages, stageName, type MorphLayer } from '~/lib/viz/lessons/separable-morph.ts';
import {
  morphBarWidth,
  morphControls,
  morphReadouts,
  morphScene,
  morphStageControl,
} from '~/lib/viz/lessons/separable-morph-scene.ts';

// MobileNetV1 layer 7 (paper Table 1): 14×14, 512 → 512, 3×3.
const layer: MorphLayer = { hOut: 14, wOut: 14, cin: 512, cout: 512, k: 3, label: 'layer 7' } as MorphLayer;

describe('lesson 3 morph as kit data', () => {
  it('draws every drawn pair joined for a standard conv and 16 + 16·16 lines for the separable one', () => {
    const stages = morphStages(layer);
    const lines = (i: number) =>
      checkScene(morphScene(layer, stages[i]!)).marks.filter((m): m is LineMark => m.kind === 'line');
    expect(lines(0)).toHaveLength(16 * 16);
    expect(lines(stages.length - 1)).toHaveLength(16 + 16 * 16);
    // Two columns of 16 drawn channels, three once the 1×1 stage is added.
    const rects = (i: number) => morphScene(layer, stages[i]!).marks.filter((m): m is RectMark => m.kind === 'rect');
    expect(rects(0)).toHaveLength(32);
    expect(rects(stages.length - 1)).toHaveLength(48);
  });

  it('keeps an edge’s key across stages, so the same connection is the same element', () => {
    const [standard, grouped] = morphStages(layer);
    const keys = (s: typeof standard) =>
      new Set(
        morphScene(layer, s!)
          .marks.filter((m) => m.kind === 'line')
          .map((m) => m.key),
      );
    const g = keys(grouped);
    // 2 groups keep the block-diagonal half of the standard conv's 256 connections.
    expect(g.size).toBe(128);
    expect([...g].every((k) => keys(standard).has(k))).toBe(true);
  });

  it('reads out MACs and the ratio, worked out by hand', () => {
    const sep = morphStages(layer).at(-1)!;
    const r = Object.fromEntries(morphReadouts(layer, sep).map((x) => [x.key, x.value]));
    expect(r.macs).toBe((14 * 14 * (9 * 512 + 512 * 512)).toLocaleString('en-US'));
    expect(r['standard-macs']).toBe((14 * 14 * 9 * 512 * 512).toLocaleString('en-US'));
    expect(r.ratio).toBe((1 / 512 + 1 / 9).toPrecision(3));
    expect(morphBarWidth(layer, sep)).toBe(`${((1 / 512 + 1 / 9) * 100).toFixed(2)}%`);
  });
});

describe('the morph controls', () => {
  it('name every stage of the layer on the slider, standard to separable', () => {
    const c = morphStageControl(layer, 1);
    expect(c.stops).toEqual(morphStages(layer).map(stageName));
    expect(c).toMatchObject({ kind: 'range', name: 'stage', value: 1, min: 0, max: morphStages(layer).length - 1 });
    expect(c.ends).toEqual(['standard', 'separable']);
  });

  it('keeps the stage on a layer with fewer stages by clamping it', () => {
    const small: MorphLayer = { ...layer, cin: 3, cout: 32, label: 'layer 1' } as MorphLayer;
    expect(morphStageControl(small, 9).value).toBe(morphStages(small).length - 1);
  });

  it('offers every layer by index', () => {
    const [select] = morphControls('mobilenetv1_100', [layer, { ...layer, label: 'layer 8' }], 1, 0);
    expect(select).toMatchObject({ kind: 'select', name: 'layer', value: '1' });
    expect(select!.options).toEqual([
      { value: '0', label: 'layer 7' },
      { value: '1', label: 'layer 8' },
    ]);
  });
});
