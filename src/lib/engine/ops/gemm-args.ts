/**
 * The arguments of every GEMM kernel (sgemm.ts's contract, shared by the JavaScript kernel, the
 * WebAssembly one in wasm-gemm.ts and the buffer check), written once as a labelled tuple. sgemm,
 * jsGemm and the check are GemmFns, their parameters typed from the tuple by position, so a small
 * product's call allocates nothing (a rest array and spread calls measurably slowed 4×4×8
 * products); wasmGemm, for large products only, takes them as one array to hand to its cases.
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
