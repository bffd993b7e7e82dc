/**
 * A reader's own image in Fashion-MNIST's format, pure (the browser only resamples on a canvas):
 * Fashion-MNIST's images were made by trimming each product photo, resizing its longest edge to 28,
 * converting to 8-bit gray and negating, so clothes are light on a black background (Xiao et al.
 * 2017, arXiv 1708.07747, §2, Figure 2). Here: the upload, already resized so its longest side is
 * 28, to gray with the ITU-R BT.601 luma weights (as PIL's convert('L')), transparent pixels over
 * white, inverted when asked (by default when the border is light, i.e. a photo on a light
 * background), centred on a black 28 × 28 square. The model's own preprocessing (scale, resize to
 * its resolution, mean/std) then follows from the manifest, as for the bundled images.
 */
export const SIDE = 28;

/** The size that keeps the aspect ratio with the longest side `side` (never 0). */
export function fitSize(w: number, h: number, side = SIDE): { w: number; h: number } {
  if (!(w > 0 && h > 0)) throw new Error(`the image has no pixels (${w}×${h})`);
  const k = side / Math.max(w, h);
  return { w: Math.max(1, Math.round(w * k)), h: Math.max(1, Math.round(h * k)) };
}

/** RGBA bytes → gray bytes: 0.299 R + 0.587 G + 0.114 B, composited over white by alpha. */
export function grayFromRgba(rgba: ArrayLike<number>, w: number, h: number): Uint8Array {
  if (rgba.length < 4 * w * h) throw new Error(`expected ${4 * w * h} RGBA bytes for ${w}×${h}, got ${rgba.length}`);
  const out = new Uint8Array(w * h);
  for (let p = 0; p < w * h; p++) {
    const a = rgba[4 * p + 3] / 255;
    const y = 0.299 * rgba[4 * p] + 0.587 * rgba[4 * p + 1] + 0.114 * rgba[4 * p + 2];
    out[p] = Math.round(a * y + (1 - a) * 255);
  }
  return out;
}

/** Whether the image's border (its outermost pixels) is light on average: a light background. */
export function lightBackground(gray: ArrayLike<number>, w: number, h: number): boolean {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (y !== 0 && y !== h - 1 && x !== 0 && x !== w - 1) continue;
      sum += gray[y * w + x];
      n++;
    }
  return sum / n > 127.5;
}

/** The gray image (at most 28 on each side), inverted if asked, centred on a black 28 × 28 square. */
export function fashionPixels(gray: ArrayLike<number>, w: number, h: number, invert: boolean): Uint8Array {
  if (w > SIDE || h > SIDE) throw new Error(`the image is ${w}×${h}; resize it to at most ${SIDE} on each side first`);
  const out = new Uint8Array(SIDE * SIDE);
  const ox = Math.floor((SIDE - w) / 2);
  const oy = Math.floor((SIDE - h) / 2);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = gray[y * w + x];
      out[(y + oy) * SIDE + x + ox] = invert ? 255 - v : v;
    }
  return out;
}
