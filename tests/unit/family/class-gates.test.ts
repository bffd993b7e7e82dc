/**
 * Per-class SE gate statistics (src/lib/family/class-gates.ts), checked against a naive
 * computation: each image run alone through the engine, its gates read, and η² computed from the
 * per-image values with the textbook two-pass formula.
 */
import { describe, expect, it } from 'vitest';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { makeBatch } from '~/lib/data/batches.ts';
import { f32, runGraph } from '~/lib/engine/index.ts';
import { classGates, gateOutputs } from '~/lib/family/class-gates.ts';
import { tinyTrainingGraph } from '~/lib/family/graph.ts';
import { withBatchDim } from '~/lib/train/model.ts';

const norm = { mean: 0.286, std: 0.353 };

/** 12 images of 3 classes: class k draws a bright square at a class-specific place, with noise. */
function toySet(): ImageSet {
  const count = 12;
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
  for (let i = 0; i < count; i++) {
    const k = i % 3;
    labels[i] = k;
    for (let y = 0; y < 28; y++)
      for (let x = 0; x < 28; x++) {
        const inSquare = x >= 4 + 8 * k && x < 12 + 8 * k && y >= 6 && y < 20;
        images[i * 784 + y * 28 + x] = Math.round((inSquare ? 200 : 20) + 40 * rnd());
      }
  }
  return { count, height: 28, width: 28, images, labels, classes: ['a', 'b', 'c'] };
}

describe('classGates', () => {
  const graph = tinyTrainingGraph('tiny_efficientnet_b0', 1);
  const set = toySet();

  it('finds one gate per SE block of the tiny B0, in depth order', () => {
    const g = gateOutputs(graph);
    expect(g.map((x) => x.scope)).toEqual([
      'blocks.0.0',
      'blocks.1.0',
      'blocks.2.0',
      'blocks.3.0',
      'blocks.3.1',
      'blocks.4.0',
      'blocks.5.0',
      'blocks.5.1',
      'blocks.6.0',
    ]);
  });

  it('equals per-image runs and the two-pass η², batched or not', () => {
    const single = withBatchDim(graph, 1);
    const perImage = Array.from({ length: set.count }, (_, i) => {
      const b = makeBatch(set, [i], { ...norm, channels: 1, resolution: 32 });
      const v = runGraph(single, { input: f32(b.dims, b.x) }, { keepAll: true });
      return gateOutputs(single).map((g) => Array.from(v[g.output].data as Float32Array));
    });
    for (const batch of [5, 12]) {
      const got = classGates(graph, set, norm, { batch });
      got.forEach((block, bi) => {
        const C = block.channels;
        for (let c = 0; c < C; c++) {
          const vals = perImage.map((g) => g[bi][c]);
          const m = vals.reduce((a, v) => a + v, 0) / vals.length;
          const means = [0, 1, 2].map((k) => {
            const v = vals.filter((_, i) => set.labels[i] === k);
            return v.reduce((a, x) => a + x, 0) / v.length;
          });
          const total = vals.reduce((a, v) => a + (v - m) ** 2, 0);
          const between = means.reduce((a, mk) => a + 4 * (mk - m) ** 2, 0);
          expect(block.mean[c]).toBeCloseTo(m, 6);
          for (let k = 0; k < 3; k++) expect(block.classMeans[k][c]).toBeCloseTo(means[k], 6);
          if (total > 1e-9) expect(block.eta2[c]).toBeCloseTo(between / total, 4);
        }
        expect(block.specificity).toBeCloseTo(block.eta2.reduce((a, v) => a + v, 0) / C, 12);
      });
    }
  });

  it('says when a model has no SE', () => {
    expect(() => classGates(tinyTrainingGraph('tiny_efficientnet_b0_nose', 1), set, norm)).toThrow(
      /has no squeeze-and-excitation gates/,
    );
  });
});
