import { describe, expect, it } from 'vitest';
import { formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';
import { PAPER_COEFFICIENTS, scaledConfig } from '~/lib/viz/scaling/scaling-config.ts';
import { macsCurve } from '~/lib/viz/scaling/scaling-curve.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';
import { diagramFrame, factorText, playgroundContext, playgroundView } from '~/lib/viz/scaling/scaling-view.ts';

const ctx = playgroundContext();
const curve = macsCurve(PAPER_COEFFICIENTS, ctx.base.macs, [0, 1, 2, 3]);
const frame = diagramFrame(PAPER_COEFFICIENTS);

describe('the playground view', () => {
  it('writes the engine’s numbers for φ = 2.5 with the site’s formatting', () => {
    const v = playgroundView({ phi: 2.5, coefficients: PAPER_COEFFICIENTS }, ctx, frame, curve, []);
    const m = scaledModel(scaledConfig(2.5));
    expect(v.text.params).toBe(formatInt(m.params));
    expect(v.text.macs).toBe(formatInt(m.macs));
    expect(v.text.macsCompact).toBe(formatCompact(m.macs));
    expect(v.text.resolution).toBe(String(m.resolution));
    expect(v.text.blocks).toBe(String(m.blocks));
    expect(v.text.phi).toBe('2.5');
    expect(v.text.constraint).toBe('1.9203');
    expect(v.text.constraintGap).toBe('−0.0797 from 2 (−4.0 % per unit of φ)');
    expect(v.rows).toHaveLength(9);
    expect(v.gap.map((g) => g.id)).toEqual(['constraint', 'structure', 'resolution', 'depth', 'channels']);
  });

  it('frames the diagram by the largest model the slider reaches', () => {
    // φ = 7 with the paper's coefficients: 592 px input → 296 stem output, head 2496.
    expect(frame).toEqual({ maxSide: 296, maxChannels: 2496 });
  });

  it('writes factors with their percentage', () => {
    expect(factorText(0.96)).toBe('×0.960 (−4.0 %)');
    expect(factorText(1.1784)).toBe('×1.178 (+17.8 %)');
    expect(factorText(1)).toBe('×1.000 (±0.0 %)');
  });
});
