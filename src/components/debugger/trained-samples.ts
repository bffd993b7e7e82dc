/**
 * The trained debugger's inputs in the browser: the bundled Fashion-MNIST test images
 * (public/samples/fashion-mnist/, see src/lib/data/debug-samples.ts) fetched and checked, drawn as
 * thumbnails, and the drawing pad read back as a 28 × 28 byte image like the data's.
 */
import { parseIdx } from '~/lib/data/idx.ts';
import type { DebugSampleIndex } from '~/lib/data/debug-samples.ts';

export interface SampleSet {
  readonly index: DebugSampleIndex;
  /** N × 28 × 28 bytes, class-major (index.indices order). */
  readonly images: Uint8Array;
}

export async function loadSampleSet(urls: { images: string; index: string }): Promise<SampleSet> {
  const [ir, xr] = await Promise.all([fetch(urls.index), fetch(urls.images)]);
  if (!ir.ok) throw new Error(`the test images' index could not be loaded (${urls.index}: HTTP ${ir.status})`);
  if (!xr.ok) throw new Error(`the test images could not be loaded (${urls.images}: HTTP ${xr.status})`);
  const index = (await ir.json()) as DebugSampleIndex;
  const n = index.indices.length;
  const idx = parseIdx(new Uint8Array(await xr.arrayBuffer()), urls.images, { dims: [n, 28, 28] });
  return { index, images: idx.data };
}

export const pixelsOf = (set: SampleSet, k: number): Uint8Array => set.images.subarray(k * 784, (k + 1) * 784);

/** A gray byte image as a canvas at its own size (CSS scales it, pixelated). */
export function grayCanvas(pixels: ArrayLike<number>, w = 28, h = 28): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(w, h);
  for (let p = 0; p < w * h; p++) {
    const v = pixels[p];
    img.data[4 * p] = img.data[4 * p + 1] = img.data[4 * p + 2] = v;
    img.data[4 * p + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

/**
 * The pad's drawing as 28 × 28 bytes: the red channel, area-averaged by the browser's downscale
 * (the pad is black with white strokes, as Fashion-MNIST shows light clothes on black). Refuses an
 * empty drawing or one that fills nearly all of the pad (nothing left of the background to tell
 * the shape from).
 */
export function padPixels(pad: HTMLCanvasElement): Uint8Array {
  const c = document.createElement('canvas');
  c.width = c.height = 28;
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(pad, 0, 0, 28, 28);
  const rgba = ctx.getImageData(0, 0, 28, 28).data;
  const out = new Uint8Array(784);
  let lit = 0;
  for (let p = 0; p < 784; p++) {
    out[p] = rgba[4 * p];
    if (out[p] > 32) lit++;
  }
  if (lit === 0) throw new Error('The drawing is empty: draw a piece of clothing on the pad first.');
  if (lit > 0.9 * 784)
    throw new Error(
      `The drawing covers ${Math.round((100 * lit) / 784)} % of the pad; draw a shape on the dark background (at most 90 %).`,
    );
  return out;
}
