/**
 * Which of the papers' comparisons /models/ shows, as the family fills in (src/lib/family/
 * trained-index.ts over TINY_COMPARISONS, the words from src/lib/viz/models/trained-text.ts), on
 * synthetic manifests whose MACs and params are the engine's analysis of each tiny spec:
 *
 * - the 13 models trained first give exactly MobileNetV1 Table 4, the width multiplier, MobileNetV2
 *   §6.3, SE and CNN vs ViT;
 * - EfficientNet's compound-vs-single-dimension comparisons (Figures 3 and 8) appear on their own
 *   when, and only when, B1 (B2) and its three single-dimension rivals have both seeds: B1 is the
 *   reference, every rival's MACs within the stated tolerance, one pair per rival, and the verdict
 *   names which scaling wins only beyond the seed spread; φ = 0…3 appears as a series in φ order.
 *
 * Validated (validateManifest) so the synthetic runs are well-formed manifest entries.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { validateManifest, type TrainedModel } from '~/lib/family/manifest.ts';
import { trainedIndex } from '~/lib/family/trained-index.ts';
import { TINY_COMPARISONS } from '~/lib/models/tiny-comparisons.ts';
import { buildTinyModel, TINY_MODELS } from '~/lib/models/tiny.ts';
import { comparisonVerdict, macsSentence } from '~/lib/viz/models/trained-text.ts';
import { FIXTURE_MANIFEST, syntheticRun } from './synthetic-run.ts';

const fixture = FIXTURE_MANIFEST;
const template = fixture.models[0];
const cost = new Map(
  TINY_MODELS.map((e) => {
    const a = analyze(buildTinyModel(e.id));
    return [e.id, { macs: a.macs, params: a.params }];
  }),
);

/** A well-formed run of `id` with `correct` of 10,000 right, at the engine's MACs and params for `id`. */
const run = (id: string, seed: number, correct: number): TrainedModel =>
  syntheticRun(template, id, seed, correct, cost.get(id)!);

const FIRST_13 = [
  'tiny_plain',
  'tiny_mobilenetv1',
  'tiny_mobilenetv1_075',
  'tiny_mobilenetv1_050',
  'tiny_mobilenetv1_025',
  'tiny_mobilenetv2',
  'tiny_mobilenetv2_relu6',
  'tiny_mnasnet',
  'tiny_mobilenetv3',
  'tiny_efficientnetv2',
  'tiny_efficientnet_b0',
  'tiny_efficientnet_b0_nose',
  'tiny_vit',
];
const PHI1 = [
  'tiny_efficientnet_b1',
  'tiny_efficientnet_b0_width1',
  'tiny_efficientnet_b0_depth1',
  'tiny_efficientnet_b0_res1',
];

/** Both seeds of each id: seed 1 at `base[id]` correct, seed 2 `wobble` lower. */
function family(accuracy: Record<string, number>, wobble = 10, seed2 = Object.keys(accuracy)) {
  const runs = Object.entries(accuracy).flatMap(([id, c]) => [
    run(id, 1, c),
    ...(seed2.includes(id) ? [run(id, 2, c - wobble)] : []),
  ]);
  const m = { ...fixture, models: runs };
  const v = validateManifest(m);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return trainedIndex(v.manifest);
}
const ids = (f: ReturnType<typeof family>) => f.comparisons.map((c) => c.comparison.id);
const acc = (list: readonly string[], c = 8800) => Object.fromEntries(list.map((id) => [id, c]));

