import { describe, expect, it } from 'vitest';
import { backward, ints, str, trainingForward, type Attrs, type Tensor } from '~/lib/engine/index.ts';
import { checkOp, opGraph, rand } from './grad-check.ts';

interface Geo {
  stride?: number[];
  pads?: number[];
  dil?: number[];
  group?: number;
  autoPad?: string;
}

function attrsOf(o: Geo, k: number[]): Attrs {
  const a: Record<string, Attrs[string]> = { kernel_shape: ints(k) };
  if (o.stride) a.strides = ints(o.stride);
  if (o.pads) a.pads = ints(o.pads);
  if (o.dil) a.dilations = ints(o.dil);
  if (o.group) a.group = { type: 'int', value: o.group };
  if (o.autoPad) a.auto_pad = str(o.autoPad);
  return a;
}

/**
 * Independent reference: dX, dW, dB of a 2-D conv by the definition, in float64, one loop nest
 * over (n, m, oy, ox, c, ky, kx) — no im2col, no transposed convolution, no GEMM.
 */
function naiveConvBackward(x: Tensor, w: Tensor, dy: Tensor, o: Required<Omit<Geo, 'autoPad'>>) {
  const [N, C, H, W] = x.dims;
  const [M, Cg, kH, kW] = w.dims;
  const [, , Ho, Wo] = dy.dims;
  const [sH, sW] = o.stride;
  const [pT, pL] = o.pads;
  const [dH, dW] = o.dil;
  const Mg = M / o.group;
  const dx = new Float64Array(x.data.length);
  const dw = new Float64Array(w.data.length);
  const db = new Float64Array(M);
  for (let n = 0; n < N; n++)
    for (let m = 0; m < M; m++)
      for (let oy = 0; oy < Ho; oy++)
        for (let ox = 0; ox < Wo; ox++) {
          const g = dy.data[((n * M + m) * Ho + oy) * Wo + ox];
          db[m] += g;
          const c0 = Math.floor(m / Mg) * Cg;
          for (let ci = 0; ci < Cg; ci++)
            for (let ky = 0; ky < kH; ky++)
              for (let kx = 0; kx < kW; kx++) {
                const iy = oy * sH + ky * dH - pT;
                const ix = ox * sW + kx * dW - pL;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                const xi = ((n * C + c0 + ci) * H + iy) * W + ix;
                const wi = ((m * Cg + ci) * kH + ky) * kW + kx;
                dx[xi] += g * w.data[wi];
                dw[wi] += g * x.data[xi];
              }
        }
  return { dx, dw, db };
}

const CASES: [string, number[], number[], Geo][] = [
  [
    'standard 3×3, stride 2 on odd size, symmetric pads',
    [2, 3, 9, 7],
    [5, 3, 3, 3],
    { stride: [2, 2], pads: [1, 1, 1, 1] },
  ],
  ['standard 3×3, stride 1, asymmetric pads', [2, 2, 6, 5], [3, 2, 3, 3], { pads: [0, 1, 2, 1] }],
  [
    'TF SAME stride 2 (extra pad bottom/right), 5×5 on even size',
    [2, 3, 8, 8],
    [4, 3, 5, 5],
    { stride: [2, 2], pads: [1, 1, 2, 2] },
  ],
  ['auto_pad SAME_UPPER stride 2 on odd size', [2, 2, 7, 7], [3, 2, 3, 3], { stride: [2, 2], autoPad: 'SAME_UPPER' }],
  ['pointwise 1×1 expanding (6 → 7)', [3, 6, 5, 4], [7, 6, 1, 1], {}],
  ['pointwise 1×1 projecting (8 → 3: the transposed-dY weight gradient)', [3, 8, 5, 4], [3, 8, 1, 1], {}],
  ['strided pointwise 1×1', [2, 4, 7, 7], [5, 4, 1, 1], { stride: [2, 2] }],
  ['depthwise 3×3 stride 1 pad 1', [2, 6, 7, 6], [6, 1, 3, 3], { group: 6, pads: [1, 1, 1, 1] }],
  ['depthwise 3×3 stride 2 on odd size', [2, 5, 9, 9], [5, 1, 3, 3], { group: 5, stride: [2, 2], pads: [1, 1, 1, 1] }],
  [
    'depthwise 5×5 stride 2 TF SAME asymmetric',
    [2, 4, 10, 10],
    [4, 1, 5, 5],
    { group: 4, stride: [2, 2], pads: [1, 1, 2, 2] },
  ],
  [
    'depthwise 3×3 stride 1, rows of 8 (no lane padding), 4 images',
    [4, 3, 8, 8],
    [3, 1, 3, 3],
    { group: 3, pads: [1, 1, 1, 1] },
  ],
  [
    'depthwise 5×5 stride 2, 3 output columns (one padded lane)',
    [3, 7, 6, 6],
    [7, 1, 5, 5],
    { group: 7, stride: [2, 2], pads: [2, 2, 2, 2] },
  ],
  ['depthwise with channel multiplier 2', [2, 3, 6, 6], [6, 1, 3, 3], { group: 3, pads: [1, 1, 1, 1] }],
  ['grouped (groups 2, ≠ 1 and ≠ C)', [2, 8, 6, 7], [6, 4, 3, 3], { group: 2, pads: [0, 1, 2, 1] }],
  ['grouped stride 2', [2, 6, 7, 7], [9, 2, 3, 3], { group: 3, stride: [2, 2], pads: [1, 1, 1, 1] }],
  ['dilation 2', [2, 2, 9, 8], [3, 2, 3, 3], { dil: [2, 2], pads: [2, 2, 2, 2] }],
  [
    'depthwise dilation 2 stride 2',
    [2, 3, 11, 11],
    [3, 1, 3, 3],
    { group: 3, dil: [2, 2], stride: [2, 2], pads: [2, 2, 2, 2] },
  ],
  ['pads wider than the kernel', [1, 2, 4, 4], [2, 2, 2, 2], { pads: [3, 2, 2, 3] }],
];

