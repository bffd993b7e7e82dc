/**
 * Single-precision GEMM over Float32Array: C[M×N] = A[M×K] · B[K×N] (all row-major), with a
 * per-row epilogue (scale, shift, activation) so a convolution's bias, folded BatchNorm and
 * activation cost no extra pass over memory.
 *
 * Large products run in the WebAssembly SIMD kernel of wasm-gemm.ts. Speed in plain JavaScript
 * (the fallback and small products) comes from (1) packing B into 8-column panels so the inner loop reads
 * one contiguous stream, (2) a 4×8 register tile (32 accumulators, 12 loads per 32
 * multiply-adds), and (3) row blocks of A that stay in cache while a panel streams past.
 */
import { activateRow, NO_EPILOGUE } from './activation-code.ts';
import type { GemmFn, GemmTransBArgs } from './gemm-args.ts';
import { transposeInto } from './transpose2d.ts';
import { wasmGemm, wasmGemmTransB } from './wasm-gemm.ts';
import { wasmKernels } from './wasm-kernels.ts';

/** Below this many multiply-adds the copies into WebAssembly memory outweigh its speed. */
const WASM_MIN_MACS = 1 << 14;

/** Whether sgemm() runs this product in WebAssembly (float32 accumulation) or JavaScript (float64). */
export function gemmUsesWasm(M: number, N: number, K: number): boolean {
  return M * N * K >= WASM_MIN_MACS && wasmKernels() !== null;
}

/**
 * The product's extent against the buffers, before the JavaScript loops or the WebAssembly kernel
 * index them (a few comparisons per call): the last row of each operand must end inside it.
 */
export const checkGemmBuffers: GemmFn = (M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep = NO_EPILOGUE) => {
  const ok =
    [M, N, K, aOff, lda, bOff, ldb, cOff, ldc].every((v) => Number.isSafeInteger(v) && v >= 0) &&
    (M === 0 || K === 0 || (lda >= K && aOff + (M - 1) * lda + K <= A.length)) &&
    (K === 0 || N === 0 || (ldb >= N && bOff + (K - 1) * ldb + N <= B.length)) &&
    (M === 0 || N === 0 || (ldc >= N && cOff + (M - 1) * ldc + N <= C.length)) &&
    (!ep.scale || ep.scale.length >= M) &&
    (!ep.shift || ep.shift.length >= M);
  if (!ok) throw new RangeError(`sgemm ${M}×${K}·${K}×${N}: operands do not fit their buffers`);
};

const NR = 8;
/** Scratch for packed panels, grown on demand and reused across calls (results never depend on it). */
let packBuf = new Float32Array(0);

function scratch(n: number): Float32Array {
  if (packBuf.length < n) packBuf = new Float32Array(Math.max(n, packBuf.length * 2));
  return packBuf;
}

/** Packs B[K×N] (row stride ldb, from bOff) into ceil(N/8) panels of K×8, zero-padding the last. */
function packB(B: Float32Array, bOff: number, ldb: number, K: number, N: number, out: Float32Array): void {
  const panels = Math.ceil(N / NR);
  for (let p = 0; p < panels; p++) {
    const j0 = p * NR;
    const w = Math.min(NR, N - j0);
    let o = p * K * NR;
    if (w === NR) {
      for (let k = 0; k < K; k++) {
        const s = bOff + k * ldb + j0;
        out[o] = B[s];
        out[o + 1] = B[s + 1];
        out[o + 2] = B[s + 2];
        out[o + 3] = B[s + 3];
        out[o + 4] = B[s + 4];
        out[o + 5] = B[s + 5];
        out[o + 6] = B[s + 6];
        out[o + 7] = B[s + 7];
        o += NR;
      }
    } else {
      for (let k = 0; k < K; k++) {
        const s = bOff + k * ldb + j0;
        for (let j = 0; j < NR; j++) out[o + j] = j < w ? B[s + j] : 0;
        o += NR;
      }
    }
  }
}

/**
 * C[i, j] = act(scale[i] · Σ_k A[i, k] · B[k, j] + shift[i]), the arguments as GemmArgs names them.
 */
export const sgemm: GemmFn = (M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep = NO_EPILOGUE) => {
  checkGemmBuffers(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep);
  if (M * N * K >= WASM_MIN_MACS && wasmGemm(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep)) return;
  jsGemm(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep);
};

