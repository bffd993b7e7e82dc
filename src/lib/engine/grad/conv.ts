/**
 * Conv backward (standard, grouped, depthwise, pointwise; any stride, pads, dilation; 1-D as H = 1).
 *
 * For Y = X ⋆ W + B (cross-correlation, ONNX Conv):
 * - dB[m] = Σ_{n,p} dY[n, m, p].
 * - dW[m, c, ky, kx] = Σ_{n,oy,ox} dY[n, m, oy, ox] · X[n, c, oy·s + ky·d − pad, ox·s + kx·d − pad]
 *   — per group a GEMM dY_g · im2col(X)ᵀ (the forward's sgemm, on WebAssembly SIMD when large);
 *   depthwise as a direct loop in float64 (order n, oy, ox: what explainWeightGradient repeats), or
 *   in training (`fast`) on the WebAssembly SIMD kernel of wasm-depthwise-grad.ts.
 * - dX: with stride 1 the transposed convolution is itself a convolution of dY with the kernel
 *   flipped and its in/out channels swapped, padded by d·(k−1) − pad, so it runs on the forward's
 *   kernels (GEMM, the depthwise SIMD kernel). With stride > 1: dcol = W_gᵀ · dY_g (GEMM) scattered
 *   back by col2im, or, depthwise, a direct scatter loop.
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { convForward } from '../ops/conv-forward.ts';
import { convOutputDims, type ConvGeometry, type ConvVariant } from '../ops/conv-geometry.ts';
import { NO_EPILOGUE } from '../ops/activation-code.ts';
import { gemmUsesWasm, sgemm } from '../ops/sgemm.ts';
import { f32, type Tensor } from '../tensor.ts';
import { f32buf } from '../pool.ts';
import { wasmDepthwiseWeightGrad } from './wasm-depthwise-grad.ts';

function floats(g: ConvGeometry, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array))
    throw new EngineError('dtype', `Conv backward needs ${what} as float32`, g.node);
  return t.data;
}

const isDepthwise = (g: ConvGeometry): boolean => g.C / g.group === 1 && g.group === g.C;

/** colT[p·Kg + r] = im2col[r][p]: output positions as rows, taps (c, ky, kx) as columns; zeros in the padding. */
function im2colT(g: ConvGeometry, x: Float32Array, xOff: number, Cg: number, colT: Float32Array): void {
  const { H, W, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  const Kg = Cg * kH * kW;
  const HW = H * W;
  let r = 0;
  for (let c = 0; c < Cg; c++) {
    const plane = xOff + c * HW;
    for (let ky = 0; ky < kH; ky++) {
      for (let kx = 0; kx < kW; kx++, r++) {
        let p = 0;
        for (let oy = 0; oy < Ho; oy++) {
          const iy = oy * sH + ky * dH - padTop;
          const inRow = iy >= 0 && iy < H;
          const row = plane + iy * W;
          for (let ox = 0; ox < Wo; ox++, p++) {
            const ix = ox * sW + kx * dW - padLeft;
            colT[p * Kg + r] = inRow && ix >= 0 && ix < W ? x[row + ix] : 0;
          }
        }
      }
    }
  }
}

/** dx[image n, group] += col2im(dcol): each column entry goes back to the input pixel it was read from. */
function col2imAdd(g: ConvGeometry, dcol: Float32Array, dx: Float32Array, xOff: number, Cg: number): void {
  const { H, W, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  const HW = H * W;
  const HWo = Ho * Wo;
  let r = 0;
  for (let c = 0; c < Cg; c++) {
    const plane = xOff + c * HW;
    for (let ky = 0; ky < kH; ky++) {
      for (let kx = 0; kx < kW; kx++, r++) {
        const src = r * HWo;
        for (let oy = 0; oy < Ho; oy++) {
          const iy = oy * sH + ky * dH - padTop;
          if (iy < 0 || iy >= H) continue;
          const row = plane + iy * W;
          for (let ox = 0; ox < Wo; ox++) {
            const ix = ox * sW + kx * dW - padLeft;
            if (ix >= 0 && ix < W) dx[row + ix] += dcol[src + oy * Wo + ox];
          }
        }
      }
    }
  }
}

/** Range of output x whose tap kx lands inside the input: [lo, hi). */
function validRange(o: number, size: number, s: number, k: number, d: number, pad: number): [number, number] {
  const lo = Math.max(0, Math.ceil((pad - k * d) / s));
  const hi = Math.min(o, Math.floor((size - 1 + pad - k * d) / s) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * Depthwise dW tap by tap: for each (m, ky, kx) one float64 sum over n, then oy, then the valid
 * ox range — the order explainWeightGradient shows, so its float64 sum rounds to exactly this
 * gradient. (A one-pass variant with nine register accumulators for 3×3 measured no faster.)
 */
function depthwiseWeightGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array): Float32Array {
  const { N, C, H, W, M, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  const Mg = M / g.group;
  const kk = kH * kW;
  const out = new Float32Array(M * kk);
  for (let m = 0; m < M; m++) {
    const c = Math.floor(m / Mg);
    for (let ky = 0; ky < kH; ky++) {
      const [oy0, oy1] = validRange(Ho, H, sH, ky, dH, padTop);
      for (let kx = 0; kx < kW; kx++) {
        const [ox0, ox1] = validRange(Wo, W, sW, kx, dW, padLeft);
        let acc = 0;
        for (let n = 0; n < N; n++) {
          const xp = (n * C + c) * H * W;
          const yp = (n * M + m) * Ho * Wo;
          for (let oy = oy0; oy < oy1; oy++) {
            const xr = xp + (oy * sH + ky * dH - padTop) * W + kx * dW - padLeft;
            const yr = yp + oy * Wo;
            for (let ox = ox0; ox < ox1; ox++) acc += x[xr + ox * sW] * dy[yr + ox];
          }
        }
        out[m * kk + ky * kW + kx] = acc;
      }
    }
  }
  return out;
}

/** Depthwise dX by scattering each output gradient over its window (float64 per plane). */
function depthwiseInputGrad(g: ConvGeometry, w: Float32Array, dy: Float32Array): Float32Array {
  const { N, C, H, W, M, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  const Mg = M / g.group;
  const kk = kH * kW;
  const dx = f32buf(N * C * H * W);
  const acc = new Float64Array(H * W);
  for (let n = 0; n < N; n++) {
    for (let c = 0; c < C; c++) {
      acc.fill(0);
      for (let m = c * Mg; m < (c + 1) * Mg; m++) {
        const yp = (n * M + m) * Ho * Wo;
        for (let ky = 0; ky < kH; ky++) {
          const [oy0, oy1] = validRange(Ho, H, sH, ky, dH, padTop);
          for (let kx = 0; kx < kW; kx++) {
            const [ox0, ox1] = validRange(Wo, W, sW, kx, dW, padLeft);
            const wv = w[m * kk + ky * kW + kx];
            for (let oy = oy0; oy < oy1; oy++) {
              const xr = (oy * sH + ky * dH - padTop) * W + kx * dW - padLeft;
              const yr = yp + oy * Wo;
              for (let ox = ox0; ox < ox1; ox++) acc[xr + ox * sW] += wv * dy[yr + ox];
            }
          }
        }
      }
      const o = (n * C + c) * H * W;
      for (let i = 0; i < H * W; i++) dx[o + i] = acc[i];
    }
  }
  return dx;
}

/**
 * The stride-1 transposed convolution as a forward Conv geometry: input dY [N, M, Ho, Wo], weight
 * W' [C, M/group, kH, kW], pads d·(k−1) − pad; undefined when a pad exceeds the dilated kernel.
 */
function transposedGeometry(g: ConvGeometry): ConvGeometry | undefined {
  if (g.sH !== 1 || g.sW !== 1) return undefined;
  const pt = g.dH * (g.kH - 1) - g.padTop;
  const pb = g.dH * (g.kH - 1) - g.padBottom;
  const pl = g.dW * (g.kW - 1) - g.padLeft;
  const pr = g.dW * (g.kW - 1) - g.padRight;
  if (pt < 0 || pb < 0 || pl < 0 || pr < 0) return undefined;
  const pointwise = g.kH === 1 && g.kW === 1 && pt + pb + pl + pr === 0;
  const variant: ConvVariant =
    g.group === 1 ? (pointwise ? 'pointwise' : 'standard') : g.group === g.M ? 'depthwise' : 'grouped';
  return {
    ...g,
    C: g.M,
    M: g.C,
    H: g.Ho,
    W: g.Wo,
    Ho: g.H,
    Wo: g.W,
    padTop: pt,
    padBottom: pb,
    padLeft: pl,
    padRight: pr,
    hasBias: false,
    variant,
  };
}

/** W'[(gi·Cg + ci)·Mg + mj][flipped k] = W[(gi·Mg + mj)·Cg + ci][k]. */
function flipSwap(g: ConvGeometry, w: Float32Array): Float32Array {
  const { kH, kW, group } = g;
  const Cg = g.C / group;
  const Mg = g.M / group;
  const kk = kH * kW;
  const out = new Float32Array(w.length);
  for (let gi = 0; gi < group; gi++) {
    for (let mj = 0; mj < Mg; mj++) {
      for (let ci = 0; ci < Cg; ci++) {
        const src = ((gi * Mg + mj) * Cg + ci) * kk;
        const dst = ((gi * Cg + ci) * Mg + mj) * kk;
        for (let k = 0; k < kk; k++) out[dst + kk - 1 - k] = w[src + k];
      }
    }
  }
  return out;
}

/** rows×cols row-major → cols×rows. */
function transposeInto(
  src: Float32Array,
  sOff: number,
  rows: number,
  cols: number,
  out: Float32Array,
  oOff: number,
): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[oOff + c * rows + r] = src[sOff + r * cols + c];
}

export function convInputGrad(g: ConvGeometry, w: Float32Array, dy: Float32Array): Float32Array {
  const t = transposedGeometry(g);
  if (t) return convForward(t, dy, flipSwap(g, w), NO_EPILOGUE);
  if (isDepthwise(g)) return depthwiseInputGrad(g, w, dy);
  const { N, C, H, W, M, kH, kW, group, Ho, Wo } = g;
  const Cg = C / group;
  const Mg = M / group;
  const Kg = Cg * kH * kW;
  const HWo = Ho * Wo;
  // W_gᵀ [Kg × Mg] per group, then dcol = W_gᵀ · dY_g, then col2im.
  const wt = new Float32Array(w.length);
  for (let gi = 0; gi < group; gi++) transposeInto(w, gi * Mg * Kg, Mg, Kg, wt, gi * Kg * Mg);
  const dx = f32buf(N * C * H * W);
  const dcol = f32buf(Kg * HWo);
  for (let n = 0; n < N; n++) {
    for (let gi = 0; gi < group; gi++) {
      sgemm(Kg, HWo, Mg, wt, gi * Kg * Mg, Mg, dy, (n * M + gi * Mg) * HWo, HWo, dcol, 0, HWo, NO_EPILOGUE);
      col2imAdd(g, dcol, dx, (n * C + gi * Cg) * H * W, Cg);
    }
  }
  return dx;
}

/**
 * Pointwise dW when the output has fewer channels than the input (a projection): dWᵀ [C × M] =
 * X [C × n·HW] · dYᵀ [n·HW × M], so the rows of X are copied whole and only the narrower dY is
 * transposed (im2colT would transpose all of X).
 */
function pointwiseWeightGradT(g: ConvGeometry, x: Float32Array, dy: Float32Array): Float32Array {
  const { N, C, M } = g;
  const HW = g.H * g.W;
  const chunk = imagesPerGemm(g, C);
  const dw = new Float32Array(M * C);
  const xs = f32buf(C * chunk * HW);
  const dyT = f32buf(chunk * HW * M);
  const partT = new Float32Array(C * M);
  for (let n0 = 0; n0 < N; n0 += chunk) {
    const nc = Math.min(chunk, N - n0);
    const L = nc * HW;
    for (let j = 0; j < nc; j++) {
      for (let c = 0; c < C; c++) {
        const src = ((n0 + j) * C + c) * HW;
        xs.set(x.subarray(src, src + HW), c * L + j * HW);
      }
      for (let m = 0; m < M; m++) {
        const src = ((n0 + j) * M + m) * HW;
        const dst = j * HW * M + m;
        for (let p = 0; p < HW; p++) dyT[dst + p * M] = dy[src + p];
      }
    }
    sgemm(C, M, L, xs, 0, L, dyT, 0, M, partT, 0, M, NO_EPILOGUE);
    for (let c = 0; c < C; c++) for (let m = 0; m < M; m++) dw[m * C + c] += partT[c * M + m];
  }
  return dw;
}

/** Images per GEMM in convWeightGrad: bounded so the im2col buffer stays under 4 M floats. */
function imagesPerGemm(g: ConvGeometry, Kg: number): number {
  return Math.max(1, Math.min(g.N, Math.floor((1 << 22) / (Kg * g.Ho * g.Wo))));
}

/**
 * dW of a non-depthwise conv: per group one GEMM over a chunk of images,
 * dW_g [Mg × Kg] += dY_g [Mg × (n·HWo)] · colT [(n·HWo) × Kg], so the long reduction runs in one sgemm.
 */
export function convWeightGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array): Float32Array {
  if (isDepthwise(g)) return depthwiseWeightGrad(g, x, dy);
  if (g.variant === 'pointwise' && g.M < g.C) return pointwiseWeightGradT(g, x, dy);
  const { N, C, H, W, M, kH, kW, group, Ho, Wo } = g;
  const Cg = C / group;
  const Mg = M / group;
  const Kg = Cg * kH * kW;
  const HWo = Ho * Wo;
  const chunk = imagesPerGemm(g, Kg);
  const dw = new Float32Array(M * Kg);
  const colT = f32buf(chunk * HWo * Kg);
  const dyg = f32buf(Mg * chunk * HWo);
  const part = new Float32Array(Mg * Kg);
  for (let n0 = 0; n0 < N; n0 += chunk) {
    const nc = Math.min(chunk, N - n0);
    const L = nc * HWo;
    for (let gi = 0; gi < group; gi++) {
      for (let j = 0; j < nc; j++) {
        im2colT(g, x, ((n0 + j) * C + gi * Cg) * H * W, Cg, colT.subarray(j * HWo * Kg));
        for (let m = 0; m < Mg; m++) {
          const src = ((n0 + j) * M + gi * Mg + m) * HWo;
          dyg.set(dy.subarray(src, src + HWo), m * L + j * HWo);
        }
      }
      sgemm(Mg, Kg, L, dyg, 0, L, colT, 0, Kg, part, 0, Kg, NO_EPILOGUE);
      const o = gi * Mg * Kg;
      for (let i = 0; i < part.length; i++) dw[o + i] += part[i];
    }
  }
  return dw;
}

export function convBiasGrad(g: ConvGeometry, dy: Float32Array): Float32Array {
  const HWo = g.Ho * g.Wo;
  const db = new Float32Array(g.M);
  for (let m = 0; m < g.M; m++) {
    let acc = 0;
    for (let n = 0; n < g.N; n++) {
      const o = (n * g.M + m) * HWo;
      for (let p = 0; p < HWo; p++) acc += dy[o + p];
    }
    db[m] = acc;
  }
  return db;
}

/** How convWeightGrad sums: float64 loops (depthwise) or sgemm (float32 on WebAssembly, else float64 per image). */
export function weightGradAccumulation(g: ConvGeometry): 'float32' | 'float64' {
  if (isDepthwise(g)) return 'float64';
  const Kg = (g.C / g.group) * g.kH * g.kW;
  const chunk = imagesPerGemm(g, Kg);
  return gemmUsesWasm(g.M / g.group, Kg, chunk * g.Ho * g.Wo) || g.N > chunk ? 'float32' : 'float64';
}

export const convGradient: Gradient<ConvGeometry> = {
  keeps: { inputs: [0, 1] },
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs, fast }) {
    const dyT = gradOutputs[0]!;
    const dy = floats(g, dyT, 'dY');
    const w = floats(g, inputs[1], 'W');
    const out: (Tensor | undefined)[] = [];
    if (needs[0]) out[0] = f32(inputMeta[0]!.dims, convInputGrad(g, w, dy));
    if (needs[1]) {
      const x = floats(g, inputs[0], 'X');
      const dw = (fast && isDepthwise(g) ? wasmDepthwiseWeightGrad(g, x, dy) : undefined) ?? convWeightGrad(g, x, dy);
      out[1] = f32(inputMeta[1]!.dims, dw);
    }
    if (needs[2]) out[2] = f32(inputMeta[2]!.dims, convBiasGrad(g, dy));
    if (dyT.dims.length !== convOutputDims(g).length)
      throw new EngineError('shape', 'Conv backward: dY rank differs from Y', g.node);
    return out;
  },
};
