/**
 * The activations a Conv/Gemm kernel can apply as it stores each value, as rows of ONE table.
 * A row gives the scalar function (the JavaScript kernels and the Unary op run it), its
 * parameters read from the ONNX node, and the same function on four lanes of WebAssembly SIMD
 * (wasm-kernels.ts assembles it into every kernel's epilogue). Everything else derives from the
 * table: the `Act` codes, the Unary ops these activations also are (unary.ts) and the patterns the
 * fuser absorbs into a convolution (fuse.ts). A new activation is one row.
 */
import type { Node } from '../graph.ts';
import { attrFloat } from '../attrs.ts';
import type { Tensor } from '../tensor.ts';
import { erf } from './erf.ts';
import { attrString } from '../attrs.ts';
import {
  type Code,
  f32c,
  f32Eq,
  f32x4Abs,
  f32x4Add,
  f32x4Const,
  f32x4Div,
  f32x4Ge,
  f32x4Max,
  f32x4Min,
  f32x4Mul,
  f32x4Sub,
  get,
  ifElse,
  type Local,
  set,
  v128Bitselect,
  v128Zero,
} from './wasm-asm.ts';

/** The v128 locals an epilogue offers an activation's SIMD code (see wasm-kernels.ts). */
export interface SimdEnv {
  /** p0 and p1 splatted to four lanes. */
  readonly p0: Local;
  readonly p1: Local;
  /** p0 as the f32 it was passed (for choosing a variant once per call). */
  readonly p0Scalar: Local;
  readonly one: Local;
  /** Scratch (t, u, w; `exp` also uses the r it is given). */
  readonly t: Local;
  readonly w: Local;
  /** Replaces local x by eˣ lane-wise, using r as scratch. */
  readonly exp: (x: Local, r: Local) => Code;
  readonly u: Local;
}

export interface Activation {
  /** Its name in `Act`. */
  readonly name: string;
  /** The ONNX op this activation is (fused after a Conv, and run alone by unary.ts); absent for patterns. */
  readonly op?: string;
  readonly formula: string;
  /** p0, p1 from the node's attributes (and, for Clip ≥ 11, its optional min/max inputs). */
  readonly params?: (node: Node, opset: number, inputs: readonly (Tensor | undefined)[]) => [number, number];
  /** The scalar function: the JavaScript kernels' definition of the activation. */
  readonly fn: (x: number, p0: number, p1: number) => number;
  /** The same on the four lanes of v128 local `v`, in place. */
  readonly simd: (v: Local, e: SimdEnv) => Code;
}

function scalarInput(t: Tensor | undefined, fallback: number): number {
  return t === undefined || t.data.length === 0 ? fallback : Number(t.data[0]);
}

/** clip(v·α + β, 0, 1) left on the stack. */
const hardGate = (v: Local, e: SimdEnv): Code => [
  ...get(v),
  ...get(e.p0),
  ...f32x4Mul,
  ...get(e.p1),
  ...f32x4Add,
  ...v128Zero,
  ...f32x4Max,
  ...get(e.one),
  ...f32x4Min,
];
/** t ← e^(−v) */
const expNeg = (v: Local, e: SimdEnv): Code => [...v128Zero, ...get(v), ...f32x4Sub, ...set(e.t), ...e.exp(e.t, e.u)];

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
/** Numerical Recipes §6.2's Chebyshev fit of erfc (fractional error < 1.2e-7), constant term first. */
const ERFC_FIT = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/**
 * GELU on four lanes. p0 = 1 selects the tanh form, x·σ(2u) with u = √(2/π)(x + 0.044715x³)
 * (as 1 + tanh u = 2σ(2u)); otherwise x·Φ(x) = ½x·(1 + erf(x/√2)), with 1 + erf(x/√2) taken as
 * erfc(z) or 2 − erfc(z) at z = |x|/√2 from the Chebyshev fit, accurate relative to 1 + erf.
 */
