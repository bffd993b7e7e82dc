/**
 * The trained-family index (src/lib/family/trained-index.ts) on synthetic manifests: runs group by
 * model in the family's order, means and spreads are those of the seeds, a comparison appears only
 * when every member has every seed, and a difference counts only when it beats the seed spread.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrainedManifest, TrainedModel } from '~/lib/family/manifest.ts';
import { comparePair, familyFromJson, trainedIndex } from '~/lib/family/trained-index.ts';
import { readTrainedFamily } from '~/lib/family/trained-read.ts';
import { TINY_COMPARISONS } from '~/lib/models/tiny-comparisons.ts';
import { FIXTURE_MANIFEST, syntheticRun } from './synthetic-run.ts';

const fixture = FIXTURE_MANIFEST;
const template = fixture.models[0];

/** A run of `id` with `correct` of 10,000 right: the confusion matrix puts them on the diagonal. */
const run = (id: string, seed: number, correct: number, macs = 1000, params = 100): TrainedModel =>
  syntheticRun(template, id, seed, correct, { macs, params });
const manifest = (models: TrainedModel[]): TrainedManifest => ({ ...fixture, models });

describe('trainedIndex', () => {
  it('is empty without a manifest, and for a manifest with no runs', () => {
    expect(familyFromJson(undefined)).toEqual({ dataset: null, models: [], comparisons: [] });
    const f = familyFromJson(manifest([]));
    expect(f.models).toEqual([]);
    expect(f.comparisons).toEqual([]);
    expect(f.dataset?.name).toBe('Fashion-MNIST');
  });

  it("groups runs by model in the family's order, seeds sorted, with mean, min, max and spread", () => {
    const f = trainedIndex(
      manifest([run('tiny_mobilenetv1', 2, 8600), run('tiny_plain', 1, 8500), run('tiny_mobilenetv1', 1, 8700)]),
    );
    expect(f.models.map((m) => m.id)).toEqual(['tiny_plain', 'tiny_mobilenetv1']);
    const v1 = f.models[1];
    expect(v1.runs.map((r) => r.seed)).toEqual([1, 2]);
    expect(v1.mean).toBeCloseTo(0.865, 12);
    expect([v1.min, v1.max]).toEqual([0.86, 0.87]);
    expect(v1.spread).toBeCloseTo(0.01, 12);
    expect(v1.complete).toBe(true);
    expect(f.models[0]).toMatchObject({ complete: false, spread: 0, mean: 0.85 });
  });

  it('shows a comparison only when all its models have all seeds', () => {
    const half = [run('tiny_plain', 1, 8500), run('tiny_mobilenetv1', 1, 8700), run('tiny_mobilenetv1', 2, 8600)];
    expect(trainedIndex(manifest(half)).comparisons).toEqual([]);
    const full = trainedIndex(manifest([...half, run('tiny_plain', 2, 8520)]));
    expect(full.comparisons.map((c) => c.comparison.id)).toEqual(['separable-vs-full']);
  });

  it('calls a difference one only when it is larger than the larger seed spread of the pair', () => {
    // mobilenetv1: 0.87, 0.86 (mean 0.865, spread 0.01); plain 0.85, 0.852 (mean 0.851, spread 0.002).
    const f = trainedIndex(
      manifest([
        run('tiny_plain', 1, 8500, 1010),
        run('tiny_plain', 2, 8520, 1010),
        run('tiny_mobilenetv1', 1, 8700, 1000),
        run('tiny_mobilenetv1', 2, 8600, 1000),
      ]),
    );
    const c = f.comparisons[0];
    expect(c.pairs).toHaveLength(1);
    const p = c.pairs[0];
    // Matched comparisons compare the reference (matched.to) with each other member.
    expect([p.a, p.b]).toEqual(['tiny_mobilenetv1', 'tiny_plain']);
    expect(p.difference).toBeCloseTo(0.014, 12);
    expect(p.spread).toBeCloseTo(0.01, 12);
    expect(p).toMatchObject({ exceeds: true, better: 'tiny_mobilenetv1' });
    expect(c.anyDifference).toBe(true);
    expect(c.spread).toBeCloseTo(0.01, 12);
    // MACs: plain is 1 % above the reference, within the 3 % tolerance.
    expect(c.macs).toHaveLength(1);
    expect(c.macs![0].relative).toBeCloseTo(0.01, 12);
    expect(c.macs![0].within).toBe(true);
  });

  it('reports a null result when the seeds spread more than the models differ', () => {
    // relu6: 0.80, 0.83 (spread 0.03) against linear 0.82, 0.82: the 0.005 gap is within it.
    const f = trainedIndex(
      manifest([
        run('tiny_mobilenetv2', 1, 8200),
        run('tiny_mobilenetv2', 2, 8200),
        run('tiny_mobilenetv2_relu6', 1, 8000),
        run('tiny_mobilenetv2_relu6', 2, 8300),
      ]),
    );
    const c = f.comparisons.find((x) => x.comparison.id === 'linear-bottleneck')!;
    expect(c.pairs[0]).toMatchObject({ a: 'tiny_mobilenetv2', b: 'tiny_mobilenetv2_relu6', exceeds: false });
    expect(c.pairs[0].better).toBeNull();
    expect(c.pairs[0].difference).toBeCloseTo(0.005, 12);
    expect(c.anyDifference).toBe(false);
  });

  it('flags MACs outside the tolerance, and compares a series member by member', () => {
    const series = TINY_COMPARISONS.find((c) => c.id === 'width-multiplier')!;
    const accs = [8800, 8700, 8400, 8000];
    const runs = series.members.flatMap((id, i) => [run(id, 1, accs[i]), run(id, 2, accs[i] + 10)]);
    const f = trainedIndex(manifest(runs));
    const c = f.comparisons.find((x) => x.comparison.id === 'width-multiplier')!;
    expect(c.macs).toBeNull();
    expect(c.pairs.map((p) => [p.a, p.b])).toEqual([
      [series.members[0], series.members[1]],
      [series.members[1], series.members[2]],
      [series.members[2], series.members[3]],
    ]);
    expect(c.pairs.map((p) => p.better)).toEqual(series.members.slice(0, 3));

    const far = trainedIndex(
      manifest([
        run('tiny_plain', 1, 8500, 1040),
        run('tiny_plain', 2, 8520, 1040),
        run('tiny_mobilenetv1', 1, 8700, 1000),
        run('tiny_mobilenetv1', 2, 8600, 1000),
      ]),
    );
    expect(far.comparisons[0].macs![0]).toMatchObject({ id: 'tiny_plain', macs: 1040, within: false });
  });

  it('comparePair is antisymmetric in its difference and symmetric in its spread', () => {
    const f = trainedIndex(
      manifest([
        run('tiny_plain', 1, 8500),
        run('tiny_plain', 2, 8540),
        run('tiny_mobilenetv1', 1, 8700),
        run('tiny_mobilenetv1', 2, 8690),
      ]),
    );
    const [a, b] = f.models;
    const ab = comparePair(a, b);
    const ba = comparePair(b, a);
    expect(ab.difference).toBeCloseTo(-ba.difference, 12);
    expect(ab.spread).toBe(ba.spread);
    expect(ab.better).toBe(ba.better);
    expect(ab.better).toBe('tiny_mobilenetv1');
  });

  it('refuses runs that are not family members, seeds that disagree on the network, and invalid manifests', () => {
    expect(() => trainedIndex(manifest([run('tiny_nonesuch', 1, 8000)]))).toThrow(/tiny_nonesuch seed 1 is not/);
    expect(() => trainedIndex(manifest([run('tiny_plain', 1, 8000, 1000), run('tiny_plain', 2, 8000, 1001)]))).toThrow(
      /seeds of one model must be the same network/,
    );
    expect(() => familyFromJson({ ...manifest([run('tiny_plain', 1, 8000)]), version: 7 })).toThrow(
      /\$\.version: expected 1/,
    );
  });
});

describe('readTrainedFamily', () => {
  it('reads public/models/trained/manifest.json under a root, and is empty when there is none', () => {
    const root = mkdtempSync(join(tmpdir(), 'trained-'));
    expect(readTrainedFamily(root).models).toEqual([]);
    mkdirSync(join(root, 'public', 'models', 'trained'), { recursive: true });
    writeFileSync(
      join(root, 'public', 'models', 'trained', 'manifest.json'),
      JSON.stringify(manifest([run('tiny_vit', 2, 7000), run('tiny_vit', 1, 7100)])),
    );
    const f = readTrainedFamily(root);
    expect(f.models.map((m) => [m.id, m.runs.length, m.complete])).toEqual([['tiny_vit', 2, true]]);
    writeFileSync(join(root, 'public', 'models', 'trained', 'manifest.json'), '{ not json');
    expect(() => readTrainedFamily(root)).toThrow(/is not JSON/);
  });
});
