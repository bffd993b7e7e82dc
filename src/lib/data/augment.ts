/**
 * Training augmentation on one h×w plane, as torchvision's `RandomCrop(size, padding=p)` (zero
 * fill) followed by `RandomHorizontalFlip(0.5)`: the plane is padded by `pad` zeros on every side
 * and an h×w window is cut at an offset drawn uniformly from 0 … 2·pad on each axis; then, with
 * probability ½, mirrored left–right. Zero is the background of Fashion-MNIST (black), applied
 * before normalisation as torchvision does.
 */
import type { Rng } from './rng.ts';

/** The crop window's offset into the padded plane and the flip decision. */
export interface AugmentDraw {
  readonly dy: number;
  readonly dx: number;
  readonly flip: boolean;
}

/** Draws one augmentation: dy, then dx, then flip, each from `rng` (the order is part of determinism). */
export function drawAugment(rng: Rng, pad: number): AugmentDraw {
  const dy = rng.int(2 * pad + 1);
  const dx = rng.int(2 * pad + 1);
  const flip = rng.next() < 0.5;
  return { dy, dx, flip };
}

/**
 * Applies a drawn crop-with-padding and flip to `src` (h×w) into `out`: out[y][x] =
 * padded[y + dy][x' + dx] with x' = w − 1 − x when flipped, padded[i][j] = src[i − pad][j − pad]
 * inside the image and 0 outside.
 */
export function applyAugment(
  src: Float32Array,
  h: number,
  w: number,
  pad: number,
  d: AugmentDraw,
  out = new Float32Array(h * w),
): Float32Array {
  for (let y = 0; y < h; y++) {
    const sy = y + d.dy - pad;
    for (let x = 0; x < w; x++) {
      const xx = d.flip ? w - 1 - x : x;
      const sx = xx + d.dx - pad;
      out[y * w + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[sy * w + sx] : 0;
    }
  }
  return out;
}
