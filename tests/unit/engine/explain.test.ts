import { describe, expect, it } from 'vitest';
import {
  explain,
  f32,
  float,
  int,
  ints,
  runGraph,
  type ConvExplanation,
  type Graph,
  type Tensor,
} from '~/lib/engine/index.ts';
import { graphOf, input, node, randomTensor } from './build-graph.ts';

function convGraph(
  xDims: number[],
  wDims: number[],
  attrs: Graph['nodes'][number]['attrs'],
): { g: Graph; values: Record<string, Tensor> } {
  const g = graphOf({
    nodes: [node('Conv', ['x', 'w', 'b'], ['y'], attrs, '', 'conv')],
    inputs: [input('x', xDims)],
    outputs: ['y'],
    weights: { w: randomTensor(wDims, 21), b: randomTensor([wDims[0]], 22) },
  });
  return { g, values: runGraph(g, { x: randomTensor(xDims, 20) }, { keepAll: true }) };
}

const f = Math.fround;

describe('explain', () => {
  const variants: [string, number[], number[], Graph['nodes'][number]['attrs']][] = [
    ['depthwise', [1, 4, 6, 6], [4, 1, 3, 3], { group: int(4), pads: ints([1, 1, 1, 1]) }],
    ['pointwise', [1, 5, 4, 4], [6, 5, 1, 1], {}],
    ['grouped', [1, 4, 5, 5], [6, 2, 3, 3], { group: int(2), pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) }],
    ['standard', [1, 3, 7, 7], [2, 3, 3, 3], { pads: ints([1, 1, 1, 1]) }],
  ];
  for (const [variant, xd, wd, attrs] of variants) {
    it(`shows the ${variant} conv window, weights and products whose sum plus bias is the kernel output`, () => {
      const { g, values } = convGraph(xd, wd, attrs);
      const e = explain(g, values, 'conv', { n: 0, c: wd[0] - 1, y: 0, x: 0 }) as ConvExplanation;
      expect(e.kind).toBe('conv');
      expect(e.variant).toBe(variant);
      expect(e.taps).toHaveLength(wd[1] * wd[2] * wd[3]);
      const r = e.accumulation === 'float32' ? f : (v: number): number => v; // fma and float64 keep exact products
      for (const t of e.taps) expect(t.product).toBe(r(t.x * t.w));
      expect(f(e.sum + e.bias)).toBe(e.value);
      expect(e.value).toBe(values.y.data[(wd[0] - 1) * values.y.dims[2] * values.y.dims[3]]);
    });
  }

  it('repeats the float32 arithmetic of the SIMD kernels bit for bit on a large pointwise conv', () => {
    const { g, values } = convGraph([1, 32, 16, 16], [24, 32, 1, 1], {});
    for (const at of [0, 777, 24 * 256 - 1]) {
      const e = explain(g, values, 'conv', at) as ConvExplanation;
      expect(f(e.sum + e.bias)).toBe(e.value);
    }
  });

  it('marks the padding taps of a corner output and reads the right input channel for a depthwise conv', () => {
    const { g, values } = convGraph([1, 4, 6, 6], [4, 1, 3, 3], { group: int(4), pads: ints([1, 1, 1, 1]) });
    const e = explain(g, values, 'conv', { c: 2, y: 0, x: 0 }) as ConvExplanation;
    expect(e.taps.filter((t) => t.padding).map((t) => t.pos)).toEqual([
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
      [1, -1],
    ]);
    expect(e.taps.every((t) => t.c === 2)).toBe(true);
    const inside = e.taps.find((t) => !t.padding)!;
    expect(inside.x).toBe(values.x.data[2 * 36 + inside.pos[0] * 6 + inside.pos[1]]);
    expect(e.taps.filter((t) => t.padding).every((t) => t.x === 0 && t.product === 0)).toBe(true);
  });

  it('explains max and average pooling windows, with padding taps left out of the average', () => {
    const x = f32([1, 1, 3, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const g = graphOf({
      nodes: [
        node(
          'AveragePool',
          ['x'],
          ['a'],
          { kernel_shape: ints([2, 2]), pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) },
          '',
          'avg',
        ),
        node('MaxPool', ['x'], ['m'], { kernel_shape: ints([2, 2]) }, '', 'max'),
      ],
      inputs: [input('x', [1, 1, 3, 3])],
      outputs: ['a', 'm'],
    });
    const v = runGraph(g, { x }, { keepAll: true });
    const avg = explain(g, v, 'avg', { y: 1, x: 1 });
    expect(avg).toMatchObject({ kind: 'pool', mode: 'average', count: 4, value: 7 });
    const corner = explain(g, v, 'avg', 0);
    expect(corner).toMatchObject({ count: 1, value: 1 });
    expect(corner.kind === 'pool' && corner.taps.filter((t) => t.padding)).toHaveLength(3);
    expect(explain(g, v, 'max', { y: 1, x: 1 })).toMatchObject({ kind: 'pool', mode: 'max', value: 9 });
  });

  it('explains BatchNormalization, an activation, SE scaling and a residual Add element', () => {
    const g = graphOf({
      nodes: [
        node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['n'], { epsilon: float(0.01) }, '', 'bn'),
        node('HardSwish', ['n'], ['h'], {}, '', 'act'),
        node('Mul', ['h', 'gate'], ['se'], {}, '', 'scale'),
        node('Add', ['se', 'x'], ['y'], {}, '', 'residual'),
      ],
      inputs: [input('x', [1, 2, 2, 2]), input('gate', [1, 2, 1, 1])],
      outputs: ['y'],
      weights: { s: f32([2], [2, 3]), b: f32([2], [0.5, -1]), m: f32([2], [1, 2]), v: f32([2], [0.99, 3.99]) },
    });
    const x = f32([1, 2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const v = runGraph(g, { x, gate: f32([1, 2, 1, 1], [0.25, 0.5]) }, { keepAll: true });
    const bn = explain(g, v, 'bn', { c: 1, y: 1, x: 0 });
    expect(bn).toMatchObject({
      kind: 'batchnorm',
      c: 1,
      x: 7,
      mean: 2,
      gamma: 3,
      beta: -1,
      epsilon: Math.fround(0.01),
    });
    if (bn.kind !== 'batchnorm') throw new Error('kind');
    expect(bn.variance).toBeCloseTo(3.99, 6);
    expect(bn.y).toBeCloseTo((3 * (7 - 2)) / 2 - 1, 5);
    const act = explain(g, v, 'act', 6);
    expect(act).toMatchObject({ kind: 'unary', fn: 'HardSwish', x: bn.y });
    if (act.kind !== 'unary') throw new Error('kind');
    expect(act.y).toBeCloseTo(6.5, 5);
    expect(explain(g, v, 'scale', 6)).toMatchObject({ kind: 'scale', x: act.y, gate: 0.5, y: f(act.y * 0.5) });
    expect(explain(g, v, 'residual', 6)).toMatchObject({ kind: 'binary', op: 'Add', b: 7 });
  });

  it('refuses to explain an element whose inputs were not retained', () => {
    const { g } = convGraph([1, 1, 3, 3], [1, 1, 1, 1], {});
    expect(() => explain(g, {}, 'conv', 0)).toThrow(/keepAll/);
    expect(() => explain(g, {}, 'nope', 0)).toThrow(/no node named 'nope'/);
  });
});
