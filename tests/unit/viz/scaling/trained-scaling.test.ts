/**
 * EfficientNet Figures 3 and 8 at small scale (trained-scaling.ts) on synthetic manifests: which
 * models take part (read from their ids, so B3 and resolution at φ = 2 join when trained), only
 * complete ones, one circle per run, and per φ the compound model against each single-dimension
 * one by the seed-spread rule, with the MACs match.
 */
import { describe, expect, it } from 'vitest';
import type { TrainedModel } from '~/lib/family/manifest.ts';
import { trainedIndex } from '~/lib/family/trained-index.ts';
import {
  macsMatch,
  phiComparisons,
  phiHeadline,
  scalingCharts,
  scalingModels,
  scalingRole,
  scalingRows,
  signedPercent,
} from '~/lib/viz/scaling/trained-scaling.ts';
import { FIXTURE_MANIFEST, syntheticRun } from '../../family/synthetic-run.ts';

const fixture = FIXTURE_MANIFEST;
const run = (id: string, seed: number, correct: number, macs: number): TrainedModel =>
  syntheticRun(fixture.models[0], id, seed, correct, { macs, params: 100 });
const family = (runs: TrainedModel[]) => trainedIndex({ ...fixture, models: runs }).models;

const B = 'tiny_efficientnet_b';
// Both seeds of each: [id, seed-1 correct, seed-2 correct, MACs].
const BOTH: [string, number, number, number][] = [
  [`${B}0`, 8800, 8810, 1000],
  [`${B}1`, 8810, 8812, 3700],
  [`${B}0_width1`, 8900, 8850, 3710],
  [`${B}0_depth1`, 8530, 8600, 4050],
  [`${B}0_res1`, 8820, 8830, 3740],
  [`${B}2`, 8950, 8910, 7000],
  [`${B}0_width2`, 8920, 8900, 7010],
];
const runs = BOTH.flatMap(([id, a, b, macs]) => [run(id, 1, a, macs), run(id, 2, b, macs)]);

