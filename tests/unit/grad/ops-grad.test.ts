/**
 * Finite-difference checks of every backward rule in the registry, op by op, on seeded random
 * shapes including the awkward ones. Tolerances, and why:
 * - Unary and broadcasting ops run in float64 here (the engine's kernels accept float64 tensors),
 *   eps = 1e-5: truncation ~eps² and rounding ~1e-16/eps ≈ 1e-11; the analytic gradient is stored
 *   in float32, so |Δ| ≤ 1e-6 + 1e-5·|g|. Inputs are kept ≥ 1e-3 away from kinks (Relu at 0, ReLU6
 *   at 0 and 6, HardSigmoid/HardSwish at ±3), where no derivative exists.
 * - Ops that are linear in each input element (Conv, Gemm, MatMul, pooling, data movement):
 *   float32, eps = 0.5 — no truncation error at all, only float32 rounding of the forward.
 * - Smooth nonlinear float32 ops (Softmax, LayerNorm, BatchNorm): eps = 1e-2, truncation
 *   ~eps²·|f'''| ≈ 1e-4, rounding ~n·6e-8/eps ≈ 1e-4: |Δ| ≤ 1e-3 + 1e-2·|g|.
 */
import { describe, expect, it } from 'vitest';
import {
  backward,
  EngineError,
  float,
  int,
  ints,
  str,
  tensor,
  trainingForward,
  type Attrs,
  type Tensor,
} from '~/lib/engine/index.ts';
import { checkOp, opGraph, rand, type CheckOptions, type OpCase } from './grad-check.ts';

const F64: CheckOptions & { float64: boolean } = { eps: 1e-5, atol: 1e-6, rtol: 1e-5, float64: true, samples: 16 };
const LINEAR: CheckOptions = { eps: 0.5, atol: 2e-4, rtol: 1e-4, samples: 16 };
const SMOOTH: CheckOptions = { eps: 1e-2, atol: 1e-3, rtol: 1e-2, samples: 16 };

/** Moves values within `margin` of any kink to kink ± 2·margin (same side). */
function awayFrom(t: Tensor, kinks: number[], margin = 1e-2): Tensor {
  const d = Float32Array.from(t.data as Float32Array);
  for (let i = 0; i < d.length; i++)
    for (const k of kinks) if (Math.abs(d[i] - k) < margin) d[i] = k + (d[i] >= k ? 2 : -2) * margin;
  return tensor('float32', t.dims, d);
}

const scalar = (v: number): Tensor => tensor('float32', [], [v]);
const i64 = (v: number[]): Tensor => tensor('int64', [v.length], v);

describe('unary backward (float64 central differences)', () => {
  const x = (lo: number, hi: number, kinks: number[] = []): Tensor => awayFrom(rand([2, 3, 4, 5], 21, lo, hi), kinks);
  const cases: [string, Tensor, Attrs?, OpCase['inputs']?, Record<string, Tensor>?, number?][] = [
    ['Relu', x(-2, 2, [0])],
    ['Clip', x(-2, 8, [0, 6]), {}, ['x', 'lo', 'hi'], { lo: scalar(0), hi: scalar(6) }],
    ['HardSigmoid', x(-5, 5, [-3, 3]), { alpha: float(1 / 6), beta: float(0.5) }],
    ['HardSigmoid', x(-4, 4, [-2.5, 2.5]), {}],
    ['HardSwish', x(-5, 5, [-3, 3])],
    ['Sigmoid', x(-4, 4)],
    ['Tanh', x(-3, 3)],
    ['Gelu', x(-4, 4), {}, undefined, undefined, 20],
    ['Gelu', x(-4, 4), { approximate: str('tanh') }, undefined, undefined, 20],
    ['Erf', x(-2, 2)],
    ['Exp', x(-2, 2)],
    ['Neg', x(-2, 2)],
    ['Reciprocal', x(0.5, 2)],
    ['Sqrt', x(0.5, 2)],
  ];
  for (const [op, v, attrs, inputs, consts, opset] of cases) {
    it(`${op} ${attrs && Object.keys(attrs).length ? JSON.stringify(Object.fromEntries(Object.entries(attrs).map(([k, a]) => [k, a.value]))) : ''}`, () => {
      checkOp(
        {
          op,
          inputs: inputs ?? ['x'],
          values: { x: v, ...(consts ?? {}) },
          constants: Object.keys(consts ?? {}),
          attrs,
          opset,
        },
        F64,
      );
    });
  }
});