describe('comparisons as the family fills in', () => {
  it('the 13 models trained first give Table 4, the width multiplier, §6.3, SE and CNN vs ViT', () => {
    expect(ids(family(acc(FIRST_13)))).toEqual([
      'separable-vs-full',
      'width-multiplier',
      'linear-bottleneck',
      'squeeze-excitation',
      'cnn-vs-vit',
    ]);
  });

  it('compound vs single-dimension at φ = 1 appears only when all four models have both seeds', () => {
    expect(ids(family({ ...acc(FIRST_13), ...acc(PHI1.slice(0, 3)) }))).not.toContain('compound-phi1');
    const oneSeed = family({ ...acc(FIRST_13), ...acc(PHI1) }, 10, [...FIRST_13, ...PHI1.slice(0, 3)]);
    expect(ids(oneSeed)).not.toContain('compound-phi1');
    expect(ids(family({ ...acc(FIRST_13), ...acc(PHI1) }))).toContain('compound-phi1');
  });

  it('reads right: B1 the reference, each rival within its MACs tolerance, the winner named only beyond the seed spread', () => {
    // B1 at 89.00 %, the rivals 0.50–1.50 points lower, seeds 0.10 points apart: every gap counts.
    const f = family({
      ...acc(FIRST_13),
      tiny_efficientnet_b1: 8900,
      ...{ [PHI1[1]]: 8850, [PHI1[2]]: 8800, [PHI1[3]]: 8750 },
    });
    const c = f.comparisons.find((x) => x.comparison.id === 'compound-phi1')!;
    expect(c.members.map((m) => m.id)).toEqual(PHI1);
    expect(c.pairs.map((p) => [p.a, p.b, p.better])).toEqual(PHI1.slice(1).map((id) => [PHI1[0], id, PHI1[0]]));
    const tol = TINY_COMPARISONS.find((x) => x.id === 'compound-phi1')!.matched!.tolerance;
    for (const m of c.macs!) {
      const expected = (cost.get(m.id)!.macs - cost.get(PHI1[0])!.macs) / cost.get(PHI1[0])!.macs;
      expect(m.relative).toBeCloseTo(expected, 12);
      expect(Math.abs(m.relative)).toBeLessThanOrEqual(tol);
      expect(m.within).toBe(true);
    }
    expect(comparisonVerdict(c)).toMatch(
      /^Every model differs from tiny_efficientnet_b1 by more than the seed spread: /,
    );
    expect(comparisonVerdict(c)).toContain('tiny_efficientnet_b1 beats tiny_efficientnet_b0_res1 by 1.50 points');
    expect(macsSentence(c)).toMatch(/^MACs against tiny_efficientnet_b1: tiny_efficientnet_b0_width1 [+−]\d+\.\d %, /);

    // A rival within the seed spread of B1 is no difference, said as such.
    const close = family(
      { ...acc(FIRST_13), tiny_efficientnet_b1: 8900, [PHI1[1]]: 8800, [PHI1[2]]: 8905, [PHI1[3]]: 8750 },
      20,
    );
    const v = comparisonVerdict(close.comparisons.find((x) => x.comparison.id === 'compound-phi1')!);
    expect(v).toContain(
      'tiny_efficientnet_b1 and tiny_efficientnet_b0_depth1 differ by 0.05 points, within the seed spread (0.20 points)',
    );
  });

  it('with all 22 models every comparison appears, φ = 0…3 as a series in φ order', () => {
    const f = family(acc(TINY_MODELS.map((e) => e.id)));
    expect(ids(f)).toEqual(TINY_COMPARISONS.map((c) => c.id));
    const curve = f.comparisons.find((x) => x.comparison.id === 'compound-curve')!;
    expect(curve.macs).toBeNull();
    expect(curve.pairs.map((p) => [p.a, p.b])).toEqual(
      [0, 1, 2].map((p) => [`tiny_efficientnet_b${p}`, `tiny_efficientnet_b${p + 1}`]),
    );
    const phi2 = f.comparisons.find((x) => x.comparison.id === 'compound-phi2')!;
    expect(phi2.macs!.every((m) => m.within)).toBe(true);
    // All equal: the null result, said as one.
    expect(comparisonVerdict(phi2)).toMatch(/^No difference larger than the seed spread/);
  });
});
