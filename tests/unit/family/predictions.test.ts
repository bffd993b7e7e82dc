/**
 * Stored test-set predictions (src/lib/family/predictions.ts): one digit per image round-trips;
 * predictions made for another file (sha256), another count or with a non-digit are refused; the
 * score from predictions equals a count done here by hand; the subset is every 10th image.
 */
import { describe, expect, it } from 'vitest';
import {
  decodePredictions,
  encodePredictions,
  predictionsDir,
  predictionsFile,
  predictionSubset,
  scorePredictions,
} from '~/lib/family/predictions.ts';

const run = { file: 'tiny_x.seed2.onnx', sha256: 'ab'.repeat(32), testImages: 6 };

describe('predictions', () => {
  it('round-trip as one digit per image', () => {
    const top1 = Uint8Array.from([0, 9, 3, 3, 1, 7]);
    const p = encodePredictions(run.file, run.sha256, top1);
    expect(p.top1).toBe('093317');
    expect(decodePredictions(JSON.parse(JSON.stringify(p)), run)).toEqual(top1);
    expect(() => encodePredictions(run.file, run.sha256, Uint8Array.from([10]))).toThrow(/one digit/);
  });

  it('are refused for another file, another count, or a non-digit', () => {
    const p = encodePredictions(run.file, run.sha256, Uint8Array.from([0, 1, 2, 3, 4, 5]));
    expect(() => decodePredictions(p, { ...run, sha256: 'cd'.repeat(32) })).toThrow(/made for sha256/);
    expect(() => decodePredictions(p, { ...run, testImages: 7 })).toThrow(/expected 7/);
    expect(() => decodePredictions({ ...p, top1: '01234x' }, run)).toThrow(/not a digit/);
    expect(() => decodePredictions({ ...p, version: 0 }, run)).toThrow(/version/);
  });

  it('score like a count by hand: correct, confusion[true][predicted], per-class recall', () => {
    const labels = Uint8Array.from([0, 0, 1, 1, 2, 2]);
    const top1 = Uint8Array.from([0, 1, 1, 1, 0, 2]);
    const s = scorePredictions(top1, labels, 3);
    expect(s.correct).toBe(4);
    expect(s.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(s.perClass).toEqual([0.5, 1, 0.5]);
  });

  it('take every 10th of 10,000 images as the subset, and live outside public/ for the family', () => {
    const idx = predictionSubset(10_000, 1000);
    expect(idx.length).toBe(1000);
    expect([idx[0], idx[1], idx[999]]).toEqual([0, 10, 9990]);
    expect(predictionsFile('tiny_vit.seed2.onnx')).toBe('tiny_vit.seed2.top1.json');
    expect(predictionsDir('/r', 'public/models/trained')).toBe('/r/training/predictions');
    expect(predictionsDir('/r', 'tests/fixtures/trained')).toBe('/r/tests/fixtures/trained/predictions');
  });
});