function geluSimd(v: Local, e: SimdEnv): Code {
  const tanhForm: Code = [
    ...get(v),
    ...get(v),
    ...f32x4Mul,
    ...get(v),
    ...f32x4Mul,
    ...f32x4Const(0.044715),
    ...f32x4Mul,
    ...get(v),
    ...f32x4Add,
    ...f32x4Const(-2 * SQRT_2_OVER_PI),
    ...f32x4Mul,
    ...set(e.t),
    ...e.exp(e.t, e.u),
    ...get(v),
    ...get(e.one),
    ...get(e.t),
    ...f32x4Add,
    ...f32x4Div,
    ...set(v),
  ];
  const horner: Code = [...f32x4Const(ERFC_FIT[9])];
  for (let i = 8; i >= 0; i--) horner.push(...get(e.t), ...f32x4Mul, ...f32x4Const(ERFC_FIT[i]), ...f32x4Add);
  const erfForm: Code = [
    ...get(v),
    ...f32x4Abs,
    ...f32x4Const(Math.SQRT1_2),
    ...f32x4Mul,
    ...set(e.w), // w = z
    ...get(e.one),
    ...get(e.one),
    ...get(e.w),
    ...f32x4Const(0.5),
    ...f32x4Mul,
    ...f32x4Add,
    ...f32x4Div,
    ...set(e.t), // t = 1 / (1 + z/2)
    ...v128Zero,
    ...get(e.w),
    ...get(e.w),
    ...f32x4Mul,
    ...f32x4Sub,
    ...horner,
    ...f32x4Add,
    ...set(e.w), // w = −z² + fit(t)
    ...e.exp(e.w, e.u),
    ...get(e.t),
    ...get(e.w),
    ...f32x4Mul,
    ...set(e.w), // w = erfc(z)
    ...f32x4Const(2),
    ...get(e.w),
    ...f32x4Sub,
    ...get(e.w),
    ...get(v),
    ...v128Zero,
    ...f32x4Ge,
    ...v128Bitselect, // 1 + erf(x/√2)
    ...get(v),
    ...f32x4Mul,
    ...f32x4Const(0.5),
    ...f32x4Mul,
    ...set(v),
  ];
  return [...get(e.p0Scalar), ...f32c(1), ...f32Eq, ...ifElse(tanhForm, erfForm)];
}

