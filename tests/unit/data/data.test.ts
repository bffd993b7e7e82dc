import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { applyAugment, drawAugment } from '~/lib/data/augment.ts';
import { batchesPerEpoch, epochOrder, makeBatch } from '~/lib/data/batches.ts';
import { FASHION_MNIST_FILES, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import { encodeIdx, parseIdx } from '~/lib/data/idx.ts';
import { axisTaps, resizeBilinear } from '~/lib/data/resize.ts';
import { permutation, Rng } from '~/lib/data/rng.ts';

describe('IDX', () => {
  it('reads dims big-endian and the data after the header', () => {
    const bytes = encodeIdx([2, 3], Uint8Array.of(1, 2, 3, 4, 5, 6));
    expect([...bytes.subarray(0, 12)]).toEqual([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3]);
    const a = parseIdx(bytes, 'x', { dims: [2, 3] });
    expect(a.dims).toEqual([2, 3]);
    expect([...a.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('names a bad magic number, a wrong rank, wrong dims, and a truncated file', () => {
    const good = encodeIdx([2, 3], Uint8Array.of(1, 2, 3, 4, 5, 6));
    const bad = good.slice();
    bad[0] = 0x1f;
    expect(() => parseIdx(bad, 'f.idx')).toThrow(/f\.idx: bad magic number 1f 00 08 02/);
    expect(() => parseIdx(good, 'f.idx', { dims: [6] })).toThrow(/rank 2 in the magic number, expected 1/);
    expect(() => parseIdx(good, 'f.idx', { dims: [3, 2] })).toThrow(/dims \[2, 3\], expected \[3, 2\]/);
    expect(() => parseIdx(good.subarray(0, 15), 'f.idx')).toThrow(/15 bytes, expected 18 .* truncated/);
    expect(() => parseIdx(Uint8Array.of(0, 0), 'f.idx')).toThrow(/too short/);
  });
});

describe('Fashion-MNIST files', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'depthwise-fmnist-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says which apt-get command installs the package when files are missing', () => {
    expect(() => loadFashionMnist('test', join(dir, 'nowhere'))).toThrow(
      /t10k-images-idx3-ubyte\.gz.*missing.*\n\s+apt-get update && apt-get install -y dataset-fashion-mnist/s,
    );
  });

  it('reports a corrupt (wrong size) and a non-gzip file by name', async () => {
    const f = FASHION_MNIST_FILES.test;
    // 10 000 labels expected; the file holds 5.
    await writeFile(join(dir, f.labels), gzipSync(encodeIdx([5], new Uint8Array(5))));
    await writeFile(join(dir, f.images), gzipSync(encodeIdx([10000, 28, 28], new Uint8Array(10000 * 784))));
    expect(() => loadFashionMnist('test', dir)).toThrow(
      /corrupt: t10k-labels-idx1-ubyte\.gz: dims \[5\], expected \[10000\]/,
    );
    await writeFile(join(dir, f.labels), Uint8Array.of(1, 2, 3));
    expect(() => loadFashionMnist('test', dir)).toThrow(/t10k-labels-idx1-ubyte\.gz: not a readable gzip file/);
    const labels = new Uint8Array(10000);
    labels[7] = 12;
    await writeFile(join(dir, f.labels), gzipSync(encodeIdx([10000], labels)));
    expect(() => loadFashionMnist('test', dir)).toThrow(/label 12 at index 7 is not a class 0–9/);
  });
});

describe('bilinear resize (PyTorch align_corners=False, no antialias)', () => {
  it('upsamples 2×2 → 4×4 with half-pixel centres (hand-worked)', () => {
    // Columns: src = (o + 0.5)/2 − 0.5 = −0.25 (clamped to 0), 0.25, 0.75, 1.25 (right tap clamped).
    const t = axisTaps(2, 4);
    expect([...t.i0]).toEqual([0, 0, 0, 1]);
    expect([...t.i1]).toEqual([1, 1, 1, 1]);
    expect([...t.lambda]).toEqual([0, 0.25, 0.75, 0.25]);
    const out = resizeBilinear(Float32Array.of(0, 4, 8, 12), 2, 2, 4, 4);
    expect([...out]).toEqual([0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12]);
  });
  it('downsamples 4×4 → 2×2 to the mean of each 2×2 block (src = 0.5, 2.5)', () => {
    const src = Float32Array.from({ length: 16 }, (_, i) => i);
    expect([...resizeBilinear(src, 4, 4, 2, 2)]).toEqual([2.5, 4.5, 10.5, 12.5]);
  });
  it('keeps the size as a copy', () => {
    expect([...resizeBilinear(Float32Array.of(1, 2, 3, 4), 2, 2, 2, 2)]).toEqual([1, 2, 3, 4]);
  });
});

describe('augmentation (RandomCrop with zero padding, then RandomHorizontalFlip)', () => {
  const img = Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);
  it('crops the zero-padded plane at (dy, dx) (hand-worked)', () => {
    expect([...applyAugment(img, 3, 3, 1, { dy: 0, dx: 2, flip: false })]).toEqual([0, 0, 0, 2, 3, 0, 5, 6, 0]);
    expect([...applyAugment(img, 3, 3, 1, { dy: 1, dx: 1, flip: false })]).toEqual([...img]);
  });
  it('flips the cropped window left–right', () => {
    expect([...applyAugment(img, 3, 3, 1, { dy: 0, dx: 2, flip: true })]).toEqual([0, 0, 0, 0, 3, 2, 0, 6, 5]);
    expect([...applyAugment(img, 3, 3, 1, { dy: 1, dx: 1, flip: true })]).toEqual([3, 2, 1, 6, 5, 4, 9, 8, 7]);
  });
  it('draws offsets in 0…2·pad and flips about half the time', () => {
    const rng = new Rng(5);
    const draws = Array.from({ length: 2000 }, () => drawAugment(rng, 2));
    expect(new Set(draws.map((d) => d.dy))).toEqual(new Set([0, 1, 2, 3, 4]));
    const flips = draws.filter((d) => d.flip).length;
    expect(flips).toBeGreaterThan(900);
    expect(flips).toBeLessThan(1100);
  });
});

describe('shuffle and batches', () => {
  it('a seeded permutation is a permutation, repeatable, and differs by seed and epoch', () => {
    const p = permutation(100, new Rng(1));
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...permutation(100, new Rng(1))]).toEqual([...p]);
    expect([...epochOrder(100, 1, 0)]).toEqual([...epochOrder(100, 1, 0)]);
    expect([...epochOrder(100, 1, 0)]).not.toEqual([...epochOrder(100, 1, 1)]);
    expect([...epochOrder(100, 1, 0)]).not.toEqual([...epochOrder(100, 2, 0)]);
  });
  it('an Rng restored from its state continues the same stream', () => {
    const a = new Rng(42);
    a.next();
    const b = new Rng(a.state);
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
  });

  const set: ImageSet = {
    count: 2,
    height: 2,
    width: 2,
    images: Uint8Array.of(0, 255, 51, 102, 255, 255, 0, 0),
    labels: Uint8Array.of(3, 7),
    classes: [],
  };
  it('normalises, resizes and repeats the gray plane to C channels', () => {
    const b = makeBatch(set, [1, 0], { resolution: 2, channels: 3, mean: 0.5, std: 0.25 });
    expect(b.dims).toEqual([2, 3, 2, 2]);
    expect([...b.labels]).toEqual([7, 3]);
    // image 1 = [1, 1, 0, 0] → (x − 0.5)/0.25 = [2, 2, −2, −2], three times.
    expect([...b.x.subarray(0, 12)]).toEqual([2, 2, -2, -2, 2, 2, -2, -2, 2, 2, -2, -2]);
    // image 0 = [0, 1, 0.2, 0.4] → [−2, 2, −1.2, −0.4].
    const x0 = [...b.x.subarray(12, 16)];
    [-2, 2, -1.2, -0.4].forEach((v, i) => expect(x0[i]).toBeCloseTo(v, 6));
    const up = makeBatch(set, [1], { resolution: 4, channels: 1, mean: 0, std: 1 });
    expect([...up.x]).toEqual([1, 1, 1, 1, 0.75, 0.75, 0.75, 0.75, 0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
  });
  it('drops the last partial batch', () => {
    expect(batchesPerEpoch(512, 64)).toBe(8);
    expect(batchesPerEpoch(500, 64)).toBe(7);
  });
});
