/**
 * sgemm() on the WebAssembly SIMD kernel (wasm-kernels.ts): operands are copied into the module's
 * memory and the result copied back; for the pointwise convolutions of a mobile CNN the copies
 * cost a small fraction of the multiply-adds they speed up.
 */
import { NO_EPILOGUE } from './activation-code.ts';
import type { GemmArgs, GemmTransBArgs } from './gemm-args.ts';
import { transposeInto } from './transpose2d.ts';
import { putScaleShift, splitCall, type WasmKernels, wasmKernels } from './wasm-kernels.ts';

/**
 * Columns per panel of the kernel's blocking (wasm-kernel-funcs.ts): all N8 while B fits in
 * PANEL_BYTES (then each row block already finds it in cache), else as many 8-wide columns as fit.
 */
const PANEL_BYTES = 128 * 1024;
function panelWidth(n8: number, K: number): number {
  if (K * n8 * 4 <= PANEL_BYTES) return n8;
  return Math.max(8, Math.floor(PANEL_BYTES / (K * 4 * 8)) * 8);
}

/**
 * Multiply-adds below which a GEMM stays on one thread even when a helper is there: handing work
 * over and back costs some microseconds, as much as a few tens of thousands of multiply-adds.
 */
export const SPLIT_MIN_MACS = 1 << 16;

/**
 * Rows (of M4, a multiple of 4) this thread computes; the helper, if any, computes the rest. Each
 * output row is one dot product per column in the same order whichever thread runs it, so the
 * split changes no bit of the result (the split is over independent outputs only).
 */
export function splitRows(kern: WasmKernels, m4: number, macsPerRow: number): number {
  if (!kern.helper || m4 < 8 || m4 * macsPerRow < SPLIT_MIN_MACS) return m4;
  return Math.ceil(m4 / 8) * 4;
}

/** Same contract as sgemm(); returns false (doing nothing) when the WebAssembly kernel is unavailable. */
export function wasmGemm(...args: GemmArgs): boolean {
  const kern = wasmKernels();
  return kern !== null && gemmIn(kern, args, false, null);
}

/**
 * Same contract as sgemmTransB() (B given as W = Bᵀ, N rows of K, ldb apart, then a bias per
 * column or null): W is transposed straight into the module's memory where B goes, so the kernel
 * reads what wasmGemm would hand it.
 */
export function wasmGemmTransB(...args: GemmTransBArgs): boolean {
  const kern = wasmKernels();
  if (!kern) return false;
  const [M, N, K, A, aOff, lda, W, wOff, ldw, C, cOff, ldc, bias] = args;
  return gemmIn(kern, [M, N, K, A, aOff, lda, W, wOff, ldw, C, cOff, ldc], true, bias);
}

/**
 * wasmGemm, or with `wT` wasmGemmTransB. A `bias` (N values, with wT only) joins each output's sum
 * as one more step of k, after the K steps of the product: A gets a column of ones and B a last row
 * holding the bias. 1·b is exact, so the multiply-add (fused or not) gives fl(sum + b), the very
 * rounding of adding the bias to the finished product, and the product's own steps keep their order.
 */
