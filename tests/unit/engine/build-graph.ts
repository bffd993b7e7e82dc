/** Tiny graph builders for the engine tests. */
import type { Attrs, Graph, Node, ValueInfo } from '~/lib/engine/graph.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { f32 } from '~/lib/engine/tensor.ts';

export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attrs: Attrs = {},
  scope = '',
  name?: string,
): Node {
  return { name: name ?? `${opType}_${outputs[0]}`, opType, inputs, outputs, attrs, scope };
}

export function graphOf(opts: {
  nodes: Node[];
  inputs: ValueInfo[];
  outputs: string[];
  weights?: Record<string, Tensor>;
  declared?: Record<string, ValueInfo>;
  opset?: number;
}): Graph {
  return {
    name: 'test',
    inputs: opts.inputs,
    outputs: opts.outputs.map((n) => ({ name: n, dtype: 'float32', dims: [] })),
    initializers: new Map(Object.entries(opts.weights ?? {})),
    declared: new Map(Object.entries(opts.declared ?? {})),
    nodes: opts.nodes,
    opset: opts.opset ?? 17,
  };
}

export const input = (name: string, dims: number[]): ValueInfo => ({ name, dtype: 'float32', dims });

/** Deterministic pseudo-random float32 tensor in [-1, 1). */
export function randomTensor(dims: number[], seed = 1): Tensor {
  let s = seed >>> 0;
  const n = dims.reduce((a, b) => a * b, 1);
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    d[i] = s / 2 ** 31 - 1;
  }
  return f32(dims, d);
}

/** Straightforward NCHW conv used as the reference for the fast paths. */
export function naiveConv2d(
  x: Tensor,
  w: Tensor,
  b: Tensor | undefined,
  o: { stride?: number[]; pads?: number[]; dil?: number[]; group?: number },
): Tensor {
  const [N, C, H, W] = x.dims;
  const [M, Cg, kH, kW] = w.dims;
  const [sH, sW] = o.stride ?? [1, 1];
  const [pT, pL, pB, pR] = o.pads ?? [0, 0, 0, 0];
  const [dH, dW] = o.dil ?? [1, 1];
  const group = o.group ?? 1;
  const Ho = Math.floor((H + pT + pB - (kH - 1) * dH - 1) / sH) + 1;
  const Wo = Math.floor((W + pL + pR - (kW - 1) * dW - 1) / sW) + 1;
  const y = new Float32Array(N * M * Ho * Wo);
  const Mg = M / group;
  for (let n = 0; n < N; n++)
    for (let m = 0; m < M; m++) {
      const g = Math.floor(m / Mg);
      for (let oy = 0; oy < Ho; oy++)
        for (let ox = 0; ox < Wo; ox++) {
          let s = b ? b.data[m] : 0;
          for (let c = 0; c < Cg; c++)
            for (let ky = 0; ky < kH; ky++)
              for (let kx = 0; kx < kW; kx++) {
                const iy = oy * sH + ky * dH - pT;
                const ix = ox * sW + kx * dW - pL;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                s += x.data[((n * C + g * Cg + c) * H + iy) * W + ix] * w.data[((m * Cg + c) * kH + ky) * kW + kx];
              }
          y[((n * M + m) * Ho + oy) * Wo + ox] = s;
        }
    }
  return f32([N, M, Ho, Wo], y);
}

export function maxAbsDiff(a: Tensor, b: Tensor): number {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(Number(a.data[i]) - Number(b.data[i])));
  return m;
}
