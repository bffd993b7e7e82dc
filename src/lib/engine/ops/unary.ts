/**
 * Elementwise unary ops as rows of ONE table: a formula (shown by `explain`), optional parameters
 * read from attributes or constant inputs, and the scalar function. One kernel maps any row. The
 * activations a convolution can fuse (Relu, Clip, HardSwish, …) come from activation-code.ts's table.
 */
import type { Node } from '../graph.ts';
import { EngineError } from '../errors.ts';
import type { UnaryExplanation } from '../explanation.ts';
import { defineOp, type OpDef } from '../op.ts';
import { allocData, tensor, type Tensor } from '../tensor.ts';
import { f32bufUninit } from '../pool.ts';
import { type Act, ACTIVATIONS, type Activation, activateRow } from './activation-code.ts';
import { erf } from './erf.ts';
import { affineInPlace } from './wasm-kernels.ts';

const ONE = new Float32Array([1]);
const ZERO = new Float32Array([0]);

export interface UnaryRow {
  readonly formula: string;
  /** Parameters from attributes (and, for Clip ≥ 11, the optional min/max inputs). */
  readonly params?: (node: Node, opset: number, inputs: readonly (Tensor | undefined)[]) => [number, number];
  readonly fn: (x: number, p0: number, p1: number) => number;
  /** The same function as a fused-kernel activation: float32 tensors then run its tight loop. */
  readonly act?: Act;
}

/** The activations (activation-code.ts) that are ONNX ops, as Unary rows running their fused-kernel code. */
const ACTIVATION_ROWS: Record<string, UnaryRow> = Object.fromEntries(
  ACTIVATIONS.flatMap((a: Activation, code) =>
    a.op === undefined ? [] : [[a.op, { formula: a.formula, params: a.params, fn: a.fn, act: code }]],
  ),
);

export const UNARY: Readonly<Record<string, UnaryRow>> = {
  ...ACTIVATION_ROWS,
  Erf: { formula: 'erf(x)', fn: erf },
  Exp: { formula: 'eˣ', fn: Math.exp },
  Neg: { formula: '−x', fn: (x) => -x },
  Reciprocal: { formula: '1 / x', fn: (x) => 1 / x },
  Sqrt: { formula: '√x', fn: Math.sqrt },
  Tanh: { formula: 'tanh(x)', fn: Math.tanh },
};

export interface UnaryGeometry {
  readonly node: Node;
  readonly opset: number;
  readonly row: UnaryRow;
}

function unaryOp(opType: string, row: UnaryRow): OpDef<unknown> {
  return defineOp<UnaryGeometry>({
    plan({ node, opset, inputs }) {
      const x = inputs[0];
      if (!x) throw new EngineError('missing-input', `${opType} needs an input`, node.name);
      return { outputs: [{ dtype: x.dtype, dims: x.dims }], geom: { node, opset, row } };
    },
    run({ node, opset, row: r }, inputs) {
      const x = inputs[0]!;
      const [p0, p1] = r.params ? r.params(node, opset, inputs) : [0, 0];
      const src = x.data;
      if (r.act !== undefined && src instanceof Float32Array) {
        const y = f32bufUninit(src.length);
        y.set(src);
        // the fused kernels' SIMD activation code where WebAssembly has it, else the scalar row
        if (y.length === 0 || !affineInPlace(y, 1, y.length, ONE, ZERO, r.act, p0, p1))
          activateRow(y, 0, y.length, r.act, p0, p1);
        return [tensor(x.dtype, x.dims, y)];
      }
      const out = allocData(x.dtype, src.length);
      const f = r.fn;
      for (let i = 0; i < src.length; i++) out[i] = f(src[i], p0, p1);
      return [tensor(x.dtype, x.dims, out)];
    },
    explain({ node }, inputs, output, flat): UnaryExplanation {
      return {
        kind: 'unary',
        node: node.name,
        fn: opType,
        formula: row.formula,
        x: Number(inputs[0]!.data[flat]),
        y: Number(output.data[flat]),
      };
    },
  });
}

/** One OpDef per table row (registry entries). */
export const UNARY_OPS: Readonly<Record<string, OpDef<unknown>>> = Object.fromEntries(
  Object.entries(UNARY).map(([k, row]) => [k, unaryOp(k, row)]),
);
