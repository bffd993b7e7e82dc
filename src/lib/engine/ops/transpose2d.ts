/**
 * Matrix transposes: into a fresh array (transpose2d), or straight into a destination with its own
 * row stride (transposeInto: a linear layer's weight laid out in WebAssembly memory as the GEMM
 * kernel reads B, with no intermediate copy).
 */

/**
 * dst[dOff + c·ld + r] = src[sOff + r·sLd + c] for the rows×cols matrix at sOff (rows sLd apart).
 * Four source rows go at a time, each read in order, so every column writes four consecutive
 * values: about twice as fast as 32×32 tiles one value at a time on ViT-Ti's weights.
 */
export function transposeInto(
  src: Float32Array,
  sOff: number,
  rows: number,
  cols: number,
  sLd: number,
  dst: Float32Array,
  dOff: number,
  ld: number,
): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const s0 = sOff + r * sLd;
    const s1 = s0 + sLd;
    const s2 = s1 + sLd;
    const s3 = s2 + sLd;
    for (let c = 0, d = dOff + r; c < cols; c++, d += ld) {
      dst[d] = src[s0 + c];
      dst[d + 1] = src[s1 + c];
      dst[d + 2] = src[s2 + c];
      dst[d + 3] = src[s3 + c];
    }
  }
  for (; r < rows; r++) {
    const s = sOff + r * sLd;
    for (let c = 0, d = dOff + r; c < cols; c++, d += ld) dst[d] = src[s + c];
  }
}

/** rows×cols → cols×rows. */
export function transpose2d(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  transposeInto(src, 0, rows, cols, cols, out, 0, rows);
  return out;
}