/**
 * C[M×N] = A[M×K] · Wᵀ (+ bias[j] on column j, when given): sgemm with B given
 * transposed, as a linear layer's weight is stored (PyTorch, ONNX Gemm with transB = 1): `W` holds
 * N rows of K from wOff, rows ldw apart. Large products transpose W straight into the WebAssembly
 * memory where the kernel reads B (no transposed copy allocated and copied again per run) and add
 * the bias as the sums' last step (wasm-gemm.ts), so each output is fl(A·Wᵀ + bias) in the kernel's
 * order: the bits of sgemm over transpose2d(W) with the bias added afterwards, which is what the
 * JavaScript path does. Nothing is kept between calls: W and the bias are read as they are now.
 */
export function sgemmTransB(...args: GemmTransBArgs): void {
  const [M, N, K, A, aOff, lda, W, wOff, ldw, C, cOff, ldc, bias] = args;
  // W's extent and the bias's, checked as what they are; A and C as sgemm checks them (a K of 0
  // leaves out A and B, an N of 0 B and C).
  const wFits =
    [wOff, ldw].every((v) => Number.isSafeInteger(v) && v >= 0) &&
    (N === 0 || K === 0 || (ldw >= K && wOff + (N - 1) * ldw + K <= W.length)) &&
    (!bias || bias.length >= N);
  if (!wFits) throw new RangeError(`sgemm ${M}×${K}·(${N}×${K})ᵀ: W or the bias does not fit its buffer`);
  checkGemmBuffers(M, N, 0, A, aOff, lda, W, 0, N, C, cOff, ldc);
  checkGemmBuffers(M, 0, K, A, aOff, lda, W, 0, 0, C, cOff, ldc);
  if (M * N * K >= WASM_MIN_MACS && wasmGemmTransB(...args)) return;
  const B = new Float32Array(K * N);
  transposeInto(W, wOff, N, K, ldw, B, 0, N);
  jsGemm(M, N, K, A, aOff, lda, B, 0, N, C, cOff, ldc);
  if (bias)
    for (let i = 0; i < M; i++) {
      const o = cOff + i * ldc;
      for (let j = 0; j < N; j++) C[o + j] += bias[j];
    }
}