describe('Conv backward', () => {
  for (const [label, xd, wd, geo] of CASES) {
    it(`matches central differences: ${label}`, () => {
      // L is linear in each single element of X, W and B, so a large eps has no truncation error;
      // the numeric gradient carries only float32 rounding of L (≈ 1e-7 · Σ|r·y| / eps).
      checkOp(
        {
          op: 'Conv',
          inputs: ['x', 'w', 'b'],
          values: { x: rand(xd, 1), w: rand(wd, 2), b: rand([wd[0]], 3) },
          attrs: attrsOf(geo, wd.slice(2)),
        },
        { eps: 0.5, atol: 2e-4, rtol: 1e-4, samples: 10 },
      );
    });

    it(`equals a naive float64 loop nest: ${label}`, () => {
      const x = rand(xd, 11);
      const w = rand(wd, 12);
      const g = opGraph({ op: 'Conv', inputs: ['x', 'w'], values: { x, w }, attrs: attrsOf(geo, wd.slice(2)) });
      const { tape, outputs } = trainingForward(g, { x, w }, { training: true });
      const dy = rand(outputs.y0.dims, 13);
      const grads = backward(tape, { y0: dy });
      const [, , H, W] = xd;
      let pads = geo.pads ?? [0, 0, 0, 0];
      if (geo.autoPad) {
        const Ho = outputs.y0.dims[2];
        const tot = Math.max(0, (Ho - 1) * (geo.stride?.[0] ?? 1) + wd[2] - H);
        const totW = Math.max(0, (outputs.y0.dims[3] - 1) * (geo.stride?.[1] ?? 1) + wd[3] - W);
        pads = [Math.floor(tot / 2), Math.floor(totW / 2), tot - Math.floor(tot / 2), totW - Math.floor(totW / 2)];
      }
      const ref = naiveConvBackward(x, w, dy, {
        stride: geo.stride ?? [1, 1],
        pads,
        dil: geo.dil ?? [1, 1],
        group: geo.group ?? 1,
      });
      const close = (a: ArrayLike<number>, b: Float64Array): void => {
        let worst = 0;
        for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
        // float32 storage and float32 (SIMD GEMM) partial sums against float64: ~1e-6 relative.
        expect(worst).toBeLessThan(1e-5);
      };
      close(grads.inputs.get('x')!.data, ref.dx);
      close(grads.inputs.get('w')!.data, ref.dw);
      // The trainer's fast kernels (depthwise dW on WebAssembly SIMD, float32 partial sums) to the same tolerance.
      const fast = backward(trainingForward(g, { x, w }, { training: true }).tape, { y0: dy }, { fast: true });
      close(fast.inputs.get('x')!.data, ref.dx);
      close(fast.inputs.get('w')!.data, ref.dw);
    });
  }

  it('1-D conv backward matches central differences', () => {
    checkOp(
      {
        op: 'Conv',
        inputs: ['x', 'w', 'b'],
        values: { x: rand([2, 3, 9], 4), w: rand([4, 3, 3], 5), b: rand([4], 6) },
        attrs: { kernel_shape: ints([3]), strides: ints([2]), pads: ints([1, 0]) },
      },
      { eps: 0.5, atol: 2e-4, rtol: 1e-4 },
    );
  });
});
