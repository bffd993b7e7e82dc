import { describe, expect, it } from 'vitest';
import { execute, runGraph, type Graph } from '~/lib/engine/index.ts';
import { calibrateBatchNorm, lazyCalibration, setBatchNormStats } from '~/workers/calibrate.ts';
import { buildModel, materialize } from '~/lib/models/index.ts';

const f = (dims: number[], data: number[]) => ({ dtype: 'float32' as const, dims, data: Float32Array.from(data) });

describe('BatchNorm calibration on a batch', () => {
  it('leaves a graph without BatchNorm alone, even one whose fixed batch the calibration batch does not fit', () => {
    // The zoo's ViT-Ti: batch 1 built in (Reshape to [D, N]), LayerNorm only; 4 sample images would not reshape.
    const graph = materialize(buildModel('vit_tiny_patch16_224', { resolution: 32 }), 0);
    const batch = f(
      [4, 3, 32, 32],
      Array.from({ length: 4 * 3 * 32 * 32 }, (_, i) => Math.sin(i)),
    );
    expect(() => calibrateBatchNorm(graph, batch)).not.toThrow();
    expect(() => runGraph(graph, { input: f([4, 3, 32, 32], [...batch.data]) })).toThrow(/Reshape/);
  });

  it('gives the same graph after materialize without its own calibration pass (the debugger skips it)', () => {
    const declared = buildModel('mobilenetv3_small_050', { resolution: 48 });
    const batch = f(
      [2, 3, 48, 48],
      Array.from({ length: 2 * 3 * 48 * 48 }, (_, i) => Math.sin(i * 0.01) + Math.cos(i * 0.003)),
    );
    const full = materialize(declared, 5);
    const bare = materialize(declared, 5, { calibrate: false });
    const bn = full.nodes.find((n) => n.opType === 'BatchNormalization')!;
    // Before recalibration the two differ (the reference pass set statistics; the bare graph has 0 and 1)...
    expect([...bare.initializers.get(bn.inputs[4])!.data].every((v) => v === 1)).toBe(true);
    expect([...full.initializers.get(bn.inputs[4])!.data].some((v) => v !== 1)).toBe(true);
    calibrateBatchNorm(full, batch);
    calibrateBatchNorm(bare, batch);
    // ...after it, every weight is bit-identical.
    expect([...bare.initializers.keys()]).toEqual([...full.initializers.keys()]);
    for (const [k, t] of full.initializers) expect(bare.initializers.get(k)!.data, k).toEqual(t.data);
  });

  it('sets per-channel mean and biased variance over batch and space', () => {
    const mean = f([2], [9, 9]);
    const variance = f([2], [9, 9]);
    // X [2, 2, 1, 2]: channel 0 sees 1, 3, 5, 7; channel 1 sees 0, 0, 2, 2.
    setBatchNormStats([f([2, 2, 1, 2], [1, 3, 0, 0, 5, 7, 2, 2]), undefined, undefined, mean, variance]);
    expect([...mean.data]).toEqual([4, 1]);
    expect([...variance.data]).toEqual([5, 1]);
  });

  it('makes a BatchNorm output zero-mean and unit-variance per channel on the calibration batch', () => {
    const x = f([2, 2, 2, 2], [1, 2, 3, 4, 10, 20, 30, 40, 5, 6, 7, 8, 50, 60, 70, 80]);
    const graph: Graph = {
      name: 'bn',
      opset: 17,
      inputs: [{ name: 'x', dtype: 'float32', dims: [2, 2, 2, 2] }],
      outputs: [{ name: 'y', dtype: 'float32', dims: [2, 2, 2, 2] }],
      initializers: new Map([
        ['g', f([2], [1, 1])],
        ['b', f([2], [0, 0])],
        ['m', f([2], [0, 0])],
        ['v', f([2], [1, 1])],
      ]),
      nodes: [
        {
          name: 'bn',
          opType: 'BatchNormalization',
          inputs: ['x', 'g', 'b', 'm', 'v'],
          outputs: ['y'],
          attrs: {},
          scope: 'bn',
        },
      ],
    };
    calibrateBatchNorm(graph, x);
    const y = runGraph(graph, { x }).y.data as Float32Array;
    for (const c of [0, 1]) {
      const vals = [0, 1].flatMap((n) => [...y.slice((n * 2 + c) * 4, (n * 2 + c) * 4 + 4)]);
      const m = vals.reduce((a, b) => a + b, 0) / vals.length;
      const v = vals.reduce((a, b) => a + (b - m) ** 2, 0) / vals.length;
      expect(m).toBeCloseTo(0, 5);
      expect(v).toBeCloseTo(1, 3);
    }
  });
});

