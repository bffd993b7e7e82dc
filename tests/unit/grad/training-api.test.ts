/**
 * The training API around the rules: BatchNorm running statistics against hand-computed values,
 * eval mode reading them, determinism, executeBackward's steps, the Conv weight-gradient
 * explanation, the memory estimate against the tape, parameter roles.
 */
import { describe, expect, it } from 'vitest';
import {
  applyBuffers,
  backward,
  executeBackward,
  explainWeightGradient,
  float,
  parameterRoles,
  runGraph,
  tensor,
  trainingForward,
  trainingMemory,
  checkTrainingMemory,
  type Graph,
  type Tensor,
  EngineError,
} from '~/lib/engine/index.ts';
import { buildBlock, buildModel, materialize } from '~/lib/models/index.ts';
import { opGraph, rand } from './grad-check.ts';

const MBCONV = () =>
  materialize(
    buildBlock({
      kind: 'cnn-block',
      block: 'ir_r1_k3_s2_e4_c12_se0.25',
      inChannels: 8,
      resolution: 9,
      act: 'swish',
      attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
      padding: 'same',
      bnEps: 1e-3,
    }),
    3,
  );

describe('BatchNormalization running statistics', () => {
  it("after three training steps equal PyTorch's update computed by hand (momentum 0.1, unbiased variance); eval mode then uses them", () => {
    const C = 3;
    const rm0 = [0.5, -0.25, 0];
    const rv0 = [1, 2, 0.5];
    const g = opGraph({
      op: 'BatchNormalization',
      inputs: ['x', 'g', 'b', 'm', 'v'],
      values: {
        x: rand([4, C, 2, 3], 1),
        g: tensor('float32', [C], [1.5, 0.5, 1]),
        b: tensor('float32', [C], [0.1, 0, -0.2]),
        m: tensor('float32', [C], rm0),
        v: tensor('float32', [C], rv0),
      },
      constants: ['g', 'b', 'm', 'v'],
      attrs: { epsilon: float(1e-5) },
    });
    const rm = [...rm0];
    const rv = [...rv0];
    for (let step = 0; step < 3; step++) {
      const x = rand([4, C, 2, 3], 10 + step, -3 + step, 2 + 2 * step);
      const { buffers } = trainingForward(g, { x }, { training: true });
      applyBuffers(g, buffers);
      // By hand: per channel over N·H·W = 24 values, float64.
      for (let c = 0; c < C; c++) {
        const vals: number[] = [];
        for (let n = 0; n < 4; n++) for (let i = 0; i < 6; i++) vals.push(x.data[(n * C + c) * 6 + i]);
        const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
        const unbiased = vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (vals.length - 1);
        rm[c] = 0.9 * rm[c] + 0.1 * mean;
        rv[c] = 0.9 * rv[c] + 0.1 * unbiased;
      }
    }
    const m = g.initializers.get('m')!.data;
    const v = g.initializers.get('v')!.data;
    for (let c = 0; c < C; c++) {
      expect(m[c]).toBeCloseTo(rm[c], 6);
      expect(v[c]).toBeCloseTo(rv[c], 5);
    }
    // Eval mode normalises with the running statistics: γ(x − rm)/√(rv + ε) + β.
    const x = rand([2, C, 2, 3], 99);
    const evalOut = trainingForward(g, { x }, { training: false }).outputs.y0;
    const gamma = [1.5, 0.5, 1];
    const beta = [0.1, 0, -0.2];
    for (let i = 0; i < x.data.length; i++) {
      const c = Math.floor(i / 6) % C;
      expect(evalOut.data[i]).toBeCloseTo((gamma[c] * (x.data[i] - rm[c])) / Math.sqrt(rv[c] + 1e-5) + beta[c], 5);
    }
    expect(Array.from(evalOut.data)).toEqual(Array.from(runGraph(g, { x }).y0.data));
    // Training mode does not read them: its output has batch mean 0 per channel.
    const trainOut = trainingForward(g, { x }, { training: true }).outputs.y0;
    expect(Array.from(trainOut.data)).not.toEqual(Array.from(evalOut.data));
  });

  it('reads an ONNX momentum attribute (weight of the old value)', () => {
    const g = opGraph({
      op: 'BatchNormalization',
      inputs: ['x', 'g', 'b', 'm', 'v'],
      values: {
        x: tensor('float32', [2, 1], [1, 3]),
        g: tensor('float32', [1], [1]),
        b: tensor('float32', [1], [0]),
        m: tensor('float32', [1], [0]),
        v: tensor('float32', [1], [1]),
      },
      constants: ['g', 'b', 'm', 'v'],
      attrs: { momentum: float(0.5) },
    });
    const { buffers } = trainingForward(g, { x: tensor('float32', [2, 1], [1, 3]) }, { training: true });
    expect(buffers.get('m')!.data[0]).toBeCloseTo(0.5 * 0 + 0.5 * 2, 6);
    expect(buffers.get('v')!.data[0]).toBeCloseTo(0.5 * 1 + 0.5 * 2, 6); // unbiased variance of {1, 3} = 2
  });
});

