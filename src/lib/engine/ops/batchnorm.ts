/**
 * BatchNormalization in inference mode (ONNX BatchNormalization-6, -9, -14, -15):
 * y = γ · (x − mean) / √(var + ε) + β per channel (axis 1). Opset 6's `is_test`/`spatial`
 * attributes change nothing at inference; training-mode outputs are not produced.
 */
import { attrFloat } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { BatchNormExplanation } from '../explanation.ts';
import { defineOp } from '../op.ts';
import { f32, sizeOf, type Tensor } from '../tensor.ts';

export interface BatchNormGeometry {
  readonly node: string;
  readonly dims: readonly number[];
  readonly N: number;
  readonly C: number;
  /** Elements per channel per image (H·W, or 1 for N×C input). */
  readonly inner: number;
  readonly epsilon: number;
}

function floats(g: BatchNormGeometry, inputs: readonly (Tensor | undefined)[]): Float32Array[] {
  const names = ['X', 'scale', 'B', 'input_mean', 'input_var'];
  return names.map((n, i) => {
    const t = inputs[i];
    if (!t || !(t.data instanceof Float32Array))
      throw new EngineError('dtype', `BatchNormalization input ${n} must be float32`, g.node);
    return t.data;
  });
}

/** Folds the statistics into a per-channel multiplier and offset: y = a·x + b. Read at run time. */
export function foldBatchNorm(
  epsilon: number,
  gamma: Float32Array,
  beta: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  scaleIn: Float32Array | null,
  shiftIn: Float32Array | null,
): { scale: Float32Array; shift: Float32Array } {
  const C = gamma.length;
  const scale = new Float32Array(C);
  const shift = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    const a = gamma[c] / Math.sqrt(variance[c] + epsilon);
    // BN(s·z + t) = a·s·z + (a·(t − mean) + β)
    scale[c] = a * (scaleIn ? scaleIn[c] : 1);
    shift[c] = a * ((shiftIn ? shiftIn[c] : 0) - mean[c]) + beta[c];
  }
  return { scale, shift };
}

export const BatchNormalization = defineOp<BatchNormGeometry>({
  plan({ node, inputs }) {
    const x = inputs[0];
    if (!x || inputs.length < 5 || inputs.slice(1, 5).some((i) => !i)) {
      throw new EngineError('missing-input', 'BatchNormalization needs X, scale, B, mean and var', node.name);
    }
    if (x.dims.length < 2) throw new EngineError('shape', 'BatchNormalization needs an input of rank ≥ 2', node.name);
    const [N, C] = x.dims;
    for (let i = 0; i < 5; i++) {
      if (inputs[i]!.dtype !== 'float32')
        throw new EngineError(
          'dtype',
          `BatchNormalization runs float32 only; input ${i} is ${inputs[i]!.dtype}`,
          node.name,
        );
    }
    for (let i = 1; i < 5; i++) {
      if (sizeOf(inputs[i]!.dims) !== C) {
        throw new EngineError(
          'shape',
          `BatchNormalization input ${i} must have ${C} elements (one per channel)`,
          node.name,
        );
      }
    }
    const geom = {
      node: node.name,
      dims: x.dims,
      N,
      C,
      inner: sizeOf(x.dims.slice(2)),
      epsilon: attrFloat(node, 'epsilon', 1e-5),
    };
    return { outputs: [{ dtype: 'float32', dims: x.dims }], geom };
  },
  run(g, inputs) {
    const [x, gamma, beta, mean, variance] = floats(g, inputs);
    const { scale, shift } = foldBatchNorm(g.epsilon, gamma, beta, mean, variance, null, null);
    const y = new Float32Array(x.length);
    for (let n = 0; n < g.N; n++) {
      for (let c = 0; c < g.C; c++) {
        const a = scale[c];
        const b = shift[c];
        const o = (n * g.C + c) * g.inner;
        for (let i = o; i < o + g.inner; i++) y[i] = x[i] * a + b;
      }
    }
    return [f32(g.dims, y)];
  },
  buffers: [3, 4],
  explain(g, inputs, output, flat): BatchNormExplanation {
    const [x, gamma, beta, mean, variance] = floats(g, inputs);
    const c = Math.floor(flat / g.inner) % g.C;
    return {
      kind: 'batchnorm',
      node: g.node,
      c,
      x: x[flat],
      mean: mean[c],
      variance: variance[c],
      epsilon: g.epsilon,
      gamma: gamma[c],
      beta: beta[c],
      y: (output.data as Float32Array)[flat],
    };
  },
});
