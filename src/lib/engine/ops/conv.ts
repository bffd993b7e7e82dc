/**
 * Conv (ONNX Conv-1 and Conv-11+), 1-D and 2-D, as the registry's op: plan from the geometry
 * (conv-geometry.ts), run on the kernels (conv-forward.ts), and explain one output as its taps.
 */
import { EngineError } from '../errors.ts';
import type { ConvExplanation, ConvTap } from '../explanation.ts';
import { defineOp } from '../op.ts';
import { f32, type Tensor } from '../tensor.ts';
import { NO_EPILOGUE } from './activation-code.ts';
import { convAccumulation, convForward } from './conv-forward.ts';
import { type ConvGeometry, convInputTap, convMacs, convOutputDims, planConvGeometry } from './conv-geometry.ts';

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
        const tap = convInputTap(g, x, n, c0 + ci, oy, ox, ky, kx);
        const wv = w[((m * Cg + ci) * g.kH + ky) * g.kW + kx];
        const product = rp(tap.x * wv);
        if (!tap.padding) sum = r32(sum + product);
        taps.push({ c: c0 + ci, ...tap, k: g.rank === 1 ? [kx] : [ky, kx], w: wv, product });
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
