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

interface Saved {
  /** Batch mean (training) or running mean (inference) per channel. */
  readonly mean: Float64Array;
  /** 1/√(σ² + ε) per channel. */
  readonly invStd: Float64Array;
}

function data(g: BatchNormGeometry, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array)) throw new EngineError('dtype', `BatchNormalization ${what} must be float32`, g.node);
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
    const y = new Float32Array(x.length);
    const newMean = new Float32Array(C);
    const newVar = new Float32Array(C);
    const momentum = attrFloat(ctx.node, 'momentum', BN_MOMENTUM_ONNX);
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let n = 0; n < N; n++) {
        const o = (n * C + c) * inner;
        for (let i = o; i < o + inner; i++) s += x[i];
      }
      const m = s / count;
      let s2 = 0;
      for (let n = 0; n < N; n++) {
        const o = (n * C + c) * inner;
        for (let i = o; i < o + inner; i++) s2 += (x[i] - m) * (x[i] - m);
      }
      const v = s2 / count;
      const is = 1 / Math.sqrt(v + g.epsilon);
      mean[c] = m;
      invStd[c] = is;
      const a = gamma[c] * is;
      const b = beta[c] - m * a;
      for (let n = 0; n < N; n++) {
        const o = (n * C + c) * inner;
        for (let i = o; i < o + inner; i++) y[i] = x[i] * a + b;
      }
      const unbiased = count > 1 ? (s2 / (count - 1)) : v;
      newMean[c] = momentum * rm[c] + (1 - momentum) * m;
      newVar[c] = momentum * rv[c] + (1 - momentum) * unbiased;
    }
    const saved: Saved = { mean, invStd };
    return {
      outputs: [f32(g.dims, y)], saved,
      buffers: new Map([[3, f32(inputs[3]!.dims, newMean)], [4, f32(inputs[4]!.dims, newVar)]]),
    };
  },
  backward({ geom: g, inputs, gradOutputs, needs, saved, training }) {
    const x = data(g, inputs[0], 'X');
    const gamma = data(g, inputs[1], 'scale');
    const dy = data(g, gradOutputs[0], 'dY');
    const { mean, invStd } = saved as Saved;
    const { N, C, inner } = g;
    const count = N * inner;
    const dx = needs[0] ? new Float32Array(x.length) : undefined;
    const dgamma = new Float32Array(C);
    const dbeta = new Float32Array(C);
    for (let c = 0; c < C; c++) {
      const m = mean[c];
      const is = invStd[c];
      let sdy = 0;
      let sdyx = 0;
      for (let n = 0; n < N; n++) {
        const o = (n * C + c) * inner;
        for (let i = o; i < o + inner; i++) {
          sdy += dy[i];
          sdyx += dy[i] * (x[i] - m);
        }
      }
      sdyx *= is; // Σ dY·x̂
      dgamma[c] = sdyx;
      dbeta[c] = sdy;
      if (!dx) continue;
      const k = gamma[c] * is;
      if (!training) {
        for (let n = 0; n < N; n++) {
          const o = (n * C + c) * inner;
          for (let i = o; i < o + inner; i++) dx[i] = dy[i] * k;
        }
        continue;
      }
      const mdy = sdy / count;
      const mdyx = sdyx / count;
      for (let n = 0; n < N; n++) {
        const o = (n * C + c) * inner;
        for (let i = o; i < o + inner; i++) dx[i] = k * (dy[i] - mdy - (x[i] - m) * is * mdyx);
      }
    }
    const out: (Tensor | undefined)[] = [];
    if (dx) out[0] = f32(g.dims, dx);
    if (needs[1]) out[1] = f32(inputs[1]!.dims, dgamma);
    if (needs[2]) out[2] = f32(inputs[2] ? inputs[2].dims : [C], dbeta);
    return out;
  },
};

