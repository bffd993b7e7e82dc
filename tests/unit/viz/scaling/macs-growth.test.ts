import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildFromSpec } from '~/lib/models/index.ts';
import { PAPER_COEFFICIENTS, constraintValue, scaledConfig } from '~/lib/viz/scaling/scaling-config.ts';
import { explainGap, profileBase } from '~/lib/viz/scaling/scaling-gap.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';

const b0 = scaledModel(scaledConfig(0));
const profile = profileBase(
  analyze(buildFromSpec(b0.config.spec)).layers,
  b0.stages.map((s) => s.repeats),
);

describe('MACs growth under compound scaling', () => {
  it('doubles MACs per unit of φ to within 0.35 in log2 at every whole φ from 1 to 7', () => {
    // Tolerance: the ideal is log2(MACs / B0) = φ. Two effects move it, both measured below:
    // the paper's coefficients give α·β²·γ² = 1.92, i.e. −0.059 per unit of φ (−0.41 at φ = 7), and
    // ceil on the repeats adds up to one block per stage (+0.23 at φ = 1, where 1.2 × 1 block → 2).
    // The structure (depthwise convs grow with w, not w²) pulls down a little more. Measured:
    // 1.156, 2.230, 3.076, 4.034, 4.758, 5.703, 6.651, so 0.35 bounds every whole φ.
    for (let phi = 1; phi <= 7; phi++) {
      const m = scaledModel(scaledConfig(phi));
      expect(Math.abs(Math.log2(m.macs / b0.macs) - phi)).toBeLessThanOrEqual(0.35);
    }
  });

  it('explains actual / ideal exactly as the product of the five factors, for φ across the slider', () => {
    for (const phi of [0.1, 0.5, 1, 2.3, 3.7, 5, 6.4, 7]) {
      const m = scaledModel(scaledConfig(phi));
      const g = explainGap(profile, m);
      const product = g.factors.reduce((p, f) => p * f.factor, 1);
      expect(product).toBeCloseTo(m.macs / g.ideal, 9);
      // The constraint factor is (1.92 / 2)^φ, exactly.
      expect(g.factors[0].factor).toBeCloseTo((constraintValue(PAPER_COEFFICIENTS) / 2) ** phi, 12);
      // Resolution to the nearest multiple of 8 moves R by at most 4 px: at most (1 ± 4/R)² in MACs.
      const res = g.factors.find((f) => f.id === 'resolution')!.factor;
      const R = m.config.resolutionExact;
      expect(res).toBeGreaterThanOrEqual((1 - 4 / R) ** 2 - 1e-12);
      expect(res).toBeLessThanOrEqual((1 + 4 / R) ** 2 + 1e-12);
      // Repeats are only ever rounded up.
      expect(g.factors.find((f) => f.id === 'depth')!.factor).toBeGreaterThanOrEqual(1);
      // Layers growing slower than w²·r² can only lower the continuous model below the formula.
      expect(g.factors.find((f) => f.id === 'structure')!.factor).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it('profiles B0 so that the continuous model at φ = 0 is B0 itself', () => {
    expect(profile.macs).toBe(b0.macs);
    const g = explainGap(profile, b0);
    for (const f of g.factors) expect(f.factor).toBeCloseTo(1, 12);
  });

  it('counts depthwise convs, the stem and the classifier as growing with w, not w²', () => {
    const byExp = (e: number) => profile.layers.filter((l) => l.wExp === e).length;
    // 16 depthwise convs + the stem + the classifier.
    expect(byExp(1)).toBe(18);
    expect(byExp(0)).toBe(0);
  });
});
