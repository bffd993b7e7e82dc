import { describe, expect, it } from 'vitest';
import {
  type Attrs,
  f32,
  float,
  floats,
  int,
  ints,
  isSupported,
  OPS,
  runGraph,
  str,
  tensor,
  tensorAttr,
  type Tensor,
} from '~/lib/engine/index.ts';
import { graphOf, node } from './build-graph.ts';

/** Runs one node with the given inputs fed as graph inputs; returns its outputs. */
function run(opType: string, inputs: (Tensor | undefined)[], attrs: Attrs = {}, opset = 17, nOut = 1): Tensor[] {
  const names = inputs.map((t, i) => (t ? `i${i}` : ''));
  const outs = Array.from({ length: nOut }, (_, i) => `o${i}`);
  const g = graphOf({
    nodes: [node(opType, names, outs, attrs)],
    inputs: inputs.flatMap((t, i) => (t ? [{ name: `i${i}`, dtype: t.dtype, dims: [...t.dims] }] : [])),
    outputs: outs,
    opset,
  });
  const feeds = Object.fromEntries(inputs.flatMap((t, i) => (t ? [[`i${i}`, t]] : [])));
  const r = runGraph(g, feeds);
  return outs.map((o) => r[o]);
}
const vals = (t: Tensor): number[] => Array.from(t.data, Number);
const i64 = (v: number[], dims = [v.length]): Tensor => tensor('int64', dims, v);
const close = (t: Tensor, want: number[], digits = 5): void => {
  expect(t.data.length).toBe(want.length);
  vals(t).forEach((v, i) => expect(v).toBeCloseTo(want[i], digits));
};

describe('the op registry', () => {
  it('is one alphabetized table', () => {
    const keys = Object.keys(OPS);
    expect(keys).toEqual([...keys].sort());
    expect(isSupported('Conv')).toBe(true);
    expect(isSupported('Conv', 'com.microsoft')).toBe(false);
    expect(isSupported('NonMaxSuppression')).toBe(false);
  });
});

describe('unary table', () => {
  const x = f32([5], [-3, -0.5, 0, 0.5, 3]);
  it('computes Relu, Sigmoid, Tanh, HardSigmoid, HardSwish, Neg, Exp, Sqrt and Reciprocal', () => {
    close(run('Relu', [x])[0], [0, 0, 0, 0.5, 3]);
    close(
      run('Sigmoid', [x])[0],
      [-3, -0.5, 0, 0.5, 3].map((v) => 1 / (1 + Math.exp(-v))),
    );
    close(run('Tanh', [x])[0], [-3, -0.5, 0, 0.5, 3].map(Math.tanh));
    close(run('HardSigmoid', [x], { alpha: float(0.5), beta: float(0.6) })[0], [0, 0.35, 0.6, 0.85, 1]);
    close(run('HardSwish', [x])[0], [-0, -0.5 * (2.5 / 6), 0, 0.5 * (3.5 / 6), 3]);
    close(run('Neg', [x])[0], [3, 0.5, -0, -0.5, -3]);
    close(run('Exp', [x])[0], [-3, -0.5, 0, 0.5, 3].map(Math.exp));
    close(run('Sqrt', [f32([2], [4, 2])])[0], [2, Math.SQRT2]);
    close(run('Reciprocal', [f32([2], [4, -0.5])])[0], [0.25, -2]);
  });

  it('computes Erf and both Gelu forms to float32 accuracy', () => {
    close(run('Erf', [f32([4], [0.1, -0.7, 1.5, 3])])[0], [0.112462916, -0.6778011938, 0.9661051465, 0.9999779095], 6);
    close(run('Gelu', [f32([3], [-1, 0.5, 2])])[0], [-0.1586552539, 0.3457312615, 1.9544997361], 6);
    close(
      run('Gelu', [f32([3], [-1, 0.5, 2])], { approximate: str('tanh') })[0],
      [-0.1588080094, 0.3457140369, 1.9545976876],
      6,
    );
  });

  it('clips with attributes in opset 6 and with optional min/max inputs from opset 11', () => {
    close(run('Clip', [x], { min: float(-1), max: float(1) }, 6)[0], [-1, -0.5, 0, 0.5, 1]);
    close(run('Clip', [x, f32([], [0]), f32([], [2])], {}, 13)[0], [0, 0, 0, 0.5, 2]);
    close(run('Clip', [x, undefined, f32([], [0])], {}, 13)[0], [-3, -0.5, 0, 0, 0]);
    // min > max: every value becomes max (ONNX Clip spec).
    close(run('Clip', [x, f32([], [2]), f32([], [1])], {}, 13)[0], [1, 1, 1, 1, 1]);
  });
});

