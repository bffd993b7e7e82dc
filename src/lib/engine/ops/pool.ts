/**
 * AveragePool, MaxPool (N-D: 1-D, 2-D and 3-D windows), GlobalAveragePool and GlobalMaxPool.
 * One geometry record per node; padding taps are skipped by max and, unless
 * count_include_pad, by the average's divisor (ONNX pooling spec).
 */
import { attrAxes, attrInt, attrInts, attrString } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { PoolExplanation, PoolTap } from '../explanation.ts';
import { defineOp, type PlanArgs } from '../op.ts';
import { f32, sizeOf, tensor, type Tensor } from '../tensor.ts';
import { windowAxis } from './pads.ts';

export interface PoolGeometry {
  readonly node: string;
  readonly mode: 'max' | 'average';
  readonly N: number;
  readonly C: number;
  readonly inSpatial: readonly number[];
  readonly outSpatial: readonly number[];
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilations: readonly number[];
  readonly padBegin: readonly number[];
  readonly padEnd: readonly number[];
  readonly countIncludePad: boolean;
  /** MaxPool's optional second output (flat NCHW index of each maximum). */
  readonly indices: boolean;
}

function planPool(mode: 'max' | 'average', global: boolean) {
  return ({ node, inputs }: PlanArgs): PoolGeometry => {
    const x = inputs[0];
    if (!x) throw new EngineError('missing-input', `${node.opType} needs input X`, node.name);
    if (x.dims.length < 3) throw new EngineError('shape', `${node.opType} needs an N×C×spatial input`, node.name);
    if (x.dtype !== 'float32')
      throw new EngineError('dtype', `${node.opType} runs float32 only, got ${x.dtype}`, node.name);
    const [N, C, ...spatial] = x.dims;
    const r = spatial.length;
    const ones = new Array<number>(r).fill(1);
    if (global) {
      return {
        node: node.name,
        mode,
        N,
        C,
        inSpatial: spatial,
        outSpatial: ones,
        kernel: spatial,
        strides: ones,
        dilations: ones,
        padBegin: new Array<number>(r).fill(0),
        padEnd: new Array<number>(r).fill(0),
        countIncludePad: false,
        indices: false,
      };
    }
    const kernel = attrInts(node, 'kernel_shape');
    if (!kernel || kernel.length !== r) {
      throw new EngineError('attribute', `${node.opType} needs kernel_shape with ${r} entries`, node.name);
    }
    if (kernel.some((k) => !Number.isSafeInteger(k) || k < 1)) {
      throw new EngineError(
        'attribute',
        `${node.opType} attribute 'kernel_shape' [${kernel.join(', ')}] must be whole numbers ≥ 1`,
        node.name,
      );
    }
    const strides = attrAxes(node, 'strides', r, 1, 1);
    const dilations = attrAxes(node, 'dilations', r, 1, 1);
    const pads = attrAxes(node, 'pads', 2 * r, 0, 0);
    // A window that lies wholly in the padding has no input to pool (onnxruntime: "Pad should be smaller than kernel").
    if (pads.some((p, i) => p >= (kernel[i % r] - 1) * dilations[i % r] + 1)) {
      throw new EngineError(
        'attribute',
        `${node.opType} attribute 'pads' [${pads.join(', ')}] must be smaller than the window [${kernel.join(', ')}]`,
        node.name,
      );
    }
    const autoPad = attrString(node, 'auto_pad', 'NOTSET');
    const ceil = attrInt(node, 'ceil_mode', 0) === 1;
    const axes = spatial.map((s, i) =>
      windowAxis(node, autoPad, s, kernel[i], strides[i], dilations[i], pads[i], pads[i + r], ceil),
    );
    return {
      node: node.name,
      mode,
      N,
      C,
      inSpatial: spatial,
      outSpatial: axes.map((a) => a.out),
      kernel,
      strides,
      dilations,
      padBegin: axes.map((a) => a.padBegin),
      padEnd: axes.map((a) => a.padEnd),
      countIncludePad: attrInt(node, 'count_include_pad', 0) === 1,
      indices: node.outputs.length > 1 && node.outputs[1] !== '',
    };
  };
}

/** Visits the taps of one window: position (per axis), whether inside the input, whether inside the explicit pads. */
export function forEachTap(
  g: PoolGeometry,
  out: readonly number[],
  visit: (pos: number[], inside: boolean, inPadded: boolean, flat: number) => void,
): void {
  const r = g.kernel.length;
  const k = new Array<number>(r).fill(0);
  const pos = new Array<number>(r);
  for (;;) {
    let inside = true;
    let inPadded = true;
    let flat = 0;
    for (let i = 0; i < r; i++) {
      const p = out[i] * g.strides[i] + k[i] * g.dilations[i] - g.padBegin[i];
      pos[i] = p;
      if (p < 0 || p >= g.inSpatial[i]) inside = false;
      if (p < -g.padBegin[i] || p >= g.inSpatial[i] + g.padEnd[i]) inPadded = false;
      flat = flat * g.inSpatial[i] + p;
    }
    visit(pos, inside, inPadded, flat);
    let i = r - 1;
    while (i >= 0 && ++k[i] === g.kernel[i]) k[i--] = 0;
    if (i < 0) return;
  }
}

export function unravel(flat: number, dims: readonly number[]): number[] {
  const out = new Array<number>(dims.length);
  for (let i = dims.length - 1; i >= 0; i--) {
    out[i] = flat % dims[i];
    flat = Math.floor(flat / dims[i]);
  }
  return out;
}

