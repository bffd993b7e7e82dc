/**
 * Conv (ONNX Conv-1 and Conv-11+), 1-D and 2-D. One geometry record covers standard, grouped,
 * depthwise (group = C_in) and pointwise (1×1) convolutions; the kernel picks a fast path from it:
 * pointwise as one GEMM, depthwise as a direct loop (WebAssembly SIMD over a padded plane, or
 * JavaScript with an interior/border split), everything else as im2col + GEMM per group. A 1-D conv is a 2-D conv with H = 1.
 */
import { attrAxes, attrInt, attrInts, attrString } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { ConvExplanation, ConvTap } from '../explanation.ts';
import { defineOp, type PlanArgs } from '../op.ts';
import { f32, type Tensor } from '../tensor.ts';
import { f32buf } from '../pool.ts';
import { dimsText } from '../shape-util.ts';
import { activateRow, type Epilogue, NO_EPILOGUE } from './activation-code.ts';
import { windowAxis } from './pads.ts';
import { gemmUsesWasm, sgemm } from './sgemm.ts';
import { wasmKernels } from './wasm-kernels.ts';
import { wasmDepthwise, wasmDepthwiseFits } from './wasm-depthwise.ts';

export type ConvVariant = 'depthwise' | 'pointwise' | 'grouped' | 'standard';

export interface ConvGeometry {
  readonly node: string;
  /** Spatial rank of the ONNX node (1 or 2); kernels always see 2-D. */
  readonly rank: 1 | 2;
  readonly N: number;
  readonly C: number;
  readonly H: number;
  readonly W: number;
  readonly M: number;
  readonly kH: number;
  readonly kW: number;
  readonly sH: number;
  readonly sW: number;
  readonly dH: number;
  readonly dW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly padBottom: number;
  readonly padRight: number;
  readonly group: number;
  readonly Ho: number;
  readonly Wo: number;
  readonly hasBias: boolean;
  readonly variant: ConvVariant;
}

export function planConvGeometry({ node, inputs }: PlanArgs): ConvGeometry {
  const x = inputs[0];
  const w = inputs[1];
  if (!x || !w) throw new EngineError('missing-input', 'Conv needs inputs X and W', node.name);
  const rank = x.dims.length - 2;
  if (rank !== 1 && rank !== 2) {
    throw new EngineError('shape', `Conv supports 1-D and 2-D inputs, got X ${dimsText(x.dims)}`, node.name);
  }
  if (w.dims.length !== x.dims.length) {
    throw new EngineError(
      'shape',
      `Conv weight ${dimsText(w.dims)} does not match input ${dimsText(x.dims)}`,
      node.name,
    );
  }
  if (x.dtype !== 'float32' || w.dtype !== 'float32') {
    throw new EngineError('dtype', `Conv runs float32 only; X is ${x.dtype} and W is ${w.dtype}`, node.name);
  }
  const group = attrInt(node, 'group', 1);
  if (!Number.isSafeInteger(group) || group < 1)
    throw new EngineError('attribute', `Conv attribute 'group' must be a whole number ≥ 1, got ${group}`, node.name);
  const [N, C] = x.dims;
  const M = w.dims[0];
  if (C % group !== 0 || M % group !== 0 || w.dims[1] * group !== C) {
    throw new EngineError(
      'shape',
      `Conv with group ${group} needs W[1]·group = C_in and C_out divisible by group; X ${dimsText(x.dims)}, W ${dimsText(w.dims)}`,
      node.name,
    );
  }
  const kernel = attrInts(node, 'kernel_shape') ?? w.dims.slice(2);
  // kernel_shape is optional (inferred from W); when given it must say the same as W.
  if (kernel.length !== rank || kernel.some((k, i) => k !== w.dims[2 + i])) {
    throw new EngineError(
      'attribute',
      `Conv attribute 'kernel_shape' [${kernel.join(', ')}] does not match W ${dimsText(w.dims)}`,
      node.name,
    );
  }
  if (kernel.some((k) => k < 1))
    throw new EngineError('shape', `Conv kernel ${dimsText(kernel)} has a side below 1`, node.name);
  const bias = inputs[2];
  if (bias && (bias.dims.length !== 1 || bias.dims[0] !== M || bias.dtype !== 'float32')) {
    throw new EngineError(
      'shape',
      `Conv bias B must be float32 of shape [${M}], got ${bias.dtype} ${dimsText(bias.dims)}`,
      node.name,
    );
  }
  const strides = attrAxes(node, 'strides', rank, 1, 1);
  const dil = attrAxes(node, 'dilations', rank, 1, 1);
  const pads = attrAxes(node, 'pads', 2 * rank, 0, 0);
  const autoPad = attrString(node, 'auto_pad', 'NOTSET');
  const spatial = x.dims.slice(2);
  const axes = spatial.map((s, i) =>
    windowAxis(node, autoPad, s, kernel[i], strides[i], dil[i], pads[i], pads[i + rank]),
  );
  const two = <T>(v: T[], one: T): [T, T] => (rank === 1 ? [one, v[0]] : [v[0], v[1]]);
  const [H, W] = two(spatial, 1);
  const [kH, kW] = two(kernel, 1);
  const [sH, sW] = two(strides, 1);
  const [dH, dW] = two(dil, 1);
  const [ayH, axW] = two(axes, { out: 1, padBegin: 0, padEnd: 0 });
  const pointwise =
    kH === 1 && kW === 1 && sH === 1 && sW === 1 && ayH.padBegin + ayH.padEnd + axW.padBegin + axW.padEnd === 0;
  const variant: ConvVariant =
    group === 1 ? (pointwise ? 'pointwise' : 'standard') : group === C ? 'depthwise' : 'grouped';
  return {
    node: node.name,
    rank,
    N,
    C,
    H,
    W,
    M,
    kH,
    kW,
    sH,
    sW,
    dH,
    dW,
    padTop: ayH.padBegin,
    padBottom: ayH.padEnd,
    padLeft: axW.padBegin,
    padRight: axW.padEnd,
    group,
    Ho: ayH.out,
    Wo: axW.out,
    hasBias: inputs.length > 2 && inputs[2] !== undefined,
    variant,
  };
}

