/**
 * Gemm and MatMul gradients, as GEMMs on the forward's sgemm.
 *
 * Gemm, Y = α·A'·B' + β·C (A' = Aᵀ when transA, B' = Bᵀ when transB):
 *   dA' = α·dY·B'ᵀ, dB' = α·A'ᵀ·dY, dC = β·dY summed over C's broadcast axes;
 *   dA = dA'ᵀ when transA, dB = dB'ᵀ when transB (computed directly as α·dYᵀ·A' for a Linear layer).
 * MatMul (numpy semantics), per broadcast batch q: dA_q = dY_q·B_qᵀ, dB_q = A_qᵀ·dY_q, added into the
 * operand's own batch slot when it was broadcast; 1-D operands get their 1-D shape back.
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { NO_EPILOGUE } from '../ops/activation-code.ts';
import { type GemmGeometry, matMulPairs, type MatMulGeometry } from '../ops/gemm.ts';
import { transpose2d } from '../ops/transpose2d.ts';
import { sgemm } from '../ops/sgemm.ts';
import { f32, type Tensor } from '../tensor.ts';
import { reduceTo } from './reduce-to.ts';

function floats(node: string, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array))
    throw new EngineError('dtype', `${what} must be float32 for backward`, node);
  return t.data;
}

function scale(a: Float32Array, s: number): Float32Array {
  if (s !== 1) for (let i = 0; i < a.length; i++) a[i] *= s;
  return a;
}

export const gemmGradient: Gradient<GemmGeometry> = {
  keeps: { inputs: [0, 1] },
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs }) {
    const { M, K, N, alpha } = g;
    const name = g.node.name;
    const dy = floats(name, gradOutputs[0], 'Gemm dY');
    const out: (Tensor | undefined)[] = [];
    if (needs[0]) {
      const B = floats(name, inputs[1], 'Gemm B');
      // B'ᵀ as an N×K row-major matrix: B itself when transB, else Bᵀ.
      const bt = g.transB ? B : transpose2d(B, K, N);
      const da = new Float32Array(M * K);
      sgemm(M, K, N, dy, 0, N, bt, 0, K, da, 0, K, NO_EPILOGUE);
      out[0] = f32(inputMeta[0]!.dims, scale(g.transA ? transpose2d(da, M, K) : da, alpha));
    }
    if (needs[1]) {
      const A = floats(name, inputs[0], 'Gemm A');
      if (g.transB) {
        // dB [N×K] = α·dYᵀ [N×M] · A' [M×K].
        const ap = g.transA ? transpose2d(A, K, M) : A;
        const db = new Float32Array(N * K);
        sgemm(N, K, M, transpose2d(dy, M, N), 0, M, ap, 0, K, db, 0, K, NO_EPILOGUE);
        out[1] = f32(inputMeta[1]!.dims, scale(db, alpha));
      } else {
        // dB [K×N] = α·A'ᵀ [K×M] · dY [M×N].
        const at = g.transA ? A : transpose2d(A, M, K);
        const db = new Float32Array(K * N);
        sgemm(K, N, M, at, 0, M, dy, 0, N, db, 0, N, NO_EPILOGUE);
        out[1] = f32(inputMeta[1]!.dims, scale(db, alpha));
      }
    }
    if (needs[2] && inputMeta[2]) {
      const dc = Float32Array.from(reduceTo(dy, [M, N], inputMeta[2].dims));
      out[2] = f32(inputMeta[2].dims, scale(dc, g.beta));
    }
    return out;
  },
};

export const matMulGradient: Gradient<MatMulGeometry> = {
  keeps: { inputs: [0, 1] },
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs }) {
    const name = g.node.name;
    const A = floats(name, inputs[0], 'MatMul A');
    const B = floats(name, inputs[1], 'MatMul B');
    const dy = floats(name, gradOutputs[0], 'MatMul dY');
    const { M, K, N } = g;
    const da = needs[0] ? new Float32Array(A.length) : undefined;
    const db = needs[1] ? new Float32Array(B.length) : undefined;
    const tmpA = new Float32Array(M * K);
    const tmpB = new Float32Array(K * N);
    const pairs = matMulPairs(g);
    for (let q = 0; q < pairs.length; q++) {
      const [oa, ob] = pairs[q];
      const yOff = q * M * N;
      if (da) {
        // dA_q [M×K] = dY_q [M×N] · B_qᵀ [N×K]
        const bt = transpose2d(B.subarray(ob * K * N, (ob + 1) * K * N), K, N);
        sgemm(M, K, N, dy, yOff, N, bt, 0, K, tmpA, 0, K, NO_EPILOGUE);
        const o = oa * M * K;
        for (let i = 0; i < tmpA.length; i++) da[o + i] += tmpA[i];
      }
      if (db) {
        // dB_q [K×N] = A_qᵀ [K×M] · dY_q [M×N]
        const at = transpose2d(A.subarray(oa * M * K, (oa + 1) * M * K), M, K);
        sgemm(K, N, M, at, 0, M, dy, yOff, N, tmpB, 0, N, NO_EPILOGUE);
        const o = ob * K * N;
        for (let i = 0; i < tmpB.length; i++) db[o + i] += tmpB[i];
      }
    }
    return [da && f32(inputMeta[0]!.dims, da), db && f32(inputMeta[1]!.dims, db)];
  },
};