describe('broadcasting arithmetic backward (float64 central differences)', () => {
  const shapes: [string, number[], number[]][] = [
    ['SE gate: [N, C, H, W] · [N, C, 1, 1]', [2, 3, 4, 5], [2, 3, 1, 1]],
    ['broadcast over N and spatial on both sides', [1, 3, 1, 5], [2, 1, 4, 1]],
    ['rank-1 against rank-2', [4, 5], [5]],
    ['scalar', [2, 3, 4], []],
  ];
  for (const op of ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Max', 'Min']) {
    for (const [label, ad, bd] of shapes) {
      it(`${op}: ${label}`, () => {
        const positive = op === 'Div' || op === 'Pow';
        checkOp(
          {
            op,
            inputs: ['a', 'b'],
            values: { a: rand(ad, 31, positive ? 0.5 : -2, 2), b: rand(bd, 32, positive ? 0.5 : -2, 2) },
          },
          F64,
        );
      });
    }
  }
  it('Sum of three inputs with broadcasting', () => {
    checkOp(
      { op: 'Sum', inputs: ['a', 'b', 'c'], values: { a: rand([2, 3, 4], 1), b: rand([3, 1], 2), c: rand([4], 3) } },
      F64,
    );
  });
  it('Where: gradients to X where the condition holds, to Y elsewhere, none to the condition', () => {
    const cond = tensor('bool', [3, 1], [1, 0, 1]);
    checkOp(
      {
        op: 'Where',
        inputs: ['c', 'x', 'y'],
        values: { c: cond, x: rand([3, 4], 4), y: rand([4], 5) },
        constants: ['c'],
      },
      F64,
    );
  });
});

describe('Gemm and MatMul backward', () => {
  for (const transA of [0, 1])
    for (const transB of [0, 1])
      for (const [label, cDims] of [
        ['C [N]', [5]],
        ['C [M, 1]', [3, 1]],
        ['C [M, N]', [3, 5]],
        ['no C', undefined],
      ] as const) {
        it(`Gemm transA=${transA} transB=${transB} α=0.7 β=1.3 ${label}`, () => {
          const A = rand(transA ? [4, 3] : [3, 4], 1);
          const B = rand(transB ? [5, 4] : [4, 5], 2);
          const values: Record<string, Tensor> = { A, B };
          if (cDims) values.C = rand([...cDims], 3);
          checkOp(
            {
              op: 'Gemm',
              inputs: cDims ? ['A', 'B', 'C'] : ['A', 'B'],
              values,
              attrs: { transA: int(transA), transB: int(transB), alpha: float(0.7), beta: float(1.3) },
            },
            LINEAR,
          );
        });
      }
  const mm: [string, number[], number[]][] = [
    ['batched [2, 3, 4, 5] · [5, 6] (B broadcast over the batch)', [2, 3, 4, 5], [5, 6]],
    ['A broadcast: [3, 4] · [2, 4, 5]', [3, 4], [2, 4, 5]],
    ['both broadcast: [2, 1, 3, 4] · [1, 3, 4, 2]', [2, 1, 3, 4], [1, 3, 4, 2]],
    ['1-D A: [5] · [5, 3]', [5], [5, 3]],
    ['1-D B: [2, 3, 5] · [5]', [2, 3, 5], [5]],
  ];
  for (const [label, ad, bd] of mm) {
    it(`MatMul ${label}`, () =>
      checkOp({ op: 'MatMul', inputs: ['a', 'b'], values: { a: rand(ad, 7), b: rand(bd, 8) } }, LINEAR));
  }
});

