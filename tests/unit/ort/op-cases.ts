/**
 * Generated single-op graphs for the engine-vs-onnxruntime tests: every conv kind with every
 * padding mode, stride and dilation, and every op in the registry with its main attributes.
 */
import { float, int, ints, str, tensorAttr, type Graph } from '~/lib/engine/graph.ts';
import { tensor } from '~/lib/engine/tensor.ts';
import { GraphBuilder } from './build.ts';

const PAD_MODES: { label: string; pads?: number[]; autoPad?: string }[] = [
  { label: 'symmetric pads', pads: [1, 1, 1, 1] },
  { label: 'asymmetric pads', pads: [0, 1, 2, 1] },
  { label: 'SAME_UPPER', autoPad: 'SAME_UPPER' },
  { label: 'SAME_LOWER', autoPad: 'SAME_LOWER' },
  { label: 'VALID', autoPad: 'VALID' },
];

/** Conv kinds over an 8-channel input: [label, cout, group, kernel]. */
const CONV_KINDS: [string, number, number, number][] = [
  ['standard', 12, 1, 3],
  ['grouped', 12, 4, 3],
  ['depthwise', 8, 8, 3],
  ['depthwise ×2 multiplier', 16, 8, 3],
  ['pointwise', 12, 1, 1],
  ['standard 5×5', 6, 1, 5],
];

export interface OpCase {
  readonly name: string;
  readonly graph: Graph;
}

export function convCases(): OpCase[] {
  const cases: OpCase[] = [];
  let seed = 1000;
  for (const [kind, cout, group, k] of CONV_KINDS) {
    for (const mode of PAD_MODES) {
      for (const stride of [1, 2]) {
        // onnxruntime rejects dilation with SAME_* auto_pad ("Dilation not supported for
        // AutoPadType::SAME_UPPER"), so those combinations have no reference to check against.
        const dilations = k === 3 && stride === 1 && !mode.autoPad?.startsWith('SAME') ? [1, 2] : [1];
        for (const dilation of dilations) {
          const b = new GraphBuilder(seed++, 13);
          const x = b.input('x', [1, 8, 9, 10]);
          const y = b.conv(x, 8, cout, k, {
            group,
            stride,
            dilation,
            ...(mode.pads ? { pads: mode.pads } : { autoPad: mode.autoPad }),
            bias: seed % 2 === 0,
          });
          cases.push({
            name: `${kind} conv, ${mode.label}, stride ${stride}${dilation > 1 ? `, dilation ${dilation}` : ''}`,
            graph: b.graph('conv', [y]),
          });
        }
      }
    }
  }
  return cases;
}

function one(name: string, opset: number, dims: number[], body: (b: GraphBuilder, x: string) => string[]): OpCase {
  const b = new GraphBuilder(name.length * 7919 + opset, opset);
  const x = b.input('x', dims);
  return { name, graph: b.graph(name, body(b, x)) };
}

