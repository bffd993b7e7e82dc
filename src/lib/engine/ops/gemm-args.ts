/**
 * The arguments of every GEMM kernel (sgemm.ts's contract, shared by the JavaScript kernel, the
 * WebAssembly one in wasm-gemm.ts and the buffer check), written once as a labelled tuple: a
 * kernel declares `...args: GemmArgs` and the names travel with the type. Positional rather than a
 * record so a call allocates nothing the JIT cannot remove and callers keep their BLAS-like lists.
 */
import type { Epilogue } from './activation-code.ts';

/**
 * C[M×N] = act(scale · A[M×K] · B[K×N] + shift): A starts at aOff with row stride lda, B at bOff
 * with row stride ldb, C at cOff with row stride ldc (all row-major); `ep` is the per-row epilogue,
 * none when left out.
 */
export type GemmArgs = [
  M: number,
  N: number,
  K: number,
  A: Float32Array,
  aOff: number,
  lda: number,
  B: Float32Array,
  bOff: number,
  ldb: number,
  C: Float32Array,
  cOff: number,
  ldc: number,
  ep?: Epilogue,
];
