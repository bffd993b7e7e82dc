// execute's `reuse`: activation buffers recycled once the liveness analysis says their last reader
// ran. Expected values come from the same run without reuse (fresh arrays), compared bit for bit.
import { describe, expect, it } from 'vitest';
import { execute, runGraph, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { newRecyclingArena, recycle, swapArena, f32buf } from '~/lib/engine/pool.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';

function outputsOf(graph: Graph, input: Tensor, reuse: boolean): { result: Record<string, Tensor>; buffers: number } {
  const seen = new Set<ArrayBufferLike>();
  const gen = execute(graph, { [graph.inputs[0].name]: input }, { fuse: true, reuse });
  for (;;) {
    const r = gen.next();
    if (r.done) return { result: r.value, buffers: seen.size };
    for (const t of r.value.outputs) if (t.data.length >= 4096) seen.add(t.data.buffer);
  }
}

describe('execute with reuse', () => {
  // EfficientNet (SE: Mul by a gate, residual Add, Flatten views) and ViT (Reshape, Transpose,
  // MatMul, Softmax, LayerNorm), small enough for a unit test.
  for (const [id, res] of [
    ['efficientnet_b0', 64],
    ['vit_tiny_patch16_224', 64],
  ] as const) {
    it(`${id} at ${res} px: the same logits bit for bit, from fewer buffers than steps`, () => {
      const graph = materialize(buildModel(id, { resolution: res }), 3);
      const input = referenceInput(res, 3);
      const fresh = outputsOf(graph, input, false);
      const reused = outputsOf(graph, input, true);
      const name = graph.outputs[0].name;
      expect(Array.from(reused.result[name].data)).toEqual(Array.from(fresh.result[name].data));
      expect(reused.buffers).toBeLessThan(fresh.buffers);
      // runGraph reuses; a second run must not disturb the outputs the first one returned.
      const a = runGraph(graph, { [graph.inputs[0].name]: input })[name];
      const kept = Array.from(a.data);
      runGraph(graph, { [graph.inputs[0].name]: referenceInput(res, 4) });
      expect(Array.from(a.data)).toEqual(kept);
      expect(kept).toEqual(Array.from(fresh.result[name].data));
    });
  }

  it('never recycles a buffer a live view still reads: a Reshape of a released value', () => {
    const f = (dims: number[], data: Float32Array): Tensor => ({ dtype: 'float32', dims, data });
    const n = 8192;
    const graph: Graph = {
      name: 'alias',
      opset: 17,
      inputs: [{ name: 'x', dtype: 'float32', dims: [n] }],
      outputs: [{ name: 'y', dtype: 'float32', dims: [n] }],
      initializers: new Map([
        ['shape', { dtype: 'int64', dims: [2], data: Float64Array.from([2, n / 2]) }],
        ['back', { dtype: 'int64', dims: [1], data: Float64Array.from([n]) }],
      ]),
      nodes: [
        { name: 'a', opType: 'Relu', inputs: ['x'], outputs: ['r'], attrs: {}, scope: '' },
        { name: 'b', opType: 'Reshape', inputs: ['r', 'shape'], outputs: ['v'], attrs: {}, scope: '' },
        { name: 'c', opType: 'Neg', inputs: ['x'], outputs: ['m'], attrs: {}, scope: '' },
        { name: 'd', opType: 'Reshape', inputs: ['v', 'back'], outputs: ['v2'], attrs: {}, scope: '' },
        { name: 'e', opType: 'Add', inputs: ['v2', 'm'], outputs: ['y'], attrs: {}, scope: '' },
      ],
    };
    const x = f(
      [n],
      Float32Array.from({ length: n }, (_, i) => Math.sin(i)),
    );
    const want = Array.from(x.data, (v) => Math.fround(Math.max(v, 0) + -v));
    expect(Array.from(runGraph(graph, { x }).y.data)).toEqual(want);
  });

  it('keeps the arena between runs of a graph: a second run takes every buffer from the first', () => {
    const graph = materialize(buildModel('efficientnet_b0', { resolution: 64 }), 3);
    const first = new Set<ArrayBufferLike>();
    const second = new Set<ArrayBufferLike>();
    for (const [seen, seed] of [
      [first, 3],
      [second, 4],
    ] as const) {
      const gen = execute(graph, { input: referenceInput(64, seed) }, { fuse: true, reuse: true });
      for (let r = gen.next(); !r.done; r = gen.next())
        for (const t of r.value.outputs) if (t.data.length >= 4096) seen.add(t.data.buffer);
    }
    expect(second.size).toBeGreaterThan(5);
    expect([...second].filter((b) => !first.has(b))).toEqual([]);
  });

  it('never recycles a fed tensor, even an output of an earlier run of the same graph', () => {
    const n = 8192;
    const graph: Graph = {
      name: 'loop',
      opset: 17,
      inputs: [{ name: 'x', dtype: 'float32', dims: [n] }],
      outputs: [{ name: 'y', dtype: 'float32', dims: [n] }],
      initializers: new Map(),
      nodes: [
        { name: 'a', opType: 'Relu', inputs: ['x'], outputs: ['r'], attrs: {}, scope: '' },
        { name: 'b', opType: 'Neg', inputs: ['r'], outputs: ['y'], attrs: {}, scope: '' },
      ],
    };
    const x0: Tensor = { dtype: 'float32', dims: [n], data: Float32Array.from({ length: n }, (_, i) => Math.sin(i)) };
    const y1 = runGraph(graph, { x: x0 }).y;
    const want = Array.from(x0.data, (v) => -Math.max(v, 0));
    expect(Array.from(y1.data)).toEqual(want);
    // Fed back in: y1 is the arena's buffer, and the caller still holds it.
    const y2 = runGraph(graph, { x: y1 }).y;
    runGraph(graph, { x: x0 });
    expect(Array.from(y1.data)).toEqual(want);
    expect(Array.from(y2.data)).toEqual(Array.from(y1.data, (v) => -Math.max(v, 0)));
  });

  it('a recycling arena takes back only whole buffers it made', () => {
    const arena = newRecyclingArena();
    const prev = swapArena(arena);
    const a = f32buf(5000);
    swapArena(prev);
    expect(recycle(arena, new Float32Array(5000))).toBe(false);
    expect(recycle(arena, a.subarray(0, 100))).toBe(false);
    expect(recycle(arena, a)).toBe(true);
    swapArena(arena);
    const b = f32buf(5000);
    const c = f32buf(5000);
    swapArena(prev);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
