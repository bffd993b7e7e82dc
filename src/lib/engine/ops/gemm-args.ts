/**
 * The arguments of every GEMM kernel (sgemm.ts's contract, shared by the JavaScript kernel, the
 * WebAssembly one in wasm-gemm.ts and the buffer check), written once as a labelled tuple. sgemm,
 * jsGemm and the check are GemmFns, their parameters typed from the tuple by position, so a small
 * product's call allocates nothing (a rest array and spread calls measurably slowed 4×4×8
 * products); wasmGemm, for large products only, takes them as one array to hand to its cases.
 */
import type { Epilogue } from './activation-code.ts';

/** The operands and their layout: A and B multiplied into C. */
type GemmOperands = [
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
];

/**
 * C[M×N] = act(scale · A[M×K] · B[K×N] + shift): A starts at aOff with row stride lda, B at bOff
 * with row stride ldb, C at cOff with row stride ldc (all row-major); `ep` is the per-row epilogue,
 * none when left out.
 */
export type GemmArgs = [...GemmOperands, ep?: Epilogue];

/**
 * C[M×N] = A[M×K] · Bᵀ (+ bias[j] on column j unless null), B given as W = Bᵀ (a linear layer's
 * weight): `B` holds N rows of K from bOff, ldb apart; A and C as in GemmArgs.
 */
export type GemmTransBArgs = [...GemmOperands, bias: Float32Array | null];

/** A GEMM kernel over GemmArgs. */
export type GemmFn = (...args: GemmArgs) => void;