/** The JavaScript GEMM (used for small products and where WebAssembly SIMD is unavailable). */
export const jsGemm: GemmFn = (M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep = NO_EPILOGUE) => {
  const panels = Math.ceil(N / NR);
  const Bp = scratch(panels * K * NR);
  packB(B, bOff, ldb, K, N, Bp);
  const scale = ep.scale;
  const shift = ep.shift;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = aOff + i * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    const s0 = scale ? scale[i] : 1,
      s1 = scale ? scale[i + 1] : 1,
      s2 = scale ? scale[i + 2] : 1,
      s3 = scale ? scale[i + 3] : 1;
    const t0 = shift ? shift[i] : 0,
      t1 = shift ? shift[i + 1] : 0,
      t2 = shift ? shift[i + 2] : 0,
      t3 = shift ? shift[i + 3] : 0;
    for (let p = 0; p < panels; p++) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c04 = 0,
        c05 = 0,
        c06 = 0,
        c07 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0,
        c14 = 0,
        c15 = 0,
        c16 = 0,
        c17 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c24 = 0,
        c25 = 0,
        c26 = 0,
        c27 = 0;
      let c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0,
        c34 = 0,
        c35 = 0,
        c36 = 0,
        c37 = 0;
      let b = p * K * NR;
      for (let k = 0; k < K; k++) {
        const b0 = Bp[b],
          b1 = Bp[b + 1],
          b2 = Bp[b + 2],
          b3 = Bp[b + 3];
        const b4 = Bp[b + 4],
          b5 = Bp[b + 5],
          b6 = Bp[b + 6],
          b7 = Bp[b + 7];
        b += NR;
        let a = A[a0 + k];
        c00 += a * b0;
        c01 += a * b1;
        c02 += a * b2;
        c03 += a * b3;
        c04 += a * b4;
        c05 += a * b5;
        c06 += a * b6;
        c07 += a * b7;
        a = A[a1 + k];
        c10 += a * b0;
        c11 += a * b1;
        c12 += a * b2;
        c13 += a * b3;
        c14 += a * b4;
        c15 += a * b5;
        c16 += a * b6;
        c17 += a * b7;
        a = A[a2 + k];
        c20 += a * b0;
        c21 += a * b1;
        c22 += a * b2;
        c23 += a * b3;
        c24 += a * b4;
        c25 += a * b5;
        c26 += a * b6;
        c27 += a * b7;
        a = A[a3 + k];
        c30 += a * b0;
        c31 += a * b1;
        c32 += a * b2;
        c33 += a * b3;
        c34 += a * b4;
        c35 += a * b5;
        c36 += a * b6;
        c37 += a * b7;
      }
      const j0 = p * NR;
      const w = Math.min(NR, N - j0);
      let o = cOff + i * ldc + j0;
      if (w === NR) {
        C[o] = c00 * s0 + t0;
        C[o + 1] = c01 * s0 + t0;
        C[o + 2] = c02 * s0 + t0;
        C[o + 3] = c03 * s0 + t0;
        C[o + 4] = c04 * s0 + t0;
        C[o + 5] = c05 * s0 + t0;
        C[o + 6] = c06 * s0 + t0;
        C[o + 7] = c07 * s0 + t0;
        o += ldc;
        C[o] = c10 * s1 + t1;
        C[o + 1] = c11 * s1 + t1;
        C[o + 2] = c12 * s1 + t1;
        C[o + 3] = c13 * s1 + t1;
        C[o + 4] = c14 * s1 + t1;
        C[o + 5] = c15 * s1 + t1;
        C[o + 6] = c16 * s1 + t1;
        C[o + 7] = c17 * s1 + t1;
        o += ldc;
        C[o] = c20 * s2 + t2;
        C[o + 1] = c21 * s2 + t2;
        C[o + 2] = c22 * s2 + t2;
        C[o + 3] = c23 * s2 + t2;
        C[o + 4] = c24 * s2 + t2;
        C[o + 5] = c25 * s2 + t2;
        C[o + 6] = c26 * s2 + t2;
        C[o + 7] = c27 * s2 + t2;
        o += ldc;
        C[o] = c30 * s3 + t3;
        C[o + 1] = c31 * s3 + t3;
        C[o + 2] = c32 * s3 + t3;
        C[o + 3] = c33 * s3 + t3;
        C[o + 4] = c34 * s3 + t3;
        C[o + 5] = c35 * s3 + t3;
        C[o + 6] = c36 * s3 + t3;
        C[o + 7] = c37 * s3 + t3;
      } else {
        const r0 = [c00, c01, c02, c03, c04, c05, c06, c07];
        const r1 = [c10, c11, c12, c13, c14, c15, c16, c17];
        const r2 = [c20, c21, c22, c23, c24, c25, c26, c27];
        const r3 = [c30, c31, c32, c33, c34, c35, c36, c37];
        for (let j = 0; j < w; j++) {
          C[o + j] = r0[j] * s0 + t0;
          C[o + ldc + j] = r1[j] * s1 + t1;
          C[o + 2 * ldc + j] = r2[j] * s2 + t2;
          C[o + 3 * ldc + j] = r3[j] * s3 + t3;
        }
      }
    }
    for (let r = 0; r < 4; r++) {
      const o = cOff + (i + r) * ldc;
      activateRow(C, o, o + N, ep.act, ep.p0, ep.p1);
    }
  }
  // Remaining rows (M not a multiple of 4): one row against each 8-column panel.
  for (; i < M; i++) {
    const a0 = aOff + i * lda;
    const s0 = scale ? scale[i] : 1;
    const t0 = shift ? shift[i] : 0;
    for (let p = 0; p < panels; p++) {
      let c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0,
        c4 = 0,
        c5 = 0,
        c6 = 0,
        c7 = 0;
      let b = p * K * NR;
      for (let k = 0; k < K; k++) {
        const a = A[a0 + k];
        c0 += a * Bp[b];
        c1 += a * Bp[b + 1];
        c2 += a * Bp[b + 2];
        c3 += a * Bp[b + 3];
        c4 += a * Bp[b + 4];
        c5 += a * Bp[b + 5];
        c6 += a * Bp[b + 6];
        c7 += a * Bp[b + 7];
        b += NR;
      }
      const j0 = p * NR;
      const w = Math.min(NR, N - j0);
      const o = cOff + i * ldc + j0;
      const r = [c0, c1, c2, c3, c4, c5, c6, c7];
      for (let j = 0; j < w; j++) C[o + j] = r[j] * s0 + t0;
    }
    const o = cOff + i * ldc;
    activateRow(C, o, o + N, ep.act, ep.p0, ep.p1);
  }
};
