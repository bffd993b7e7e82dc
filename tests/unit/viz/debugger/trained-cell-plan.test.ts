/**
 * The build-time plan of a trained step cell, on the committed files: the run (lowest seed of the
 * manifest), the block's node range in that file, its ops and MACs (recomputed here from the tiny
 * spec's shapes), the test images one per class from the samples' index; seeded with a reason where
 * the zoo model has no counterpart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTrainedCell } from '~/components/runtime/trained-cell-plan.ts';

const pub = join(process.cwd(), 'public');
const manifest = JSON.parse(readFileSync(join(pub, 'models/trained/manifest.json'), 'utf8')) as {
  models: { id: string; seed: number; accuracy: number; sha256: string; file: string }[];
};
const index = JSON.parse(readFileSync(join(pub, 'samples/fashion-mnist/index.json'), 'utf8')) as {
  indices: number[];
  labels: number[];
};

describe('planTrainedCell', () => {
  it('plans MobileNetV1 layer 7 on the trained tiny_mobilenetv1, lowest seed', () => {
    const w = planTrainedCell('mobilenetv1_100', 'blocks.3.1');
    expect(w.kind).toBe('trained');
    if (w.kind !== 'trained') return;
    const p = w.plan;
    const run = manifest.models.filter((r) => r.id === 'tiny_mobilenetv1').sort((a, b) => a.seed - b.seed)[0];
    expect([p.id, p.seed, p.sha256, p.url, p.accuracy]).toEqual([
      'tiny_mobilenetv1',
      run.seed,
      run.sha256,
      `/models/trained/${run.file}`,
      run.accuracy,
    ]);
    // dsa_r2_k3_s2_c256 at 32 px: the map is 2 × 2 after four halvings; dw 3×3 then pw 256 → 256.
    expect(p.ops.filter((o) => o.macs > 0).map((o) => o.macs)).toEqual([2 * 2 * 256 * 9, 2 * 2 * 256 * 256]);
    expect(p.macs).toBe(2 * 2 * 256 * 9 + 2 * 2 * 256 * 256);
    expect(p.ops.every((o) => o.name.startsWith('blocks.3.1.'))).toBe(true);
    expect(p.range).toEqual([p.ops[0].index, p.ops[p.ops.length - 1].index]);
    expect(p.images.map((im) => im.label)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const k = index.labels.indexOf(3);
    expect(p.images[3]).toEqual({ k, test: index.indices[k], label: 3 });
    expect(p.image).toEqual(p.images[0]);
  });

  it('keeps seeded weights, with the reason, where there is no counterpart', () => {
    expect(planTrainedCell('mobilenetv3_small_100', 'blocks.1.0')).toEqual({
      kind: 'seeded',
      reason: 'mobilenetv3_small_100 has no trained tiny counterpart',
    });
  });
});
