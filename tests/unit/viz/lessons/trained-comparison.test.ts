/**
 * The lessons' trained-comparison figure (src/lib/viz/lessons/trained-comparison.ts) on synthetic
 * manifests: the table carries both seeds' accuracies, the mean and the spread; a pair is called a
 * difference only beyond the seed spread; the charts place one dot per seed at its accuracy.
 */
import { describe, expect, it } from 'vitest';
import type { TrainedModel } from '~/lib/family/manifest.ts';
import { trainedIndex } from '~/lib/family/trained-index.ts';
import { FIXTURE_MANIFEST, syntheticRun } from '../../family/synthetic-run.ts';
import type { CircleMark } from '~/lib/viz/kit/marks.ts';
import {
  comparisonControls,
  comparisonFigure,
  comparisonHeader,
  comparisonReadouts,
  comparisonRows,
  macsScene,
  stripScene,
} from '~/lib/viz/lessons/trained-comparison.ts';

const fixture = FIXTURE_MANIFEST;
const template = fixture.models[0];

const run = (id: string, seed: number, correct: number, macs: number): TrainedModel =>
  syntheticRun(template, id, seed, correct, { macs, params: 100 });
const family = (models: TrainedModel[]) => trainedIndex({ ...fixture, models });

describe('comparisonFigure', () => {
  // tiny_plain 88.00/87.00 (spread 1.00) vs tiny_mobilenetv1 86.50/86.30 (spread 0.20): gap 1.10 > 1.00.
  const f = family([
    run('tiny_plain', 1, 8800, 1010),
    run('tiny_plain', 2, 8700, 1010),
    run('tiny_mobilenetv1', 1, 8650, 1000),
    run('tiny_mobilenetv1', 2, 8630, 1000),
  ]);
  const c = f.comparisons.find((x) => x.comparison.id === 'separable-vs-full')!;
  const fig = comparisonFigure(c, { tiny_plain: 'full 3×3' });

  it('lists every member with both seeds, the mean and the spread in the table', () => {
    expect(comparisonHeader(fig)).toEqual(['Model', 'MACs', 'Params', 'Seed 1', 'Seed 2', 'Mean', 'Seed spread']);
    const rows = comparisonRows(fig);
    const plain = rows.find((r) => r.id === 'tiny_plain')!;
    expect(plain.cells).toEqual(['full 3×3', '1,010', '100', '88.00 %', '87.00 %', '87.50 %', '1.00 points']);
    expect(rows.find((r) => r.id === 'tiny_mobilenetv1')!.cells[0]).toBe('tiny_mobilenetv1');
  });

  it('calls the gap a difference only when it is larger than the seed spread', () => {
    expect(fig.pairs).toHaveLength(1);
    const p = fig.pairs[0];
    // The matched comparison's reference (tiny_mobilenetv1) comes first: 86.40 − 87.50.
    expect(fig.members[p.a].id).toBe('tiny_mobilenetv1');
    expect(p.difference).toBeCloseTo(-0.011, 10);
    expect(p.exceeds).toBe(true);
    const r = comparisonReadouts(fig, 0);
    expect(r.find((x) => x.key === 'difference')!.value).toBe('−1.10 points');
    expect(r.find((x) => x.key === 'verdict')!.value).toBe('a difference');
    expect(fig.macs).toContain('tiny_plain +1.0 %');

    const close = family([
      run('tiny_plain', 1, 8800, 1010),
      run('tiny_plain', 2, 8600, 1010),
      run('tiny_mobilenetv1', 1, 8700, 1000),
      run('tiny_mobilenetv1', 2, 8690, 1000),
    ]).comparisons.find((x) => x.comparison.id === 'separable-vs-full')!;
    const g = comparisonFigure(close);
    expect(g.pairs[0].exceeds).toBe(false);
    expect(comparisonReadouts(g, 0).find((x) => x.key === 'verdict')!.value).toBe('no difference');
    expect(g.verdict).toMatch(/^No difference larger than the seed spread/);
  });

  it('has no pair picker for a single pair', () => {
    expect(comparisonControls(fig, 0)).toEqual([]);
  });

  it('draws one dot per seed at its accuracy, left to right by accuracy', () => {
    const dots = stripScene(fig).marks.filter((m): m is CircleMark => m.kind === 'circle');
    expect(dots).toHaveLength(4);
    expect(dots.map((d) => d.data!.accuracy).sort()).toEqual([0.863, 0.865, 0.87, 0.88]);
    const at = (acc: number) => dots.find((d) => d.data!.accuracy === acc)!.cx;
    expect(at(0.863)).toBeLessThan(at(0.865));
    expect(at(0.87)).toBeLessThan(at(0.88));
  });
});

describe('a series (the width multipliers)', () => {
  const ids = ['tiny_mobilenetv1', 'tiny_mobilenetv1_075', 'tiny_mobilenetv1_050', 'tiny_mobilenetv1_025'];
  const macs = [1000, 600, 300, 100];
  const acc = [
    [8750, 8720],
    [8720, 8660],
    [8570, 8600],
    [8380, 8460],
  ];
  const f = family(ids.flatMap((id, i) => [run(id, 1, acc[i][0], macs[i]), run(id, 2, acc[i][1], macs[i])]));
  const fig = comparisonFigure(f.comparisons.find((x) => x.comparison.id === 'width-multiplier')!);

  it('compares each model with the next, and offers every pair', () => {
    expect(fig.pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    // α 1 vs 0.75: means 87.35 vs 86.90, gap 0.45 < spread 0.60 → no difference.
    expect(fig.pairs[0].exceeds).toBe(false);
    // 0.5 vs 0.25: 85.85 vs 84.20, gap 1.65 > 0.80 → a difference.
    expect(fig.pairs[2].exceeds).toBe(true);
    const ctl = comparisonControls(fig, 1);
    expect(ctl).toHaveLength(1);
    expect(ctl[0].options!.map((o) => o.value)).toEqual(['0', '1', '2']);
    expect(ctl[0].value).toBe('1');
  });

  it('places the dots by MACs and highlights the chosen pair', () => {
    const s = macsScene(fig, 2);
    const dots = s.marks.filter((m): m is CircleMark => m.kind === 'circle');
    expect(dots).toHaveLength(8);
    const x = (id: string) => dots.find((d) => d.data!.model === id)!.cx;
    expect(x('tiny_mobilenetv1_025')).toBeLessThan(x('tiny_mobilenetv1_050'));
    expect(x('tiny_mobilenetv1_050')).toBeLessThan(x('tiny_mobilenetv1'));
    const on = dots.filter((d) => d.class!.split(' ').includes('on')).map((d) => d.data!.model);
    expect(new Set(on)).toEqual(new Set(['tiny_mobilenetv1_050', 'tiny_mobilenetv1_025']));
  });
});
