/**
 * Conv's kernels over one geometry record (conv-geometry.ts): pointwise as one GEMM, depthwise as a
 * direct loop (WebAssembly SIMD over a padded plane, or JavaScript with an interior/border split),
 * everything else as im2col + GEMM per group; each applies the epilogue y = act(scale·conv + shift).
 */
import { EngineError } from '../errors.ts';
import { f32bufUninit } from '../pool.ts';
import { activateRow, type Epilogue } from './activation-code.ts';
import type { ConvGeometry } from './conv-geometry.ts';
import { gemmUsesWasm, sgemm } from './sgemm.ts';
import { wasmKernels } from './wasm-kernels.ts';
import { wasmDepthwise, wasmDepthwiseFits } from './wasm-depthwise.ts';

/** Fills col[(c·kH + ky)·kW + kx][oy·Wo + ox] for one group of one image (zeros in the padding). */
function im2col(g: ConvGeometry, x: Float32Array, xOff: number, cCount: number, col: Float32Array): void {
  const { H, W, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  const HW = H * W;
  let r = 0;
  for (let c = 0; c < cCount; c++) {
    const plane = xOff + c * HW;
    for (let ky = 0; ky < kH; ky++) {
      for (let kx = 0; kx < kW; kx++) {
        let o = r * Ho * Wo;
        const dx = kx * dW - padLeft;
        for (let oy = 0; oy < Ho; oy++) {
          const iy = oy * sH + ky * dH - padTop;
          if (iy < 0 || iy >= H) {
            col.fill(0, o, o + Wo);
            o += Wo;
            continue;
          }
          const row = plane + iy * W;
          if (sW === 1) {
            // Contiguous run: only the ends can fall in the padding.
            for (let ox = 0; ox < Wo; ox++) {
              const ix = ox + dx;
              col[o++] = ix >= 0 && ix < W ? x[row + ix] : 0;
            }
          } else {
            for (let ox = 0; ox < Wo; ox++) {
              const ix = ox * sW + dx;
              col[o++] = ix >= 0 && ix < W ? x[row + ix] : 0;
            }
          }
        }
        r++;
      }
    }
  }
}

let colBuf = new Float32Array(0);
function colScratch(n: number): Float32Array {
  if (colBuf.length < n) colBuf = new Float32Array(n);
  return colBuf;
}

/**
 * Depthwise (C_in/group = 1) direct convolution of one output channel: the interior rectangle
 * (every tap inside the image) runs without bounds checks; only the border rows and columns test.
 */
function depthwisePlane(
  g: ConvGeometry,
  x: Float32Array,
  xOff: number,
  w: Float32Array,
  wOff: number,
  y: Float32Array,
  yOff: number,
  s: number,
  t: number,
): void {
  const { H, W, kH, kW, sH, sW, dH, dW, padTop, padLeft, Ho, Wo } = g;
  // Interior: oy with padTop ≤ oy·sH and oy·sH + (kH-1)·dH - padTop < H (same for x).
  const oy0 = Math.min(Ho, Math.ceil(padTop / sH));
  const oy1 = Math.max(oy0, Math.min(Ho, Math.floor((H - 1 - (kH - 1) * dH + padTop) / sH) + 1));
  const ox0 = Math.min(Wo, Math.ceil(padLeft / sW));
  const ox1 = Math.max(ox0, Math.min(Wo, Math.floor((W - 1 - (kW - 1) * dW + padLeft) / sW) + 1));
  const border = (oy: number, ox: number): void => {
    let acc = 0;
    for (let ky = 0; ky < kH; ky++) {
      const iy = oy * sH + ky * dH - padTop;
      if (iy < 0 || iy >= H) continue;
      for (let kx = 0; kx < kW; kx++) {
        const ix = ox * sW + kx * dW - padLeft;
        if (ix < 0 || ix >= W) continue;
        acc += x[xOff + iy * W + ix] * w[wOff + ky * kW + kx];
      }
    }
    y[yOff + oy * Wo + ox] = acc * s + t;
  };
  for (let oy = 0; oy < Ho; oy++) {
    if (oy < oy0 || oy >= oy1) {
      for (let ox = 0; ox < Wo; ox++) border(oy, ox);
      continue;
    }
    for (let ox = 0; ox < ox0; ox++) border(oy, ox);
    const rowBase = xOff + (oy * sH - padTop) * W - padLeft;
    const yRow = yOff + oy * Wo;
    if (kH === 3 && kW === 3 && dH === 1 && dW === 1) {
      const w0 = w[wOff],
        w1 = w[wOff + 1],
        w2 = w[wOff + 2];
      const w3 = w[wOff + 3],
        w4 = w[wOff + 4],
        w5 = w[wOff + 5];
      const w6 = w[wOff + 6],
        w7 = w[wOff + 7],
        w8 = w[wOff + 8];
      for (let ox = ox0; ox < ox1; ox++) {
        const p = rowBase + ox * sW;
        const q = p + W;
        const r = q + W;
        y[yRow + ox] =
          (x[p] * w0 +
            x[p + 1] * w1 +
            x[p + 2] * w2 +
            x[q] * w3 +
            x[q + 1] * w4 +
            x[q + 2] * w5 +
            x[r] * w6 +
            x[r + 1] * w7 +
            x[r + 2] * w8) *
            s +
          t;
      }
    } else {
      for (let ox = ox0; ox < ox1; ox++) {
        const p = rowBase + ox * sW;
        let acc = 0;
        for (let ky = 0; ky < kH; ky++) {
          const pr = p + ky * dH * W;
          const wr = wOff + ky * kW;
          for (let kx = 0; kx < kW; kx++) acc += x[pr + kx * dW] * w[wr + kx];
        }
        y[yRow + ox] = acc * s + t;
      }
    }
    for (let ox = ox1; ox < Wo; ox++) border(oy, ox);
  }
}

function depthwiseUsesWasm(g: ConvGeometry): boolean {
  return wasmDepthwiseFits(g) && g.Ho * g.Wo >= 1 && wasmKernels() !== null;
}

/**
 * How the kernel accumulates this conv: WebAssembly SIMD in float32, JavaScript in float64
 * (explain() repeats the same arithmetic, so its sum is bit-identical to the output).
 */
export function convAccumulation(g: ConvGeometry): 'float32' | 'float32-fma' | 'float64' {
  const wasm =
    g.C / g.group === 1 && g.group === g.C
      ? depthwiseUsesWasm(g)
      : g.variant === 'pointwise'
        ? gemmUsesWasm(g.M, g.Ho * g.Wo, g.C)
        : gemmUsesWasm(g.M / g.group, g.Ho * g.Wo, (g.C / g.group) * g.kH * g.kW);
  if (!wasm) return 'float64';
  return wasmKernels()?.fusedMultiplyAdd ? 'float32-fma' : 'float32';
}

/**
 * The geometry against the buffers, before any kernel (JavaScript or WebAssembly) indexes them:
 * every loop below is bounded by these sizes, so no input can make a kernel read or write outside.
 */
export function checkConvBuffers(g: ConvGeometry, x: Float32Array, w: Float32Array, ep: Epilogue): void {
  const bad = (what: string): never => {
    throw new EngineError('shape', `Conv ${what} does not match its geometry`, g.node);
  };
  const sizes = [
    g.N,
    g.C,
    g.H,
    g.W,
    g.M,
    g.kH,
    g.kW,
    g.sH,
    g.sW,
    g.dH,
    g.dW,
    g.Ho,
    g.Wo,
    g.group,
    g.padTop,
    g.padLeft,
    g.padBottom,
    g.padRight,
  ];
  if (
    sizes.some((v) => !Number.isSafeInteger(v) || v < 0) ||
    g.group < 1 ||
    g.sH < 1 ||
    g.sW < 1 ||
    g.dH < 1 ||
    g.dW < 1
  )
    bad('geometry');
  if (g.C % g.group !== 0 || g.M % g.group !== 0) bad('group');
  if (x.length !== g.N * g.C * g.H * g.W) bad(`input (${x.length} values)`);
  if (w.length !== g.M * (g.C / g.group) * g.kH * g.kW) bad(`weight (${w.length} values)`);
  if ((ep.scale && ep.scale.length < g.M) || (ep.shift && ep.shift.length < g.M)) bad('bias or scale');
}

/**
 * Runs the convolution with an epilogue: y = act(scale[m]·conv + shift[m]). Plain Conv passes
 * shift = bias; the fused Conv+BatchNorm+activation path passes the folded BatchNorm.
 */
export function convForward(g: ConvGeometry, x: Float32Array, w: Float32Array, ep: Epilogue): Float32Array {
  checkConvBuffers(g, x, w, ep);
  const { N, C, H, W, M, kH, kW, group, Ho, Wo } = g;
  // Every path below writes every output element (sgemm and the depthwise kernels overwrite, never accumulate).
  const y = f32bufUninit(N * M * Ho * Wo);
  const HW = H * W;
  const HWo = Ho * Wo;
  const Cg = C / group;
  const Mg = M / group;
  if (g.variant === 'pointwise') {
    for (let n = 0; n < N; n++) sgemm(M, HWo, C, w, 0, C, x, n * C * HW, HW, y, n * M * HWo, HWo, ep);
    return y;
  }
  if (Cg === 1 && group === C) {
    const kk = kH * kW;
    if (depthwiseUsesWasm(g)) {
      let done = true;
      for (let n = 0; n < N && done; n++) done = wasmDepthwise(g, x, w, y, n, ep);
      if (done) return y;
    }
    for (let n = 0; n < N; n++) {
      for (let m = 0; m < M; m++) {
        const c = Math.floor(m / Mg);
        const yOff = (n * M + m) * HWo;
        depthwisePlane(
          g,
          x,
          (n * C + c) * HW,
          w,
          m * kk,
          y,
          yOff,
          ep.scale ? ep.scale[m] : 1,
          ep.shift ? ep.shift[m] : 0,
        );
        activateRow(y, yOff, yOff + HWo, ep.act, ep.p0, ep.p1);
      }
    }
    return y;
  }
  const Kg = Cg * kH * kW;
  const col = colScratch(Kg * HWo);
  for (let n = 0; n < N; n++) {
    for (let gi = 0; gi < group; gi++) {
      im2col(g, x, (n * C + gi * Cg) * HW, Cg, col);
      const sub: Epilogue =
        group === 1
          ? ep
          : {
              ...ep,
              scale: ep.scale ? ep.scale.subarray(gi * Mg, (gi + 1) * Mg) : null,
              shift: ep.shift ? ep.shift.subarray(gi * Mg, (gi + 1) * Mg) : null,
            };
      sgemm(Mg, HWo, Kg, w, gi * Mg * Kg, Kg, col, 0, HWo, y, (n * M + gi * Mg) * HWo, HWo, sub);
    }
  }
  return y;
}
