import { describe, expect, it } from 'vitest';
import {
  FIGURE3_COEFFICIENTS,
  TABLE7,
  figure3Series,
  scaleOne,
  table7Computed,
} from '~/lib/viz/lessons/compound-lesson-saturation.ts';
import { LESSON_PHIS, constraintTex, phiNumbers } from '~/lib/viz/lessons/compound-lesson-phi.ts';
import { phiChart } from '~/lib/viz/lessons/compound-phi-scene.ts';
import { saturationChart } from '~/lib/viz/lessons/compound-saturation-scene.ts';
import { releasedPhiLayout } from '~/lib/viz/lessons/compound-lesson-released.ts';
import { releasedModels } from '~/lib/viz/scaling/scaling-released.ts';
import { PAPER_COEFFICIENTS } from '~/lib/viz/scaling/scaling-config.ts';
import { modelStats } from '~/lib/models/index.ts';

const b0 = modelStats('efficientnet_b0').macs;

describe('single-dimension scaling of B0 (EfficientNet Figure 3 coefficients)', () => {
  it('starts every series at B0 itself', () => {
    for (const dim of ['width', 'depth', 'resolution'] as const) {
      const s = figure3Series(dim);
      expect(s).toHaveLength(FIGURE3_COEFFICIENTS[dim].length);
      expect(s[0].macs).toBe(b0);
      expect(s[0].macsRatio).toBe(1);
    }
  });

  it('grows MACs about linearly with depth, within 3 % of d, since repeats are rounded up per stage', () => {
    for (const p of figure3Series('depth')) expect(Math.abs(p.macsRatio / p.coefficient - 1)).toBeLessThan(0.03);
  });

  it('grows MACs more slowly than w² with width, because depthwise convs grow only with w', () => {
    for (const p of figure3Series('width').slice(1)) {
      expect(p.macsRatio).toBeLessThan(p.idealRatio);
      expect(p.macsRatio).toBeGreaterThan(p.coefficient);
    }
  });

  it('grows MACs with the square of the resolution, within 12 %, since feature maps are rounded up at each stride', () => {
    // At r = 1.3 (291 px) the stride-2 layers round 291 → 146 → 73 → 37 → 19 → 10, about 10 % more
    // pixels in the last stages than 291²/224² predicts.
    for (const p of figure3Series('resolution')) expect(Math.abs(p.macsRatio / p.idealRatio - 1)).toBeLessThan(0.12);
    expect(scaleOne('resolution', 2.5).resolution).toBe(560);
  });

  it('refuses a coefficient below 1', () => {
    expect(() => scaleOne('width', 0.5)).toThrow(/≥ 1; received 0.5/);
  });

  it('rebuilds the compound model of Table 7 within 1 % of the paper FLOPS it was reported with', () => {
    const rows = table7Computed();
    expect(rows).toHaveLength(TABLE7.length);
    const compound = rows[4];
    expect(compound.resolution).toBe(291);
    expect(Math.abs(compound.macs / compound.paperFlops - 1)).toBeLessThan(0.01);
    expect(rows[0].macs).toBe(b0);
  });

  it('lays the chart out with the last point at the right edge and y = 0 at the bottom', () => {
    const s = figure3Series('depth');
    const c = saturationChart(s, 9);
    expect(c.points[c.points.length - 1].x).toBe(c.plot.right);
    expect(c.yTicks[0]).toEqual({ value: 0, y: c.plot.bottom });
    expect(() => saturationChart(s.slice(0, 1), 9)).toThrow(/at least two/);
  });
});

describe('the φ widget', () => {
  it('offers φ from 0 to 7 in tenths, the playground’s step', () => {
    expect(LESSON_PHIS[0]).toBe(0);
    expect(LESSON_PHIS[LESSON_PHIS.length - 1]).toBe(7);
    expect(LESSON_PHIS).toHaveLength(71);
    expect(LESSON_PHIS[33]).toBe(3.3);
  });

  it('fills Equation 3 with the multipliers and α·β²·γ² = 1.920', () => {
    expect(phiNumbers(2, PAPER_COEFFICIENTS, 296)).toEqual({
      phi: '2',
      alpha: '1.2',
      beta: '1.1',
      gamma: '1.15',
      d: '1.44',
      w: '1.21',
      r: '1.32',
      resolution: '296',
      k: '1.920',
      growth: '3.69',
    });
    expect(constraintTex(PAPER_COEFFICIENTS)).toContain('= 1.9203 \\approx 2');
  });

  it('draws 2^φ as a straight line on the log axis', () => {
    const pts = [0, 1, 2, 3].map((phi) => ({
      phi,
      ideal: b0 * 2 ** phi,
      formula: b0 * 1.92 ** phi,
      actual: b0 * 2 ** phi,
      params: 0,
    }));
    const c = phiChart(pts);
    const ys = c.points.map((p) => p.yIdeal);
    expect(ys[1] - ys[0]).toBeCloseTo(ys[3] - ys[2], 0);
    expect(c.points[0].x).toBe(c.plot.left);
    expect(c.yTicks.map((t) => t.label)).toEqual(['100 M', '1 G', '10 G']);
  });
});

describe('the released B0–B7 against Equation 3', () => {
  const layout = releasedPhiLayout(releasedModels());

  it('places B0 at φ = 0 in every dimension', () => {
    const r = layout.rows[0];
    expect([r.phiDepth, r.phiWidth, r.phiResolution, r.phiMacs]).toEqual([0, 0, 0, 0]);
    expect(r.x.depth).toBe(layout.left);
  });

  it('finds B7 implying different φ per dimension: depth 3.1 → 6.2, width 2.0 → 7.3, 600 px → 7.0', () => {
    const b7 = layout.rows[7];
    expect(b7.phiDepth).toBeCloseTo(Math.log(3.1) / Math.log(1.2), 10);
    expect(b7.phiDepth).toBeCloseTo(6.2, 1);
    expect(b7.phiWidth).toBeCloseTo(7.27, 2);
    expect(b7.phiResolution).toBeCloseTo(7.05, 2);
    expect(b7.spread).toBeGreaterThan(1);
  });

  it('has the depth falling behind width and resolution from B4 on, as the lesson says', () => {
    for (const r of layout.rows.slice(4)) {
      expect(r.phiDepth).toBeLessThan(r.phiWidth);
      expect(r.phiDepth).toBeLessThan(r.phiResolution);
    }
  });

  it('counts B7 above the rule of thumb d·w²·r² × B0, since repeats are rounded up per stage', () => {
    const [m0, , , , , , , m7] = releasedModels();
    expect(m7.macs).toBeGreaterThan(m0.macs * 3.1 * 2 ** 2 * (600 / 224) ** 2);
  });

  it('derives the MACs φ as log₂ of MACs over B0', () => {
    const models = releasedModels();
    expect(layout.rows[3].phiMacs).toBeCloseTo(Math.log2(models[3].macs / models[0].macs), 12);
  });
});
