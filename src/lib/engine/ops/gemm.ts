/**
 * Gemm (Y = α·A'·B' + β·C, ONNX Gemm-6/-7/-9/-11/-13) and MatMul (numpy matmul semantics:
 * 1-D operands promoted, batch dims broadcast). Both cost M·K·N MACs per matrix product.
 */
import type { Node } from '../graph.ts';
import { attrFloat, attrInt } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import { defineOp } from '../op.ts';
import { broadcastDims, broadcastStrides, dimsText } from '../shape-util.ts';
import { f32, sizeOf, type Tensor } from '../tensor.ts';
import { NO_EPILOGUE } from './activation-code.ts';
import { sgemm, sgemmTransB } from './sgemm.ts';
import { transpose2d } from './transpose2d.ts';

function floats(node: string, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array)) throw new EngineError('dtype', `${what} must be float32`, node);
  return t.data;
}

export interface GemmGeometry {
  readonly node: Node;
  readonly M: number;
  readonly K: number;
  readonly N: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly alpha: number;
  readonly beta: number;
  readonly cDims?: readonly number[];
}

export const Gemm = defineOp<GemmGeometry>({
  plan({ node, inputs, opset }) {
    const [a, b, c] = inputs;
    if (!a || !b) throw new EngineError('missing-input', 'Gemm needs A and B', node.name);
    if (a.dims.length !== 2 || b.dims.length !== 2) {
      throw new EngineError(
        'shape',
        `Gemm needs 2-D A and B, got ${dimsText(a.dims)} and ${dimsText(b.dims)}`,
        node.name,
      );
    }
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || (c && c.dtype !== 'float32')) {
      throw new EngineError(
        'dtype',
        `Gemm runs float32 only; got ${[a, b, c]
          .filter((m) => m)
          .map((m) => m!.dtype)
          .join(', ')}`,
        node.name,
      );
    }
    const transA = attrInt(node, 'transA', 0) === 1;
    const transB = attrInt(node, 'transB', 0) === 1;
    const [M, K] = transA ? [a.dims[1], a.dims[0]] : a.dims;
    const [K2, N] = transB ? [b.dims[1], b.dims[0]] : b.dims;
    if (K !== K2)
      throw new EngineError('shape', `Gemm inner dims differ: A' is ${M}×${K}, B' is ${K2}×${N}`, node.name);
    if (c) {
      // C broadcasts unidirectionally to [M, N] (Gemm-7+); Gemm-6 with broadcast = 0 needs it exactly.
      const legacyExact = opset < 7 && attrInt(node, 'broadcast', 0) === 0;
      const fits = c.dims.length <= 2 && broadcastDims(node, [c.dims, [M, N]]).every((d, i) => d === [M, N][i]);
      if (!fits || (legacyExact && (c.dims.length !== 2 || c.dims[0] !== M || c.dims[1] !== N))) {
        throw new EngineError(
          'shape',
          `Gemm C ${dimsText(c.dims)} does not broadcast to [${M}, ${N}]${legacyExact ? ' (Gemm-6 with broadcast = 0 needs it exactly)' : ''}`,
          node.name,
        );
      }
    }
    const geom: GemmGeometry = {
      node,
      M,
      K,
      N,
      transA,
      transB,
      alpha: attrFloat(node, 'alpha', 1),
      beta: attrFloat(node, 'beta', 1),
      cDims: c?.dims,
    };
    return { outputs: [{ dtype: 'float32', dims: [M, N] }], geom };
  },
  run(g, [a, b, c]) {
    const { M, K, N } = g;
    let A = floats(g.node.name, a, 'Gemm A');
    const B = floats(g.node.name, b, 'Gemm B');
    if (g.transA) A = transpose2d(A, K, M);
    const y = new Float32Array(M * N);
    const cd = c && g.beta !== 0 ? floats(g.node.name, c, 'Gemm C') : null;
    const [s0, s1] = c ? broadcastStrides(c.dims, [M, N]) : [0, 0];
    // A linear layer's bias (one per column, α = β = 1) goes into the GEMM as its sums' last step:
    // the rounding of the add below, without its pass over the output.
    const bias = cd && g.transB && M > 1 && g.alpha === 1 && g.beta === 1 && s0 === 0 && s1 === 1 ? cd : null;
    if (M === 1 && g.transB) {
      // A fully connected layer on one image: yᵀ = B (N×K) · aᵀ (K×1), no transpose needed.
      sgemm(N, 1, K, B, 0, K, A, 0, 1, y, 0, 1, NO_EPILOGUE);
    } else if (g.transB) sgemmTransB(M, N, K, A, 0, K, B, 0, K, y, 0, N, bias);
    else sgemm(M, N, K, A, 0, K, B, 0, N, y, 0, N, NO_EPILOGUE);
    if (g.alpha !== 1) for (let i = 0; i < y.length; i++) y[i] *= g.alpha;
    if (cd && !bias) {
      const beta = g.beta;
      for (let i = 0; i < M; i++) {
        const o = i * N;
        const ci = i * s0;
        for (let j = 0; j < N; j++) y[o + j] += beta * cd[ci + j * s1];
      }
    }
    return [f32([M, N], y)];
  },
  macs: (g) => g.M * g.K * g.N,
});

