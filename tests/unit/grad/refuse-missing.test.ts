/**
 * An op that runs but has no gradient rule is refused by training, by op type and node name, up
 * front — never skipped. Every op of today's registry has a rule, so this file registers one
 * without (a copy of Relu minus its backward) through a mocked registry.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('~/lib/engine/registry.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('~/lib/engine/registry.ts')>();
  const { backward: _drop, ...relu } = orig.OPS.Relu;
  const OPS = { ...orig.OPS, NoGradRelu: relu };
  return {
    OPS,
    isSupported: (op: string, domain = '') => (domain === '' || domain === 'ai.onnx') && Object.hasOwn(OPS, op),
  };
});

const { EngineError, runGraph, tensor, trainingForward, trainingMemory } = await import('~/lib/engine/index.ts');

describe('an op without a gradient', () => {
  const graph = {
    name: 'refuse',
    opset: 17,
    initializers: new Map([['w', tensor('float32', [2, 2], [1, 2, 3, 4])]]),
    inputs: [{ name: 'x', dtype: 'float32' as const, dims: [3, 2] }],
    outputs: [{ name: 'z', dtype: 'float32' as const, dims: [3, 2] }],
    nodes: [
      { name: 'mm', opType: 'MatMul', inputs: ['x', 'w'], outputs: ['y'], attrs: {}, scope: '' },
      { name: 'act', opType: 'NoGradRelu', inputs: ['y'], outputs: ['z'], attrs: {}, scope: '' },
    ],
  };
  const x = tensor('float32', [3, 2], [1, -1, 2, 0.5, -3, 1]);

  it('still runs forward', () => {
    expect(Array.from(runGraph(graph, { x }).z.data)).toEqual([0, 0, 3.5, 6, 0, 0]);
  });

  it('is refused by training and by the memory estimate, naming the op and the node', () => {
    for (const f of [() => trainingForward(graph, { x }, { training: true }), () => trainingMemory(graph, 3)]) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(EngineError);
      expect((err as InstanceType<typeof EngineError>).code).toBe('no-gradient');
      expect((err as Error).message).toBe(
        "cannot train graph 'refuse': no gradient for op NoGradRelu at NoGradRelu (node 'act')",
      );
    }
  });

  it('is fine off the gradient path (nothing trainable reaches it)', () => {
    const off = { ...graph, initializers: new Map([['w', tensor('int64', [2, 2], [1, 2, 3, 4])]]), inputs: [] };
    expect(() =>
      trainingForward(
        { ...off, nodes: [{ ...graph.nodes[1], inputs: ['x'] }] },
        { x },
        { training: true, inputGrads: false },
      ),
    ).not.toThrow();
  });
});
