import { describe, expect, it } from 'vitest';
import { MODELS, modelStats } from '~/lib/models/index.ts';
import {
  citedTop1,
  compareValues,
  entryFigures,
  FAMILIES,
  filterZooRows,
  formatTop1,
  sortZooRows,
  sourceTag,
  zooRows,
} from '~/lib/viz/models/zoo-table.ts';

const rows = zooRows();

describe('zoo table', () => {
  it('has one row per zoo model with the engine’s params and MACs', () => {
    expect(rows).toHaveLength(MODELS.length);
    const v2 = rows.find((r) => r.id === 'mobilenetv2_100')!;
    const s = modelStats('mobilenetv2_100');
    expect(v2).toMatchObject({
      family: 'MobileNetV2',
      resolution: 224,
      params: s.params,
      macs: s.macs,
      href: '/models/mobilenetv2_100/',
    });
  });

  it('takes the figures from stats already computed, so the CLI analyses each model once', () => {
    const m = MODELS.find((e) => e.id === 'mobilenetv2_100')!;
    const s = modelStats(m.id);
    expect(entryFigures(m, { ...s, params: 1, macs: 2 })).toEqual({
      id: 'mobilenetv2_100',
      family: 'MobileNetV2',
      resolution: 224,
      numClasses: 1000,
      params: 1,
      macs: 2,
    });
  });

  it('cites the paper’s top-1 before timm’s evaluation, and tags the source', () => {
    const v1 = rows.find((r) => r.id === 'mobilenetv1_100')!;
    expect(v1.top1).toMatchObject({ value: 70.6, tag: 'paper', paper: true });
    const rw = rows.find((r) => r.id === 'mobilenetv3_rw')!;
    expect(rw.top1).toMatchObject({ value: 75.616, tag: 'timm eval', paper: false });
    expect(citedTop1([{ source: 'x (secondary source)', top1: 1 }])).toBeUndefined();
    expect(sourceTag('torchvision weight metadata')).toBe('torchvision');
  });

  it('sorts by MACs both ways and keeps models without a cited top-1 last in either direction', () => {
    const up = sortZooRows(rows, 'macs', 'ascending');
    for (let i = 1; i < up.length; i++) expect(up[i].macs).toBeGreaterThanOrEqual(up[i - 1].macs);
    expect(up[0].id).toBe('mobilenetv1_025_128');
    const down = sortZooRows(rows, 'top1', 'descending');
    const firstMissing = down.findIndex((r) => !r.top1);
    expect(down.slice(firstMissing).every((r) => !r.top1)).toBe(true);
    const asc = sortZooRows(rows, 'top1', 'ascending');
    expect(asc[asc.length - 1].top1).toBeUndefined();
    expect(compareValues(undefined, 3, 'descending')).toBe(1);
    expect(compareValues('a', 'b', 'descending')).toBeGreaterThan(0);
  });

  it('sorts families in course order and filters one family', () => {
    expect(FAMILIES[0]).toBe('MobileNetV1');
    expect(FAMILIES[FAMILIES.length - 1]).toBe('ViT');
    const byFamily = sortZooRows(rows, 'family', 'descending');
    expect(byFamily[0].family).toBe('ViT');
    const v3 = filterZooRows(rows, 'MobileNetV3');
    expect(v3.length).toBe(MODELS.filter((m) => m.family === 'MobileNetV3').length);
    expect(v3.every((r) => r.family === 'MobileNetV3')).toBe(true);
    expect(filterZooRows(rows, 'all')).toHaveLength(rows.length);
  });

  it('prints every top-1 with one decimal, whatever its source printed', () => {
    expect(formatTop1(72)).toBe('72.0 %');
    expect(formatTop1(75.784)).toBe('75.8 %');
  });
});
