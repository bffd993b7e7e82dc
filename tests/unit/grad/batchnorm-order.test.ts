/**
 * BatchNorm's training forward and backward run in memory order but keep each channel's float64
 * sums in the n-then-i order of a channel-by-channel loop: checked bit for bit against that loop
 * (Ioffe & Szegedy 2015, Alg. 1; the formulas of grad/batchnorm.ts), so loss traces do not move.
 */
import { describe, expect, it } from 'vitest';
import { f32 } from '~/lib/engine/index.ts';
import { batchNormGradient } from '~/lib/engine/grad/batchnorm.ts';
import type { BatchNormGeometry } from '~/lib/engine/ops/batchnorm.ts';
import type { Node } from '~/lib/engine/graph.ts';

function values(n: number, seed: number, lo = -1, span = 3): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = lo + (s / 2 ** 32) * span;
  }
  return out;
}

/** Values spread over 2⁻³⁰…2³⁰, so float64 sums of them round and their order shows in the bits. */
function wide(n: number, seed: number): Float32Array {
  const v = values(n, seed);
  const e = values(n, seed + 100, -30, 60);
  return v.map((a, i) => a * 2 ** Math.round(e[i]));
}

describe('BatchNormalization training in memory order', () => {
  const N = 5;
  const C = 7;
  const inner = 33;
  const dims = [N, C, 3, 11];
  const x = wide(N * C * inner, 1);
  const gamma = values(C, 2);
  const beta = values(C, 3);
  const node = { name: 'bn', opType: 'BatchNormalization', inputs: [], outputs: [], attrs: {} } as unknown as Node;
  const g = { N, C, inner, dims, epsilon: 1e-5, node } as unknown as BatchNormGeometry;
  const inputs = [
    f32(dims, x),
    f32([C], gamma),
    f32([C], beta),
    f32([C], values(C, 4)),
    f32([C], values(C, 5, 0.5, 1)),
  ];
  const fwd = batchNormGradient.train!(g, inputs, { node, training: true, seed: 0 });

  // The channel-by-channel reference.
  const mean = new Float64Array(C);
  const invStd = new Float64Array(C);
  const y = new Float32Array(x.length);
  const at = (n: number, c: number): number => (n * C + c) * inner;
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let n = 0; n < N; n++) for (let i = at(n, c); i < at(n, c) + inner; i++) s += x[i];
    const m = s / (N * inner);
    let s2 = 0;
    for (let n = 0; n < N; n++) for (let i = at(n, c); i < at(n, c) + inner; i++) s2 += (x[i] - m) * (x[i] - m);
    const is = 1 / Math.sqrt(s2 / (N * inner) + 1e-5);
    mean[c] = m;
    invStd[c] = is;
    const a = gamma[c] * is;
    const b = beta[c] - m * a;
    for (let n = 0; n < N; n++) for (let i = at(n, c); i < at(n, c) + inner; i++) y[i] = x[i] * a + b;
  }

  it('forward: the same batch statistics and output bits', () => {
    const saved = fwd.saved as { mean: Float64Array; invStd: Float64Array };
    expect(Array.from(saved.mean)).toEqual(Array.from(mean));
    expect(Array.from(saved.invStd)).toEqual(Array.from(invStd));
    expect(Array.from(fwd.outputs[0].data)).toEqual(Array.from(y));
  });

  it('backward: the same dX, dγ, dβ bits', () => {
    const dy = wide(x.length, 9);
    const [dx, dgamma, dbeta] = batchNormGradient.backward!({
      geom: g,
      inputs,
      inputMeta: inputs.map((t) => ({ dtype: t.dtype, dims: t.dims })),
      outputs: [],
      gradOutputs: [f32(dims, dy)],
      needs: [true, true, true],
      saved: fwd.saved,
      training: true,
    });
    const rdx = new Float32Array(x.length);
    const rg = new Float32Array(C);
    const rb = new Float32Array(C);
    const count = N * inner;
    for (let c = 0; c < C; c++) {
      let sdy = 0;
      let sdyx = 0;
      for (let n = 0; n < N; n++) {
        for (let i = at(n, c); i < at(n, c) + inner; i++) {
          sdy += dy[i];
          sdyx += dy[i] * (x[i] - mean[c]);
        }
      }
      sdyx *= invStd[c];
      rg[c] = sdyx;
      rb[c] = sdy;
      const k = gamma[c] * invStd[c];
      for (let n = 0; n < N; n++) {
        for (let i = at(n, c); i < at(n, c) + inner; i++)
          rdx[i] = k * (dy[i] - sdy / count - (x[i] - mean[c]) * invStd[c] * (sdyx / count));
      }
    }
    expect(Array.from(dx!.data)).toEqual(Array.from(rdx));
    expect(Array.from(dgamma!.data)).toEqual(Array.from(rg));
    expect(Array.from(dbeta!.data)).toEqual(Array.from(rb));
  });
});
