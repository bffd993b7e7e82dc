import { describe, expect, it } from 'vitest';
import { MODELS, getModel, modelStats } from '~/lib/models/index.ts';
import { figureChecks, roundingTolerance } from '~/lib/viz/zoo-published.ts';

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
    const f = figureChecks(getModel('mobilenetv3_large_100'), modelStats('mobilenetv3_large_100')).find((c) => c.tag === 'paper' && c.metric === 'macs')!;
    expect(f.published).toBe(219e6);
    expect(f.withinRounding).toBe(false);
    expect(f.reason).toMatch(/fold/i);
  });

  it('explains torchvision’s EfficientNet-B2 MACs by its 288 px resolution', () => {
    const f = figureChecks(getModel('efficientnet_b2'), modelStats('efficientnet_b2')).find((c) => c.tag === 'torchvision' && c.metric === 'macs')!;
    expect(f.reason).toMatch(/288 px/);
  });

  it('accepts exact integers that match and rounded figures within their digits', () => {
    const checks = figureChecks(getModel('efficientnet_b0'), modelStats('efficientnet_b0'));
    expect(checks.find((c) => c.tag === 'torchvision' && c.metric === 'params')).toMatchObject({ published: 5_288_548, withinRounding: true, delta: 0 });
    expect(checks.find((c) => c.tag === 'paper' && c.metric === 'params')).toMatchObject({ published: 5.3e6, withinRounding: true });
  });

  it('names an agreeing independent count when the source does not explain a gap', () => {
    const f = figureChecks(getModel('vit_tiny_patch16_224'), modelStats('vit_tiny_patch16_224')).find((c) => c.tag === 'paper' && c.metric === 'params')!;
    expect(f.withinRounding).toBe(false);
    expect(f.reason).toMatch(/timm profiler counts the same architecture as this page \(5\.72 M\)/);
  });
});
