/**
 * The pre-trained family on the playground's runs chart (src/lib/viz/train/train-family.ts and
 * scatterLayout's family points): a point per run at its accuracy, the axis widened to hold them,
 * never part of the reader's front, and a legend that says what the family trained on.
 */
import { describe, expect, it } from 'vitest';
import type { TrainedModel } from '~/lib/family/manifest.ts';
import { trainedIndex } from '~/lib/family/trained-index.ts';
import { familyLegend, familyPoints } from '~/lib/viz/train/train-family.ts';
import { scatterLayout } from '~/lib/viz/train/train-runs.ts';
import { DEFAULT_CONFIG } from '~/lib/viz/train/train-config.ts';
import { FIXTURE_MANIFEST } from '../../family/synthetic-run.ts';

const fixture = FIXTURE_MANIFEST;
const t = fixture.models[0];
const run = (id: string, seed: number, accuracy: number, macs: number, trainImages = 60000): TrainedModel => ({
  ...t,
  id,
  seed,
  accuracy,
  macs,
  trainImages,
});

describe('family points on the runs chart', () => {
  const family = trainedIndex({
    ...fixture,
    models: [
      run('tiny_vit', 1, 0.8, 2e6),
      run('tiny_mobilenetv1', 2, 0.86, 3e7),
      run('tiny_mobilenetv1', 1, 0.87, 3e7),
    ],
  });
  const pts = familyPoints(family);

  it('has one point per run, in the family order and by seed', () => {
    expect(pts.map((p) => `${p.id}@${p.seed}`)).toEqual(['tiny_mobilenetv1@1', 'tiny_mobilenetv1@2', 'tiny_vit@1']);
    expect(pts[0]).toMatchObject({ macs: 3e7, accuracy: 0.87, trainImages: 60000, epochs: t.recipe.epochs });
  });

  it('places them by MACs and accuracy, widens the axis to hold them, and keeps them off the front', () => {
    const reader = {
      id: 'r',
      config: DEFAULT_CONFIG,
      params: 1,
      macs: 1e5,
      accuracy: 0.7,
      testLoss: 1,
      seconds: 1,
      imagesPerSecond: 1,
      finished: '2026-12-06T00:00:00Z',
    };
    const alone = scatterLayout([reader], 640, 260);
    const l = scatterLayout([reader], 640, 260, pts);
    expect(alone.xTicks.at(-1)!.label).toBe('10M');
    expect(l.xTicks.at(-1)!.label).toBe('100M');
    expect(l.family.map((f) => f.key)).toEqual(['tiny_mobilenetv1@1', 'tiny_mobilenetv1@2', 'tiny_vit@1']);
    const [a, b, v] = l.family;
    expect(a.cx).toBe(b.cx);
    expect(a.cy).toBeLessThan(b.cy);
    expect(v.cx).toBeLessThan(a.cx);
    // 0.87 on a 0–1 axis from bottom to top.
    expect((l.plot.bottom - a.cy) / (l.plot.bottom - l.plot.top)).toBeCloseTo(0.87, 10);
    // The front is the reader's alone: a single run, a single point.
    expect(l.front.split('L')).toHaveLength(1);
    expect(a.label).toMatch(/^tiny_mobilenetv1, seed 1 \(family: 60,000 images, 1 epoch\): 87\.00 % at 30 M MACs$/);
  });

  it('names each distinct training set-up in the legend once', () => {
    expect(familyLegend(pts)).toEqual(['family: 60,000 images, 1 epoch']);
    const mixed = familyPoints(
      trainedIndex({ ...fixture, models: [run('tiny_vit', 1, 0.8, 2e6), run('tiny_plain', 1, 0.8, 2e6, 4096)] }),
    );
    expect(familyLegend(mixed)).toEqual(['family: 4,096 images, 1 epoch', 'family: 60,000 images, 1 epoch']);
  });
});
