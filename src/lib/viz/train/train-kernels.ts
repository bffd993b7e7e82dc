/**
 * Pixels for the playground's small images: learned k×k depthwise kernels on a diverging scale
 * (one symmetric scale for the whole layer, so kernels compare: positive weights orange, negative
 * blue, zero white — colours from the site's palette), and Fashion-MNIST images in gray.
 */
import { planePixels, type Palette } from '../charts/heatmap.ts';

/** The kernels' fixed colours: negative blue, zero white, positive orange. */
const KERNEL_PALETTE: Palette = { neg: [31, 120, 180], mid: [255, 255, 255], pos: [217, 95, 2] };

/**
 * The largest finite |w| of a layer (the scale every kernel of the layer is drawn on); 0 when no
 * weight is finite and non-zero. Non-finite weights are left out, as robustScale leaves them out of
 * the activation planes: one Infinity would otherwise wash every other kernel of the layer out to white.
 */
export function kernelScale(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > m && a < Infinity) m = a;
  }
  return m;
}

/**
 * RGBA pixels (k×k) of kernel `c` of a [channels, k, k] weight, on the scale ±`scale`: the
 * activation planes' colouring (planePixels), so a diverged run reads the same in both pictures:
 * ±Infinity at full orange or blue (beyond any scale, with its sign), NaN white (no sign, no size).
 */
export function kernelPixels(
  data: ArrayLike<number>,
  c: number,
  k: number,
  scale: number,
): Uint8ClampedArray<ArrayBuffer> {
  return planePixels(
    data,
    { count: data.length / (k * k), h: k, w: k, stride: k * k, size: k * k },
    c,
    scale,
    KERNEL_PALETTE,
  );
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
