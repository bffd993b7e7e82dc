import { describe, expect, it } from 'vitest';
import {
  advanceTo,
  analyze,
  EngineError,
  execute,
  f32,
  float,
  groupSteps,
  int,
  ints,
  runGraph,
  scopeKey,
  type Graph,
  type Step,
  type Tensor,
} from '~/lib/engine/index.ts';
import { graphOf, input, maxAbsDiff, node, randomTensor } from './build-graph.ts';

/** Conv → BN → Clip(0, 6) → depthwise Conv → BN → Relu → 1×1 Conv, with scopes like the zoo's. */
function block(): { g: Graph; x: Tensor } {
  const weights: Record<string, Tensor> = {
    w1: randomTensor([8, 3, 3, 3], 2),
    g1: randomTensor([8], 3),
    b1: randomTensor([8], 4),
    m1: randomTensor([8], 5),
    v1: f32(
      [8],
      new Array(8).fill(0).map((_, i) => 0.5 + i / 8),
    ),
    lo: f32([], [0]),
    hi: f32([], [6]),
    w2: randomTensor([8, 1, 3, 3], 6),
    g2: randomTensor([8], 7),
    b2: randomTensor([8], 8),
    m2: randomTensor([8], 9),
    v2: f32([8], new Array(8).fill(1.5)),
    w3: randomTensor([4, 8, 1, 1], 10),
    c3: randomTensor([4], 11),
  };
  const g = graphOf({
    nodes: [
      node('Conv', ['x', 'w1'], ['c1'], { pads: ints([1, 1, 1, 1]), strides: ints([2, 2]) }, 'stem.conv'),
      node('BatchNormalization', ['c1', 'g1', 'b1', 'm1', 'v1'], ['n1'], { epsilon: float(1e-3) }, 'stem.bn'),
      node('Clip', ['n1', 'lo', 'hi'], ['a1'], {}, 'stem.act'),
      node('Conv', ['a1', 'w2'], ['c2'], { pads: ints([1, 1, 1, 1]), group: int(8) }, 'blocks.0.0.conv_dw'),
      node('BatchNormalization', ['c2', 'g2', 'b2', 'm2', 'v2'], ['n2'], {}, 'blocks.0.0.bn1'),
      node('Relu', ['n2'], ['a2'], {}, 'blocks.0.0.act'),
      node('Conv', ['a2', 'w3', 'c3'], ['y'], {}, 'blocks.0.1.conv_pw'),
    ],
    inputs: [input('x', [1, 3, 10, 10])],
    outputs: ['y'],
    weights,
  });
  return { g, x: randomTensor([1, 3, 10, 10], 1) };
}

