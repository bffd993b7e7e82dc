/**
 * The debugger's bundled Fashion-MNIST test images (public/samples/fashion-mnist/): the first
 * PER_CLASS images of each class in test-set order, class by class, so the choice is a function of
 * the test set alone (no seed, no hand picking). Written by scripts/gen-debug-samples.ts; read by
 * the trained models' debugger page and its tests.
 */
import type { ImageSet } from './fashion-mnist.ts';
import { makeBatch } from './batches.ts';
import type { Preprocessing } from '../family/manifest.ts';

export const DEBUG_PER_CLASS = 30;
export const DEBUG_SAMPLES_DIR = '/samples/fashion-mnist';
export const DEBUG_IMAGES_FILE = `test-${DEBUG_PER_CLASS * 10}-images.idx`;
export const DEBUG_INDEX_FILE = 'index.json';

/** public/samples/fashion-mnist/index.json: which test images the IDX file holds, in its order. */
export interface DebugSampleIndex {
  readonly source: string;
  readonly perClass: number;
  /** Test-set index of each bundled image (class-major: all of class 0, then class 1 …). */
  readonly indices: readonly number[];
  readonly labels: readonly number[];
  readonly classes: readonly string[];
  readonly sha256: string;
}

/** Test-set indices of the first `perClass` images of each class, class-major. */
export function debugSelection(labels: ArrayLike<number>, classes: number, perClass: number): number[] {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (byClass[c].length < perClass) byClass[c].push(i);
  }
  byClass.forEach((list, c) => {
    if (list.length < perClass) throw new Error(`class ${c} has only ${list.length} test images, ${perClass} wanted`);
  });
  return byClass.flat();
}

/** Why a trained model's preprocessing cannot be reproduced here, or null when it can. */
export function unsupportedPreprocessing(p: Preprocessing): string | null {
  if (p.layout !== 'NCHW') return `layout ${p.layout} (only NCHW is supported)`;
  if (p.scale !== 255) return `pixel scale ${p.scale} (only bytes / 255 is supported)`;
  if (!p.resize.startsWith('bilinear'))
    return `resize “${p.resize}” (only the bilinear resize of src/lib/data/resize.ts)`;
  return null;
}

/**
 * One 28×28 image (bytes, row-major) as the model's input [1, C, R, R], exactly as the family's
 * evaluation prepares it (batches.ts makeBatch without augmentation: bytes / 255, bilinear resize,
 * (x − mean) / std, the plane repeated to C channels).
 */
export function trainedInput(pixels: Uint8Array, p: Preprocessing): Float32Array {
  const why = unsupportedPreprocessing(p);
  if (why) throw new Error(`this model's preprocessing cannot be reproduced: ${why}`);
  if (pixels.length !== 28 * 28) throw new Error(`expected a 28×28 image (784 bytes), got ${pixels.length} bytes`);
  const set: ImageSet = { count: 1, height: 28, width: 28, images: pixels, labels: new Uint8Array(1), classes: [] };
  return makeBatch(set, [0], { resolution: p.resolution, channels: p.channels, mean: p.mean, std: p.std }).x;
}