describe('broadcasting arithmetic', () => {
  it('broadcasts a per-channel tensor over N×C×H×W and a trailing vector over rows', () => {
    const a = f32([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    close(run('Mul', [a, f32([1, 2, 1, 1], [10, 100])])[0], [10, 20, 30, 40, 500, 600, 700, 800]);
    close(run('Sub', [f32([2, 3], [1, 2, 3, 4, 5, 6]), f32([3], [1, 1, 1])])[0], [0, 1, 2, 3, 4, 5]);
    close(run('Add', [f32([2, 1], [1, 2]), f32([1, 3], [10, 20, 30])])[0], [11, 21, 31, 12, 22, 32]);
    close(run('Div', [f32([2], [1, 3]), f32([], [2])])[0], [0.5, 1.5]);
  });

  it('truncates integer division, and handles Pow, Max, Min, Sum, Less and Where', () => {
    expect(vals(run('Div', [i64([7, -7]), i64([2, 2])])[0])).toEqual([3, -3]);
    close(run('Pow', [f32([3], [2, 3, 4]), f32([], [2])])[0], [4, 9, 16]);
    close(run('Max', [f32([3], [1, 5, 3]), f32([3], [4, 2, 6]), f32([], [3.5])])[0], [4, 5, 6]);
    close(run('Min', [f32([3], [1, 5, 3]), f32([3], [4, 2, 6])])[0], [1, 2, 3]);
    close(run('Sum', [f32([2], [1, 2]), f32([2], [3, 4]), f32([2], [5, 6])])[0], [9, 12]);
    const less = run('Less', [f32([3], [1, 5, 3]), f32([3], [4, 2, 3])])[0];
    expect(less.dtype).toBe('bool');
    expect(vals(less)).toEqual([1, 0, 0]);
    close(run('Where', [tensor('bool', [3], [1, 0, 1]), f32([3], [1, 2, 3]), f32([], [-1])])[0], [1, -1, 3]);
  });
});

describe('pooling', () => {
  const x = f32(
    [1, 1, 4, 4],
    Array.from({ length: 16 }, (_, i) => i + 1),
  );
  it('adds a ceil_mode window and drops one that would start in the padding', () => {
    const y = run('MaxPool', [x], { kernel_shape: ints([3, 3]), strides: ints([2, 2]), ceil_mode: int(1) })[0];
    expect(y.dims).toEqual([1, 1, 2, 2]);
    expect(vals(y)).toEqual([11, 12, 15, 16]);
    const small = run('MaxPool', [f32([1, 1, 2, 2], [1, 2, 3, 4])], {
      kernel_shape: ints([1, 1]),
      strides: ints([2, 2]),
      ceil_mode: int(1),
    })[0];
    expect(small.dims).toEqual([1, 1, 1, 1]);
  });

  it('averages over inside taps only, or over padded taps with count_include_pad', () => {
    const a = { kernel_shape: ints([3, 3]), pads: ints([1, 1, 1, 1]) };
    expect(vals(run('AveragePool', [x], a)[0])[0]).toBeCloseTo((1 + 2 + 5 + 6) / 4, 5);
    expect(vals(run('AveragePool', [x], { ...a, count_include_pad: int(1) })[0])[0]).toBeCloseTo(
      (1 + 2 + 5 + 6) / 9,
      5,
    );
  });

  it('pads SAME_UPPER / SAME_LOWER, dilates, runs 1-D and 3-D, and returns argmax indices', () => {
    expect(run('AveragePool', [x], { kernel_shape: ints([2, 2]), auto_pad: str('SAME_UPPER') })[0].dims).toEqual([
      1, 1, 4, 4,
    ]);
    expect(vals(run('MaxPool', [x], { kernel_shape: ints([2, 2]), auto_pad: str('SAME_LOWER') })[0])[0]).toBe(1);
    expect(vals(run('MaxPool', [x], { kernel_shape: ints([2, 2]), dilations: ints([2, 2]) })[0])).toEqual([
      11, 12, 15, 16,
    ]);
    expect(vals(run('MaxPool', [f32([1, 1, 5], [3, 1, 4, 1, 5])], { kernel_shape: ints([2]) })[0])).toEqual([
      3, 4, 4, 5,
    ]);
    expect(
      run('AveragePool', [f32([1, 1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])], { kernel_shape: ints([2, 2, 2]) })[0]
        .data[0],
    ).toBe(4.5);
    const [m, idx] = run('MaxPool', [x], { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }, 17, 2);
    expect(vals(m)).toEqual([6, 8, 14, 16]);
    expect(vals(idx)).toEqual([5, 7, 13, 15]);
    close(run('GlobalAveragePool', [x])[0], [8.5]);
  });
});

describe('window attributes of the wrong length', () => {
  const x = f32(
    [1, 1, 4, 4],
    Array.from({ length: 16 }, (_, i) => i),
  );
  it('are refused with an EngineError naming the attribute, never NaN shapes', () => {
    expect(() => run('MaxPool', [x], { kernel_shape: ints([2, 2]), pads: ints([1]) })).toThrow(
      /'pads' of MaxPool needs 4 entries, got 1/,
    );
    expect(() => run('AveragePool', [x], { kernel_shape: ints([2, 2]), strides: ints([1]) })).toThrow(
      /'strides' of AveragePool needs 2 entries/,
    );
    expect(() => run('MaxPool', [x], { kernel_shape: ints([2, 2]), strides: ints([0, 1]) })).toThrow(
      /whole numbers ≥ 1/,
    );
    const w = f32([1, 1, 3, 3], new Array(9).fill(1));
    expect(() => run('Conv', [x, w], { dilations: ints([1, 1, 1]) })).toThrow(
      /'dilations' of Conv needs 2 entries, got 3/,
    );
  });

  it('read float attributes as float32, as ONNX stores them', () => {
    const y = run('HardSigmoid', [f32([1], [1])], { alpha: float(1 / 6), beta: float(0.5) })[0];
    expect(y.data[0]).toBe(Math.fround(Math.fround(1 / 6) * 1 + 0.5));
  });
});

describe('matrix products', () => {
  it('runs Gemm with transposes, alpha, beta and a broadcast bias', () => {
    const a = f32([3, 2], [1, 4, 2, 5, 3, 6]); // transA → [[1,2,3],[4,5,6]]
    const b = f32([2, 3], [1, 0, 1, 0, 1, 1]); // transB → [[1,0],[0,1],[1,1]]
    const y = run('Gemm', [a, b, f32([2], [10, 20])], {
      transA: int(1),
      transB: int(1),
      alpha: float(2),
      beta: float(0.5),
    })[0];
    expect(vals(y)).toEqual([2 * 4 + 5, 2 * 5 + 10, 2 * 10 + 5, 2 * 11 + 10]);
    const fc = run('Gemm', [f32([1, 3], [1, 2, 3]), f32([2, 3], [1, 1, 1, 0, 1, 0]), f32([2], [0.5, 0.5])], {
      transB: int(1),
    })[0];
    expect(vals(fc)).toEqual([6.5, 2.5]);
  });

  it('runs MatMul with 1-D operands and broadcast batch dims', () => {
    expect(vals(run('MatMul', [f32([3], [1, 2, 3]), f32([3], [4, 5, 6])])[0])).toEqual([32]);
    const y = run('MatMul', [f32([2, 1, 2, 2], [1, 0, 0, 1, 2, 0, 0, 2]), f32([3, 2, 1], [1, 2, 3, 4, 5, 6])])[0];
    expect(y.dims).toEqual([2, 3, 2, 1]);
    expect(vals(y)).toEqual([1, 2, 3, 4, 5, 6, 2, 4, 6, 8, 10, 12]);
  });
});

describe('shape and layout ops', () => {
  const x = f32(
    [2, 3, 4],
    Array.from({ length: 24 }, (_, i) => i),
  );
  it('reshapes with 0 and −1, flattens, squeezes and unsqueezes with attribute and input axes', () => {
    expect(run('Reshape', [x, i64([0, -1])])[0].dims).toEqual([2, 12]);
    expect(run('Reshape', [f32([0, 3], []), i64([3, 0])], { allowzero: int(1) })[0].dims).toEqual([3, 0]);
    expect(run('Flatten', [x], { axis: int(-1) })[0].dims).toEqual([6, 4]);
    expect(run('Flatten', [x], { axis: int(0) })[0].dims).toEqual([1, 24]);
    expect(run('Unsqueeze', [x], { axes: ints([0, 4]) }, 11)[0].dims).toEqual([1, 2, 3, 4, 1]);
    expect(run('Unsqueeze', [x, i64([-1])], {}, 13)[0].dims).toEqual([2, 3, 4, 1]);
    expect(run('Squeeze', [f32([1, 3, 1], [1, 2, 3])], {}, 13)[0].dims).toEqual([3]);
    expect(run('Squeeze', [f32([1, 3, 1], [1, 2, 3]), i64([2])], {}, 13)[0].dims).toEqual([1, 3]);
  });

  it('transposes, concatenates, gathers with negative indices and slices with steps', () => {
    const t = run('Transpose', [f32([2, 3], [1, 2, 3, 4, 5, 6])])[0];
    expect([t.dims, vals(t)]).toEqual([
      [3, 2],
      [1, 4, 2, 5, 3, 6],
    ]);
    const c = run('Concat', [f32([1, 2], [1, 2]), f32([1, 1], [3])], { axis: int(-1) })[0];
    expect([c.dims, vals(c)]).toEqual([
      [1, 3],
      [1, 2, 3],
    ]);
    expect(vals(run('Gather', [f32([4], [10, 20, 30, 40]), i64([-1, 0], [2])])[0])).toEqual([40, 10]);
    const s = run('Slice', [x, i64([0, 3]), i64([1, -100]), i64([0, 2]), i64([1, -2])])[0];
    expect([s.dims, vals(s)]).toEqual([
      [1, 3, 2],
      [3, 1, 7, 5, 11, 9],
    ]);
    expect(run('Slice', [x], { starts: ints([1]), ends: ints([1000]), axes: ints([1]) }, 9)[0].dims).toEqual([2, 2, 4]);
  });

  it('pads with constant, reflect and edge modes, as attributes (opset 2) and inputs (with axes)', () => {
    const v = f32([1, 3], [1, 2, 3]);
    expect(vals(run('Pad', [v], { pads: ints([0, 2, 0, 1]), value: float(9) }, 6)[0])).toEqual([9, 9, 1, 2, 3, 9]);
    expect(vals(run('Pad', [v, i64([0, 2, 0, 2])], { mode: str('reflect') }, 13)[0])).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(vals(run('Pad', [v, i64([0, 1, 0, 1])], { mode: str('edge') }, 13)[0])).toEqual([1, 1, 2, 3, 3]);
    expect(vals(run('Pad', [v, i64([1, 1]), f32([], [7]), i64([-1])], {}, 18)[0])).toEqual([7, 1, 2, 3, 7]);
  });

  it('reports Shape with start/end, Size, and casts between dtypes', () => {
    expect(vals(run('Shape', [x], { start: int(1) })[0])).toEqual([3, 4]);
    expect(vals(run('Shape', [x], { end: int(-1) })[0])).toEqual([2, 3]);
    expect(vals(run('Size', [x])[0])).toEqual([24]);
    const c = run('Cast', [f32([3], [1.7, -1.7, 0])], { to: int(7) })[0];
    expect([c.dtype, vals(c)]).toEqual(['int64', [1, -1, 0]]);
    expect(run('CastLike', [i64([1, 2]), f32([1], [0])])[0].dtype).toBe('float32');
  });

  it('makes constants from value, value_float(s) and value_int(s), and ConstantOfShape', () => {
    expect(vals(run('Constant', [], { value_floats: floats([1, 2]) })[0])).toEqual([1, 2]);
    expect(run('Constant', [], { value_int: int(3) })[0]).toMatchObject({ dtype: 'int64', dims: [] });
    expect(vals(run('Constant', [], { value: tensorAttr(f32([2], [5, 6])) })[0])).toEqual([5, 6]);
    const k = run('ConstantOfShape', [i64([2, 2])], { value: tensorAttr(tensor('int64', [1], [7])) })[0];
    expect([k.dtype, vals(k)]).toEqual(['int64', [7, 7, 7, 7]]);
  });

  it('passes Identity and Dropout through, with a mask of ones', () => {
    const [y, mask] = run('Dropout', [x], {}, 13, 2);
    expect(vals(y)).toEqual(vals(x));
    expect(mask.dtype).toBe('bool');
    expect(vals(mask).every((m) => m === 1)).toBe(true);
    expect(vals(run('Identity', [x])[0])).toEqual(vals(x));
  });
});

describe('reductions and normalisation', () => {
  const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);
  it('reduces with axes as attribute or input, keepdims and noop_with_empty_axes', () => {
    const m = run('ReduceMean', [x], { axes: ints([1]) }, 13)[0];
    expect([m.dims, vals(m)]).toEqual([
      [2, 1],
      [2, 5],
    ]);
    const s = run('ReduceSum', [x, i64([0])], { keepdims: int(0) }, 13)[0];
    expect([s.dims, vals(s)]).toEqual([[3], [5, 7, 9]]);
    expect(vals(run('ReduceMax', [x], { keepdims: int(0) }, 18)[0])).toEqual([6]);
    expect(vals(run('ReduceMean', [x], { noop_with_empty_axes: int(1) }, 18)[0])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('applies Softmax on flattened rows before opset 13 and along one axis from 13', () => {
    const t = f32([2, 2], [0, 0, 0, Math.log(3)]);
    close(run('Softmax', [t], { axis: int(0) }, 11)[0], [0.1666667, 0.1666667, 0.1666667, 0.5]);
    close(run('Softmax', [t], { axis: int(0) }, 13)[0], [0.5, 0.25, 0.5, 0.75]);
    close(run('Softmax', [t], {}, 13)[0], [0.5, 0.5, 0.25, 0.75]);
  });

  it('normalises layers over the trailing axes and returns mean and inverse std', () => {
    const [y, mean, inv] = run(
      'LayerNormalization',
      [x, f32([3], [1, 2, 1]), f32([3], [0, 0, 1])],
      { epsilon: float(0) },
      17,
      3,
    );
    const s = 1 / Math.sqrt(2 / 3);
    close(y, [-s, 0, s + 1, -s, 0, s + 1]);
    expect([mean.dims, vals(mean)]).toEqual([
      [2, 1],
      [2, 5],
    ]);
    expect(vals(inv)[0]).toBeCloseTo(s, 5);
  });

  it('applies BatchNormalization per channel, opset 6 included', () => {
    const bx = f32([1, 2, 1, 2], [1, 2, 3, 4]);
    const p = [f32([2], [1, 2]), f32([2], [0, 1]), f32([2], [1, 3]), f32([2], [4, 1])];
    for (const opset of [6, 15])
      close(run('BatchNormalization', [bx, ...p], { epsilon: float(0) }, opset)[0], [0, 0.5, 1, 3]);
  });
});