/** The table; a row's index is its `Act` code (the kernels' `act` argument). */
export const ACTIVATIONS = [
  { name: 'None', formula: 'x', fn: (x) => x, simd: () => [] },
  {
    name: 'Relu',
    op: 'Relu',
    formula: 'max(0, x)',
    fn: (x) => (x < 0 ? 0 : x), // NaN stays NaN, as in Relu's spec
    simd: (v) => [...get(v), ...v128Zero, ...f32x4Max, ...set(v)],
  },
  {
    // Relu6 is Clip(0, 6). Clip-6 takes min/max as attributes; Clip-11+ as optional inputs.
    name: 'Clip',
    op: 'Clip',
    formula: 'min(max(x, lo), hi)',
    params: (node, opset, inputs) =>
      opset < 11
        ? [attrFloat(node, 'min', -3.4028234663852886e38), attrFloat(node, 'max', 3.4028234663852886e38)]
        : [scalarInput(inputs[1], -Infinity), scalarInput(inputs[2], Infinity)],
    fn: (x, lo, hi) => {
      const v = x < lo ? lo : x;
      return v > hi ? hi : v; // hi wins when lo > hi (ONNX Clip)
    },
    simd: (v, e) => [...get(v), ...get(e.p0), ...f32x4Max, ...get(e.p1), ...f32x4Min, ...set(v)],
  },
  {
    // ONNX HardSwish: x · clip(x·α + β, 0, 1) with α = 1/6, β = 1/2 (MobileNetV3, §5.2).
    name: 'HardSwish',
    op: 'HardSwish',
    formula: 'x · max(0, min(1, x/6 + 1/2))',
    // (α, β are fixed by the op, so the scalar form needs no parameters; the SIMD code reads them as p0, p1.)
    params: () => [1 / 6, 0.5],
    fn: (x) => x * Math.max(0, Math.min(1, x * (1 / 6) + 0.5)),
    simd: (v, e) => [...get(v), ...hardGate(v, e), ...f32x4Mul, ...set(v)],
  },
  {
    name: 'HardSigmoid',
    op: 'HardSigmoid',
    formula: 'max(0, min(1, α·x + β))',
    params: (node) => [attrFloat(node, 'alpha', 0.2), attrFloat(node, 'beta', 0.5)],
    fn: (x, a, b) => {
      const g = x * a + b;
      return g < 0 ? 0 : g > 1 ? 1 : g;
    },
    simd: (v, e) => [...hardGate(v, e), ...set(v)],
  },
  {
    name: 'Sigmoid',
    op: 'Sigmoid',
    formula: '1 / (1 + e⁻ˣ)',
    fn: (x) => 1 / (1 + Math.exp(-x)),
    simd: (v, e) => [...expNeg(v, e), ...get(e.one), ...get(e.one), ...get(e.t), ...f32x4Add, ...f32x4Div, ...set(v)],
  },
  {
    // SiLU / Swish as timm exports it: Sigmoid then Mul (fuse.ts matches that pair; no single op).
    name: 'Swish',
    formula: 'x · σ(x)',
    fn: (x) => x / (1 + Math.exp(-x)),
    simd: (v, e) => [...expNeg(v, e), ...get(v), ...get(e.one), ...get(e.t), ...f32x4Add, ...f32x4Div, ...set(v)],
  },
  {
    // Hendrycks & Gimpel, arXiv 1606.08415; ViT's MLP activation. p0 = 1 for approximate = 'tanh'.
    name: 'Gelu',
    op: 'Gelu',
    formula: 'x · Φ(x)',
    params: (node) => [attrString(node, 'approximate', 'none') === 'tanh' ? 1 : 0, 0],
    fn: (x, tanh) =>
      tanh === 1
        ? 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))
        : 0.5 * x * (1 + erf(x / Math.SQRT2)),
    simd: geluSimd,
  },
] as const satisfies readonly Activation[];

type ActName = (typeof ACTIVATIONS)[number]['name'];
/** Activation codes by name: `Act.Relu` is the Relu row's index. */
export const Act = Object.fromEntries(ACTIVATIONS.map((a, i) => [a.name, i])) as { readonly [K in ActName]: number };
export type Act = number;

/** The activation code of an ONNX op that is a table row, or undefined. */
export function actOfOp(opType: string): Act | undefined {
  const i = ACTIVATIONS.findIndex((a: Activation) => a.op === opType);
  return i < 0 ? undefined : i;
}

/** Per-output-row scale and shift then an activation, applied as each value is stored. */
export interface Epilogue {
  /** Multiplier per output row (channel); null means 1. */
  readonly scale: Float32Array | null;
  /** Added per output row after scaling (bias, or folded BatchNorm); null means 0. */
  readonly shift: Float32Array | null;
  readonly act: Act;
  /** Clip lo / HardSigmoid α. */
  readonly p0: number;
  /** Clip hi / HardSigmoid β. */
  readonly p1: number;
}

export const NO_EPILOGUE: Epilogue = { scale: null, shift: null, act: Act.None, p0: 0, p1: 0 };

/** Applies the activation to a row segment in place (used after accumulation loops). */
export function activateRow(y: Float32Array, start: number, end: number, act: Act, p0: number, p1: number): void {
  if (act === Act.None) return;
  const f = ACTIVATIONS[act].fn;
  for (let i = start; i < end; i++) y[i] = f(y[i], p0, p1);
}
