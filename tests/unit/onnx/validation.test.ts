/**
 * Bad models are refused by name: every attribute out of its domain, the spec's attributes the
 * engine does not run, missing inputs, dtype mismatches, and the fuzzer's findings (each a named
 * regression: the case that found it is in the test's name).
 */
import { describe, expect, it } from 'vitest';
import { analyze, EngineError, runGraph, tensor, type Graph, type Node } from '~/lib/engine/index.ts';
import { f32 } from '~/lib/engine/tensor.ts';
import { float, int, ints, str, tensorAttr } from '~/lib/engine/graph.ts';
import { checkRunBudget, workOf } from '~/lib/engine/run-budget.ts';
import { node } from './helpers.ts';

function graph(
  nodes: Node[],
  opset = 13,
  x: number[] = [1, 4, 8, 8],
  init: [string, ReturnType<typeof f32>][] = [],
): Graph {
  return {
    name: 't',
    opset,
    nodes,
    initializers: new Map(init),
    inputs: [{ name: 'x', dtype: 'float32', dims: x }],
    outputs: [{ name: 'y', dtype: 'float32', dims: [] }],
  };
}

function refusal(g: Graph): EngineError {
  try {
    const a = analyze(g);
    runGraph(g, { x: tensor('float32', g.inputs[0].dims as number[]) });
    throw new Error(`expected a refusal, the graph ran (${a.layers.length} layers)`);
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
}

const W = (dims: number[]) => f32(dims, new Array(dims.reduce((a, b) => a * b, 1)).fill(0.1));

describe('attributes out of their domain are refused by name', () => {
  const conv = (attrs: Node['attrs'], w = [4, 4, 3, 3]) =>
    graph([node('c', 'Conv', ['x', 'w'], ['y'], attrs)], 13, [1, 4, 8, 8], [['w', W(w)]]);
  it.each([
    ['zero kernel (W with a 0 side)', conv({}, [4, 4, 0, 3]), /kernel .* below 1/],
    ['kernel_shape contradicting W', conv({ kernel_shape: ints([5, 5]) }), /kernel_shape/],
    ['huge kernel', conv({ kernel_shape: ints([99, 99]) }, [4, 4, 99, 99]), /does not fit/],
    ['zero stride', conv({ strides: ints([0, 1]) }), /strides/],
    ['negative stride', conv({ strides: ints([-2, 1]) }), /strides/],
    ['negative pads', conv({ pads: ints([-1, 0, 0, 0]) }), /pads/],
    ['zero dilation', conv({ dilations: ints([0, 1]) }), /dilations/],
    ['huge dilation', conv({ dilations: ints([1000, 1]) }), /does not fit/],
    ['huge pads', conv({ pads: ints([2 ** 40, 0, 0, 0]) }), /limit|invalid dim/],
    ['group not dividing the channels', conv({ group: int(3) }), /group/],
    ['group zero', conv({ group: int(0) }), /group/],
    ['unknown auto_pad', conv({ auto_pad: str('SAME') }), /auto_pad/],
    ['an attribute Conv does not have', conv({ alpha: float(1) }), /attribute 'alpha'/],
  ])('Conv: %s', (_, g, re) => {
    expect(refusal(g).message).toMatch(re);
  });

  it('pooling: pads as large as the window, zero kernels, storage_order with Indices', () => {
    const pool = (attrs: Node['attrs'], outs = ['y']) => graph([node('p', 'MaxPool', ['x'], outs, attrs)]);
    expect(refusal(pool({ kernel_shape: ints([2, 2]), pads: ints([2, 0, 0, 0]) })).message).toMatch(
      /pads.*smaller than the window/,
    );
    expect(refusal(pool({ kernel_shape: ints([0, 2]) })).message).toMatch(/kernel_shape/);
    expect(refusal(pool({ kernel_shape: ints([2, 2]), storage_order: int(1) }, ['y', 'i'])).message).toMatch(
      /storage_order/,
    );
    // storage_order without Indices changes nothing, and ceil_mode with dilations is honoured.
    const ok = graph([
      node('p', 'MaxPool', ['x'], ['y'], {
        kernel_shape: ints([2, 2]),
        strides: ints([2, 2]),
        dilations: ints([2, 2]),
        ceil_mode: int(1),
        storage_order: int(1),
      }),
    ]);
    // span 3 on 8: floor((8 − 3) / 2) + 1 = 3 windows without ceil_mode, 4 with it.
    expect(analyze(ok).layers[0].outputDims[0]).toEqual([1, 4, 4, 4]);
  });

  it('axes out of range, repeated axes, bad perms', () => {
    expect(refusal(graph([node('s', 'Softmax', ['x'], ['y'], { axis: int(4) })])).message).toMatch(
      /axis 4 is out of range/,
    );
    expect(refusal(graph([node('f', 'Flatten', ['x'], ['y'], { axis: int(-6) })])).message).toMatch(/out of range/);
    expect(refusal(graph([node('t', 'Transpose', ['x'], ['y'], { perm: ints([0, 1, 1, 2]) })])).message).toMatch(
      /permutation/,
    );
    expect(refusal(graph([node('u', 'Unsqueeze', ['x'], ['y'], { axes: ints([0, 0]) })], 11)).message).toMatch(
      /repeat/,
    );
  });

  it('spec attributes the engine does not run are refused by name', () => {
    const bn = (attrs: Node['attrs'], opset = 15) =>
      graph(
        [node('b', 'BatchNormalization', ['x', 's', 's', 's', 's'], ['y'], attrs)],
        opset,
        [1, 4, 8, 8],
        [['s', W([4])]],
      );
    expect(refusal(bn({ training_mode: int(1) })).message).toMatch(/training_mode/);
    expect(refusal(bn({ spatial: int(0) }, 7)).message).toMatch(/spatial/);
    expect(refusal(graph([node('c', 'Clip', ['x'], ['y'], { min: float(0) })], 13)).message).toMatch(/Clip-6/);
    expect(refusal(graph([node('g', 'Gelu', ['x'], ['y'], { approximate: str('erf') })], 20)).message).toMatch(
      /approximate/,
    );
    expect(
      refusal(graph([node('a', 'Add', ['x', 'x'], ['y'], { axis: int(1), broadcast: int(1) })], 6)).message,
    ).toMatch(/legacy broadcasting/);
  });

  it('Gemm: transposes honoured, C must broadcast to [M, N] (exactly, for Gemm-6 without broadcast)', () => {
    const gemm = (c: number[], opset: number, attrs: Node['attrs'] = {}) =>
      graph(
        [node('g', 'Gemm', ['x', 'b', 'c'], ['y'], { transB: int(1), ...attrs })],
        opset,
        [2, 3],
        [
          ['b', W([5, 3])],
          ['c', W(c)],
        ],
      );
    expect(analyze(gemm([5], 13)).layers[0].outputDims[0]).toEqual([2, 5]);
    expect(refusal(gemm([3], 13)).message).toMatch(/broadcast/);
    expect(refusal(gemm([2, 2, 5], 13)).message).toMatch(/does not broadcast/);
    expect(refusal(gemm([5], 6)).message).toMatch(/Gemm-6/);
    expect(analyze(gemm([5], 6, { broadcast: int(1) })).layers[0].outputDims[0]).toEqual([2, 5]);
  });

  it('dtype mismatches: an int8 weight into Conv, int64 into Gemm', () => {
    const g = graph(
      [node('c', 'Conv', ['x', 'w'], ['y'])],
      13,
      [1, 4, 8, 8],
      [['w', tensor('int8', [4, 4, 3, 3])] as never],
    );
    expect(refusal(g).message).toMatch(/float32 only/);
  });

  it('Reshape, Slice and Pad inputs out of their domain', () => {
    const c = (v: number[]) => tensorAttr(tensor('int64', [v.length], v));
    const reshape = (v: number[]) =>
      graph([node('k', 'Constant', [], ['s'], { value: c(v) }), node('r', 'Reshape', ['x', 's'], ['y'])]);
    expect(refusal(reshape([-1, -1])).message).toMatch(/more than one −1/);
    expect(refusal(reshape([-3, 256])).message).toMatch(/below −1/);
    const slice = graph([
      node('k', 'Constant', [], ['s'], { value: c([0, 0]) }),
      node('e', 'Constant', [], ['e'], { value: c([1]) }),
      node('s', 'Slice', ['x', 's', 'e'], ['y']),
    ]);
    expect(refusal(slice).message).toMatch(/one entry per sliced axis/);
    const pad = graph([
      node('k', 'Constant', [], ['p'], { value: c([0, 0, -9, 0, 0, 0, 0, 0]) }),
      node('p', 'Pad', ['x', 'p'], ['y']),
    ]);
    expect(refusal(pad).message).toMatch(/below zero/);
  });
});

describe('fuzzer findings (named regressions)', () => {
  it('fuzz seed 7 case 5183: a binary op with an input dropped is refused, not a TypeError in the kernel', () => {
    const g = graph([node('l', 'Less', ['x'], ['y'])]);
    const e = refusal(g);
    expect(e.code).toBe('missing-input');
    expect(e.message).toMatch(/Less needs 2 inputs/);
    expect(refusal(graph([node('w', 'Where', ['x', 'x'], ['y'])])).code).toBe('missing-input');
  });

  it('fuzz seed 7 cases 17114/46871 (child died): a huge ConstantOfShape is planned without allocating, and refused before running', () => {
    const shape = tensorAttr(tensor('int64', [2], [16384, 16384]));
    const g = graph([node('k', 'Constant', [], ['s'], { value: shape }), node('c', 'ConstantOfShape', ['s'], ['y'])]);
    const t0 = performance.now();
    const a = analyze(g);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(a.layers[1].outputDims[0]).toEqual([16384, 16384]);
    expect(() => checkRunBudget(a, { peakBytes: 2 ** 26, work: 1e9 })).toThrow(/MiB of live activations/);
  });

  it('fuzz seed 7: analysis does not fold a small constant into a huge one (Pad with pads of 10^4)', () => {
    const pads = tensorAttr(tensor('int64', [2], [10000, 10000]));
    const g: Graph = {
      ...graph([
        node('c', 'Constant', [], ['v'], { value: tensorAttr(f32([1], [1])) }),
        node('p', 'Constant', [], ['q'], { value: pads }),
        node('pad', 'Pad', ['v', 'q'], ['y']),
      ]),
      inputs: [],
    };
    const a = analyze(g);
    expect(a.layers[2].outputDims[0]).toEqual([20001]);
    expect(workOf(a)).toBeGreaterThan(20001);
  });
});
