import { describe, expect, it } from 'vitest';
import { ints, str, runGraph, f32 } from '~/lib/engine/index.ts';
import { graphOf, input, maxAbsDiff, naiveConv2d, node, randomTensor } from './build-graph.ts';

function runConv(xDims: number[], wDims: number[], attrs: Record<string, ReturnType<typeof ints>>, bias = true) {
  const x = randomTensor(xDims, 3);
  const w = randomTensor(wDims, 5);
  const b = bias ? randomTensor([wDims[0]], 9) : undefined;
  const g = graphOf({
    nodes: [node('Conv', bias ? ['x', 'w', 'b'] : ['x', 'w'], ['y'], attrs)],
    inputs: [input('x', xDims)],
    outputs: ['y'],
    weights: bias ? { w, b: b! } : { w },
  });
  return { x, w, b, y: runGraph(g, { x }).y };
}

describe('Conv', () => {
  it('computes the ONNX 5×5 example with a 3×3 kernel of ones and padding 1', () => {
    const x = f32(
      [1, 1, 5, 5],
      Array.from({ length: 25 }, (_, i) => i),
    );
    const w = f32([1, 1, 3, 3], new Array(9).fill(1));
    const g = graphOf({
      nodes: [node('Conv', ['x', 'w'], ['y'], { kernel_shape: ints([3, 3]), pads: ints([1, 1, 1, 1]) })],
      inputs: [input('x', [1, 1, 5, 5])],
      outputs: ['y'],
      weights: { w },
    });
    const y = runGraph(g, { x }).y;
    expect(Array.from(y.data.slice(0, 5))).toEqual([12, 21, 27, 33, 24]);
    expect(Array.from(y.data.slice(20, 25))).toEqual([72, 111, 117, 123, 84]);
  });

  const cases: [
    string,
    number[],
    number[],
    Record<string, ReturnType<typeof ints>>,
    { stride?: number[]; pads?: number[]; dil?: number[]; group?: number },
  ][] = [
    [
      'a standard 3×3 conv with stride 2 and padding',
      [2, 3, 9, 8],
      [5, 3, 3, 3],
      { strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) },
      { stride: [2, 2], pads: [1, 1, 1, 1] },
    ],
    ['a pointwise 1×1 conv (GEMM path) with 13 output channels', [1, 6, 7, 5], [13, 6, 1, 1], {}, {}],
    [
      'a depthwise 3×3 conv with padding 1',
      [2, 8, 10, 9],
      [8, 1, 3, 3],
      { pads: ints([1, 1, 1, 1]) },
      { group: 8, pads: [1, 1, 1, 1] },
    ],
    [
      'a depthwise 5×5 conv with stride 2',
      [1, 4, 11, 11],
      [4, 1, 5, 5],
      { strides: ints([2, 2]), pads: ints([2, 2, 2, 2]) },
      { stride: [2, 2], pads: [2, 2, 2, 2], group: 4 },
    ],
    ['a depthwise conv with channel multiplier 2', [1, 3, 6, 6], [6, 1, 3, 3], {}, { group: 3 }],
    [
      'a grouped conv (4 groups)',
      [1, 8, 6, 7],
      [12, 2, 3, 3],
      { pads: ints([0, 1, 2, 1]) },
      { group: 4, pads: [0, 1, 2, 1] },
    ],
    ['a dilated 3×3 conv', [1, 2, 9, 9], [3, 2, 3, 3], { dilations: ints([2, 2]) }, { dil: [2, 2] }],
    ['a strided 1×1 conv (im2col path)', [1, 4, 8, 8], [6, 4, 1, 1], { strides: ints([2, 2]) }, { stride: [2, 2] }],
  ];
  for (const [what, xd, wd, attrs, ref] of cases) {
    it(`matches a naive reference for ${what}`, () => {
      const a = { ...attrs };
      if (ref.group) a.group = { type: 'int', value: ref.group } as never;
      const { x, w, b, y } = runConv(xd, wd, a);
      const want = naiveConv2d(x, w, b, ref);
      expect(y.dims).toEqual(want.dims);
      expect(maxAbsDiff(y, want)).toBeLessThan(1e-5);
    });
  }

  it('pads SAME_UPPER with the odd pad at the end and SAME_LOWER at the beginning', () => {
    for (const [mode, pads] of [
      ['SAME_UPPER', [0, 0, 1, 1]],
      ['SAME_LOWER', [1, 1, 0, 0]],
    ] as const) {
      const { x, w, y } = runConv([1, 1, 6, 6], [1, 1, 2, 2], { auto_pad: str(mode) as never }, false);
      expect(y.dims).toEqual([1, 1, 6, 6]);
      expect(maxAbsDiff(y, naiveConv2d(x, w, undefined, { pads: [...pads] }))).toBeLessThan(1e-5);
    }
  });

  it('runs a 1-D conv as a 2-D conv of height 1', () => {
    const { x, w, b, y } = runConv([2, 4, 10], [3, 4, 3], { pads: ints([1, 1]), strides: ints([2]) });
    const want = naiveConv2d(f32([2, 4, 1, 10], x.data), f32([3, 4, 1, 3], w.data), b, {
      pads: [0, 1, 0, 1],
      stride: [1, 2],
    });
    expect(y.dims).toEqual([2, 3, 5]);
    expect(maxAbsDiff(y, want)).toBeLessThan(1e-5);
  });
});