describe('pooling backward', () => {
  it('GlobalAveragePool', () =>
    checkOp({ op: 'GlobalAveragePool', inputs: ['x'], values: { x: rand([3, 4, 5, 7], 1) } }, LINEAR));
  const avg: [string, Attrs][] = [
    [
      '3×3 stride 2 on odd size, pads 1, padding not counted',
      { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) },
    ],
    [
      '3×3 stride 2, asymmetric pads, count_include_pad',
      { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([0, 1, 2, 1]), count_include_pad: int(1) },
    ],
    ['2×2 ceil_mode on odd size', { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) }],
  ];
  for (const [label, attrs] of avg) {
    it(`AveragePool ${label}`, () =>
      checkOp({ op: 'AveragePool', inputs: ['x'], values: { x: rand([2, 3, 7, 7], 2) }, attrs }, LINEAR));
  }
  /** Distinct values on a 0.01 grid (a seeded shuffle), so eps = 1e-3 never changes an argmax. */
  function distinct(dims: number[], seed: number): Tensor {
    const n = dims.reduce((a, b) => a * b, 1);
    const u = rand([n], seed).data;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => u[a] - u[b]);
    const d = new Float32Array(n);
    order.forEach((k, rank) => (d[k] = (rank - n / 2) * 0.01));
    return tensor('float32', dims, d);
  }
  const maxCases: [string, Attrs][] = [
    [
      '3×3 stride 2 on odd size, pads 1',
      { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) },
    ],
    ['2×2 stride 1 (overlapping windows), dilation 2', { kernel_shape: ints([2, 2]), dilations: ints([2, 2]) }],
    ['3×2 asymmetric pads', { kernel_shape: ints([3, 2]), pads: ints([1, 0, 0, 1]), strides: ints([2, 1]) }],
  ];
  for (const [label, attrs] of maxCases) {
    it(`MaxPool ${label}`, () =>
      checkOp(
        { op: 'MaxPool', inputs: ['x'], values: { x: distinct([2, 2, 7, 7], 3) }, attrs },
        { ...LINEAR, eps: 1e-3 },
      ));
  }
  it('GlobalMaxPool', () =>
    checkOp(
      { op: 'GlobalMaxPool', inputs: ['x'], values: { x: distinct([2, 3, 4, 4], 4) } },
      { ...LINEAR, eps: 1e-3 },
    ));

  it('MaxPool ties: the whole gradient goes to the first maximum in scan order (PyTorch rule)', () => {
    // One 2×2 window of [5, 5; 1, 5] and one of [2, 7; 7, 7]: every maximum is tied.
    const x = tensor('float32', [1, 1, 2, 4], [5, 5, 2, 7, 1, 5, 7, 7]);
    const g = opGraph({
      op: 'MaxPool',
      inputs: ['x'],
      values: { x },
      attrs: { kernel_shape: ints([2, 2]), strides: ints([2, 2]) },
    });
    const { tape } = trainingForward(g, { x }, { training: true });
    const dx = backward(tape, { y0: tensor('float32', [1, 1, 1, 2], [10, 20]) }).inputs.get('x')!;
    expect(Array.from(dx.data)).toEqual([10, 0, 0, 20, 0, 0, 0, 0]);
  });
});

describe('data movement backward', () => {
  const x = rand([2, 3, 4, 5], 9);
  const cases: [string, OpCase][] = [
    ['Flatten axis 2', { op: 'Flatten', inputs: ['x'], values: { x }, attrs: { axis: int(2) } }],
    ['Reshape', { op: 'Reshape', inputs: ['x', 's'], values: { x, s: i64([6, -1]) }, constants: ['s'] }],
    [
      'Squeeze',
      { op: 'Squeeze', inputs: ['x', 'a'], values: { x: rand([2, 1, 3], 1), a: i64([1]) }, constants: ['a'] },
    ],
    ['Unsqueeze', { op: 'Unsqueeze', inputs: ['x', 'a'], values: { x, a: i64([0, 3]) }, constants: ['a'] }],
    ['Identity', { op: 'Identity', inputs: ['x'], values: { x } }],
    [
      'Transpose perm [2, 0, 3, 1]',
      { op: 'Transpose', inputs: ['x'], values: { x }, attrs: { perm: ints([2, 0, 3, 1]) } },
    ],
    [
      'Concat of three on axis 1',
      {
        op: 'Concat',
        inputs: ['a', 'b', 'c'],
        values: { a: rand([2, 1, 3], 1), b: rand([2, 4, 3], 2), c: rand([2, 2, 3], 3) },
        attrs: { axis: int(1) },
      },
    ],
    [
      'Gather axis 0 with a repeated index',
      {
        op: 'Gather',
        inputs: ['x', 'i'],
        values: { x: rand([4, 3], 1), i: i64([2, 0, 2]) },
        constants: ['i'],
        attrs: { axis: int(0) },
      },
    ],
    [
      'Gather axis 1, negative index',
      { op: 'Gather', inputs: ['x', 'i'], values: { x, i: i64([-1, 1]) }, constants: ['i'], attrs: { axis: int(1) } },
    ],
    [
      'Slice with step 2 and a negative step',
      {
        op: 'Slice',
        inputs: ['x', 's', 'e', 'a', 'p'],
        values: { x, s: i64([1, 4]), e: i64([4, 0]), a: i64([2, 3]), p: i64([2, -1]) },
        constants: ['s', 'e', 'a', 'p'],
      },
    ],
    [
      'Pad constant (negative pad crops)',
      { op: 'Pad', inputs: ['x', 'p'], values: { x, p: i64([0, 0, 1, -1, 0, 0, 2, 1]) }, constants: ['p'] },
    ],
    [
      'Pad reflect',
      {
        op: 'Pad',
        inputs: ['x', 'p'],
        values: { x, p: i64([0, 0, 2, 1, 0, 0, 1, 3]) },
        constants: ['p'],
        attrs: { mode: str('reflect') },
      },
    ],
    [
      'Pad edge',
      {
        op: 'Pad',
        inputs: ['x', 'p'],
        values: { x, p: i64([0, 0, 2, 1, 0, 0, 1, 3]) },
        constants: ['p'],
        attrs: { mode: str('edge') },
      },
    ],
    ['Cast float32 → float32', { op: 'Cast', inputs: ['x'], values: { x }, attrs: { to: int(1) } }],
  ];
  for (const [label, c] of cases) it(label, () => checkOp(c, LINEAR));
});

