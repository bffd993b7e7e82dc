/**
 * The sentences of lesson 5 that describe the committed tiny B0's gates (content/lessons/
 * squeeze-and-excitation.mdx, "What trained gates do, per class") hold for the committed weights:
 * the trained late gates are mostly class-explained in every seed and the untrained ones are not,
 * and the first block's gates are partly class-explained even untrained. If a retrained family
 * changes that, this fails and the prose must be rewritten.
 */
import { describe, expect, it } from 'vitest';
import { classGatesData } from '~/lib/viz/lessons/class-gates-data.ts';

describe('lesson 5 claims about the trained tiny B0 gates', () => {
  const fig = classGatesData('tiny_efficientnet_b0');

  it('has the committed trained runs (both seeds) and the untrained start', () => {
    expect(fig).not.toBeNull();
    expect(fig!.runs.filter((r) => r.trained).length).toBeGreaterThanOrEqual(2);
    expect(fig!.runs.filter((r) => !r.trained).length).toBe(1);
  });

  it('late gates: mostly class-explained when trained, barely when untrained', () => {
    const last = fig!.blocks.length - 1;
    const untrained = fig!.runs.find((r) => !r.trained)!;
    expect(untrained.specificity[last]).toBeLessThan(0.2);
    for (const r of fig!.runs.filter((x) => x.trained)) {
      expect(r.specificity[last], r.label).toBeGreaterThan(0.5);
      expect(r.specificity[last] - untrained.specificity[last], r.label).toBeGreaterThan(0.3);
    }
  });

  it('first block: partly class-explained, already before training', () => {
    for (const r of fig!.runs) expect(r.specificity[0], r.label).toBeGreaterThan(0.2);
  });
}, 120_000);
