/**
 * Matrix transposes in 32×32 tiles, so both sides stay in cache: into a fresh array (transpose2d),
 * or straight into a destination with its own row stride (transposeInto: a linear layer's weight
 * laid out in WebAssembly memory as the GEMM kernel reads B, with no intermediate copy).
 */

/** dst[dOff + c·ld + r] = src[sOff + r·sLd + c] for the rows×cols matrix at sOff (rows sLd apart). */
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
  const T = 32;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(cols, c0 + T);
      for (let r = r0; r < r1; r++) {
        const s = sOff + r * sLd;
        for (let c = c0; c < c1; c++) dst[dOff + c * ld + r] = src[s + c];
      }
    }
  }
}

/** rows×cols → cols×rows. */
export function transpose2d(src: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  transposeInto(src, 0, rows, cols, cols, out, 0, rows);
  return out;
}