describe('reductions and normalisations backward', () => {
  it('Softmax-13 along the last axis', () =>
    checkOp(
      { op: 'Softmax', inputs: ['x'], values: { x: rand([2, 3, 6], 1, -2, 2) }, attrs: { axis: int(-1) } },
      SMOOTH,
    ));
  it('Softmax-13 along a middle axis', () =>
    checkOp(
      { op: 'Softmax', inputs: ['x'], values: { x: rand([2, 5, 3], 2, -2, 2) }, attrs: { axis: int(1) } },
      SMOOTH,
    ));
  it('Softmax-11 (flattened from axis 1)', () =>
    checkOp(
      { op: 'Softmax', inputs: ['x'], values: { x: rand([2, 3, 4], 3, -2, 2) }, attrs: { axis: int(1) }, opset: 11 },
      SMOOTH,
    ));
  it('LayerNormalization over the last axis (ViT)', () => {
    checkOp(
      {
        op: 'LayerNormalization',
        inputs: ['x', 's', 'b'],
        values: { x: rand([3, 8], 1, -2, 2), s: rand([8], 2, 0.5, 1.5), b: rand([8], 3) },
        attrs: { axis: int(-1), epsilon: float(1e-6) },
      },
      SMOOTH,
    );
  });
  it('LayerNormalization over two axes with a broadcast scale', () => {
    checkOp(
      {
        op: 'LayerNormalization',
        inputs: ['x', 's', 'b'],
        values: { x: rand([2, 3, 4, 5], 4, -2, 2), s: rand([1, 5], 5, 0.5, 1.5), b: rand([4, 5], 6) },
        attrs: { axis: int(2) },
      },
      SMOOTH,
    );
  });
  it('ReduceMean over axes (1, 3), keepdims 0', () => {
    checkOp(
      {
        op: 'ReduceMean',
        inputs: ['x'],
        values: { x: rand([2, 3, 4, 5], 1) },
        attrs: { axes: ints([1, 3]), keepdims: int(0) },
      },
      LINEAR,
    );
  });
  it('ReduceSum with axes as an input', () => {
    checkOp(
      { op: 'ReduceSum', inputs: ['x', 'a'], values: { x: rand([2, 3, 4], 1), a: i64([-1]) }, constants: ['a'] },
      LINEAR,
    );
  });
  it('ReduceMax over axis 1', () => {
    checkOp(
      { op: 'ReduceMax', inputs: ['x'], values: { x: rand([2, 5, 3], 7) }, attrs: { axes: ints([1]) } },
      { ...LINEAR, eps: 1e-4 },
    );
  });
});

describe('BatchNormalization and Dropout backward', () => {
  const bn = (x: Tensor): OpCase => ({
    op: 'BatchNormalization',
    inputs: ['x', 'g', 'b', 'm', 'v'],
    values: {
      x,
      g: rand([x.dims[1]], 2, 0.5, 1.5),
      b: rand([x.dims[1]], 3),
      m: rand([x.dims[1]], 4),
      v: rand([x.dims[1]], 5, 0.5, 2),
    },
    constants: ['m', 'v'],
    attrs: { epsilon: float(1e-3) },
  });
  it('training mode (batch statistics), N = 3, 4 channels, 3×3', () =>
    checkOp(bn(rand([3, 4, 3, 3], 1, -2, 2)), { ...SMOOTH, training: true }));
  it('training mode on an [N, C] input (BatchNorm1d)', () =>
    checkOp(bn(rand([5, 3], 6, -2, 2)), { ...SMOOTH, training: true }));
  it('inference mode (running statistics are constants)', () =>
    checkOp(bn(rand([2, 4, 3, 3], 7, -2, 2)), { ...LINEAR, training: false }));
  it('Dropout in training with a seeded mask (ratio 0.3)', () => {
    checkOp(
      { op: 'Dropout', inputs: ['x', 'r'], values: { x: rand([4, 6, 5], 1), r: scalar(0.3) }, constants: ['r'] },
      { ...LINEAR, training: true, seed: 42 },
    );
  });
});

describe('refusal', () => {
  it('an op configuration without a gradient is refused up front, by op and node name', () => {
    const c: OpCase = {
      op: 'Max',
      inputs: ['a', 'b', 'c'],
      values: { a: rand([3], 1), b: rand([3], 2), c: rand([3], 3) },
    };
    const g = opGraph(c);
    let err: unknown;
    try {
      trainingForward(g, { a: c.values.a, b: c.values.b, c: c.values.c }, { training: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('no-gradient');
    expect((err as Error).message).toMatch(/no gradient for op Max at Max \(node 'Max_node': .*three|3/);
  });
});
