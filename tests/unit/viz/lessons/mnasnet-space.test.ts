import { describe, expect, it } from 'vitest';
import { modelStats } from '~/lib/models/index.ts';
import {
  a1Stages,
  blockString,
  offGrid,
  specWith,
  spaceSizes,
  stageCosts,
  SUB_SPACE,
  unbuildable,
} from '~/lib/viz/lessons/mnasnet-space.ts';

describe('the factorised search space over MnasNet-A1 (§4.1)', () => {
  const stages = a1Stages();

  it("has 4 · 2 · 2 · 3 · 3 · 3 = 432 options per stage, the S of the paper's example", () => {
    expect(SUB_SPACE).toBe(432);
    const { factorised, perLayer } = spaceSizes(432, 5, 3);
    expect(Math.floor(Math.log10(factorised))).toBe(13);
    expect(Math.floor(Math.log10(perLayer))).toBe(39);
  });

  it("reads A1's picks from the zoo's block strings (Fig. 7)", () => {
    expect(stages).toHaveLength(7);
    expect(stages.map((s) => s.a1.op)).toEqual([
      'dconv',
      'mbconv6',
      'mbconv3',
      'mbconv6',
      'mbconv6',
      'mbconv6',
      'mbconv6',
    ]);
    expect(stages.map((s) => s.a1.kernel)).toEqual([3, 3, 5, 3, 3, 5, 3]);
    expect(stages.map((s) => s.a1.se)).toEqual([0, 0, 0.25, 0, 0.25, 0.25, 0]);
    expect(stages.map((s) => s.a1.layers)).toEqual([1, 2, 3, 4, 2, 3, 1]);
    expect(stages.map((s) => s.a1.filters)).toEqual([16, 24, 40, 80, 112, 160, 320]);
    expect(stages[0].a1.skip).toBe('none');
  });

  it('takes MobileNetV2 as the reference: stage 3 offers 24, 32, 40 filters and 2–4 layers', () => {
    expect(stages[2].refFilters).toBe(32);
    expect(stages[2].filterOptions).toEqual([24, 32, 40]);
    expect(stages[2].layerOptions).toEqual([2, 3, 4]);
  });

  it("flags A1's 112 filters in stage 5 as off the ×0.75/1/1.25 grid, and only that", () => {
    expect(stages.map(offGrid)).toEqual([false, false, false, false, true, false, false]);
    expect(stages[4].filterOptions).toContain(112);
  });

  it('writes picks back to the block strings they came from, and rebuilds A1 exactly', () => {
    expect(blockString(stages[2].a1, 2)).toBe('ir_r3_k5_s2_e3_c40_se0.25');
    expect(blockString(stages[0].a1, 1)).toBe('ds_r1_k3_s1_c16_noskip');
    const c = stageCosts(specWith(stages.map((s) => s.a1)));
    const ref = modelStats('semnasnet_100');
    expect(c.params).toBe(ref.params);
    expect(c.macs).toBe(ref.macs);
  });

  it('counts a change where it happens: stage 3 at k3 loses 16 MACs per depthwise output element', () => {
    const base = stageCosts(specWith(stages.map((s) => s.a1)));
    const k3 = stageCosts(specWith(stages.map((s, i) => (i === 2 ? { ...s.a1, kernel: 3 } : s.a1))));
    expect(base.macs - k3.macs).toBe(16 * 28 * 28 * (72 + 120 + 120));
    expect(k3.stages.filter((s, i) => s.macs !== base.stages[i].macs)).toHaveLength(1);
  });

  it('says why a pick cannot be built', () => {
    expect(unbuildable({ ...stages[1].a1, skip: 'pool' })).toMatch(/pooling skip/);
    expect(unbuildable({ ...stages[1].a1, op: 'conv', se: 0.25 })).toMatch(/SE/);
    expect(unbuildable(stages[1].a1)).toBeNull();
  });
});
