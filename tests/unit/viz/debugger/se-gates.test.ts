import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gateBlockName, gateRows } from '~/lib/viz/debugger/se-gates.ts';
import { debugSelection, trainedInput, unsupportedPreprocessing } from '~/lib/data/debug-samples.ts';
import { parseIdx } from '~/lib/data/idx.ts';
import type { Preprocessing } from '~/lib/family/manifest.ts';

describe('SE gates of two images', () => {
  it('gives each block A, B, A − B, the mean |A − B| and the channel where they differ most', () => {
    const [r] = gateRows(
      [{ block: 'blocks.1.0.se', gate: 'g' }],
      { g: { data: [0.9, 0.5, 0.1] } },
      { g: { data: [0.2, 0.5, 0.4] } },
    );
    expect([...r.diff].map((d) => +d.toFixed(12))).toEqual([0.7, 0, -0.3]);
    expect(r.meanAbsDiff).toBeCloseTo(1 / 3, 12);
    expect(r.maxChannel).toBe(0);
    expect(() => gateRows([{ block: 'b', gate: 'g' }], { g: { data: [1] } }, { g: { data: [1, 2] } })).toThrow(
      /1 channels for image A, 2 for image B/,
    );
    expect(gateBlockName('blocks.2.1.se', 'blocks.2.1.se.gate')).toBe('blocks.2.1.se');
    expect(gateBlockName('GlobalAveragePool_3', 'Sigmoid_7')).toBe('Sigmoid_7');
  });
});

describe('the debugger’s bundled test images', () => {
  const index = JSON.parse(readFileSync('public/samples/fashion-mnist/index.json', 'utf8'));
  it('are the first 30 test images of each class, class by class', () => {
    const labels = [2, 0, 1, 0, 2, 1, 1, 0, 2];
    expect(debugSelection(labels, 3, 2)).toEqual([1, 3, 2, 5, 0, 4]);
    expect(() => debugSelection([0, 0, 1], 2, 2)).toThrow(/class 1 has only 1/);
    expect(index.indices).toHaveLength(300);
    expect(index.labels).toEqual(Array.from({ length: 300 }, (_, k) => Math.floor(k / 30)));
    const sorted = index.indices.every((v: number, k: number) => k % 30 === 0 || v > index.indices[k - 1]);
    expect(sorted).toBe(true);
  });

  it('become the model input as the family evaluates: bytes / 255, bilinear 28 → 32, (x − mean) / std', () => {
    const images = parseIdx(new Uint8Array(readFileSync('public/samples/fashion-mnist/test-300-images.idx')), 'x', {
      dims: [300, 28, 28],
    });
    const p: Preprocessing = {
      input: 'input',
      layout: 'NCHW',
      resolution: 28,
      channels: 2,
      scale: 255,
      resize: 'bilinear from 28×28',
      mean: 0.25,
      std: 0.5,
    };
    // At 28 the resize is the identity, so each value is (byte / 255 − mean) / std, on both channels.
    const px = images.data.subarray(784 * 40, 784 * 41);
    const x = trainedInput(px, p);
    expect(x).toHaveLength(2 * 784);
    for (const i of [0, 300, 783]) {
      expect(x[i]).toBeCloseTo((px[i] / 255 - 0.25) / 0.5, 6);
      expect(x[784 + i]).toBe(x[i]);
    }
    expect(unsupportedPreprocessing({ ...p, resize: 'nearest' })).toMatch(/resize/);
    expect(() => trainedInput(px.subarray(0, 100), p)).toThrow(/784 bytes/);
  });
});