export function opCases(): OpCase[] {
  const f = (v: number) => tensor('float32', [], [v]);
  return [
    one('unary activations', 20, [2, 3, 4, 5], (b, x) => {
      const pos = b.op('Sigmoid', [x]);
      return [
        b.op('Relu', [x]),
        pos,
        b.op('Tanh', [x]),
        b.op('Erf', [x]),
        b.op('Gelu', [x]),
        b.op('Gelu', [x], { approximate: str('tanh') }),
        b.op('HardSigmoid', [x]),
        b.op('HardSigmoid', [x], { alpha: float(0.16666667), beta: float(0.5) }),
        b.op('HardSwish', [x]),
        b.op('Exp', [x]),
        b.op('Neg', [x]),
        b.op('Sqrt', [pos]),
        b.op('Reciprocal', [pos]),
        b.op('Identity', [x]),
        b.op('Dropout', [x]),
      ];
    }),
    one('Clip with min and max inputs', 13, [2, 3, 4, 5], (b, x) => [
      b.op('Clip', [x, b.const(f(0)), b.const(f(6))]),
      b.op('Clip', [x, '', b.const(f(0.5))]),
      b.op('Clip', [x]),
    ]),
    one('Clip with min and max attributes (opset 6)', 6, [2, 3, 4, 5], (b, x) => [
      b.op('Clip', [x], { min: float(-0.5), max: float(0.5) }),
    ]),
    one('broadcasting arithmetic', 14, [2, 3, 4, 5], (b, x) => {
      const y = b.weight([3, 1, 5]);
      const s = b.weight([5]);
      const pos = b.positive([4, 1]);
      return [
        b.op('Add', [x, y]),
        b.op('Sub', [y, x]),
        b.op('Mul', [x, s]),
        b.op('Div', [x, pos]),
        b.op('Pow', [b.op('Sigmoid', [x]), pos]),
        b.op('Max', [x, y]),
        b.op('Min', [x, s]),
        b.op('Sum', [x, y, s]),
        b.op('Where', [b.op('Less', [x, y]), x, s]),
      ];
    }),
    one('BatchNormalization', 15, [2, 6, 5, 4], (b, x) => [b.bn(x, 6)]),
    one('LayerNormalization and Softmax over different axes', 17, [2, 3, 4, 5], (b, x) => [
      b.op('LayerNormalization', [x, b.positive([5]), b.weight([5])], { axis: int(-1) }),
      b.op('LayerNormalization', [x, b.positive([4, 5]), b.weight([4, 5])], { axis: int(2), epsilon: float(1e-3) }),
      b.op('Softmax', [x], { axis: int(-1) }),
      b.op('Softmax', [x], { axis: int(1) }),
    ]),
    one('Softmax, opset 11 (flattening semantics)', 11, [2, 3, 4], (b, x) => [b.op('Softmax', [x], { axis: int(1) })]),
    one('pooling', 19, [1, 3, 9, 10], (b, x) => [
      b.op('GlobalAveragePool', [x]),
      b.op('GlobalMaxPool', [x]),
      b.op('AveragePool', [x], { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }),
      b.op('AveragePool', [x], {
        kernel_shape: ints([3, 3]),
        strides: ints([2, 2]),
        pads: ints([1, 1, 1, 1]),
        count_include_pad: int(1),
      }),
      b.op('AveragePool', [x], { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) }),
      b.op('AveragePool', [x], { kernel_shape: ints([3, 3]), auto_pad: str('SAME_UPPER') }),
      b.op('MaxPool', [x], { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }),
      b.op('MaxPool', [x], { kernel_shape: ints([3, 3]), strides: ints([2, 2]), ceil_mode: int(1) }),
      b.op('MaxPool', [x], { kernel_shape: ints([2, 2]), dilations: ints([2, 2]) }),
      b.op('MaxPool', [x], { kernel_shape: ints([3, 3]), strides: ints([2, 2]), auto_pad: str('SAME_LOWER') }),
    ]),
    one('Gemm and MatMul', 13, [4, 6], (b, x) => [
      b.op('Gemm', [x, b.weight([5, 6]), b.weight([5])], { transB: int(1), alpha: float(0.5), beta: float(2) }),
      b.op('Gemm', [x, b.weight([4, 3]), b.weight([1])], { transA: int(1) }),
      b.op('Gemm', [x, b.weight([6, 2])]),
      b.op('MatMul', [x, b.weight([6, 7])]),
      b.op('MatMul', [b.op('Reshape', [x, b.ints64([2, 2, 6])]), b.weight([6, 3])]),
      b.op('MatMul', [b.op('Reshape', [x, b.ints64([2, 1, 2, 6])]), b.weight([3, 6, 2])]),
    ]),
    one('shape and layout ops', 18, [2, 3, 4, 5], (b, x) => {
      const sh = b.op('Shape', [x]);
      return [
        b.op('Flatten', [x], { axis: int(2) }),
        b.op('Reshape', [x, b.ints64([0, -1, 5])]),
        b.op('Transpose', [x], { perm: ints([0, 2, 3, 1]) }),
        b.op('Concat', [x, b.op('Neg', [x])], { axis: int(1) }),
        b.op('Pad', [x, b.ints64([0, 0, 1, 2, 0, 0, 2, 1]), b.const(f(0.25))]),
        b.op('Pad', [x, b.ints64([0, 0, 1, 2, 0, 0, 2, 1])], { mode: str('reflect') }),
        b.op('Pad', [x, b.ints64([0, 0, 1, 2, 0, 0, 2, 1])], { mode: str('edge') }),
        b.op('Squeeze', [b.op('Unsqueeze', [x, b.ints64([0, 3])]), b.ints64([0])]),
        sh,
        b.op('Shape', [x], { start: int(1), end: int(-1) }),
        b.op('Size', [x]),
        b.op('Gather', [x, b.const(tensor('int64', [2], [2, -1]))], { axis: int(1) }),
        b.op('Gather', [sh, b.const(tensor('int64', [], [3]))], { axis: int(0) }),
        b.op('Slice', [x, b.ints64([1, 0]), b.ints64([4, 100]), b.ints64([2, 3]), b.ints64([1, 2])]),
        b.op('Slice', [x, b.ints64([-1]), b.ints64([-1000]), b.ints64([3]), b.ints64([-2])]),
        b.op('ConstantOfShape', [sh], { value: tensorAttr(tensor('float32', [1], [1.5])) }),
        b.op('Constant', [], { value: tensorAttr(tensor('float32', [2, 2], [1, 2, 3, 4])) }),
        b.op('Cast', [b.op('Cast', [x], { to: int(7) })], { to: int(1) }),
        b.op('CastLike', [sh, x]),
        b.op('ReduceMean', [x, b.ints64([1, 3])]),
        b.op('ReduceMean', [x, b.ints64([-1])], { keepdims: int(0) }),
        b.op('ReduceMax', [x, b.ints64([2])]),
        b.op('ReduceSum', [x, b.ints64([0, 1])], { keepdims: int(0) }),
      ];
    }),
    one('Pad, Squeeze and Unsqueeze with attributes (opset 9)', 9, [2, 3, 4, 5], (b, x) => [
      b.op('Pad', [x], { pads: ints([0, 0, 1, 2, 0, 0, 2, 1]), mode: str('reflect') }),
      b.op('Pad', [x], { pads: ints([0, 1, 0, 0, 0, 0, 1, 1]), value: float(-1) }),
      b.op('Squeeze', [b.op('Unsqueeze', [x], { axes: ints([0, 3]) })], { axes: ints([0]) }),
      b.op('Slice', [x], { starts: ints([1, 0]), ends: ints([3, 100]), axes: ints([1, 3]) }),
      b.op('BatchNormalization', [x, b.positive([3]), b.weight([3]), b.weight([3]), b.positive([3])]),
    ]),
    one('ReduceMean with axes attribute (opset 13)', 13, [2, 3, 4, 5], (b, x) => [
      b.op('ReduceMean', [x], { axes: ints([2, 3]) }),
    ]),
  ];
}