function gemmIn(kern: WasmKernels, args: GemmArgs, wT: boolean, bias: Float32Array | null): true {
  const [M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, ep = NO_EPILOGUE] = args;
  if (N === 1) {
    // One column: Wᵀ's column is W's one row, K consecutive values; its one bias added after.
    gemv(kern, wT ? [M, N, K, A, aOff, lda, B, bOff, 1, C, cOff, ldc, ep] : args);
    if (bias) for (let i = 0; i < M; i++) C[cOff + i * ldc] += bias[0];
    return true;
  }
  if (splitColumns(kern, M, N, K, wT ? N : ldb, ldc)) return gemmColumns(kern, args, wT, bias);
  const m4 = Math.ceil(M / 4) * 4;
  const n8 = Math.ceil(N / 8) * 8;
  // Steps of k the kernel runs: the product's, and one for the bias.
  const kA = bias ? K + 1 : K;
  const aBytes = m4 * kA * 4;
  const bBytes = kA * n8 * 4;
  const cBytes = m4 * n8 * 4;
  const aPtr = 0;
  const bPtr = aPtr + aBytes;
  const cPtr = bPtr + bBytes;
  const sPtr = cPtr + cBytes;
  const tPtr = sPtr + m4 * 4;
  // Scratch for B, or C, with rows N apart, when the kernel's rows (n8 apart) are wider.
  const stage = tPtr + m4 * 4;
  const restride = n8 !== N;
  const heap = kern.heap(stage + (restride ? Math.max(K, M) * N * 4 : 0));
  putA(heap, aPtr >> 2, kA, args, bias !== null);
  // B: K rows of N at stride n8 (padding columns likewise only feed padding outputs).
  // Re-striding goes through the module's pad (one set() in, then rows moved in wasm): a set() per
  // row cost more than the multiply-adds on 14×14 and 7×7 maps and the 1×1 squeeze-excite convs.
  if (wT) {
    transposeInto(B, bOff, N, K, ldb, heap, bPtr >> 2, n8);
    if (bias) heap.set(bias.subarray(0, N), (bPtr >> 2) + K * n8);
  } else if (n8 === N && ldb === N) heap.set(B.subarray(bOff, bOff + K * N), bPtr >> 2);
  else if (ldb === N) {
    heap.set(B.subarray(bOff, bOff + K * N), stage >> 2);
    kern.pad(1, stage, K, N, N, bPtr, K, n8, 0, 0, 0);
  } else for (let k = 0; k < K; k++) heap.set(B.subarray(bOff + k * ldb, bOff + k * ldb + N), (bPtr >> 2) + k * n8);
  putScaleShift(heap, ep, M, sPtr >> 2, tPtr >> 2);
  const nb = panelWidth(n8, kA);
  const split = splitRows(kern, m4, n8 * kA);
  const here = (): void => kern.gemm(split, n8, kA, aPtr, bPtr, cPtr, sPtr, tPtr, ep.act, ep.p0, ep.p1, nb);
  if (split < m4) {
    // Rows split..m4 on the helper (wasm-threads.ts), rows 0..split here.
    const [a, c, s, t] = [aPtr + split * kA * 4, cPtr + split * n8 * 4, sPtr + split * 4, tPtr + split * 4];
    splitCall(kern, 'gemm', [m4 - split, n8, kA, a, bPtr, c, s, t, ep.act, ep.p0, ep.p1, nb], here);
  } else here();
  const c0 = cPtr >> 2;
  if (n8 === N && ldc === N) C.set(heap.subarray(c0, c0 + M * N), cOff);
  else if (ldc === N) {
    kern.pad(1, cPtr, M, N, n8, stage, M, N, 0, 0, 0);
    C.set(heap.subarray(stage >> 2, (stage >> 2) + M * N), cOff);
  } else for (let i = 0; i < M; i++) C.set(heap.subarray(c0 + i * n8, c0 + i * n8 + N), cOff + i * ldc);
  return true;
}

/**
 * A's M rows of K into the heap from float index `dst`, rows kA apart; with `ones`, kA is K + 1 and
 * each row ends in a 1 (the bias's step of k). Padding rows (up to a multiple of 4) are left as
 * they are: they only feed padding output rows, which are never read back.
 */
function putA(heap: Float32Array, dst: number, kA: number, [M, , K, A, aOff, lda]: GemmArgs, ones: boolean): void {
  if (lda === K && kA === K) heap.set(A.subarray(aOff, aOff + M * K), dst);
  else
    for (let i = 0; i < M; i++) {
      heap.set(A.subarray(aOff + i * lda, aOff + i * lda + K), dst + i * kA);
      if (ones) heap[dst + i * kA + K] = 1;
    }
}

/** wasmGemm's one-column case on the module's gemv (same sums as gemm, without seven idle columns). */
function gemv(kern: WasmKernels, args: GemmArgs): true {
  const [M, , K, , , , B, bOff, ldb, C, cOff, ldc, ep = NO_EPILOGUE] = args;
  const m4 = Math.ceil(M / 4) * 4;
  const a0 = 0;
  const x0 = m4 * K;
  const c0 = x0 + K;
  const s0 = c0 + m4;
  const t0 = s0 + m4;
  const heap = kern.heap((t0 + m4) * 4);
  putA(heap, a0, K, args, false);
  if (ldb === 1) heap.set(B.subarray(bOff, bOff + K), x0);
  else for (let k = 0; k < K; k++) heap[x0 + k] = B[bOff + k * ldb];
  putScaleShift(heap, ep, M, s0, t0);
  const split = splitRows(kern, m4, K);
  const here = (): void => kern.gemv(split, K, a0 * 4, x0 * 4, c0 * 4, s0 * 4, t0 * 4, ep.act, ep.p0, ep.p1);
  if (split < m4) {
    const [a, c, s, t] = [(a0 + split * K) * 4, (c0 + split) * 4, (s0 + split) * 4, (t0 + split) * 4];
    splitCall(kern, 'gemv', [m4 - split, K, a, x0 * 4, c, s, t, ep.act, ep.p0, ep.p1], here);
  } else here();
  if (ldc === 1) C.set(heap.subarray(c0, c0 + M), cOff);
  else for (let i = 0; i < M; i++) C[cOff + i * ldc] = heap[c0 + i];
  return true;
}

