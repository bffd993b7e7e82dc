import { describe, expect, it } from 'vitest';
import { scaledConfig } from '~/lib/viz/scaling/scaling-config.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import type { SingleDimMatch } from '~/lib/viz/scaling/scaling-single-dim.ts';
import { SINGLE_ROWS, singleColumns } from '~/lib/viz/scaling/scaling-single-table.ts';

describe('the single-dimension table', () => {
  const model = scaledModel(scaledConfig(1));
  const match: SingleDimMatch = {
    dimension: 'width',
    width: 1.4375,
    depth: 1,
    resolution: 224,
    blocks: 16,
    params: 9_876_543,
    macs: 765_432_100,
    reached: false,
  };

  it('puts the compound model first, then one column per match labelled by its dimension', () => {
    const cols = singleColumns(model, [match]);
    expect(cols.map((c) => [c.id, c.label])).toEqual([
      ['compound', 'Compound'],
      ['width', 'Width only'],
    ]);
    expect(cols[0]).toMatchObject({ w: model.config.width, d: model.config.depth, r: model.resolution, reached: true });
    expect(cols[0].macs).toBe(model.macs);
  });

  it('writes one row per quantity, marking a match that stopped at its search limit', () => {
    const col = singleColumns(model, [match])[1];
    const text = Object.fromEntries(SINGLE_ROWS.map((r) => [r.key, r.text(col)]));
    expect(text.w).toBe('1.438');
    expect(text.d).toBe('1.000');
    expect(text.r).toBe('224');
    expect(text.blocks).toBe('16');
    expect(text.macs.endsWith(' (limit)')).toBe(true);
    expect(SINGLE_ROWS.map((r) => r.key)).toEqual(['w', 'd', 'r', 'blocks', 'params', 'macs']);
  });
});
