/**
 * BatchNormalization in training and inference mode (Ioffe & Szegedy 2015, arXiv 1502.03167,
 * Alg. 1 and §3).
 *
 * Training forward: per channel c over the N·H·W values, μ and the biased variance σ² (float64),
 * y = γ(x − μ)/√(σ² + ε) + β, and the running statistics updated as PyTorch's BatchNorm2d does:
 * running_mean ← (1 − m)·running_mean + m·μ, running_var ← (1 − m)·running_var + m·σ²·n/(n − 1)
 * (the unbiased variance), with PyTorch momentum m = 0.1 — which is ONNX's `momentum` attribute
 * 0.9 (running ← momentum·running + (1 − momentum)·batch), read from the node when it has one.
 * Backward (training), with x̂ = (x − μ)/σ̃, σ̃ = √(σ² + ε), n = N·H·W:
 *   dβ = Σ dY, dγ = Σ dY·x̂, dX = γ/(n σ̃) · (n·dY − Σ dY − x̂·Σ dY·x̂).
 * Inference (running statistics are constants): dX = dY·γ/√(var + ε), dγ = Σ dY·(x − mean)/√(var + ε), dβ = Σ dY.
 */
import { attrFloat } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { BatchNormalization, type BatchNormGeometry } from '../ops/batchnorm.ts';
import { f32, type Tensor } from '../tensor.ts';
import { f32bufUninit } from '../pool.ts';

interface Saved {
  /** Batch mean (training) or running mean (inference) per channel. */
  readonly mean: Float64Array;
  /** 1/√(σ² + ε) per channel. */
  readonly invStd: Float64Array;
}

function data(g: BatchNormGeometry, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array))
    throw new EngineError('dtype', `BatchNormalization ${what} must be float32`, g.node);
  return t.data;
}

/** ONNX momentum (weight of the old running value); PyTorch's default 0.1 is ONNX's 0.9. */
export const BN_MOMENTUM_ONNX = 0.9;

export const batchNormGradient: Gradient<BatchNormGeometry> = {
  inputs: [0, 1, 2],
  keeps: { inputs: [0, 1] },
  savedBytes: (dims) => 2 * 8 * (dims[0]?.[1] ?? 0),
  train(g, inputs, ctx) {
    const x = data(g, inputs[0], 'X');
    const gamma = data(g, inputs[1], 'scale');
    const beta = data(g, inputs[2], 'B');
    const rm = data(g, inputs[3], 'input_mean');
    const rv = data(g, inputs[4], 'input_var');
    const { N, C, inner } = g;
    const mean = new Float64Array(C);
    const invStd = new Float64Array(C);
    if (!ctx.training) {
      for (let c = 0; c < C; c++) {
        mean[c] = rm[c];
        invStd[c] = 1 / Math.sqrt(rv[c] + g.epsilon);
      }
      const saved: Saved = { mean, invStd };
      return { outputs: BatchNormalization.run(g, inputs), saved };
    }
    const count = N * inner;
    const y = f32bufUninit(x.length);
    const newMean = new Float32Array(C);
    const newVar = new Float32Array(C);
    const momentum = attrFloat(ctx.node, 'momentum', BN_MOMENTUM_ONNX);
    // Three passes over X in memory order (image by image, channel by channel); each channel's sum
    // still runs over n, then i, so the float64 sums are the ones a channel-by-channel loop gives.
    const sum = new Float64Array(C);
    const sq = new Float64Array(C);
    for (let n = 0, o = 0; n < N; n++) {
      for (let c = 0; c < C; c++, o += inner) {
        let s = sum[c];
        for (let i = o; i < o + inner; i++) s += x[i];
        sum[c] = s;
      }
    }
    for (let c = 0; c < C; c++) mean[c] = sum[c] / count;
    for (let n = 0, o = 0; n < N; n++) {
      for (let c = 0; c < C; c++, o += inner) {
        const m = mean[c];
        let s2 = sq[c];
        for (let i = o; i < o + inner; i++) s2 += (x[i] - m) * (x[i] - m);
        sq[c] = s2;
      }
    }
    const a = new Float64Array(C);
    const b = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const m = mean[c];
      const v = sq[c] / count;
      const is = 1 / Math.sqrt(v + g.epsilon);
      invStd[c] = is;
      a[c] = gamma[c] * is;
      b[c] = beta[c] - m * a[c];
      const unbiased = count > 1 ? sq[c] / (count - 1) : v;
      newMean[c] = momentum * rm[c] + (1 - momentum) * m;
      newVar[c] = momentum * rv[c] + (1 - momentum) * unbiased;
    }
    for (let n = 0, o = 0; n < N; n++) {
      for (let c = 0; c < C; c++, o += inner) {
        const ac = a[c];
        const bc = b[c];
        for (let i = o; i < o + inner; i++) y[i] = x[i] * ac + bc;
      }
    }
    const saved: Saved = { mean, invStd };
    return {
      outputs: [f32(g.dims, y)],
      saved,
      buffers: new Map([
        [3, f32(inputs[3]!.dims, newMean)],
        [4, f32(inputs[4]!.dims, newVar)],
      ]),
    };
  },
  backward({ geom: g, inputs, gradOutputs, needs, saved, training }) {
    const x = data(g, inputs[0], 'X');
    const gamma = data(g, inputs[1], 'scale');
    const dy = data(g, gradOutputs[0], 'dY');
    const { mean, invStd } = saved as Saved;
    const { N, C, inner } = g;
    const count = N * inner;
    const dx = needs[0] ? f32bufUninit(x.length) : undefined;
    const dgamma = new Float32Array(C);
    const dbeta = new Float32Array(C);
    // Memory order, image by image; each channel's sums still run over n, then i (same bits as per channel).
    const sdy = new Float64Array(C);
    const sdyx = new Float64Array(C);
    for (let n = 0, o = 0; n < N; n++) {
      for (let c = 0; c < C; c++, o += inner) {
        const m = mean[c];
        let s = sdy[c];
        let sx = sdyx[c];
        for (let i = o; i < o + inner; i++) {
          s += dy[i];
          sx += dy[i] * (x[i] - m);
        }
        sdy[c] = s;
        sdyx[c] = sx;
      }
    }
    for (let c = 0; c < C; c++) {
      sdyx[c] *= invStd[c]; // Σ dY·x̂
      dgamma[c] = sdyx[c];
      dbeta[c] = sdy[c];
    }
    if (dx) {
      for (let n = 0, o = 0; n < N; n++) {
        for (let c = 0; c < C; c++, o += inner) {
          const is = invStd[c];
          const k = gamma[c] * is;
          if (!training) {
            for (let i = o; i < o + inner; i++) dx[i] = dy[i] * k;
            continue;
          }
          const m = mean[c];
          const mdy = sdy[c] / count;
          const mdyx = sdyx[c] / count;
          for (let i = o; i < o + inner; i++) dx[i] = k * (dy[i] - mdy - (x[i] - m) * is * mdyx);
        }
      }
    }
    const out: (Tensor | undefined)[] = [];
    if (dx) out[0] = f32(g.dims, dx);
    if (needs[1]) out[1] = f32(inputs[1]!.dims, dgamma);
    if (needs[2]) out[2] = f32(inputs[2] ? inputs[2].dims : [C], dbeta);
    return out;
  },
};
