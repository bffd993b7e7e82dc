/**
 * THE op table: ONNX op type (default domain) → OpDef. Alphabetized; every op the engine runs is
 * here and nowhere else. Unary activations and broadcasting arithmetic come from their row tables.
 * Each entry carries its gradient (grad/, attached with withGradient); training refuses an op without one.
 */
import { type OpDef, withGradient } from './op.ts';
import { convGradient } from './grad/conv.ts';
import { BatchNormalization } from './ops/batchnorm.ts';
import { Cast, CastLike, Constant, ConstantOfShape, Shape, Size } from './ops/constant.ts';
import { Conv } from './ops/conv.ts';
import { ARITHMETIC_OPS, Less, Where } from './ops/elementwise.ts';
import { Gemm, MatMul } from './ops/gemm.ts';
import { Concat, Gather, Pad, Slice, Transpose } from './ops/layout.ts';
import { AveragePool, GlobalAveragePool, GlobalMaxPool, MaxPool } from './ops/pool.ts';
import { LayerNormalization, ReduceMax, ReduceMean, ReduceSum, Softmax } from './ops/reduce.ts';
import { Dropout, Flatten, Identity, Reshape, Squeeze, Unsqueeze } from './ops/reshape.ts';
import { UNARY_OPS } from './ops/unary.ts';

const U = UNARY_OPS;
const A = ARITHMETIC_OPS;

export const OPS: Readonly<Record<string, OpDef>> = Object.freeze({
  Add: A.Add,
  AveragePool,
  BatchNormalization,
  Cast,
  CastLike,
  Clip: U.Clip,
  Concat,
  Constant,
  ConstantOfShape,
  Conv: withGradient(Conv, convGradient),
  Div: A.Div,
  Dropout,
  Erf: U.Erf,
  Exp: U.Exp,
  Flatten,
  Gather,
  Gelu: U.Gelu,
  Gemm,
  GlobalAveragePool,
  GlobalMaxPool,
  HardSigmoid: U.HardSigmoid,
  HardSwish: U.HardSwish,
  Identity,
  LayerNormalization,
  Less,
  MatMul,
  Max: A.Max,
  MaxPool,
  Min: A.Min,
  Mul: A.Mul,
  Neg: U.Neg,
  Pad,
  Pow: A.Pow,
  Reciprocal: U.Reciprocal,
  ReduceMax,
  ReduceMean,
  ReduceSum,
  Relu: U.Relu,
  Reshape,
  Shape,
  Sigmoid: U.Sigmoid,
  Size,
  Slice,
  Softmax,
  Sqrt: U.Sqrt,
  Squeeze,
  Sub: A.Sub,
  Sum: A.Sum,
  Tanh: U.Tanh,
  Transpose,
  Unsqueeze,
  Where,
});

/** True when the engine runs this op (default ONNX domain only: '' or 'ai.onnx'). */
export function isSupported(opType: string, domain = ''): boolean {
  return (domain === '' || domain === 'ai.onnx') && Object.hasOwn(OPS, opType);
}