export function convOutputDims(g: ConvGeometry): number[] {
  return g.rank === 1 ? [g.N, g.M, g.Wo] : [g.N, g.M, g.Ho, g.Wo];
}

/** MACs = N·H_out·W_out·C_out·(C_in/group)·kH·kW (published.md §1). */
export function convMacs(g: ConvGeometry): number {
  return g.N * g.Ho * g.Wo * g.M * (g.C / g.group) * g.kH * g.kW;
}

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
  const y = f32buf(N * M * Ho * Wo);
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

function floatData(node: string, t: Tensor | undefined, what: string): Float32Array {
  if (!t || !(t.data instanceof Float32Array)) throw new EngineError('dtype', `Conv ${what} must be float32`, node);
  return t.data;
}

/** Output index (flat) → n, m, oy, ox. */
function unflatten(g: ConvGeometry, flat: number): [number, number, number, number] {
  const ox = flat % g.Wo;
  let r = Math.floor(flat / g.Wo);
  const oy = r % g.Ho;
  r = Math.floor(r / g.Ho);
  return [Math.floor(r / g.M), r % g.M, oy, ox];
}

export function explainConv(
  g: ConvGeometry,
  inputs: readonly (Tensor | undefined)[],
  output: Tensor,
  flat: number,
): ConvExplanation {
  const x = floatData(g.node, inputs[0], 'input');
  const w = floatData(g.node, inputs[1], 'weight');
  const b = g.hasBias ? floatData(g.node, inputs[2], 'bias') : undefined;
  const [n, m, oy, ox] = unflatten(g, flat);
  const Cg = g.C / g.group;
  const c0 = Math.floor(m / (g.M / g.group)) * Cg;
  const taps: ConvTap[] = [];
  // Same order as the kernel's reduction (im2col rows, depthwise loops): c, ky, kx; and the same
  // arithmetic: float32 products and partial sums for the WebAssembly kernels, float64 otherwise.
  const accumulation = convAccumulation(g);
  // A float32 product is exact in float64, so 'float32-fma' (one rounding per step) is fround(sum + x·w).
  const r32 = accumulation === 'float64' ? (v: number): number => v : Math.fround;
  const rp = accumulation === 'float32' ? Math.fround : (v: number): number => v;
  let sum = 0;
  for (let ci = 0; ci < Cg; ci++) {
    for (let ky = 0; ky < g.kH; ky++) {
      for (let kx = 0; kx < g.kW; kx++) {
        const iy = oy * g.sH + ky * g.dH - g.padTop;
        const ix = ox * g.sW + kx * g.dW - g.padLeft;
        const padding = iy < 0 || iy >= g.H || ix < 0 || ix >= g.W;
        const xv = padding ? 0 : x[((n * g.C + c0 + ci) * g.H + iy) * g.W + ix];
        const wv = w[((m * Cg + ci) * g.kH + ky) * g.kW + kx];
        const product = rp(xv * wv);
        if (!padding) sum = r32(sum + product);
        taps.push({
          c: c0 + ci,
          pos: g.rank === 1 ? [ix] : [iy, ix],
          k: g.rank === 1 ? [kx] : [ky, kx],
          padding,
          x: xv,
          w: wv,
          product,
        });
      }
    }
  }
  return {
    kind: 'conv',
    node: g.node,
    variant: g.variant,
    n,
    c: m,
    pos: g.rank === 1 ? [ox] : [oy, ox],
    group: g.group,
    taps,
    sum,
    accumulation,
    bias: b ? b[m] : 0,
    value: (output.data as Float32Array)[flat],
  };
}

export const Conv = defineOp<ConvGeometry>({
  plan(args) {
    const geom = planConvGeometry(args);
    return { outputs: [{ dtype: 'float32', dims: convOutputDims(geom) }], geom };
  },
  run(g, inputs) {
    const x = floatData(g.node, inputs[0], 'input X');
    const w = floatData(g.node, inputs[1], 'weight W');
    const b = g.hasBias ? floatData(g.node, inputs[2], 'bias B') : null;
    return [f32(convOutputDims(g), convForward(g, x, w, { ...NO_EPILOGUE, shift: b }))];
  },
  macs: convMacs,
  describe: (g) => ({
    kernel: g.rank === 1 ? [g.kW] : [g.kH, g.kW],
    stride: g.rank === 1 ? [g.sW] : [g.sH, g.sW],
    group: g.group,
  }),
  explain: explainConv,
});
