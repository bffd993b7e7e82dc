/**
 * Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, arXiv 1708.07747; MIT licence): 60 000 training and
 * 10 000 test images, 28×28 gray, 10 classes, in four gzipped IDX files. Debian packages them as
 * `dataset-fashion-mnist` under /usr/share/datasets/fashion-mnist/. This module is the pure part:
 * file names, expected shapes, class names, and validating decompressed bytes; reading and gunzip
 * live in the Node adapter (src/cli/fashion-mnist-files.ts).
 */
import { IdxError, parseIdx } from './idx.ts';

export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
export const FASHION_MNIST_PACKAGE = 'dataset-fashion-mnist';
/** The command that installs the files when they are missing. */
export const FASHION_MNIST_INSTALL = `apt-get update && apt-get install -y ${FASHION_MNIST_PACKAGE}`;

/**
 * Class names in label order: the paper's Table 1, and the README "Labels" table of
 * zalandoresearch/fashion-mnist (installed by the Debian package dataset-fashion-mnist as
 * /usr/share/doc/dataset-fashion-mnist/README.md.gz).
 */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/**
 * Normalisation constants: mean and standard deviation of all 47 040 000 training pixels scaled
 * to [0, 1], computed from the files (tests/unit/data/fashion-mnist.test.ts recomputes them from
 * the installed package): x' = (x/255 − 0.2860) / 0.3530.
 */
export const FASHION_MNIST_MEAN = 0.286;
export const FASHION_MNIST_STD = 0.353;

export type Split = 'train' | 'test';

export const FASHION_MNIST_FILES: Readonly<Record<Split, { images: string; labels: string; count: number }>> = {
  train: { images: 'train-images-idx3-ubyte.gz', labels: 'train-labels-idx1-ubyte.gz', count: 60000 },
  test: { images: 't10k-images-idx3-ubyte.gz', labels: 't10k-labels-idx1-ubyte.gz', count: 10000 },
};

/** One split in memory: `count` images of h×w bytes, one label byte each. */
export interface ImageSet {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly classes: readonly string[];
}

/** Validates the decompressed IDX bytes of one split (magic, dims, sizes, label range). */
export function fashionMnistSplit(split: Split, imageBytes: Uint8Array, labelBytes: Uint8Array): ImageSet {
  const f = FASHION_MNIST_FILES[split];
  const images = parseIdx(imageBytes, f.images, { dims: [f.count, 28, 28] });
  const labels = parseIdx(labelBytes, f.labels, { dims: [f.count] });
  for (let i = 0; i < labels.data.length; i++) {
    if (labels.data[i] > 9)
      throw new IdxError(`${f.labels}: label ${labels.data[i]} at index ${i} is not a class 0–9 (corrupt file)`);
  }
  return {
    count: f.count,
    height: 28,
    width: 28,
    images: images.data,
    labels: labels.data,
    classes: FASHION_MNIST_CLASSES,
  };
}

/** The first `n` images of a set (`--limit`). */
export function limitSet(set: ImageSet, n: number | undefined): ImageSet {
  if (n === undefined || n >= set.count) return set;
  const px = set.height * set.width;
  return { ...set, count: n, images: set.images.subarray(0, n * px), labels: set.labels.subarray(0, n) };
}