export interface MatMulGeometry {
  readonly node: Node;
  readonly aDims: readonly number[];
  readonly bDims: readonly number[];
  readonly batch: readonly number[];
  readonly M: number;
  readonly K: number;
  readonly N: number;
  readonly outDims: readonly number[];
}

/** For each output matrix q (batch dims broadcast), the index of the A matrix and of the B matrix it multiplies. */
export function matMulPairs(g: MatMulGeometry): [number, number][] {
  const { batch } = g;
  const sa = broadcastStrides(g.aDims.slice(0, -2), batch);
  const sb = broadcastStrides(g.bDims.slice(0, -2), batch);
  const pairs: [number, number][] = [];
  for (let q = 0; q < sizeOf(batch); q++) {
    let rem = q;
    let oa = 0;
    let ob = 0;
    for (let d = batch.length - 1; d >= 0; d--) {
      const i = rem % batch[d];
      rem = Math.floor(rem / batch[d]);
      oa += i * sa[d];
      ob += i * sb[d];
    }
    pairs.push([oa, ob]);
  }
  return pairs;
}

export const MatMul = defineOp<MatMulGeometry>({
  plan({ node, inputs }) {
    const [a, b] = inputs;
    if (!a || !b) throw new EngineError('missing-input', 'MatMul needs A and B', node.name);
    if (a.dims.length === 0 || b.dims.length === 0)
      throw new EngineError('shape', 'MatMul operands must not be scalars', node.name);
    if (a.dtype !== 'float32' || b.dtype !== 'float32')
      throw new EngineError('dtype', `MatMul runs float32 only; got ${a.dtype} and ${b.dtype}`, node.name);
    // numpy: a 1-D A is a row vector, a 1-D B a column vector; the added dim is dropped from the output.
    const aDims = a.dims.length === 1 ? [1, a.dims[0]] : [...a.dims];
    const bDims = b.dims.length === 1 ? [b.dims[0], 1] : [...b.dims];
    const M = aDims[aDims.length - 2];
    const K = aDims[aDims.length - 1];
    const K2 = bDims[bDims.length - 2];
    const N = bDims[bDims.length - 1];
    if (K !== K2) {
      throw new EngineError('shape', `MatMul inner dims differ: ${dimsText(a.dims)} · ${dimsText(b.dims)}`, node.name);
    }
    const batch = broadcastDims(node, [aDims.slice(0, -2), bDims.slice(0, -2)]);
    const outDims = [...batch];
    if (a.dims.length > 1) outDims.push(M);
    if (b.dims.length > 1) outDims.push(N);
    const geom = { node, aDims, bDims, batch, M, K, N, outDims };
    return { outputs: [{ dtype: 'float32', dims: outDims }], geom };
  },
  run(g, [a, b]) {
    const A = floats(g.node.name, a, 'MatMul A');
    const B = floats(g.node.name, b, 'MatMul B');
    const { M, K, N } = g;
    const pairs = matMulPairs(g);
    const y = new Float32Array(pairs.length * M * N);
    pairs.forEach(([oa, ob], q) => sgemm(M, N, K, A, oa * M * K, K, B, ob * K * N, N, y, q * M * N, N, NO_EPILOGUE));
    return [f32(g.outDims, y)];
  },
  macs: (g) => sizeOf(g.batch) * g.M * g.K * g.N,
});
