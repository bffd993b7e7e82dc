/**
 * Image batches for training and evaluation: a seeded shuffle per epoch, augmentation, resize and
 * normalisation, written as one NCHW float32 tensor.
 *
 * Per image, in this order (the torchvision order `RandomCrop → RandomHorizontalFlip → Resize →
 * ToTensor → Normalize`): bytes / 255 → crop with zero padding and flip (training only, at the
 * native 28×28) → bilinear resize to R×R (resize.ts: half-pixel centres, PyTorch
 * align_corners=False, no antialias) → (x − mean) / std → the plane repeated to the model's C
 * input channels. Zoo models are built with C = 1 (a 1-channel stem, see src/lib/train/model.ts);
 * a model imported from ONNX with C = 3 gets the gray plane three times.
 */
import { applyAugment, drawAugment } from './augment.ts';
import type { ImageSet } from './fashion-mnist.ts';
import { resizeBilinear } from './resize.ts';
import { permutation, Rng } from './rng.ts';

export interface Preprocess {
  /** Output side R (images are R×R). */
  readonly resolution: number;
  /** Model input channels C; the gray plane is repeated C times. */
  readonly channels: number;
  readonly mean: number;
  readonly std: number;
}

export interface Augment {
  /** Zero padding of RandomCrop (pixels at the native size); 0 disables the crop. */
  readonly pad: number;
  readonly flip: boolean;
}

export interface Batch {
  /** [N, C, R, R] float32, row-major. */
  readonly x: Float32Array;
  readonly dims: readonly [number, number, number, number];
  readonly labels: Int32Array;
  /** Dataset indices of the batch's images. */
  readonly indices: Int32Array;
}

/**
 * Builds the batch of the images `indices`; with `augment`, draws each image's crop offset and
 * flip from `rng` in index order (so a resumed run that restores the rng draws the same ones).
 */
export function makeBatch(
  set: ImageSet,
  indices: ArrayLike<number>,
  pre: Preprocess,
  augment?: { readonly opts: Augment; readonly rng: Rng },
): Batch {
  const n = indices.length;
  const { height: h, width: w } = set;
  const R = pre.resolution;
  const C = pre.channels;
  const plane = R * R;
  const x = new Float32Array(n * C * plane);
  const labels = new Int32Array(n);
  const idx = Int32Array.from(indices);
  const raw = new Float32Array(h * w);
  const aug = new Float32Array(h * w);
  const sized = new Float32Array(plane);
  const inv = 1 / pre.std;
  for (let b = 0; b < n; b++) {
    const i = idx[b];
    const src = set.images.subarray(i * h * w, (i + 1) * h * w);
    for (let p = 0; p < h * w; p++) raw[p] = src[p] / 255;
    let img: Float32Array = raw;
    if (augment && (augment.opts.pad > 0 || augment.opts.flip)) {
      const d = drawAugment(augment.rng, augment.opts.pad);
      img = applyAugment(raw, h, w, augment.opts.pad, augment.opts.flip ? d : { ...d, flip: false }, aug);
    }
    resizeBilinear(img, h, w, R, R, sized);
    const base = b * C * plane;
    for (let p = 0; p < plane; p++) sized[p] = (sized[p] - pre.mean) * inv;
    for (let c = 0; c < C; c++) x.set(sized, base + c * plane);
    labels[b] = set.labels[i];
  }
  return { x, dims: [n, C, R, R], labels, indices: idx };
}

/**
 * The order of one epoch: a permutation of 0 … count−1 seeded by (seed, epoch), so the order of
 * epoch e is known without replaying earlier epochs (a checkpoint stores only seed and position).
 */
export function epochOrder(count: number, seed: number, epoch: number): Int32Array {
  return permutation(count, new Rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(epoch + 1, 0xc2b2ae35)));
}

/** Batches per epoch; the last partial batch is dropped so every step sees N images (BatchNorm statistics). */
export function batchesPerEpoch(count: number, batch: number): number {
  return Math.floor(count / batch);
}
