/**
 * THE op table: ONNX op type (default domain) → OpDef. Alphabetized; every op the engine runs is
 * here and nowhere else. Unary activations and broadcasting arithmetic come from their row tables.
 * Each entry carries its gradient (grad/, attached with withGradient); training refuses an op without one.
 */
import { type OpDef, withGradient } from './op.ts';
import { batchNormGradient } from './grad/batchnorm.ts';
import { convGradient } from './grad/conv.ts';
import { dropoutGradient } from './grad/dropout.ts';
import { ARITHMETIC_GRADIENTS as AG, CONSTANT_GRADIENT as CONST, whereGradient } from './grad/elementwise.ts';
import { gemmGradient, matMulGradient } from './grad/gemm.ts';
import {
  castGradient,
  concatGradient,
  gatherGradient,
  padGradient,
  relabelGradient,
  sliceGradient,
  transposeGradient,
} from './grad/layout.ts';
import { averagePoolGradient, maxPoolGradient } from './grad/pool.ts';
import {
  layerNormGradient,
  reduceMaxGradient,
  reduceMeanGradient,
  reduceSumGradient,
  softmaxGradient,
} from './grad/reduce.ts';
import { unaryGradient } from './grad/unary.ts';
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
  Add: withGradient(A.Add, AG.Add),
  AveragePool: withGradient(AveragePool, averagePoolGradient),
  BatchNormalization: withGradient(BatchNormalization, batchNormGradient),
  Cast: withGradient(Cast, castGradient),
  CastLike: withGradient(CastLike, castGradient),
  Clip: withGradient(U.Clip, unaryGradient('Clip')),
  Concat: withGradient(Concat, concatGradient),
  Constant: withGradient(Constant, CONST),
  ConstantOfShape: withGradient(ConstantOfShape, CONST),
  Conv: withGradient(Conv, convGradient),
  Div: withGradient(A.Div, AG.Div),
  Dropout: withGradient(Dropout, dropoutGradient),
  Erf: withGradient(U.Erf, unaryGradient('Erf')),
  Exp: withGradient(U.Exp, unaryGradient('Exp')),
  Flatten: withGradient(Flatten, relabelGradient),
  Gather: withGradient(Gather, gatherGradient),
  Gelu: withGradient(U.Gelu, unaryGradient('Gelu')),
  Gemm: withGradient(Gemm, gemmGradient),
  GlobalAveragePool: withGradient(GlobalAveragePool, averagePoolGradient),
  GlobalMaxPool: withGradient(GlobalMaxPool, maxPoolGradient),
  HardSigmoid: withGradient(U.HardSigmoid, unaryGradient('HardSigmoid')),
  HardSwish: withGradient(U.HardSwish, unaryGradient('HardSwish')),
  Identity: withGradient(Identity, relabelGradient),
  LayerNormalization: withGradient(LayerNormalization, layerNormGradient),
  Less: withGradient(Less, CONST),
  MatMul: withGradient(MatMul, matMulGradient),
  Max: withGradient(A.Max, AG.Max),
  MaxPool: withGradient(MaxPool, maxPoolGradient),
  Min: withGradient(A.Min, AG.Min),
  Mul: withGradient(A.Mul, AG.Mul),
  Neg: withGradient(U.Neg, unaryGradient('Neg')),
  Pad: withGradient(Pad, padGradient),
  Pow: withGradient(A.Pow, AG.Pow),
  Reciprocal: withGradient(U.Reciprocal, unaryGradient('Reciprocal')),
  ReduceMax: withGradient(ReduceMax, reduceMaxGradient),
  ReduceMean: withGradient(ReduceMean, reduceMeanGradient),
  ReduceSum: withGradient(ReduceSum, reduceSumGradient),
  Relu: withGradient(U.Relu, unaryGradient('Relu')),
  Reshape: withGradient(Reshape, relabelGradient),
  Shape: withGradient(Shape, CONST),
  Sigmoid: withGradient(U.Sigmoid, unaryGradient('Sigmoid')),
  Size: withGradient(Size, CONST),
  Slice: withGradient(Slice, sliceGradient),
  Softmax: withGradient(Softmax, softmaxGradient),
  Sqrt: withGradient(U.Sqrt, unaryGradient('Sqrt')),
  Squeeze: withGradient(Squeeze, relabelGradient),
  Sub: withGradient(A.Sub, AG.Sub),
  Sum: withGradient(A.Sum, AG.Sum),
  Tanh: withGradient(U.Tanh, unaryGradient('Tanh')),
  Transpose: withGradient(Transpose, transposeGradient),
  Unsqueeze: withGradient(Unsqueeze, relabelGradient),
  Where: withGradient(Where, whereGradient),
});

/** True when the engine runs this op (default ONNX domain only: '' or 'ai.onnx'). */
export function isSupported(opType: string, domain = ''): boolean {
  return (domain === '' || domain === 'ai.onnx') && Object.hasOwn(OPS, opType);
}
