/**
 * Pixels for the playground's small images: learned k×k depthwise kernels on a diverging scale
 * (one symmetric scale for the whole layer, so kernels compare: positive weights orange, negative
 * blue, zero white — colours from the site's palette), and Fashion-MNIST images in gray.
 */

const POS: readonly [number, number, number] = [217, 95, 2];
const NEG: readonly [number, number, number] = [31, 120, 180];

/** The largest |w| of a layer (the scale every kernel of the layer is drawn on); 0 for all-zero. */
export function kernelScale(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]));
  return m;
}

/** RGBA pixels (k×k) of kernel `c` of a [channels, k, k] weight, on the scale ±`scale`. */
export function kernelPixels(
  data: ArrayLike<number>,
  c: number,
  k: number,
  scale: number,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(k * k * 4);
  for (let i = 0; i < k * k; i++) {
    const v = scale > 0 ? data[c * k * k + i] / scale : 0;
    const t = Math.min(1, Math.abs(v));
    const to = v >= 0 ? POS : NEG;
    for (let j = 0; j < 3; j++) px[i * 4 + j] = Math.round(255 + (to[j] - 255) * t);
    px[i * 4 + 3] = 255;
  }
  return px;
}

/** RGBA pixels of a gray h×w image stored as bytes at `offset` (ink dark on white, as printed). */
export function grayPixels(
  bytes: ArrayLike<number>,
  offset: number,
  h: number,
  w: number,
): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(h * w * 4);
  for (let i = 0; i < h * w; i++) {
    const v = 255 - bytes[offset + i];
    px[i * 4] = v;
    px[i * 4 + 1] = v;
    px[i * 4 + 2] = v;
    px[i * 4 + 3] = 255;
  }
  return px;
}