describe('determinism and stepping', () => {
  it('the same inputs give bit-identical gradients, including through seeded Dropout', () => {
    const g = MBCONV();
    const x = rand([4, 8, 9, 9], 2);
    const grads = (): Map<string, Tensor> => {
      const { tape, outputs } = trainingForward(g, { input: x }, { training: true, seed: 5 });
      const out = g.outputs[0].name;
      return backward(tape, { [out]: rand(outputs[out].dims, 3) }).params;
    };
    const a = grads();
    const b = grads();
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, t] of a)
      expect(
        Buffer.from((t.data as Float32Array).buffer).equals(Buffer.from((b.get(k)!.data as Float32Array).buffer)),
        k,
      ).toBe(true);
    const d = opGraph({
      op: 'Dropout',
      inputs: ['x', 'r'],
      values: { x: rand([64], 1), r: tensor('float32', [], [0.5]) },
      constants: ['r'],
    });
    const run = (seed: number) =>
      Array.from(trainingForward(d, { x: rand([64], 1) }, { training: true, seed }).outputs.y0.data);
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
    const dropped = run(1).filter((v) => v === 0).length;
    expect(dropped).toBeGreaterThan(16);
    expect(dropped).toBeLessThan(48);
  });

  it('executeBackward yields one step per node on the gradient path, in reverse, whose weight gradients add up to backward()', () => {
    const g = MBCONV();
    const x = rand([2, 8, 9, 9], 2);
    const out = g.outputs[0].name;
    const f1 = trainingForward(g, { input: x }, { training: true });
    const seed = rand(f1.outputs[out].dims, 3);
    const gen = executeBackward(f1.tape, { [out]: seed });
    const steps = [];
    let r = gen.next();
    while (!r.done) {
      steps.push(r.value);
      r = gen.next();
    }
    const indices = steps.map((s) => s.index);
    expect(indices).toEqual([...indices].sort((p, q) => q - p));
    expect(steps.length).toBe(g.nodes.length);
    for (const s of steps) {
      expect(s.gradOutputs[0]!.dims).toEqual(f1.tape.meta.get(s.node.outputs[0])!.dims);
      expect(s.ms).toBeGreaterThanOrEqual(0);
      s.node.inputs.forEach((name, i) => {
        if (s.gradInputs[i]) expect(s.gradInputs[i]!.dims).toEqual(f1.tape.meta.get(name)!.dims);
      });
    }
    const f2 = trainingForward(g, { input: x }, { training: true });
    const all = backward(f2.tape, { [out]: seed });
    for (const [name, t] of r.value.params) expect(Array.from(t.data)).toEqual(Array.from(all.params.get(name)!.data));
    const fromSteps = new Map<string, Tensor>();
    for (const s of steps) for (const [k, v] of s.weightGrads) fromSteps.set(k, v);
    expect([...fromSteps.keys()].sort()).toEqual([...all.params.keys()].sort());
    // A consumed tape is refused.
    expect(() => backward(f1.tape, { [out]: seed })).toThrow(/already used/);
  });
});

