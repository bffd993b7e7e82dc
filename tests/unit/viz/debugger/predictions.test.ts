import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMAGENET_CLASSES } from '@tensorflow-models/mobilenet/dist/imagenet_classes.js';
import { FASHION_MNIST_CLASSES, LABEL_SET_SIZE, labelSetFor } from '~/lib/models/class-labels.ts';
import { MODELS, buildModel } from '~/lib/models/index.ts';
import { isClassifierOutput, shortClassName, softmax, topPredictions } from '~/lib/viz/debugger/predictions.ts';

describe('predictions from a classifier’s scores', () => {
  it('softmax is shift-invariant, sums to one and never overflows', () => {
    const p = softmax([1000, 1001, 1002]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const q = softmax([0, 1, 2]);
    for (let i = 0; i < 3; i++) expect(p[i]).toBeCloseTo(q[i], 12);
    // e^2 / (1 + e + e^2)
    expect(q[2]).toBeCloseTo(Math.exp(2) / (1 + Math.E + Math.exp(2)), 12);
  });

  it('returns the k most probable classes, most probable first, with names', () => {
    const logits = new Float32Array(1000).fill(-1);
    logits[7] = 3;
    logits[999] = 2;
    logits[0] = 2;
    const names = Array.from({ length: 1000 }, (_, i) => IMAGENET_CLASSES[i]);
    const top = topPredictions(logits, 5, names);
    expect(top.map((t) => t.index)).toEqual([7, 0, 999, 1, 2]);
    expect(top[0].name).toBe(IMAGENET_CLASSES[7]);
    expect(top[0].probability).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 2 * Math.exp(2) + 997 * Math.exp(-1)), 9);
    expect(topPredictions([0, 1], 5).map((t) => t.name)).toEqual([undefined, undefined]);
  });

  it('shows the common name of an ImageNet class', () => {
    expect(shortClassName(IMAGENET_CLASSES[2])).toBe(IMAGENET_CLASSES[2].split(',')[0]);
    expect(shortClassName('stingray')).toBe('stingray');
  });

  it('recognises a classifier’s output only at the last node and at the head’s size', () => {
    expect(isClassifierOutput([1, 1000], 1000, true)).toBe(true);
    expect(isClassifierOutput([1, 1000], 1000, false)).toBe(false);
    expect(isClassifierOutput([1, 1280], 1000, true)).toBe(false);
    expect(isClassifierOutput([1, 1000, 1, 1], 1000, true)).toBe(false);
  });
});

describe('class lists come from data and from the model’s metadata', () => {
  it('ImageNet-1k: the npm package lists 1,000 names in index order', () => {
    const keys = Object.keys(IMAGENET_CLASSES).map(Number);
    expect(keys.length).toBe(LABEL_SET_SIZE['imagenet-1k']);
    expect(keys).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('a declared list wins and must fit the head; a 1,000-way head defaults to ImageNet-1k; others have no names', () => {
    expect(labelSetFor(10, 'fashion-mnist')).toBe('fashion-mnist');
    expect(() => labelSetFor(1000, 'fashion-mnist')).toThrow(/10 classes but the model has 1000/);
    expect(() => labelSetFor(10, 'cifar-10')).toThrow(/unknown label set/);
    expect(labelSetFor(1000)).toBe('imagenet-1k');
    expect(labelSetFor(21843)).toBeUndefined();
  });

  it('every zoo model with a 1,000-way head gets ImageNet-1k names; the 21k heads get none', () => {
    for (const m of MODELS) {
      const count = Number(buildModel(m.id).outputs[0].dims.at(-1));
      expect(labelSetFor(count, m.labels), m.id).toBe(count === 1000 ? 'imagenet-1k' : undefined);
    }
  });

  // The Debian package dataset-fashion-mnist ships the dataset's README with its "Labels" table.
  const readme = '/usr/share/doc/dataset-fashion-mnist/README.md.gz';
  it.runIf(existsSync(readme))('Fashion-MNIST: the ten names are the dataset README’s label table', () => {
    const text = gunzipSync(readFileSync(readme)).toString('utf8');
    const table = [...text.matchAll(/^\| (\d) \| (.+?) \|$/gm)].map((m) => [Number(m[1]), m[2].trim()] as const);
    expect(table.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(table.map(([, n]) => n)).toEqual(FASHION_MNIST_CLASSES);
  });
});
