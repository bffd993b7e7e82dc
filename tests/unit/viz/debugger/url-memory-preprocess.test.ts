import { describe, expect, it } from 'vitest';
import { buildModel } from '~/lib/models/index.ts';
import { analyze } from '~/lib/engine/index.ts';
import { bnTerms } from '~/lib/viz/lessons/bn-formula.ts';
import { FIXED_BUDGET, MAX_BUDGET, memoryBudget, memoryVerdict } from '~/lib/viz/state/memory-guard.ts';
import { agreementTable, maxAbsDiff } from '~/lib/viz/debugger/ort-agreement.ts';
import { IMAGENET_MEAN, IMAGENET_STD, normalise, preprocessPlan, uploadSize } from '~/lib/viz/debugger/preprocess.ts';
import { DEFAULT_VIEW, formatView, parseView } from '~/lib/viz/state/url-state.ts';
import { formatValue, parseValue } from '~/lib/viz/charts/number-format.ts';

describe('URL state', () => {
  it('round-trips a full view through the query string', () => {
    const view = { input: 'coffee', step: 41, channel: 7, pixel: [3, 12] as const, side: 'in' as const };
    const q = formatView(view);
    expect(q).toBe('?input=coffee&step=41&ch=7&px=3,12&side=in');
    expect(parseView(q)).toEqual(view);
  });

  it('writes nothing for the default view and reads defaults back', () => {
    expect(formatView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores malformed values instead of failing', () => {
    expect(parseView('?step=abc&ch=-5&px=1,x&input=../../etc&side=up')).toEqual(DEFAULT_VIEW);
    expect(parseView('?step=-1').step).toBe(-1);
  });
});

describe('memory guard', () => {
  it('budgets a quarter of navigator.deviceMemory up to 1 GiB, and a fixed cap without it', () => {
    expect(memoryBudget(2)).toBe(512 * 2 ** 20);
    expect(memoryBudget(8)).toBe(MAX_BUDGET);
    expect(memoryBudget(undefined)).toBe(FIXED_BUDGET);
    expect(memoryBudget(0)).toBe(FIXED_BUDGET);
  });

  it('lets MobileNetV2 run and refuses EfficientNetV2-XL with the numbers', () => {
    const need = (id: string) => {
      const a = analyze(buildModel(id));
      return { weightBytes: a.params * 4, retainedBytes: a.activationBytes, peakLiveBytes: a.peakLiveBytes };
    };
    const ok = memoryVerdict(need('mobilenetv2_100'), memoryBudget(8), 'deviceMemory 8 GiB');
    expect(ok.ok).toBe(true);
    const xl = memoryVerdict(need('tf_efficientnetv2_xl'), FIXED_BUDGET, 'fixed cap');
    expect(xl.ok).toBe(false);
    expect(xl.need).toBeGreaterThan(830e6);
    expect(xl.message).toMatch(/will not run here/);
    expect(xl.message).toContain('of weights');
    expect(xl.message).toContain('512');
  });
});

describe('preprocessing geometry', () => {
  it('resizes the short side to R / 0.875 and centre-crops R × R', () => {
    const p = preprocessPlan(600, 400, 224);
    expect(p.resized).toEqual({ w: 384, h: 256 });
    expect(p.crop).toEqual({ x: 80, y: 16, size: 224 });
    expect(p.source.w).toBeCloseTo((224 * 400) / 256);
    expect(p.source.x + p.source.w / 2).toBeCloseTo(300); // centred in the source
    expect(p.source.y + p.source.h / 2).toBeCloseTo(200);
  });

  it('handles portrait images and rejects empty ones', () => {
    const p = preprocessPlan(100, 300, 224);
    expect(p.resized.w).toBe(256);
    expect(p.crop.y).toBeGreaterThan(p.crop.x);
    expect(() => preprocessPlan(0, 10, 224)).toThrow(/no pixels/);
  });

  it('downscales big uploads to the working size and refuses huge ones', () => {
    expect(uploadSize(4000, 3000)).toEqual({ ok: true, w: 1024, h: 768 });
    expect(uploadSize(200, 100)).toEqual({ ok: true, w: 200, h: 100 });
    const r = uploadSize(10000, 8000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/80 megapixels/);
  });

  it('normalises RGBA to CHW with the ImageNet mean and std', () => {
    const rgba = [255, 0, 128, 255, 0, 255, 0, 255];
    const t = normalise(rgba, 1);
    expect(t).toHaveLength(3);
    expect(t[0]).toBeCloseTo((1 - IMAGENET_MEAN[0]) / IMAGENET_STD[0]);
    expect(t[1]).toBeCloseTo((0 - IMAGENET_MEAN[1]) / IMAGENET_STD[1]);
    expect(t[2]).toBeCloseTo((128 / 255 - IMAGENET_MEAN[2]) / IMAGENET_STD[2]);
    expect(() => normalise([1, 2], 2)).toThrow(/expected 16 RGBA bytes/);
  });
});

describe('agreement, BatchNorm terms and number formatting', () => {
  it('takes the largest absolute difference and treats NaN and length mismatch as infinite', () => {
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(maxAbsDiff([1, NaN], [1, 1])).toBe(Infinity);
    expect(maxAbsDiff([1], [1, 2])).toBe(Infinity);
    const t = agreementTable(
      [
        { name: 'a', output: 'x' },
        { name: 'b', output: 'y' },
      ],
      (o) => (o === 'x' ? [1, 2] : undefined),
      { x: [1, 2.25] },
    );
    expect(t).toEqual([{ node: 'a', maxAbs: 0.25, scaled: 0.25 / 2.25 }]);
    // Small activations compare absolutely, large ones relative to the layer's largest magnitude.
    const u = agreementTable(
      [
        { name: 's', output: 's' },
        { name: 'l', output: 'l' },
      ],
      (o) => (o === 's' ? [0.1] : [200]),
      { s: [0.1001], l: [200.02] },
    );
    expect(u[0].scaled).toBeCloseTo(1e-4, 9);
    expect(u[1].scaled).toBeCloseTo(0.02 / 200.02, 9);
  });

  it('recomputes y = γ (x − μ) / √(σ² + ε) + β', () => {
    const t = bnTerms({ x: 3, mean: 1, variance: 3.99, epsilon: 0.01, gamma: 2, beta: 0.5 });
    expect(t.centred).toBe(2);
    expect(t.std).toBeCloseTo(2);
    expect(t.y).toBeCloseTo(2.5);
  });

  it('formats values with significant digits and a true minus sign, and reads them back', () => {
    expect(formatValue(-0.00123456)).toBe('−0.001235');
    expect(formatValue(-0.000123456)).toBe('−1.235e−4');
    expect(formatValue(1234.5678, 6)).toBe('1234.57');
    expect(formatValue(1e-7)).toBe('1.000e−7');
    expect(parseValue(formatValue(-2.5))).toBe(-2.5);
    expect(parseValue(formatValue(-1.5e-7))).toBe(-1.5e-7);
  });
});
