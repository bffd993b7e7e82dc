import { describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD } from '~/lib/data/fashion-mnist.ts';

// The installed package (.ci/run installs dataset-fashion-mnist).
describe('installed Fashion-MNIST', () => {
  it('has 60 000 training images whose pixel mean and std are the stated constants', () => {
    const train = loadFashionMnist('train');
    expect(train.count).toBe(60000);
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < train.images.length; i++) {
      const v = train.images[i] / 255;
      s += v;
      s2 += v * v;
    }
    const mean = s / train.images.length;
    const std = Math.sqrt(s2 / train.images.length - mean * mean);
    expect(mean).toBeCloseTo(FASHION_MNIST_MEAN, 4);
    expect(std).toBeCloseTo(FASHION_MNIST_STD, 4);
    // 6 000 images per class (the paper's balanced split).
    const counts = new Array<number>(10).fill(0);
    for (const l of train.labels) counts[l]++;
    expect(counts).toEqual(new Array<number>(10).fill(6000));
  });
  it('has 10 000 test images', () => {
    expect(loadFashionMnist('test').count).toBe(10000);
  });
});
