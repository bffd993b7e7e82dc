import { describe, expect, it } from 'vitest';
import {
  asKind,
  fusedData,
  kindOf,
  stageCosts,
  TABLE3,
  variantSpec,
  variantTotals,
  FUSED_VARIANTS,
} from '~/lib/viz/lessons/effv2-fused.ts';
import { fusedReadouts, fusedScene } from '~/lib/viz/lessons/effv2-fused-layout.ts';
import { modelStats } from '~/lib/models/index.ts';

describe('swapping a stage between MBConv and Fused-MBConv in the block-string grammar', () => {
  it('turns an MBConv stage into a Fused-MBConv one without SE and back with SE 0.25', () => {
    expect(asKind('ir_r6_k3_s2_e4_c128_se0.25', 'fused')).toBe('er_r6_k3_s2_e4_c128');
    expect(asKind('er_r4_k3_s2_e4_c48', 'mbconv')).toBe('ir_r4_k3_s2_e4_c48_se0.25');
    expect(asKind('cn_r2_k3_s1_e1_c24_skip', 'mbconv')).toBe('ds_r2_k3_s1_e1_c24_se0.25');
    expect(asKind('ds_r1_k3_s1_e1_c16_se0.25', 'fused')).toBe('cn_r1_k3_s1_e1_c16_skip');
    expect(asKind('er_r4_k3_s2_e4_c48', 'fused')).toBe('er_r4_k3_s2_e4_c48');
    expect(kindOf('cn_r2_k3_s1_e1_c24_skip')).toBe('fused');
    expect(kindOf('ir_r6_k3_s2_e4_c128_se0.25')).toBe('mbconv');
  });

  it('refuses a block type that has no counterpart', () => {
    expect(() => asKind('dsa_r1_k3_s1_c64', 'fused')).toThrow(/only ds, ir, er and cn/);
  });

  it('rebuilds the released V2-S as "fused 1–3" and the released B4 as "no fused"', () => {
    expect(variantTotals('v2s', '1-3').params).toBe(modelStats('tf_efficientnetv2_s').params);
    expect(variantTotals('v2s', '1-3').macs).toBe(modelStats('tf_efficientnetv2_s').macs);
    expect(variantTotals('b4', 'none').params).toBe(modelStats('efficientnet_b4').params);
    expect(
      variantSpec('v2s', 'none')
        .arch.flat()
        .every((b) => kindOf(b) === 'mbconv'),
    ).toBe(true);
    expect(
      variantSpec('v2s', 'all')
        .arch.flat()
        .every((b) => kindOf(b) === 'fused'),
    ).toBe(true);
  });
});

describe('stage costs', () => {
  it('adds up stage by stage to each variant’s body (totals differ only by the stages swapped)', () => {
    const st = stageCosts('v2s');
    const none = variantTotals('v2s', 'none');
    const all = variantTotals('v2s', 'all');
    const diff = st.reduce((a, s) => a + s.fused.params - s.mbconv.params, 0);
    expect(all.params - none.params).toBe(diff);
  });

  it('counts a fused stage-2 block of V2-S by hand: 3×3 conv 24→96 (stride 2), 1×1 conv 96→48, and three more at 48→192→48', () => {
    const s2 = stageCosts('v2s')[1];
    // conv weights + BN (2 per channel)
    const first = 9 * 24 * 96 + 2 * 96 + 96 * 48 + 2 * 48;
    const rest = 9 * 48 * 192 + 2 * 192 + 192 * 48 + 2 * 48;
    expect(s2.fused.params).toBe(first + 3 * rest);
    // at 384 px input: stem /2 → 192, stage 2 strides to 96
    expect(s2.fused.macs).toBe(96 * 96 * (9 * 24 * 96 + 96 * 48) + 3 * 96 * 96 * (9 * 48 * 192 + 192 * 48));
  });

  it('makes every stage more expensive when fused, in params and in MACs', () => {
    for (const b of ['v2s', 'b4'] as const)
      for (const s of stageCosts(b)) {
        expect(s.fused.params).toBeGreaterThan(s.mbconv.params);
        expect(s.fused.macs).toBeGreaterThan(s.mbconv.macs);
      }
  });

  it('lands within 2 % of Table 3’s parameters for B4 with stages 1–5 and all fused, and within 6 % for 1–3', () => {
    for (const row of TABLE3) {
      const p = variantTotals('b4', row.variant).params / 1e6;
      expect(Math.abs(p / row.paramsM - 1)).toBeLessThan(row.variant === '1-3' ? 0.06 : 0.02);
    }
  });
});

describe('the stage chart', () => {
  it('draws two bars per stage, the variant’s kind solid, and orders MACs monotonically with bar height', () => {
    const sc = fusedScene(fusedData('v2s'), '1-3', 'macs');
    const bars = sc.marks.filter((m) => m.kind === 'rect');
    expect(bars).toHaveLength(12);
    const used = bars.filter((m) => m.class?.split(' ').includes('used'));
    expect(used.map((m) => m.data?.kind)).toEqual(['fused', 'fused', 'fused', 'mbconv', 'mbconv', 'mbconv']);
    const sorted = [...bars].sort((a, b) => Number(a.data?.value) - Number(b.data?.value));
    for (let i = 1; i < sorted.length; i++)
      expect((sorted[i] as { height: number }).height).toBeGreaterThanOrEqual(
        (sorted[i - 1] as { height: number }).height,
      );
  });

  it('reads out totals as multiples of the no-fused variant', () => {
    for (const v of FUSED_VARIANTS) {
      const r = fusedReadouts(fusedData('v2s'), v);
      const ratio = variantTotals('v2s', v).macs / variantTotals('v2s', 'none').macs;
      expect(r.find((x) => x.key === 'macs-ratio')?.value).toBe(`${ratio.toFixed(2)}×`);
    }
  });
});