/**
 * Whether to split a GEMM by columns rather than rows (two threads only): for a wide C (few rows,
 * many columns: the projecting pointwise convs on MobileNet's large early maps) each thread would
 * otherwise stream all of a large B through its cache for half the rows; by columns each reads
 * half of B. The price is two more passes over B and C on this thread (re-striding the halves),
 * too much where K is small: 96×3136×24 lost time by columns, 24×3136×144 gained (quick timings
 * on a loaded two-core machine, so the bounds are rough).
 */
const COLUMN_SPLIT_MIN_K = 64;
function splitColumns(kern: WasmKernels, M: number, N: number, K: number, ldb: number, ldc: number): boolean {
  if (!kern.helper || ldb !== N || ldc !== N || M * N * K < SPLIT_MIN_MACS) return false;
  return N >= 256 && N >= 2 * M && K >= COLUMN_SPLIT_MIN_K;
}

/**
 * wasmGemm split by columns: B's first NA columns (a multiple of 8) and the rest are laid out as two
 * matrices, and C's two halves computed by the same kernel, one per thread, then interleaved back
 * into rows of N by the module's pad (B's and C's rows are N apart: splitColumns asks it, so ldc
 * and, unless `wT` gives W = Bᵀ whose rows are ldb apart, ldb go unread). An output's sum runs
 * over k in the same order whichever half (and which lane of a tile) computes it, so the result
 * is the one-thread result bit for bit.
 */
function gemmColumns(kern: WasmKernels, args: GemmArgs, wT: boolean, bias: Float32Array | null): true {
  const [M, N, K, , , , B, bOff, ldb, C, cOff, , ep = NO_EPILOGUE] = args;
  const m4 = Math.ceil(M / 4) * 4;
  const nA = Math.ceil(N / 16) * 8;
  const nB = N - nA;
  const nB8 = Math.ceil(nB / 8) * 8;
  const kA = bias ? K + 1 : K;
  const aPtr = 0;
  const bA = aPtr + m4 * kA * 4;
  const bB = bA + kA * nA * 4;
  const cA = bB + kA * nB8 * 4;
  const cB = cA + m4 * nA * 4;
  const sPtr = cB + m4 * nB8 * 4;
  const tPtr = sPtr + m4 * 4;
  // B unstrided on the way in, C on the way out.
  const stage = tPtr + m4 * 4;
  const heap = kern.heap(stage + Math.max(K, M) * N * 4);
  putA(heap, aPtr >> 2, kA, args, bias !== null);
  if (wT) {
    // W's first nA rows are the first half's columns, the rest the second's; so is the bias.
    transposeInto(B, bOff, nA, K, ldb, heap, bA >> 2, nA);
    transposeInto(B, bOff + nA * ldb, nB, K, ldb, heap, bB >> 2, nB8);
    if (bias) {
      heap.set(bias.subarray(0, nA), (bA >> 2) + K * nA);
      heap.set(bias.subarray(nA, N), (bB >> 2) + K * nB8);
    }
  } else {
    heap.set(B.subarray(bOff, bOff + K * N), stage >> 2);
    kern.pad(1, stage, K, nA, N, bA, K, nA, 0, 0, 0);
    kern.pad(1, stage + nA * 4, K, nB, N, bB, K, nB8, 0, 0, 0);
  }
  putScaleShift(heap, ep, M, sPtr >> 2, tPtr >> 2);
  const there = [m4, nB8, kA, aPtr, bB, cB, sPtr, tPtr, ep.act, ep.p0, ep.p1, panelWidth(nB8, kA)];
  splitCall(kern, 'gemm', there, () =>
    kern.gemm(m4, nA, kA, aPtr, bA, cA, sPtr, tPtr, ep.act, ep.p0, ep.p1, panelWidth(nA, kA)),
  );
  kern.pad(1, cA, M, nA, nA, stage, M, N, 0, 0, 0);
  kern.pad(1, cB, M, nB, nB8, stage, M, N, 0, nA, 0);
  C.set(heap.subarray(stage >> 2, (stage >> 2) + M * N), cOff);
  return true;
}