/** 2-D, no dilation: the common case (MobileNet heads, ResNet stems) without the generic tap walker. */
function pool2d(g: PoolGeometry, x: Float32Array, y: Float32Array): void {
  const [H, W] = g.inSpatial;
  const [Ho, Wo] = g.outSpatial;
  const [kH, kW] = g.kernel;
  const [sH, sW] = g.strides;
  const [pT, pL] = g.padBegin;
  const [pB, pR] = g.padEnd;
  const max = g.mode === 'max';
  for (let p = 0; p < g.N * g.C; p++) {
    const xo = p * H * W;
    const yo = p * Ho * Wo;
    for (let oy = 0; oy < Ho; oy++) {
      const y0 = oy * sH - pT;
      const ya = Math.max(0, y0);
      const yb = Math.min(H, y0 + kH);
      for (let ox = 0; ox < Wo; ox++) {
        const x0 = ox * sW - pL;
        const xa = Math.max(0, x0);
        const xb = Math.min(W, x0 + kW);
        let acc = max ? -Infinity : 0;
        for (let iy = ya; iy < yb; iy++) {
          const row = xo + iy * W;
          if (max)
            for (let ix = xa; ix < xb; ix++) {
              const v = x[row + ix];
              if (v > acc) acc = v;
            }
          else for (let ix = xa; ix < xb; ix++) acc += x[row + ix];
        }
        if (!max) {
          const count = g.countIncludePad
            ? (Math.min(H + pB, y0 + kH) - Math.max(-pT, y0)) * (Math.min(W + pR, x0 + kW) - Math.max(-pL, x0))
            : (yb - ya) * (xb - xa);
          acc /= count;
        }
        y[yo + oy * Wo + ox] = acc;
      }
    }
  }
}

function runPool(g: PoolGeometry, inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const xt = inputs[0];
  if (!xt || !(xt.data instanceof Float32Array))
    throw new EngineError('dtype', 'pooling needs a float32 input', g.node);
  const x = xt.data;
  const dims = [g.N, g.C, ...g.outSpatial];
  const plane = sizeOf(g.outSpatial);
  const inPlane = sizeOf(g.inSpatial);
  const y = new Float32Array(g.N * g.C * plane);
  if (g.inSpatial.length === 2 && g.dilations.every((d) => d === 1) && !g.indices) {
    pool2d(g, x, y);
    return [f32(dims, y)];
  }
  const idx = g.indices ? new Float64Array(y.length) : undefined;
  for (let p = 0; p < g.N * g.C; p++) {
    for (let o = 0; o < plane; o++) {
      const out = unravel(o, g.outSpatial);
      let acc = g.mode === 'max' ? -Infinity : 0;
      let arg = -1;
      let count = 0;
      forEachTap(g, out, (_pos, inside, inPadded, flat) => {
        if (inside) {
          const v = x[p * inPlane + flat];
          if (g.mode === 'max') {
            if (v > acc) {
              acc = v;
              arg = p * inPlane + flat;
            }
          } else acc += v;
        }
        if (g.countIncludePad ? inPadded : inside) count++;
      });
      y[p * plane + o] = g.mode === 'max' ? acc : acc / count;
      if (idx) idx[p * plane + o] = arg;
    }
  }
  return idx ? [f32(dims, y), tensor('int64', dims, idx)] : [f32(dims, y)];
}

export function explainPool(
  g: PoolGeometry,
  inputs: readonly (Tensor | undefined)[],
  output: Tensor,
  flat: number,
): PoolExplanation {
  const x = inputs[0]!.data as Float32Array;
  const plane = sizeOf(g.outSpatial);
  const p = Math.floor(flat / plane);
  const out = unravel(flat % plane, g.outSpatial);
  const inPlane = sizeOf(g.inSpatial);
  const taps: PoolTap[] = [];
  let count = 0;
  forEachTap(g, out, (pos, inside, inPadded, f) => {
    taps.push(inside ? { pos: [...pos], padding: false, x: x[p * inPlane + f] } : { pos: [...pos], padding: true });
    if (g.countIncludePad ? inPadded : inside) count++;
  });
  return {
    kind: 'pool',
    node: g.node,
    mode: g.mode,
    n: Math.floor(p / g.C),
    c: p % g.C,
    pos: out,
    taps,
    count: g.mode === 'max' ? taps.filter((t) => !t.padding).length : count,
    value: (output.data as Float32Array)[flat],
  };
}

function poolOp(mode: 'max' | 'average', global: boolean) {
  const plan = planPool(mode, global);
  return defineOp<PoolGeometry>({
    plan(args) {
      const geom = plan(args);
      const dims = [geom.N, geom.C, ...geom.outSpatial];
      const outputs = geom.indices
        ? [
            { dtype: 'float32' as const, dims },
            { dtype: 'int64' as const, dims },
          ]
        : [{ dtype: 'float32' as const, dims }];
      return { outputs, geom };
    },
    run: runPool,
    describe: (g) => ({ kernel: [...g.kernel], stride: [...g.strides] }),
    explain: explainPool,
  });
}

export const AveragePool = poolOp('average', false);
export const MaxPool = poolOp('max', false);
export const GlobalAveragePool = poolOp('average', true);
export const GlobalMaxPool = poolOp('max', true);
