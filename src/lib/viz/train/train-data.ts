/**
 * The bundled Fashion-MNIST subset the playground trains on (public/data/fashion-mnist/, made by
 * scripts/gen-train-data.ts): the first 3 000 training images and the first 1 000 test images,
 * uncompressed IDX. Parsing is the data module's IDX reader; this file only names the files.
 */
import { FASHION_MNIST_CLASSES, type ImageSet } from '../../data/fashion-mnist.ts';
import { parseIdx } from '../../data/idx.ts';

export const TRAIN_SUBSET = { train: 3000, test: 1000 } as const;

export type SubsetSplit = 'train' | 'test';

/** Site-relative URLs of one split's image and label files. */
export function subsetUrls(split: SubsetSplit, base = '/data/fashion-mnist/'): { images: string; labels: string } {
  const n = TRAIN_SUBSET[split];
  return { images: `${base}${split}-${n}-images.idx`, labels: `${base}${split}-${n}-labels.idx` };
}

/** Validates the bytes of one bundled split (magic, dims, label range) into an image set. */
export function subsetImageSet(split: SubsetSplit, images: Uint8Array, labels: Uint8Array): ImageSet {
  const n = TRAIN_SUBSET[split];
  const im = parseIdx(images, `${split} images`, { dims: [n, 28, 28] });
  const lb = parseIdx(labels, `${split} labels`, { dims: [n] });
  for (let i = 0; i < n; i++)
    if (lb.data[i] > 9) throw new Error(`${split} labels: label ${lb.data[i]} at index ${i} is not a class 0–9`);
  return { count: n, height: 28, width: 28, images: im.data, labels: lb.data, classes: FASHION_MNIST_CLASSES };
}
