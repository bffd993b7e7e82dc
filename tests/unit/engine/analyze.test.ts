import { describe, expect, it } from 'vitest';
import { analyze, EngineError, int, ints, f32 } from '~/lib/engine/index.ts';
import { graphOf, input, node } from './build-graph.ts';

const decl = (dims: number[]) => ({ name: '', dtype: 'float32' as const, dims });

describe('analyze', () => {
  it('counts 3,612,672 MACs for a 3×3 depthwise conv on 1×32×112×112 (stride 1, pad 1)', () => {
    const g = graphOf({
      nodes: [
        node('Conv', ['x', 'w'], ['y'], { group: int(32), pads: ints([1, 1, 1, 1]), kernel_shape: ints([3, 3]) }),
      ],
      inputs: [input('x', [1, 32, 112, 112])],
      outputs: ['y'],
      declared: { w: decl([32, 1, 3, 3]) },
    });
    const a = analyze(g);
    expect(a.macs).toBe(3_612_672);
    expect(a.flops).toBe(2 * 3_612_672);
    expect(a.layers[0]).toMatchObject({
      outputDims: [[1, 32, 112, 112]],
      kernel: [3, 3],
      stride: [1, 1],
      group: 32,
      params: 288,
    });
  });

  it('counts 112·112·64·32 MACs for a 1×1 conv from 32 to 64 channels at 112×112', () => {
    const g = graphOf({
      nodes: [node('Conv', ['x', 'w', 'b'], ['y'])],
      inputs: [input('x', [1, 32, 112, 112])],
      outputs: ['y'],
      declared: { w: decl([64, 32, 1, 1]), b: decl([64]) },
    });
    const a = analyze(g);
    expect(a.macs).toBe(112 * 112 * 64 * 32);
    expect(a.macs).toBe(25_690_112);
    expect(a.params).toBe(64 * 32 + 64);
    expect(a.layers[0].activationBytes).toBe(64 * 112 * 112 * 4);
  });

  it('counts 1,280,000 MACs and 1,281,000 params for a Gemm classifier 1280 → 1000', () => {
    const g = graphOf({
      nodes: [node('Gemm', ['x', 'w', 'b'], ['y'], { transB: int(1) })],
      inputs: [input('x', [1, 1280])],
      outputs: ['y'],
      declared: { w: decl([1000, 1280]), b: decl([1000]) },
    });
    const a = analyze(g);
    expect(a.macs).toBe(1_280_000);
    expect(a.params).toBe(1_281_000);
    expect(a.layers[0].outputDims).toEqual([[1, 1000]]);
  });

  it('counts BatchNorm γ and β as params but not its running mean and variance, and no MACs', () => {
    const g = graphOf({
      nodes: [node('BatchNormalization', ['x', 's', 'b', 'm', 'v'], ['y'])],
      inputs: [input('x', [1, 16, 4, 4])],
      outputs: ['y'],
      declared: { s: decl([16]), b: decl([16]), m: decl([16]), v: decl([16]) },
    });
    const a = analyze(g);
    expect(a.params).toBe(32);
    expect(a.macs).toBe(0);
  });

  it('counts a weight shared by two nodes once', () => {
    const g = graphOf({
      nodes: [node('MatMul', ['x', 'w'], ['h']), node('MatMul', ['h', 'w'], ['y'])],
      inputs: [input('x', [2, 8])],
      outputs: ['y'],
      declared: { w: decl([8, 8]) },
    });
    const a = analyze(g);
    expect(a.layers.map((l) => l.params)).toEqual([64, 0]);
    expect(a.params).toBe(64);
    expect(a.macs).toBe(2 * 2 * 8 * 8);
  });

  it('finds the peak of live tensors when each is released after its last use', () => {
    // x (400 B) → a (400 B) → b (400 B); y = a + b. Live: x; x+a; a+b (x released); a+b+y, then a, b released.
    const g = graphOf({
      nodes: [node('Relu', ['x'], ['a']), node('Sigmoid', ['a'], ['b']), node('Add', ['a', 'b'], ['y'])],
      inputs: [input('x', [100])],
      outputs: ['y'],
    });
    const a = analyze(g);
    expect(a.activationBytes).toBe(1200);
    expect(a.peakLiveBytes).toBe(1200);
    const chain = graphOf({
      nodes: [node('Relu', ['x'], ['a']), node('Sigmoid', ['a'], ['b']), node('Tanh', ['b'], ['y'])],
      inputs: [input('x', [100])],
      outputs: ['y'],
    });
    expect(analyze(chain).peakLiveBytes).toBe(800);
  });

  it('folds shape arithmetic so Reshape after Shape/Gather/Concat gets static dims', () => {
    const g = graphOf({
      nodes: [
        node('Shape', ['x'], ['s']),
        node('Gather', ['s', 'i0'], ['n'], { axis: int(0) }),
        node('Unsqueeze', ['n', 'ax'], ['n1']),
        node('Concat', ['n1', 'minus1'], ['shape'], { axis: int(0) }),
        node('Reshape', ['x', 'shape'], ['y']),
      ],
      inputs: [input('x', [2, 3, 4, 5])],
      outputs: ['y'],
      weights: {
        i0: { dtype: 'int64', dims: [], data: new Float64Array([0]) },
        ax: { dtype: 'int64', dims: [1], data: new Float64Array([0]) },
        minus1: { dtype: 'int64', dims: [1], data: new Float64Array([-1]) },
      },
    });
    expect(analyze(g).layers[4].outputDims).toEqual([[2, 60]]);
  });

  it('asks for inputDims when a graph input has a symbolic dim', () => {
    const g = graphOf({
      nodes: [node('Relu', ['x'], ['y'])],
      inputs: [{ name: 'x', dtype: 'float32', dims: ['batch', 3] }],
      outputs: ['y'],
    });
    expect(() => analyze(g)).toThrow(/inputDims.*x/);
    expect(analyze(g, { inputDims: { x: [4, 3] } }).layers[0].outputDims).toEqual([[4, 3]]);
  });

  it('lists every unsupported op with its node name at once', () => {
    const g = graphOf({
      nodes: [
        node('Foo', ['x'], ['a'], {}, '', 'n1'),
        node('Relu', ['a'], ['b']),
        node('Bar', ['b'], ['y'], {}, '', 'n3'),
      ],
      inputs: [input('x', [1])],
      outputs: ['y'],
    });
    try {
      analyze(g);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).code).toBe('unsupported-op');
      expect((e as Error).message).toMatch(/Foo \(node 'n1'\).*Bar \(node 'n3'\)/);
    }
  });

  it('reports a shape mismatch as an EngineError naming the node', () => {
    const g = graphOf({
      nodes: [node('Add', ['x', 'c'], ['y'], {}, '', 'adder')],
      inputs: [input('x', [2, 3])],
      outputs: ['y'],
      weights: { c: f32([4], [1, 2, 3, 4]) },
    });
    expect(() => analyze(g)).toThrow(/cannot broadcast.*adder/);
  });
});
