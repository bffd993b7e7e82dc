/**
 * Seeded weights and calibrated BatchNorm. Runs whole small models at their own resolution
 * (mobilenetv1_025_128, mobilenetv3_small_050, tf_mobilenetv3_small_minimal_100, mnasnet_small)
 * and the global-context V2 and ViT-Ti at 32 px, because materialising B7-sized graphs in a unit
 * test is too slow; export.test.ts runs EfficientNet-B0 and V2-B0 (96 px) through onnxruntime,
 * and the zoo test covers every model's shapes and counts.
 */
import { describe, expect, it } from 'vitest';
import { execute, runGraph, type Tensor } from '~/lib/engine/index.ts';
import { buildFromSpec, buildModel, getModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { calibrateBatchNormStats as calibrateForTest, VARIANCE_FLOOR } from '~/lib/models/materialize.ts';

function finite(t: Tensor): boolean {
  return (t.data as Float32Array).every((v) => Number.isFinite(v));
}

function spread(t: Tensor): number {
  const d = t.data as Float32Array;
  const m = d.reduce((a, b) => a + b, 0) / d.length;
  return Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / d.length);
}

describe('materialize', () => {
  const cases: [string, number | undefined][] = [
    ['mobilenetv1_025_128', undefined],
    ['mobilenetv3_small_050', undefined],
    ['tf_mobilenetv3_small_minimal_100', undefined],
    ['mnasnet_small', undefined],
    ['gc_efficientnetv2_rw_t', 32],
    ['vit_tiny_patch16_224', 32],
  ];

  it.each(cases)('runs %s on the reference input with finite, non-constant logits', (id, res) => {
    const m = getModel(id);
    const R = res ?? m.spec.resolution;
    const g = materialize(buildFromSpec(m.spec, { resolution: R, name: id }), 7);
    const out = runGraph(g, { input: referenceInput(R, 7) });
    const y = out[g.outputs[0].name];
    expect(y.dims).toEqual([1, m.spec.numClasses]);
    expect(finite(y)).toBe(true);
    expect(spread(y)).toBeGreaterThan(1e-3);
  });

  it('is deterministic in the seed and differs between seeds', () => {
    const a = materialize(buildModel('mobilenetv1_025_128'), 1);
    const b = materialize(buildModel('mobilenetv1_025_128'), 1);
    const c = materialize(buildModel('mobilenetv1_025_128'), 2);
    const w = 'blocks.2.1.conv_pw.weight';
    expect(Array.from(a.initializers.get(w)!.data)).toEqual(Array.from(b.initializers.get(w)!.data));
    expect(Array.from(a.initializers.get(w)!.data)).not.toEqual(Array.from(c.initializers.get(w)!.data));
    expect(a.initializers.get('blocks.2.1.bn2.running_var')!.data).toEqual(
      b.initializers.get('blocks.2.1.bn2.running_var')!.data,
    );
  });

  it('draws He-normal conv weights (std √(2/fan_in)) and sets BN γ = 1, β = 0', () => {
    const g = materialize(buildModel('mobilenetv1_025_128'), 3);
    const w = g.initializers.get('blocks.4.0.conv_pw.weight')!; // [256, 128, 1, 1]
    expect(spread(w)).toBeCloseTo(Math.sqrt(2 / 128), 2);
    expect(Array.from(g.initializers.get('blocks.4.0.bn2.weight')!.data).every((v) => v === 1)).toBe(true);
    expect(Array.from(g.initializers.get('blocks.4.0.bn2.bias')!.data).every((v) => v === 0)).toBe(true);
  });

  it('calibrates every BatchNorm: zero-mean channels, variance at most 1 (exactly 1 above the floor), readable layers', () => {
    const g = materialize(buildModel('mobilenetv1_025_128'), 5);
    const all = runGraph(g, { input: referenceInput(128, 5) }, { keepAll: true });
    const bns = g.nodes.filter((n) => n.opType === 'BatchNormalization');
    expect(bns.length).toBe(27);
    const stats = (v: Float32Array) => {
      const mean = v.reduce((s, e) => s + e, 0) / v.length;
      return { mean, variance: v.reduce((s, e) => s + (e - mean) ** 2, 0) / v.length };
    };
    let atOne = 0;
    for (const bn of bns) {
      const x = all[bn.inputs[0]];
      const y = all[bn.outputs[0]];
      const [, c, h, w] = y.dims;
      const pooled = stats(x.data as Float32Array).variance;
      const layer = stats(y.data as Float32Array).variance;
      expect(layer).toBeGreaterThan(0.2);
      expect(layer).toBeLessThanOrEqual(1);
      for (let ch = 0; ch < c; ch++) {
        const xin = stats((x.data as Float32Array).subarray(ch * h * w, (ch + 1) * h * w));
        const out = stats((y.data as Float32Array).subarray(ch * h * w, (ch + 1) * h * w));
        expect(Math.abs(out.mean)).toBeLessThan(1e-3);
        // eps = 1e-5 keeps the variance just below 1.
        if (xin.variance >= VARIANCE_FLOOR * pooled) {
          expect(out.variance).toBeCloseTo(1, 2);
          atOne++;
        } else expect(out.variance).toBeLessThan(1);
      }
    }
    expect(atOne).toBeGreaterThan(0);
  });

  it('keeps a 1×1-map network finite when run with fused Conv+BN kernels (statistics pooled over channels)', () => {
    const m = getModel('efficientnet_b0');
    const g = materialize(buildFromSpec(m.spec, { resolution: 32 }), 11);
    const y = runGraph(g, { input: referenceInput(32, 11) })[g.outputs[0].name];
    expect(finite(y)).toBe(true);
    expect(spread(y)).toBeGreaterThan(1e-3);
  });
});