describe('explainWeightGradient', () => {
  function explainFor(
    g: Graph,
    opPredicate: (n: Graph['nodes'][number]) => boolean,
    at: Parameters<typeof explainWeightGradient>[4],
  ) {
    const x = rand([3, 8, 9, 9], 4);
    const out = g.outputs[0].name;
    const { tape, outputs } = trainingForward(g, { input: x }, { training: true });
    const gen = executeBackward(tape, { [out]: rand(outputs[out].dims, 5) }, { keepTape: true });
    for (let r = gen.next(); !r.done; r = gen.next()) {
      const s = r.value;
      if (!opPredicate(s.node)) continue;
      const rec = tape.records[s.index]!;
      return explainWeightGradient(
        g,
        s.node.name,
        rec.inputs[0]!,
        s.gradOutputs[0]!,
        at,
        s.weightGrads.get(s.node.inputs[1]),
      );
    }
    throw new Error('no such node');
  }

  it('depthwise: the products of input window values and output gradients sum to the reported dL/dw exactly', () => {
    const g = MBCONV();
    const e = explainFor(g, (n) => n.opType === 'Conv' && n.attrs.group?.value !== 1 && n.attrs.group !== undefined, {
      m: 5,
      ky: 2,
      kx: 0,
    });
    expect(e.variant).toBe('depthwise');
    expect(e.c).toBe(5);
    expect(e.k).toEqual([2, 0]);
    expect(e.terms.length).toBe(3 * 5 * 5); // N · Ho · Wo (9 px, stride 2, SAME → 5×5)
    expect(e.terms.some((t) => t.padding)).toBe(true); // the bottom row reads the SAME padding
    let s = 0;
    for (const t of e.terms) {
      expect(t.product).toBe(t.x * t.dy);
      if (!t.padding) s += t.product;
    }
    expect(s).toBe(e.sum);
    expect(e.accumulation).toBe('float64');
    expect(Math.fround(e.sum)).toBe(e.gradient);
    expect(e.gradient).not.toBe(0);
  });

  it('standard/pointwise conv: the sum equals the reported gradient to float32 tolerance', () => {
    const g = MBCONV();
    const e = explainFor(g, (n) => n.opType === 'Conv' && n.scope.endsWith('conv_pw'), { m: 7, c: 3, kx: 0 });
    expect(e.variant).toBe('pointwise');
    const mag = e.terms.reduce((a, t) => a + Math.abs(t.product), 0);
    expect(Math.abs(e.sum - e.gradient)).toBeLessThanOrEqual(1e-6 * mag + 1e-9);
    expect(e.gradient).not.toBe(0);
  });
});

describe('memory estimate and parameter roles', () => {
  it('the up-front estimate of activations kept for backward equals what the tape keeps', () => {
    for (const [g, batch, dims] of [
      [MBCONV(), 4, [4, 8, 9, 9]],
      [materialize(buildModel('mobilenetv2_050', { resolution: 32, numClasses: 10 }), 1), 3, [3, 3, 32, 32]],
    ] as const) {
      const est = trainingMemory(g, batch);
      const { tape } = trainingForward(g, { input: rand([...dims], 1) }, { training: true });
      expect(est.keptBytes, g.name).toBe(tape.keptBytes);
      expect(est.keptBytes).toBeGreaterThan(0);
      expect(est.perNode.reduce((a, p) => a + p.bytes, 0)).toBe(est.keptBytes);
      // Linear in the batch (every kept value has the batch as its leading dim, except BN statistics).
      expect(trainingMemory(g, 2 * batch).keptBytes).toBeGreaterThan(1.9 * est.keptBytes);
    }
  });

  it('works on a declared-only zoo graph and refuses a batch over the budget with the figures', () => {
    const g = buildModel('efficientnet_b0', { resolution: 64, numClasses: 10 });
    const m = trainingMemory(g, 64);
    expect(m.parameterBytes).toBeGreaterThan(4 * 4e6);
    expect(() => checkTrainingMemory(g, 64, 64 * 2 ** 20)).toThrow(
      /needs [\d.]+ MiB \(activations kept for backward [\d.]+ MiB, parameters [\d.]+ MiB, gradients [\d.]+ MiB\), over the budget of 64\.0 MiB/,
    );
    expect(() => trainingMemory(g, 0)).toThrow(EngineError);
  });

  it('parameter roles: conv/linear weights decay; BN running statistics are buffers; biases and norms do not decay', () => {
    const roles = new Map(parameterRoles(buildModel('efficientnet_b0')).map((r) => [r.name, r]));
    expect(roles.get('conv_stem.weight')).toMatchObject({ role: 'trainable', decay: true });
    expect(roles.get('bn1.weight')).toMatchObject({ role: 'trainable', decay: false });
    expect(roles.get('bn1.running_mean')).toMatchObject({ role: 'buffer', decay: false });
    expect(roles.get('bn1.running_var')).toMatchObject({ role: 'buffer' });
    expect(roles.get('classifier.weight')).toMatchObject({ role: 'trainable', decay: true });
    expect(roles.get('classifier.bias')).toMatchObject({ role: 'trainable', decay: false });
    const vit = new Map(parameterRoles(buildModel('vit_tiny_patch16_224')).map((r) => [r.name, r]));
    expect(vit.get('cls_token')).toMatchObject({ role: 'trainable', decay: false });
    expect(vit.get('pos_embed')).toMatchObject({ role: 'trainable', decay: false });
    expect(vit.get('blocks.0.norm1.weight')).toMatchObject({ role: 'trainable', decay: false });
    expect(vit.get('blocks.0.attn.qkv.weight')).toMatchObject({ role: 'trainable', decay: true });
  });
});

