/**
 * The arguments of every GEMM kernel (sgemm.ts's contract, shared by the JavaScript kernel, the
 * WebAssembly one in wasm-gemm.ts and the buffer check), written once as a labelled tuple. A kernel
 * is a GemmFn, its parameters typed from the tuple by position; positional rather than a record or
 * a rest array, so a call allocates nothing: small products call these often, and a rest array
 * plus spread calls cost about a microsecond each (4×4×8 went from 0.6 to 1.6 µs).
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

/** A GEMM kernel over GemmArgs. */
export type GemmFn = (...args: GemmArgs) => void;
