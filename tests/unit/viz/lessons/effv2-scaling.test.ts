import { describe, expect, it } from 'vitest';
import { addedBlocks, PAPER_MAX_SIZE, v2Model, v2Models, V2_SIZES } from '~/lib/viz/lessons/effv2-scaling.ts';
import { scalingReadouts, scalingScene } from '~/lib/viz/lessons/effv2-scaling-layout.ts';
import { decodeName, headDifference, TIMM_V2_NAMES } from '~/lib/viz/lessons/effv2-names.ts';
import { modelStats, resolveCnn, getModel } from '~/lib/models/index.ts';

describe('V2-S scaled to M, L and XL (§3.4)', () => {
  it('keeps S, M and L within the 480-pixel cap; XL evaluates above it', () => {
    for (const s of ['s', 'm', 'l'] as const) expect(v2Model(s).resolution).toBeLessThanOrEqual(PAPER_MAX_SIZE);
    expect(v2Model('xl').resolution).toBeGreaterThan(PAPER_MAX_SIZE);
  });

  it('counts V2-S’s blocks per stage as Table 4 lists them: 2, 4, 4, 6, 9, 15', () => {
    expect(v2Model('s').stages.map((s) => s.blocks)).toEqual([2, 4, 4, 6, 9, 15]);
  });

  it('adds most of the new blocks after stage 3', () => {
    for (const s of ['m', 'l', 'xl'] as const) {
      const a = addedBlocks(s);
      expect(a.late).toBeGreaterThan(a.early);
      expect(a.early + a.late).toBe(v2Model(s).blocks - v2Model('s').blocks);
    }
  });

  it('agrees with the zoo’s statistics', () => {
    for (const s of V2_SIZES) {
      const m = v2Model(s);
      expect(m.params).toBe(modelStats(m.id).params);
      const spec = getModel(m.id).spec;
      if (spec.kind === 'cnn') expect(m.blocks).toBe(resolveCnn(spec).blocks.length);
    }
  });

  it('draws one bar per stage the model has, and V2-S outlines for its six stages', () => {
    expect(scalingScene(v2Models(), 's').marks.filter((m) => m.key.startsWith('bar-'))).toHaveLength(6);
    expect(scalingScene(v2Models(), 'xl').marks.filter((m) => m.key.startsWith('bar-'))).toHaveLength(7);
    expect(scalingScene(v2Models(), 'xl').marks.filter((m) => m.key.startsWith('base-'))).toHaveLength(6);
    expect(scalingReadouts(v2Models(), 'm').find((r) => r.key === 'blocks')?.value).toBe(String(v2Model('m').blocks));
  });
});

describe('timm names', () => {
  it('decodes every name of the list and finds its zoo model', () => {
    for (const n of TIMM_V2_NAMES) {
      const d = decodeName(n);
      expect(d.params).toBeGreaterThan(0);
      expect(d.classes).toBe(n.endsWith('.in21k') ? 21843 : 1000);
    }
  });

  it('gives a fine-tuned model the 1k model’s parameters and an in21k one a 21,843-way classifier on 1,280 features', () => {
    expect(decodeName('tf_efficientnetv2_s.in21k_ft_in1k').params).toBe(modelStats('tf_efficientnetv2_s').params);
    expect(decodeName('tf_efficientnetv2_s.in21k_ft_in1k').pretrain).toBe('ImageNet-21k');
    expect(headDifference('tf_efficientnetv2_s')).toBe((1280 + 1) * (21843 - 1000));
    expect(decodeName('gc_efficientnetv2_rw_t.agc_in1k').attention).toBe('global context');
    expect(decodeName('efficientnetv2_rw_s.ra2_in1k').source).toBe('trained in timm');
  });

  it('says what is wrong with a name it cannot read', () => {
    expect(() => decodeName('resnet50.a1_in1k')).toThrow(/not a timm EfficientNetV2 name/);
    expect(() => decodeName('tf_efficientnetv2_s.jft')).toThrow(/unknown pretrained tag/);
  });
});