describe('gradient descent with these gradients', () => {
  it('plain SGD on an MBConv+SE block with a pooled linear head fits 8 images of 4 classes (loss falls below a tenth)', () => {
    const block = MBCONV();
    const feat = block.outputs[0].name;
    const C = block.outputs[0].dims[1] as number;
    const K = 4;
    const head: Graph = {
      ...block,
      nodes: [
        ...block.nodes,
        { name: 'pool', opType: 'GlobalAveragePool', inputs: [feat], outputs: ['pooled'], attrs: {}, scope: 'head' },
        { name: 'flat', opType: 'Flatten', inputs: ['pooled'], outputs: ['flat'], attrs: {}, scope: 'head' },
        {
          name: 'fc',
          opType: 'Gemm',
          inputs: ['flat', 'fc.weight', 'fc.bias'],
          outputs: ['logits'],
          attrs: { transB: { type: 'int', value: 1 } },
          scope: 'head',
        },
      ],
      initializers: new Map([
        ...block.initializers,
        ['fc.weight', rand([K, C], 1, -0.3, 0.3)],
        ['fc.bias', tensor('float32', [K], [0, 0, 0, 0])],
      ]),
      outputs: [{ name: 'logits', dtype: 'float32', dims: [8, K] }],
    };
    const x = rand([8, 8, 9, 9], 21, -1, 1);
    const labels = [0, 1, 2, 3, 0, 1, 2, 3];
    const step = (): number => {
      const { tape, outputs, buffers } = trainingForward(head, { input: x }, { training: true, inputGrads: false });
      const z = outputs.logits.data;
      const dz = new Float32Array(z.length);
      let loss = 0;
      for (let n = 0; n < 8; n++) {
        const row = Array.from(z.slice(n * K, n * K + K));
        const m = Math.max(...row);
        const e = row.map((v) => Math.exp(v - m));
        const s = e.reduce((a, b) => a + b, 0);
        loss -= Math.log(e[labels[n]] / s) / 8;
        for (let k = 0; k < K; k++) dz[n * K + k] = (e[k] / s - (k === labels[n] ? 1 : 0)) / 8;
      }
      const { params } = backward(tape, { logits: tensor('float32', [8, K], dz) });
      for (const [name, gr] of params) {
        const w = head.initializers.get(name)!.data as Float32Array;
        for (let i = 0; i < w.length; i++) w[i] -= 0.5 * gr.data[i];
      }
      applyBuffers(head, buffers);
      return loss;
    };
    const first = step();
    let last = first;
    for (let i = 0; i < 60; i++) last = step();
    expect(first).toBeGreaterThan(1);
    expect(last).toBeLessThan(first / 10);
  });
});
