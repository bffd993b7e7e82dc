import { describe, expect, it } from 'vitest';
import { MODELS, getModel, modelStats } from '~/lib/models/index.ts';
import { figureChecks, roundingTolerance } from '~/lib/viz/models/zoo-published.ts';

describe('published figures beside computed ones', () => {
  it('derives the rounding of a printed figure from its significant digits', () => {
    expect(roundingTolerance(5.3e6)).toBe(5e4);
    expect(roundingTolerance(569e6)).toBe(5e5);
    expect(roundingTolerance(4_231_976)).toBe(0.5);
    expect(roundingTolerance(0)).toBe(0);
  });

  it.each(MODELS.map((m) => m.id))('%s: every figure beyond its printed rounding has a reason', (id) => {
    for (const f of figureChecks(getModel(id), modelStats(id))) {
      if (!f.withinRounding) expect(f.reason, `${f.source} ${f.metric}`).toBeTruthy();
    }
  });

  it('explains MobileNetV3-Large’s 219 M paper MAdds by BatchNorm folding', () => {
    const f = figureChecks(getModel('mobilenetv3_large_100'), modelStats('mobilenetv3_large_100')).find(
      (c) => c.tag === 'paper' && c.metric === 'macs',
    )!;
    expect(f.published).toBe(219e6);
    expect(f.withinRounding).toBe(false);
    expect(f.reason).toMatch(/fold/i);
  });

  it('explains torchvision’s EfficientNet-B2 MACs by its 288 px resolution', () => {
    const f = figureChecks(getModel('efficientnet_b2'), modelStats('efficientnet_b2')).find(
      (c) => c.tag === 'torchvision' && c.metric === 'macs',
    )!;
    expect(f.reason).toMatch(/288 px/);
  });

  it('accepts exact integers that match and rounded figures within their digits', () => {
    const checks = figureChecks(getModel('efficientnet_b0'), modelStats('efficientnet_b0'));
    expect(checks.find((c) => c.tag === 'torchvision' && c.metric === 'params')).toMatchObject({
      published: 5_288_548,
      withinRounding: true,
      delta: 0,
    });
    expect(checks.find((c) => c.tag === 'paper' && c.metric === 'params')).toMatchObject({
      published: 5.3e6,
      withinRounding: true,
    });
  });

  it('names an agreeing independent count when the source does not explain a gap', () => {
    const f = figureChecks(getModel('vit_tiny_patch16_224'), modelStats('vit_tiny_patch16_224')).find(
      (c) => c.tag === 'paper' && c.metric === 'params',
    )!;
    expect(f.withinRounding).toBe(false);
    expect(f.reason).toMatch(/timm profiler counts the same architecture as this page \(5\.72 M\)/);
  });
});

/**
 * Every "same, to the digits printed" verdict, recomputed from that rule by printing the computed
 * count the way its source prints figures (independently of printedStep's arithmetic): the verdict
 * is "same" exactly when the two print alike.
 */
const PRINTS: [RegExp, Record<'params' | 'macs', (v: number) => string>][] = [
  [/^timm results\/benchmark/, { params: (v) => (v / 1e6).toFixed(2), macs: (v) => (v / 1e9).toFixed(2) }],
  [/^torchvision weight metadata/, { params: (v) => v.toFixed(0), macs: (v) => (v / 1e9).toFixed(3) }],
  [
    /^MobileNetV1 paper|^MobileNetV2 paper|^MobileNetV3 paper/,
    { params: (v) => (v / 1e6).toFixed(1), macs: (v) => (v / 1e6).toFixed(0) },
  ],
  [/^TF-slim/, { params: (v) => (v / 1e6).toFixed(2), macs: (v) => (v / 1e6).toFixed(0) }],
  [/^EfficientNet paper/, { params: (v) => v.toPrecision(2), macs: (v) => v.toPrecision(2) }],
];
/** Other sources: as many significant digits as the stored figure has (trailing zeros of a whole number not counted). */
const asStored = (published: number) => (v: number) => {
  const digits = String(Math.round(published)).replace(/0+$/, '').length;
  return Number(v.toPrecision(Math.max(1, digits))).toString();
};

describe('every "same as published" verdict, recomputed from its rule', () => {
  it.each(MODELS.map((m) => m.id))('%s', (id) => {
    for (const f of figureChecks(getModel(id), modelStats(id))) {
      const print = PRINTS.find(([re]) => re.test(f.source))?.[1][f.metric] ?? asStored(f.published);
      const same = print(f.computed) === print(f.published);
      expect(
        f.withinRounding,
        `${id} ${f.source} ${f.metric}: published ${print(f.published)}, computed ${print(f.computed)}`,
      ).toBe(same);
    }
  });

  it('EfficientNet-B0: timm’s 0.40 GMACs is not the computed 385,814,752 (+3.68 %), and says why', () => {
    const f = figureChecks(getModel('efficientnet_b0'), modelStats('efficientnet_b0')).find(
      (c) => c.source.startsWith('timm results/benchmark') && c.metric === 'macs',
    )!;
    expect(f.computed).toBe(385_814_752);
    expect(f.withinRounding).toBe(false);
    expect(f.reason).toMatch(/profiler/);
  });
});
