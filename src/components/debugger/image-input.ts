/**
 * Inputs for a run, in the browser: a sample or uploaded image, preprocessed as timm evaluates
 * (resize, centre crop, normalise: src/lib/viz/debugger/preprocess.ts), or a seeded random tensor for a
 * block whose input is an activation rather than an image.
 */
import type { Tensor } from '~/lib/engine/index.ts';
import { fillNormal } from '~/lib/models/prng.ts';
import { normalise, preprocessPlan, uploadSize, type PreprocessPlan } from '~/lib/viz/debugger/preprocess.ts';
import { SAMPLES } from './samples.ts';

export interface Prepared {
  readonly tensor: Tensor;
  /** The source drawn at working size, the crop rectangle on it, and the crop itself. */
  readonly source: HTMLCanvasElement;
  readonly crop: HTMLCanvasElement;
  readonly plan: PreprocessPlan;
}

export async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`could not decode the image at ${url}`);
  }
  return img;
}

/** Largest upload file accepted before decoding (bytes). */
export const MAX_UPLOAD_BYTES = 25 * 2 ** 20;

/** An uploaded file as a canvas at working size; refuses what is not an image or is too large. */
export async function uploadToCanvas(file: File): Promise<HTMLCanvasElement> {
  if (!file.type.startsWith('image/'))
    throw new Error(`“${file.name}” is not an image (${file.type || 'unknown type'}).`);
  if (file.size > MAX_UPLOAD_BYTES)
    throw new Error(
      `“${file.name}” is ${(file.size / 2 ** 20).toFixed(0)} MB; the limit is ${MAX_UPLOAD_BYTES / 2 ** 20} MB.`,
    );
  let bmp: ImageBitmap;
  try {
    bmp = await createImageBitmap(file);
  } catch {
    throw new Error(`“${file.name}” could not be decoded as an image.`);
  }
  const size = uploadSize(bmp.width, bmp.height);
  if (!size.ok) {
    bmp.close();
    throw new Error(size.message);
  }
  const c = document.createElement('canvas');
  c.width = size.w;
  c.height = size.h;
  const ctx = c.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bmp, 0, 0, size.w, size.h);
  bmp.close();
  return c;
}

export function toCanvas(src: CanvasImageSource, w: number, h: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  c.getContext('2d')!.drawImage(src, 0, 0, w, h);
  return c;
}

/** Resize + centre crop to R × R in one draw (the crop's source rectangle), then normalise. */
export function prepareImage(source: HTMLCanvasElement, resolution: number): Prepared {
  const plan = preprocessPlan(source.width, source.height, resolution);
  const crop = document.createElement('canvas');
  crop.width = crop.height = resolution;
  const ctx = crop.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, plan.source.x, plan.source.y, plan.source.w, plan.source.h, 0, 0, resolution, resolution);
  const rgba = ctx.getImageData(0, 0, resolution, resolution).data;
  return {
    tensor: { dtype: 'float32', dims: [1, 3, resolution, resolution], data: normalise(rgba, resolution) },
    source,
    crop,
    plan,
  };
}

/** A seeded N(0, 1) tensor (the same numbers on every visit). */
export function randomInput(dims: readonly number[], seed = 0): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return { dtype: 'float32', dims: [...dims], data: fillNormal(new Float32Array(n), 1, seed, 'step-cell-input') };
}

/** Every bundled sample, preprocessed, as one [N, 3, R, R] batch (BatchNorm calibration data). */
export async function sampleBatch(resolution: number): Promise<Tensor> {
  const tensors = await Promise.all(
    SAMPLES.map(async (s) => {
      const img = await loadImage(s.url);
      return prepareImage(toCanvas(img, img.naturalWidth, img.naturalHeight), resolution).tensor;
    }),
  );
  const per = 3 * resolution * resolution;
  const data = new Float32Array(tensors.length * per);
  tensors.forEach((t, i) => data.set(t.data as Float32Array, i * per));
  return { dtype: 'float32', dims: [tensors.length, 3, resolution, resolution], data };
}
