/**
 * Derivatives of the unary activations (the rows of ops/unary.ts), one row each: whether the
 * derivative is read from the input x or the output y (the output is usually kept anyway, as the
 * next Conv's input, so reading y costs no memory), and the derivative itself.
 *
 * At the kinks we follow PyTorch: Relu passes the gradient only where y > 0; Clip (ReLU6 here,
 * PyTorch's hardtanh) only strictly inside (lo, hi); HardSigmoid only where 0 < α·x + β < 1;
 * HardSwish is 0 below −β/α, 2αx + β up to (1 − β)/α inclusive, 1 above (torch hardswish_backward).
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { erf } from '../ops/erf.ts';
import type { UnaryGeometry } from '../ops/unary.ts';
import { f32, type Tensor } from '../tensor.ts';
import { f32bufUninit } from '../pool.ts';

export interface UnaryDerivative {
  /** 'y': derivative from the output (the tape keeps y, not x). */
  readonly from: 'x' | 'y';
  /** dy/dx at v (v is x or y as `from` says) with the row's parameters. */
  readonly d: (v: number, p0: number, p1: number) => number;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export const UNARY_DERIVATIVES: Readonly<Record<string, UnaryDerivative>> = {
  Clip: { from: 'y', d: (y, lo, hi) => (y > lo && y < hi ? 1 : 0) },
  Erf: { from: 'x', d: (x) => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) },
  Exp: { from: 'y', d: (y) => y },
  Gelu: {
    from: 'x',
    d: (x, tanh) => {
      if (tanh === 1) {
        // d/dx ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³)
        const t = Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
      }
      // d/dx xΦ(x) = Φ(x) + xφ(x)
      return 0.5 * (1 + erf(x * Math.SQRT1_2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    },
  },
  HardSigmoid: { from: 'y', d: (y, a) => (y > 0 && y < 1 ? a : 0) },
  HardSwish: {
    from: 'x',
    d: (x, a, b) => (x < -b / a ? 0 : x <= (1 - b) / a ? 2 * a * x + b : 1),
  },
  Neg: { from: 'y', d: () => -1 },
  Reciprocal: { from: 'y', d: (y) => -y * y },
  Relu: { from: 'y', d: (y) => (y > 0 ? 1 : 0) },
  Sigmoid: { from: 'y', d: (y) => y * (1 - y) },
  Sqrt: { from: 'y', d: (y) => 0.5 / y },
  Tanh: { from: 'y', d: (y) => 1 - y * y },
};

export function unaryGradient(opType: string): Gradient<UnaryGeometry> {
  const row = UNARY_DERIVATIVES[opType];
  return {
    // Clip's min/max inputs are bounds, not differentiated.
    inputs: [0],
    // Clip's bounds are kept too (scalars; usually Constant outputs, which the tape keeps anyway).
    keeps: {
      inputs: [...(row.from === 'x' ? [0] : []), ...(opType === 'Clip' ? [1, 2] : [])],
      outputs: row.from === 'y' ? [0] : [],
    },
    backward({ geom, inputs, outputs, gradOutputs }) {
      const v = row.from === 'x' ? inputs[0] : outputs[0];
      if (!v)
        throw new EngineError(
          'missing-input',
          `${opType} backward needs its ${row.from === 'x' ? 'input' : 'output'}`,
          geom.node.name,
        );
      const [p0, p1] = geom.row.params ? geom.row.params(geom.node, geom.opset, inputs) : [0, 0];
      const dy = gradOutputs[0]!.data;
      const src = v.data;
      const dx = f32bufUninit(src.length);
      if (opType === 'Sigmoid' && src instanceof Float32Array && dy instanceof Float32Array) {
        // The row's y·(1 − y) inline: one monomorphic Float32 loop (the shared loop below calls a
        // closure per element, whose call site sees every row's function).
        for (let i = 0; i < dx.length; i++) {
          const y = src[i];
          dx[i] = dy[i] * (y * (1 - y));
        }
      } else if (opType === 'Relu' && src instanceof Float32Array && dy instanceof Float32Array) {
        for (let i = 0; i < dx.length; i++) dx[i] = src[i] > 0 ? dy[i] : dy[i] * 0;
      } else {
        const d = row.d;
        for (let i = 0; i < dx.length; i++) dx[i] = dy[i] * d(src[i], p0, p1);
      }
      return [f32(v.dims, dx) as Tensor];
    },
  };
}
