/** Shared test helpers: a seeded PRNG, a tiny graph builder and a raw protobuf writer for hand-made files. */
import protobuf from 'protobufjs/minimal.js';
import { mulberry32 } from '~/lib/engine/random.ts';
import { f32, type Tensor } from '~/lib/engine/tensor.ts';
import { float, int, ints, str, type Graph, type Node } from '~/lib/engine/graph.ts';

/** The engine's mulberry32, so fuzz and weight draws repeat exactly. */
export const prng = (seed: number): (() => number) => mulberry32(seed);

export function randomTensor(dims: number[], rand: () => number, scale = 1): Tensor {
  const t = f32(dims);
  for (let i = 0; i < t.data.length; i++) t.data[i] = (rand() * 2 - 1) * scale;
  return t;
}

export function node(
  name: string,
  opType: string,
  inputs: string[],
  outputs: string[],
  attrs: Node['attrs'] = {},
  scope = '',
): Node {
  return { name, opType, inputs, outputs, attrs, scope };
}

/** Conv -> Clip (ReLU6) -> GlobalAveragePool -> Flatten -> Gemm, with seeded weights. */
export function smallCnn(seed = 1): Graph {
  const rand = prng(seed);
  return {
    name: 'small_cnn',
    opset: 13,
    inputs: [{ name: 'x', dtype: 'float32', dims: [1, 3, 8, 8] }],
    outputs: [{ name: 'y', dtype: 'float32', dims: [1, 5] }],
    initializers: new Map([
      ['conv.w', randomTensor([4, 3, 3, 3], rand)],
      ['conv.b', randomTensor([4], rand)],
      ['six', f32([], [6])],
      ['zero', f32([], [0])],
      ['fc.w', randomTensor([5, 4], rand)],
      ['fc.b', randomTensor([5], rand)],
    ]),
    nodes: [
      node(
        '/features/conv/Conv',
        'Conv',
        ['x', 'conv.w', 'conv.b'],
        ['c'],
        { pads: ints([1, 1, 1, 1]), strides: ints([2, 2]), auto_pad: str('NOTSET') },
        'features.conv',
      ),
      node('/features/act/Clip', 'Clip', ['c', 'zero', 'six'], ['r'], {}, 'features.act'),
      node('/pool/GlobalAveragePool', 'GlobalAveragePool', ['r'], ['p'], {}, 'pool'),
      node('/Flatten', 'Flatten', ['p'], ['f'], { axis: int(1) }, ''),
      node('/fc/Gemm', 'Gemm', ['f', 'fc.w', 'fc.b'], ['y'], { transB: int(1), alpha: float(1) }, 'fc'),
    ],
  };
}

/** Field key for hand-written protobuf. */
export const key = (field: number, wire: number): number => (field << 3) | wire;

export { protobuf };
