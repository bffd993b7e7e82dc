/**
 * The trained family's figures and words (src/lib/viz/models/trained-*.ts): the chart has one
 * circle per run at the run's accuracy and the model's MACs, a range line per model with several
 * seeds, and labels that never overlap; the curve has a path and a test dot per seed; the texts
 * say "no difference" exactly when the index says the seed spread covers the gap.
 */
import { describe, expect, it } from 'vitest';
import type { TrainedManifest, TrainedModel } from '~/lib/family/manifest.ts';
import { trainedIndex } from '~/lib/family/trained-index.ts';
import type { CircleMark, LineMark, TextMark } from '~/lib/viz/kit/marks.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';
import { familyChartScene } from '~/lib/viz/models/trained-chart.ts';
import { trainedCurveScene } from '~/lib/viz/models/trained-curve.ts';
import {
  comparisonVerdict,
  formatDuration,
  formatPoints,
  formatTestAccuracy,
  macsSentence,
  recipeSummary,
} from '~/lib/viz/models/trained-text.ts';
import { FIXTURE_MANIFEST } from '../../family/synthetic-run.ts';

const fixture = FIXTURE_MANIFEST;
const t = fixture.models[0];

/** A run whose accuracy is `correct` / 10,000 (the chart and texts read only these fields). */
function run(id: string, seed: number, correct: number, macs: number): TrainedModel {
  return { ...t, id, seed, correct, accuracy: correct / t.testImages, macs, file: `${id}.s${seed}.onnx` };
}
const manifest = (models: TrainedModel[]): TrainedManifest => ({ ...fixture, models });

const family = trainedIndex(
  manifest([
    run('tiny_plain', 1, 8500, 2_000_000),
    run('tiny_plain', 2, 8520, 2_000_000),
    run('tiny_mobilenetv1', 1, 8700, 1_980_000),
    run('tiny_mobilenetv1', 2, 8600, 1_980_000),
    run('tiny_mobilenetv1_075', 1, 8400, 1_200_000),
    run('tiny_vit', 1, 7000, 900_000),
  ]),
);

describe('familyChartScene', () => {
  const scene = checkScene(familyChartScene(family.models));
  const circles = scene.marks.filter((m): m is CircleMark => m.kind === 'circle');
  const ranges = scene.marks.filter((m): m is LineMark => m.kind === 'line' && m.key.startsWith('range-'));
  const labels = scene.marks.filter((m): m is TextMark => m.kind === 'text' && m.key.startsWith('label-'));

  it('draws one circle per run, higher for the more accurate run, left for fewer MACs', () => {
    expect(circles).toHaveLength(6);
    const at = (id: string, seed: number) => circles.find((c) => c.key === `run-${id}-${seed}`)!;
    expect(at('tiny_mobilenetv1', 1).cy).toBeLessThan(at('tiny_mobilenetv1', 2).cy);
    expect(at('tiny_mobilenetv1', 1).cx).toBe(at('tiny_mobilenetv1', 2).cx);
    expect(at('tiny_vit', 1).cx).toBeLessThan(at('tiny_mobilenetv1_075', 1).cx);
    expect(at('tiny_mobilenetv1_075', 1).cx).toBeLessThan(at('tiny_plain', 1).cx);
    // A log axis: equal MACs ratios are equal distances.
    expect(at('tiny_mobilenetv1', 1).data).toMatchObject({ seed: 1, accuracy: 0.87, macs: 1_980_000 });
  });

  it('joins the seeds of a model by a range line from its worst to its best run, and only with two or more', () => {
    expect(ranges.map((r) => r.key).sort()).toEqual(['range-tiny_mobilenetv1', 'range-tiny_plain']);
    const r = ranges.find((x) => x.key === 'range-tiny_mobilenetv1')!;
    const ys = circles.filter((c) => c.key.startsWith('run-tiny_mobilenetv1-')).map((c) => c.cy);
    expect([r.y1, r.y2].sort((a, b) => a - b)).toEqual(ys.sort((a, b) => a - b));
  });

  it('labels every model once when there is room, and no two labels overlap', () => {
    expect(labels.map((l) => l.text).sort()).toEqual(['mobilenetv1', 'mobilenetv1_075', 'plain', 'vit']);
    const box = (l: TextMark) => {
      const w = l.text.length * 6.6;
      const x0 = l.anchor === 'end' ? l.x - w : l.anchor === 'middle' ? l.x - w / 2 : l.x;
      return { x0, x1: x0 + w, y: l.y };
    };
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const a = box(labels[i]);
        const b = box(labels[j]);
        const overlap = a.x0 < b.x1 && b.x0 < a.x1 && Math.abs(a.y - b.y) < 13;
        expect(overlap, `${labels[i].text} / ${labels[j].text}`).toBe(false);
      }
  });

  it('refuses an empty family', () => {
    expect(() => familyChartScene([])).toThrow(/no trained models/);
  });
});