describe('execute', () => {
  it('yields one step per node with inputs, outputs, MACs and elapsed ms, then returns the outputs', () => {
    const { g, x } = block();
    const gen = execute(g, { x }, { retain: true });
    const steps: Step[] = [];
    let r = gen.next();
    while (!r.done) {
      steps.push(r.value);
      r = gen.next();
    }
    expect(steps.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(steps[0].inputs[0]).toBe(x);
    expect(steps[0].outputs[0].dims).toEqual([1, 8, 5, 5]);
    expect(steps[0].macs).toBe(5 * 5 * 8 * 3 * 9);
    expect(steps[1].macs).toBe(0);
    expect(steps.every((s) => s.ms >= 0)).toBe(true);
    expect(r.value.y.dims).toEqual([1, 4, 5, 5]);
  });

  it('gives the same result fused (Conv+BN+activation in one kernel) as node by node', () => {
    const { g, x } = block();
    const plain = runGraph(g, { x }, { keepAll: true });
    const steps: Step[] = [];
    const gen = execute(g, { x }, { fuse: true });
    let r = gen.next();
    while (!r.done) {
      steps.push(r.value);
      r = gen.next();
    }
    expect(steps.map((s) => [s.index, s.fused?.map((n) => n.opType)])).toEqual([
      [0, ['BatchNormalization', 'Clip']],
      [3, ['BatchNormalization', 'Relu']],
      [6, undefined],
    ]);
    expect(maxAbsDiff(r.value.y, plain.y)).toBeLessThan(1e-5);
    expect(maxAbsDiff(runGraph(g, { x }).y, plain.y)).toBeLessThan(1e-5);
    // Relu6 really clipped: the unfused activation is within [0, 6].
    expect(Math.max(...plain.a1.data)).toBeLessThanOrEqual(6);
  });

  it('fuses Swish exported as Sigmoid + Mul and a Clip whose bounds come from later Constant nodes', () => {
    const weights: Record<string, Tensor> = {
      w: randomTensor([16, 8, 1, 1], 31),
      g: randomTensor([16], 32),
      b: randomTensor([16], 33),
      m: randomTensor([16], 34),
      v: f32([16], new Array(16).fill(0.7)),
      w2: randomTensor([16, 16, 1, 1], 35),
    };
    const g = graphOf({
      nodes: [
        node('Conv', ['x', 'w'], ['c'], {}, 'blocks.0.0.conv_pw'),
        node('BatchNormalization', ['c', 'g', 'b', 'm', 'v'], ['n'], {}, 'blocks.0.0.bn1'),
        node('Sigmoid', ['n'], ['s'], {}, 'blocks.0.0.bn1'),
        node('Mul', ['n', 's'], ['a'], {}, 'blocks.0.0.bn1'),
        node('Conv', ['a', 'w2'], ['c2'], {}, 'blocks.0.1.conv_pw'),
        node('Constant', [], ['lo'], { value_float: float(-0.5) }),
        node('Constant', [], ['hi'], { value_float: float(0.5) }),
        node('Clip', ['c2', 'lo', 'hi'], ['y'], {}, 'blocks.0.1.act'),
      ],
      inputs: [input('x', [1, 8, 16, 16])],
      outputs: ['y'],
      weights,
    });
    const x = randomTensor([1, 8, 16, 16], 36);
    const steps: Step[] = [];
    const gen = execute(g, { x }, { fuse: true });
    let r = gen.next();
    for (; !r.done; r = gen.next()) steps.push(r.value);
    expect(steps.map((s) => [s.node.opType, s.fused?.map((n) => n.opType)])).toEqual([
      ['Conv', ['BatchNormalization', 'Sigmoid', 'Mul']],
      ['Conv', ['Clip']],
      ['Constant', undefined],
      ['Constant', undefined],
    ]);
    const plain = runGraph(g, { x }, { keepAll: true });
    expect(maxAbsDiff(r.value.y, plain.y)).toBeLessThan(1e-5);
    expect(Math.max(...r.value.y.data)).toBeLessThanOrEqual(0.5);
  });

  it('releases values after their last reader, so its live bytes peak where analyze() says', () => {
    const { g, x } = block();
    const live = (retain: boolean): number[] => {
      const out: number[] = [];
      const gen = execute(g, { x }, { retain });
      for (let r = gen.next(); !r.done; r = gen.next()) out.push(r.value.liveBytes);
      return out;
    };
    const released = live(false);
    const retained = live(true);
    expect(Math.max(...released)).toBe(analyze(g).peakLiveBytes);
    // Retaining keeps every activation: the last step holds all of them plus the input.
    expect(retained[6]).toBe(analyze(g).activationBytes + 4 * 300);
    expect(released[6]).toBeLessThan(retained[6]);
    expect(Object.keys(runGraph(g, { x }))).toEqual(['y']);
    expect(Object.keys(runGraph(g, { x }, { keepAll: true })).sort()).toEqual([
      'a1',
      'a2',
      'c1',
      'c2',
      'n1',
      'n2',
      'x',
      'y',
    ]);
  });

  it('lets beforeNode change BatchNorm statistics in place, read at run time', () => {
    const { g, x } = block();
    const before = runGraph(g, { x }).y;
    const mean = g.initializers.get('m2')!.data as Float32Array;
    const saved = mean.slice();
    const gen = execute(
      g,
      { x },
      {
        beforeNode: (n) => {
          if (n.name === 'BatchNormalization_n2') mean.fill(100);
        },
      },
    );
    let r = gen.next();
    while (!r.done) r = gen.next();
    expect(maxAbsDiff(r.value.y, before)).toBeGreaterThan(1e-3);
    mean.set(saved);
  });

  it("reads a linear layer's weight at every run: changed in place or swapped, the output follows", () => {
    // Gemm with transB = 1 (ViT's linears) at a size the WebAssembly kernel takes: a cache of the
    // transposed weight keyed on the graph, node, tensor or array would serve the old product here.
    const linear = (w: Tensor, b: Tensor): Graph =>
      graphOf({
        nodes: [node('Gemm', ['x', 'w', 'b'], ['y'], { transB: int(1) })],
        inputs: [input('x', [20, 64])],
        outputs: ['y'],
        weights: { w, b },
      });
    const copy = (t: Tensor): Tensor => f32(t.dims, (t.data as Float32Array).slice());
    /** The same product from a graph never run before, over copies of the weights. */
    const fresh = (g: Graph): Tensor =>
      runGraph(linear(copy(g.initializers.get('w')!), copy(g.initializers.get('b')!)), { x }).y;
    const x = randomTensor([20, 64], 1);
    const g = linear(randomTensor([96, 64], 2), randomTensor([96], 3));
    const before = runGraph(g, { x }).y;
    runGraph(g, { x });
    const w = g.initializers.get('w')!.data as Float32Array;
    for (let i = 0; i < w.length; i += 7) w[i] = -w[i];
    const inPlace = runGraph(g, { x }).y;
    expect(maxAbsDiff(inPlace, before)).toBeGreaterThan(1e-3);
    expect(inPlace.data).toEqual(fresh(g).data);
    (g.initializers as Map<string, Tensor>).set('w', randomTensor([96, 64], 4));
    const swapped = runGraph(g, { x }).y;
    expect(maxAbsDiff(swapped, inPlace)).toBeGreaterThan(1e-3);
    expect(swapped.data).toEqual(fresh(g).data);
  });

  it('stops with EngineError cancelled when the signal is set', () => {
    const { g, x } = block();
    const signal = { cancelled: false };
    const gen = execute(g, { x }, { signal });
    gen.next();
    signal.cancelled = true;
    expect(() => gen.next()).toThrow(EngineError);
    try {
      execute(g, { x }, { signal }).next();
    } catch (e) {
      expect((e as EngineError).code).toBe('cancelled');
    }
  });

  it('names every missing feed and every weight that is only declared', () => {
    const { g } = block();
    expect(() => execute(g, {}).next()).toThrow(/graph inputs: x/);
    const declared: Graph = {
      ...g,
      initializers: new Map([...g.initializers].filter(([k]) => k !== 'w1' && k !== 'w3')),
      declared: new Map([
        ['w1', { name: 'w1', dtype: 'float32', dims: [8, 3, 3, 3] }],
        ['w3', { name: 'w3', dtype: 'float32', dims: [4, 8, 1, 1] }],
      ]),
    };
    try {
      execute(declared, { x: randomTensor([1, 3, 10, 10]) }).next();
      expect.unreachable();
    } catch (e) {
      expect((e as EngineError).code).toBe('undeclared-weight');
      expect((e as Error).message).toMatch(/w1, w3/);
    }
  });

  it('groups nodes by stage (scope up to its first number) and block (up to its second)', () => {
    const { g, x } = block();
    expect(groupSteps(g, 'stage').map((s) => [s.key, s.start, s.end])).toEqual([
      ['stem', 0, 3],
      ['blocks.0', 3, 7],
    ]);
    expect(groupSteps(g, 'block').map((s) => [s.key, s.start, s.end])).toEqual([
      ['stem', 0, 3],
      ['blocks.0.0', 3, 6],
      ['blocks.0.1', 6, 7],
    ]);
    expect(groupSteps(g, 'node')).toHaveLength(7);
    const gen = execute(g, { x }, { retain: true });
    expect(advanceTo(gen, 3).steps.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(advanceTo(gen, 6).steps.map((s) => s.index)).toEqual([3, 4, 5]);
    expect(advanceTo(gen, 7).steps.map((s) => s.index)).toEqual([6]);
    expect(advanceTo(gen, 8).outputs?.y.dims).toEqual([1, 4, 5, 5]);
  });

  it('keys ViT scopes by block number and names unnumbered scopes stem and head', () => {
    expect(scopeKey('blocks.7.attn.qkv', 'block')).toBe('blocks.7');
    expect(scopeKey('blocks.3.1.se.conv_reduce', 'block')).toBe('blocks.3.1');
    expect(scopeKey('blocks.3.1.se.conv_reduce', 'stage')).toBe('blocks.3');
    expect(scopeKey('conv_head', 'stage')).toBeUndefined();
    const g = graphOf({
      nodes: [
        node('Relu', ['x'], ['a'], {}, 'patch_embed'),
        node('Relu', ['a'], ['b'], {}, ''),
        node('Relu', ['b'], ['c'], {}, 'blocks.0.norm1'),
        node('Relu', ['c'], ['d'], {}, 'blocks.1.mlp.fc1'),
        node('Relu', ['d'], ['y'], {}, 'head'),
      ],
      inputs: [input('x', [1])],
      outputs: ['y'],
    });
    expect(groupSteps(g, 'block').map((s) => s.key)).toEqual(['stem', 'blocks.0', 'blocks.1', 'head']);
  });

  it('throws an unsupported-op error before running anything', () => {
    const g = graphOf({
      nodes: [node('Relu', ['x'], ['a']), node('NonZero', ['a'], ['y'])],
      inputs: [input('x', [2])],
      outputs: ['y'],
    });
    expect(() => execute(g, { x: f32([2], [1, -1]) }).next()).toThrow(/unsupported ops: NonZero/);
  });
});