describe('calibration on the fast path', () => {
  it('sets the statistics the unfused JavaScript path sets, within float32 rounding of the kernels', () => {
    // Fast: Conv alone (WebAssembly SIMD, float32 sums), statistics from its output, folded
    // BatchNorm and activation applied after, buffers recycled. Reference: every node on its own
    // (execute without fuse or reuse), the hook seeing each BatchNorm's real input.
    const declared = buildModel('efficientnet_b0', { resolution: 64 });
    const fast = materialize(declared, 2, { calibrate: false });
    const slow = materialize(declared, 2, { calibrate: false });
    const batch = f(
      [2, 3, 64, 64],
      Array.from({ length: 2 * 3 * 64 * 64 }, (_, i) => Math.sin(i * 0.013) + 0.5 * Math.cos(i * 0.0021)),
    );
    calibrateBatchNorm(fast, batch);
    const gen = execute(slow, { input: batch }, { beforeBatchNorm: (_n, inputs) => setBatchNormStats(inputs) });
    while (!gen.next().done);
    const bns = fast.nodes.filter((n) => n.opType === 'BatchNormalization');
    expect(bns.length).toBeGreaterThan(40);
    let worst = 0;
    for (const bn of bns) {
      for (const slot of [3, 4]) {
        const a = fast.initializers.get(bn.inputs[slot])!.data;
        const b = slow.initializers.get(bn.inputs[slot])!.data;
        // relative to the channel's spread: √var for the mean, var for the variance
        const v = slow.initializers.get(bn.inputs[4])!.data;
        for (let c = 0; c < a.length; c++) {
          const scale = slot === 3 ? Math.sqrt(v[c]) : v[c];
          worst = Math.max(worst, Math.abs(a[c] - b[c]) / scale);
        }
      }
    }
    expect(worst).toBeLessThan(1e-3);
    expect(worst).toBeGreaterThanOrEqual(0);
  });
});

describe('calibration on demand (the debugger steps while it calibrates)', () => {
  it('leaves the weights and every stepped value a whole pass up front leaves, bit for bit', () => {
    const declared = buildModel('mobilenetv3_small_050', { resolution: 48 });
    const batch = f(
      [2, 3, 48, 48],
      Array.from({ length: 2 * 3 * 48 * 48 }, (_, i) => Math.sin(i * 0.017) + 0.3 * Math.cos(i * 0.0031)),
    );
    const image = f(
      [1, 3, 48, 48],
      Array.from({ length: 3 * 48 * 48 }, (_, i) => Math.cos(i * 0.011)),
    );
    const eager = materialize(declared, 3, { calibrate: false });
    calibrateBatchNorm(eager, batch);
    const lazyGraph = materialize(declared, 3, { calibrate: false });
    const lazy = lazyCalibration(lazyGraph, batch);
    const bns = lazyGraph.nodes.flatMap((n, i) => (n.opType === 'BatchNormalization' ? [i] : []));
    expect(bns.length).toBeGreaterThan(10);
    // Nothing runs until asked: the last BatchNorm still has its materialised variance of 1.
    const lastVar = lazyGraph.initializers.get(lazyGraph.nodes[bns.at(-1)!].inputs[4])!.data;
    expect([...lastVar].every((v) => v === 1)).toBe(true);
    const want = execute(eager, { input: image }, { retain: true });
    const got = execute(lazyGraph, { input: image }, { retain: true });
    for (let i = 0; i < eager.nodes.length; i++) {
      lazy.upTo(i);
      const a = want.next();
      const b = got.next();
      if (a.done || b.done) throw new Error('a run ended early');
      b.value.outputs.forEach((t, k) => expect(t.data, eager.nodes[i].name).toEqual(a.value.outputs[k].data));
    }
    expect(lazy.done).toBe(true);
    for (const [k, t] of eager.initializers) expect(lazyGraph.initializers.get(k)!.data, k).toEqual(t.data);
  });

  it('stops once the last BatchNorm is set and does nothing for a graph without one', () => {
    const vit = materialize(buildModel('vit_tiny_patch16_224', { resolution: 32 }), 0);
    const none = lazyCalibration(vit, f([4, 3, 32, 32], new Array(4 * 3 * 32 * 32).fill(0.5)));
    expect(none.done).toBe(true);
    expect(none.advance()).toBe(false);
    const g = materialize(buildModel('mobilenetv3_small_050', { resolution: 48 }), 1, { calibrate: false });
    const c = lazyCalibration(
      g,
      f(
        [2, 3, 48, 48],
        Array.from({ length: 2 * 3 * 48 * 48 }, (_, i) => Math.sin(i * 0.05)),
      ),
    );
    c.upTo(0);
    expect(c.done).toBe(false);
    c.finish();
    expect(c.done).toBe(true);
    const last = g.nodes.findLast((n) => n.opType === 'BatchNormalization')!;
    expect([...g.initializers.get(last.inputs[4])!.data].some((v) => v !== 1)).toBe(true);
  });
});