describe('calibration on the fused path', () => {
  it('sets the same BatchNorm statistics as the unfused run it replaced (beforeNode on every BatchNorm)', () => {
    const g = buildFromSpec(getModel('mobilenetv3_small_050').spec, { resolution: 64, name: 'm' });
    const fast = materialize(g, 3);
    // The reference: the same weights, statistics set node by node on the unfused path.
    const slow: typeof fast = {
      ...fast,
      initializers: new Map(
        [...fast.initializers].map(([k, t]) => [k, { ...t, data: (t.data as Float32Array).slice() }]),
      ),
    };
    const bns = slow.nodes.filter((n) => n.opType === 'BatchNormalization');
    const gen = execute(
      slow,
      { input: referenceInput(64, 3) },
      {
        beforeNode: (node, inputs) => {
          if (node.opType !== 'BatchNormalization') return;
          calibrateForTest(inputs);
        },
      },
    );
    while (!gen.next().done);
    let worst = 0;
    for (const bn of bns) {
      for (const slot of [3, 4]) {
        const a = fast.initializers.get(bn.inputs[slot])!.data as Float32Array;
        const b = slow.initializers.get(bn.inputs[slot])!.data as Float32Array;
        for (let i = 0; i < a.length; i++)
          worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1e-3, Math.abs(b[i])));
      }
    }
    expect(bns.length).toBeGreaterThan(10);
    expect(worst).toBeLessThan(1e-3);
  });
});

describe('lazy weights (the debugger draws a layer when it first steps into it)', () => {
  it('draws each weight on first read, the same bits as drawing them all up front', () => {
    const declared = buildModel('mobilenetv3_small_050', { resolution: 48 });
    const eager = materialize(declared, 7, { calibrate: false });
    const lazy = materialize(declared, 7, { calibrate: false, lazy: true });
    const drawn = (): number =>
      [...lazy.initializers.values()].filter((t) => !Object.getOwnPropertyDescriptor(t, 'data')!.get).length;
    const declaredCount = declared.declared!.size;
    expect(declaredCount).toBeGreaterThan(50);
    const before = drawn();
    expect(before).toBe(lazy.initializers.size - declaredCount); // only the graph's own constants
    // Running the first two nodes reads only their weights.
    const gen = execute(lazy, { input: referenceInput(48) }, { retain: true });
    gen.next();
    gen.next();
    const after = drawn() - before;
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(8);
    for (const [k, t] of eager.initializers) expect(lazy.initializers.get(k)!.data, k).toEqual(t.data);
    expect(drawn()).toBe(lazy.initializers.size);
    // A run from then on gives the same logits bit for bit.
    const x = referenceInput(48, 3);
    expect(runGraph(lazy, { input: x })).toEqual(runGraph(eager, { input: x }));
  });

  it('draws everything up front when it also calibrates (a pass reads every weight anyway)', () => {
    const g = materialize(buildModel('mobilenetv3_small_050', { resolution: 48 }), 7, { lazy: true });
    expect([...g.initializers.values()].every((t) => !Object.getOwnPropertyDescriptor(t, 'data')!.get)).toBe(true);
  });
});