describe('trainedCurveScene', () => {
  it('has a training path and a test dot per seed, the dot at the end of the run and at its test accuracy', () => {
    const m = family.models.find((x) => x.id === 'tiny_mobilenetv1')!;
    const s = checkScene(trainedCurveScene(m.id, m.runs));
    const paths = s.marks.filter((x) => x.kind === 'path');
    const dots = s.marks.filter((x): x is CircleMark => x.kind === 'circle');
    expect(paths).toHaveLength(2);
    // Seed n in palette slot n: its path, its dot and (seedClass) its legend swatch.
    expect(paths.map((p) => p.class)).toEqual(['tc-train seed-1 viz-c1', 'tc-train seed-2 viz-c2']);
    expect(dots.map((d) => d.class)).toEqual(['tc-test seed-1 viz-c1', 'tc-test seed-2 viz-c2']);
    expect(dots.map((d) => d.data?.accuracy)).toEqual([0.87, 0.86]);
    expect(dots[0].cy).toBeLessThan(dots[1].cy);
    // One point per segment in each path.
    expect((paths[0] as { d: string }).d.match(/[ML]/g)).toHaveLength(t.segments.length);
  });
});

describe('trained texts', () => {
  it('formats accuracies to one test image, points with a true minus, durations in units', () => {
    expect(formatTestAccuracy(0.7172)).toBe('71.72 %');
    expect(formatPoints(-0.012)).toBe('−1.20 points');
    expect(formatPoints(0.0034)).toBe('+0.34 points');
    expect(formatPoints(-0.0034, false)).toBe('0.34 points');
    expect([formatDuration(38.4), formatDuration(158.2), formatDuration(3845)]).toEqual([
      '38 s',
      '2 min 38 s',
      '1 h 04 min',
    ]);
  });

  it('says the recipe from the run, and the verdict from the seed-spread rule', () => {
    expect(recipeSummary(t)).toMatch(/^1 epoch over 4,096 training images, batch 64, AdamW \(weight decay 0\.05\)/);
    const c = family.comparisons.find((x) => x.comparison.id === 'separable-vs-full')!;
    // 0.865 vs 0.851: 1.40 points, against spreads of 1.00 and 0.20.
    expect(comparisonVerdict(c)).toContain('tiny_mobilenetv1 beats tiny_plain by 1.40 points');
    expect(macsSentence(c)).toBe('MACs against tiny_mobilenetv1: tiny_plain +1.0 % (allowed ±3 %).');
    const close = trainedIndex(
      manifest([
        run('tiny_plain', 1, 8500, 2_000_000),
        run('tiny_plain', 2, 8700, 2_000_000),
        run('tiny_mobilenetv1', 1, 8600, 1_980_000),
        run('tiny_mobilenetv1', 2, 8650, 1_980_000),
      ]),
    ).comparisons[0];
    expect(comparisonVerdict(close)).toMatch(/^No difference larger than the seed spread/);
    expect(comparisonVerdict(close)).toContain('2.00 points');
  });
});