describe('the trained scaling figure', () => {
  it('reads each model’s role from its id, and no other model of the family', () => {
    expect(scalingRole(`${B}3`)).toEqual({ kind: 'compound', phi: 3 });
    expect(scalingRole(`${B}0_res2`)).toEqual({ kind: 'resolution', phi: 2 });
    expect(scalingRole(`${B}0_width1`)).toEqual({ kind: 'width', phi: 1 });
    expect(scalingRole(`${B}0_nose`)).toBeNull();
    expect(scalingRole('tiny_mobilenetv2')).toBeNull();
  });

  it('draws only complete models, one circle per run, and takes B3 and res2 in when both seeds are there', () => {
    const partial = [
      ...runs,
      run(`${B}3`, 1, 9000, 13000),
      run('tiny_plain', 1, 8800, 1700),
      run('tiny_plain', 2, 8800, 1700),
    ];
    const models = scalingModels(family(partial));
    expect(models.map((m) => m.id)).toEqual(BOTH.map(([id]) => id).sort((a, b) => order(a) - order(b)));
    const circles = (ms: typeof models) =>
      scalingCharts(ms).wide.scene.marks.filter((m) => m.kind === 'circle' && (m.class ?? '').includes('tf-run'));
    expect(circles(models)).toHaveLength(BOTH.length * 2);
    const full = scalingModels(
      family([
        ...partial,
        run(`${B}3`, 2, 9010, 13000),
        run(`${B}0_res2`, 1, 8900, 7500),
        run(`${B}0_res2`, 2, 8950, 7500),
      ]),
    );
    expect(full.map((m) => m.id)).toContain(`${B}3`);
    expect(full.map((m) => m.id)).toContain(`${B}0_res2`);
    expect(circles(full)).toHaveLength((BOTH.length + 2) * 2);
    expect(scalingCharts(full).narrow.scene.marks.filter((m) => m.kind === 'circle')).toHaveLength(
      (BOTH.length + 2) * 2,
    );
  });

  it('labels points from the specs: B1, width ×…, depth ×…, … px', () => {
    const models = scalingModels(family(runs));
    const short = Object.fromEntries(models.map((m) => [m.id, m.short]));
    expect(short[`${B}1`]).toBe('B1');
    expect(short[`${B}0_width1`]).toMatch(/^width ×\d\.\d+$/);
    expect(short[`${B}0_depth1`]).toMatch(/^depth ×\d(\.\d+)?$/);
    expect(short[`${B}0_res1`]).toMatch(/^\d+ px$/);
    for (const chart of Object.values(scalingCharts(models))) {
      const placed = chart.scene.marks.flatMap((m) => (m.kind === 'text' && m.class === 'tf-label' ? [m.text] : []));
      const dropped = chart.unlabelled.map((id) => short[id]);
      expect([...placed, ...dropped].sort()).toEqual(models.map((m) => m.short).sort());
    }
  });

  it('compares the compound model with each single-dimension one at its φ, by the seed spread', () => {
    const cs = phiComparisons(scalingModels(family(runs)));
    expect(cs.map((c) => c.phi)).toEqual([1, 2]);
    const [one, two] = cs;
    // φ = 1: B1 88.11 (spread 0.02); width 88.75 (0.50): +0.64 > 0.50, width wins; depth 85.65 (0.70): B1 wins
    // by 2.46; res 88.25 (0.10): 0.14 within 0.10? no, 0.14 > 0.10: res wins.
    const verdict = one.pairs.map((p) => [p.b.replace(`${B}0_`, ''), p.better?.replace(`${B}0_`, '') ?? null]);
    expect(verdict).toEqual([
      ['width1', 'width1'],
      ['depth1', `${B}1`],
      ['res1', 'res1'],
    ]);
    expect(phiHeadline(one)).toMatch(/^φ = 1: B1 beats depth ×[\d.]+; width ×[\d.]+ and \d+ px beat B1\.$/);
    // φ = 2: B2 89.30 (0.40), width 89.10 (0.20): 0.20 within 0.40; res2 is not trained, so no pair for it.
    expect(two.pairs).toHaveLength(1);
    expect(two.pairs[0].exceeds).toBe(false);
    expect(phiHeadline(two)).toMatch(/^φ = 2: width ×[\d.]+ is within the seed spread of B2\.$/);
    expect(one.macs.map((m) => +m.relative.toFixed(6))).toEqual(
      [10 / 3700, 350 / 3700, 40 / 3700].map((v) => +v.toFixed(6)),
    );
    expect(macsMatch(one)).toMatch(/^width ×[\d.]+ \+0\.3 %, depth ×[\d.]+ \+9\.5 %, \d+ px \+1\.1 % of B1's MACs$/);
  });

  it('says compound wins only when it beats every single-dimension model beyond the spread', () => {
    const win = runs.map((r) => (r.id === `${B}1` ? run(r.id, r.seed, 9500 + r.seed, r.macs) : r));
    const [one] = phiComparisons(scalingModels(family(win)));
    expect(phiHeadline(one)).toMatch(/compound scaling wins at this cost, as in EfficientNet Figure 8\.$/);
  });

  it('gives a table row per model with its MACs against the compound model of its φ', () => {
    const rows = scalingRows(scalingModels(family(runs)));
    const w1 = rows.find((r) => r.id === `${B}0_width1`)!;
    expect(w1.cells[0]).toBe('1');
    expect(w1.cells.slice(2, 4)).toEqual(['3,710', 'B1 +0.3 %']);
    expect(w1.cells.slice(4)).toEqual(['89.00 %', '88.50 %', '88.75 %', '0.50 points']);
    expect(rows.find((r) => r.id === `${B}1`)!.cells.slice(2, 4)).toEqual(['3,700', '']);
    expect(signedPercent(-0.0684)).toBe('−6.8 %');
    expect(signedPercent(-0.00001)).toBe('+0.0 %');
  });

  it('keeps every circle inside the plot, also a run above the last nice tick', () => {
    // 90.49 % with ticks at 80, 85, 90: the domain must reach past the last tick.
    const high = [
      ...runs,
      run(`${B}0_res2`, 1, 9049, 7500),
      run(`${B}0_res2`, 2, 8993, 7500),
      run(`${B}0_depth2`, 1, 8004, 9189),
      run(`${B}0_depth2`, 2, 8263, 9189),
    ];
    for (const chart of Object.values(scalingCharts(scalingModels(family(high))))) {
      const circles = chart.scene.marks.filter((m) => m.kind === 'circle');
      expect(circles).toHaveLength((BOTH.length + 2) * 2);
      for (const c of circles)
        if (c.kind === 'circle') {
          expect(c.cy).toBeGreaterThanOrEqual(chart.plot.top);
          expect(c.cy).toBeLessThanOrEqual(chart.plot.bottom);
        }
    }
  });

  it('is empty when no scaling model is complete', () => {
    expect(scalingModels(family([run(`${B}1`, 1, 8800, 3700)]))).toEqual([]);
    expect(phiComparisons([])).toEqual([]);
  });
});

function order(id: string): number {
  const r = scalingRole(id)!;
  return r.phi * 10 + ['compound', 'width', 'depth', 'resolution'].indexOf(r.kind);
}
