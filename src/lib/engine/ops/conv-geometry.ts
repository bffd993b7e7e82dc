/**
 * Conv's geometry (ONNX Conv-1 and Conv-11+), 1-D and 2-D: one record covers standard, grouped,
 * depthwise (group = C_in) and pointwise (1×1) convolutions, checked against the node once; the
 * kernels (conv-forward.ts), the cost formula and explain() all read it. A 1-D conv is a 2-D conv with H = 1.
 */
import { attrAxes, attrInt, attrInts, attrString } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { ConvExplanation, ConvTap } from '../explanation.ts';
import type { PlanArgs } from '../op.ts';
import { dimsText } from '../shape-util.ts';
import { windowAxis } from './pads.ts';

/** Which conv a node is (the step-through views name it the same way). */
export type ConvVariant = ConvExplanation['variant'];

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

/**
 * The input element output (oy, ox) reads through kernel offset (ky, kx) on channel c of image n:
 * its position ([y, x], or [x] in 1-D), whether it lies in the zero padding, and its value (0 there).
 */
export function convInputTap(
  g: ConvGeometry,
  x: ArrayLike<number>,
  n: number,
  c: number,
  oy: number,
  ox: number,
  ky: number,
  kx: number,
): Pick<ConvTap, 'pos' | 'padding' | 'x'> {
  const iy = oy * g.sH + ky * g.dH - g.padTop;
  const ix = ox * g.sW + kx * g.dW - g.padLeft;
  const padding = iy < 0 || iy >= g.H || ix < 0 || ix >= g.W;
  return {
    pos: g.rank === 1 ? [ix] : [iy, ix],
    padding,
    x: padding ? 0 : x[((n * g.C + c) * g.H + iy) * g.W + ix],
  };
}
