import { describe, expect, it } from 'vitest';
import { ints, type Graph, type Node } from '~/lib/engine/index.ts';
import { receptiveFields, windowField } from '~/lib/viz/models/receptive-field.ts';

const conv = (name: string, x: string, k: number, s: number): Node => ({
  name,
  opType: 'Conv',
  inputs: [x, `${name}.w`],
  outputs: [name],
  scope: name,
  attrs: { kernel_shape: ints([k, k]), strides: ints([s, s]), dilations: ints([1, 1]) },
});
const op = (name: string, opType: string, inputs: string[]): Node => ({
  name,
  opType,
  inputs,
  outputs: [name],
  attrs: {},
  scope: name,
});

function graph(nodes: Node[]): Graph {
  const declared = new Map(
    nodes
      .filter((n) => n.opType === 'Conv')
      .map((n) => [`${n.name}.w`, { name: `${n.name}.w`, dtype: 'float32' as const, dims: [1, 1, 3, 3] }]),
  );
  return {
    name: 't',
    inputs: [{ name: 'x', dtype: 'float32', dims: [1, 1, 32, 32] }],
    outputs: [],
    initializers: new Map(),
    declared,
    nodes,
    opset: 17,
  };
}

describe('receptive field', () => {
  it('follows r + (k − 1)·j and j·s through a 3×3 s1, 3×3 s2, 3×3 s1, 5×5 s1 chain (worked by hand)', () => {
    // x: r=1 j=1 → a: 1+2·1=3, j=1 → b: 3+2·1=5, j=2 → c: 5+2·2=9, j=2 → d: 9+4·2=17, j=2
    const f = receptiveFields(
      graph([conv('a', 'x', 3, 1), conv('b', 'a', 3, 2), conv('c', 'b', 3, 1), conv('d', 'c', 5, 1)]),
    );
    expect(f.get('a')).toEqual({ r: 3, j: 1 });
    expect(f.get('b')).toEqual({ r: 5, j: 2 });
    expect(f.get('c')).toEqual({ r: 9, j: 2 });
    expect(f.get('d')).toEqual({ r: 17, j: 2 });
  });

  it('applies dilation to the kernel span', () => {
    expect(windowField({ r: 5, j: 2 }, 3, 1, 2)).toEqual({ r: 13, j: 2 });
    expect(windowField('global', 3, 2)).toBe('global');
  });

  it('makes global pooling global, ignores a global gate in Mul, and lets a global branch win in Add', () => {
    const f = receptiveFields(
      graph([
        conv('a', 'x', 3, 2),
        op('pool', 'GlobalAveragePool', ['a']),
        op('gate', 'Sigmoid', ['pool']),
        op('scaled', 'Mul', ['a', 'gate']),
        op('res', 'Add', ['scaled', 'a']),
        op('mixed', 'Add', ['a', 'pool']),
      ]),
    );
    expect(f.get('pool')).toBe('global');
    expect(f.get('gate')).toBe('global');
    expect(f.get('scaled')).toEqual({ r: 3, j: 2 });
    expect(f.get('res')).toEqual({ r: 3, j: 2 });
    expect(f.get('mixed')).toBe('global');
  });

  it('treats a matmul of two activations (attention) as mixing every position', () => {
    const f = receptiveFields(
      graph([conv('a', 'x', 3, 1), op('t', 'Transpose', ['a']), op('m', 'MatMul', ['a', 't'])]),
    );
    expect(f.get('t')).toEqual({ r: 3, j: 1 });
    expect(f.get('m')).toBe('global');
  });
});
