import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import type { Graph } from '~/lib/engine/index.ts';
import { readTrained, writeTrained, type TrainingRecord } from '~/lib/train/checkpoint.ts';
import { evaluate } from '~/lib/train/evaluate.ts';
import { specTrainingGraph } from '~/lib/train/source.ts';
import { TINY_MBCONV_SPEC } from '~/lib/train/tiny.ts';
import { createTrainer, TrainError, type Recipe } from '~/lib/train/trainer.ts';

const NORM = { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD };
let train: ImageSet;
beforeAll(() => {
  train = loadFashionMnist('train');
});

const tiny = (resolution = 16, seed = 0): Graph =>
  specTrainingGraph(TINY_MBCONV_SPEC, 'tiny', { resolution, classes: 10, seed });
const recipe = (o: Partial<Recipe> = {}): Recipe => ({
  epochs: 1,
  batch: 16,
  lr: 0.01,
  optimizer: { kind: 'adamw', weightDecay: 0.05 },
  warmupEpochs: 0.25,
  labelSmoothing: 0.1,
  seed: 7,
  augment: { pad: 2, flip: true },
  ...o,
});
const losses = (g: Graph, data: ImageSet, r: Recipe, steps: number): number[] => {
  const t = createTrainer(g, data, r, NORM);
  return Array.from({ length: steps }, () => t.step().loss);
};
const weights = (g: Graph): number[][] => [...g.initializers.values()].map((t) => [...t.data]);

describe('training loop', () => {
  it('a tiny MBConv+SE network reaches 100 % on 256 training images (eval mode, running statistics)', () => {
    const data = limitSet(train, 256);
    const g = tiny(16);
    const t = createTrainer(
      g,
      data,
      recipe({
        epochs: 24,
        batch: 32,
        augment: null,
        labelSmoothing: 0,
        warmupEpochs: 0,
        optimizer: { kind: 'adamw' },
      }),
      NORM,
    );
    const first = t.step().loss;
    while (!t.done()) t.step();
    expect(first).toBeGreaterThan(1.5);
    expect(evaluate(t.graph, data, NORM).accuracy).toBe(1);
  }, 600_000);

  it('two runs with one seed give bit-identical losses and weights; another seed does not', () => {
    const data = limitSet(train, 128);
    const a = tiny();
    const b = tiny();
    const la = losses(a, data, recipe(), 4);
    const lb = losses(b, data, recipe(), 4);
    expect(la).toEqual(lb);
    expect(weights(a)).toEqual(weights(b));
    expect(losses(tiny(), data, recipe({ seed: 8 }), 4)).not.toEqual(la);
  }, 120_000);

  it('a checkpoint (ONNX with optimizer slots) resumed gives the uninterrupted run’s losses and weights', () => {
    const data = limitSet(train, 128);
    for (const optimizer of [
      { kind: 'adamw' as const, weightDecay: 0.05 },
      { kind: 'sgd' as const, momentum: 0.9, nesterov: true, weightDecay: 5e-4 },
    ]) {
      const r = recipe({ epochs: 2, optimizer, lr: optimizer.kind === 'sgd' ? 0.05 : 0.01 });
      const whole = tiny();
      const all = losses(whole, data, r, 12);
      const part = tiny();
      const t = createTrainer(part, data, r, NORM);
      const before = Array.from({ length: 5 }, () => t.step().loss);
      const rec: TrainingRecord = {
        model: 'tiny',
        recipe: r,
        step: t.state.step,
        stepsPerEpoch: t.stepsPerEpoch,
        data: { name: 'fashion-mnist', split: 'train', images: 128, limit: 128 },
        preprocessing: {
          resolution: 16,
          channels: 1,
          mean: NORM.mean,
          std: NORM.std,
          resize: 'bilinear',
          gray: '1 channel',
        },
      };
      const bytes = writeTrained(t.graph, rec, t.state);
      const back = readTrained(bytes);
      expect(back.state!.step).toBe(5);
      expect(back.record!.recipe).toEqual(r);
      const t2 = createTrainer(back.graph, data, back.record!.recipe, NORM, { state: back.state });
      const after = Array.from({ length: 7 }, () => t2.step().loss);
      expect([...before, ...after]).toEqual(all);
      const final = new Map([...t2.graph.initializers].map(([k, v]) => [k, [...v.data]]));
      for (const [k, v] of whole.initializers) expect(final.get(k)).toEqual([...v.data]);
    }
  }, 300_000);

  it('stops with the step when the loss is NaN and keeps the last good weights', () => {
    const data = limitSet(train, 64);
    const g = tiny();
    const w = g.initializers.get('classifier.weight')!.data as Float32Array;
    const t = createTrainer(g, data, recipe(), NORM);
    t.step();
    w[3] = NaN;
    const snapshot = weights(g);
    expect(() => t.step()).toThrow(TrainError);
    expect(() => t.step()).toThrow(
      /loss is NaN at step 2 \(epoch 1, batch 2\); training stopped, the weights are those after step 1/,
    );
    expect(t.state.step).toBe(1);
    expect(weights(g)).toEqual(snapshot);
  }, 60_000);

  it('refuses before any step a graph with an op that has no gradient, naming it', () => {
    const data = limitSet(train, 64);
    const g = tiny();
    // logits = Max(Gemm, c, c): a three-input Max has no gradient rule.
    const gemm = g.nodes.find((n) => n.opType === 'Gemm')!;
    const c = 'const.zeros';
    const bad: Graph = {
      ...g,
      nodes: [
        ...g.nodes.map((n) => (n === gemm ? { ...n, outputs: ['pre'] } : n)),
        {
          name: c,
          opType: 'Constant',
          inputs: [],
          outputs: [c],
          attrs: { value: { type: 'tensor', value: { dtype: 'float32', dims: [1, 10], data: new Float32Array(10) } } },
          scope: '',
        },
        { name: 'max3', opType: 'Max', inputs: ['pre', c, c], outputs: [gemm.outputs[0]], attrs: {}, scope: 'head' },
      ],
    };
    expect(() => createTrainer(bad, data, recipe(), NORM)).toThrow(
      /cannot train graph 'tiny': no gradient for op Max at Max \(node 'max3'/,
    );
    const unknown: Graph = {
      ...g,
      nodes: g.nodes.map((n) => (n.opType === 'Flatten' ? { ...n, opType: 'FancyFlatten' } : n)),
    };
    expect(() => createTrainer(unknown, data, recipe(), NORM)).toThrow(/FancyFlatten/);
  });

  it('refuses a batch whose up-front memory estimate exceeds the budget, with the figures', () => {
    const data = limitSet(train, 64);
    expect(() => createTrainer(tiny(32), data, recipe({ batch: 64 }), NORM, { memoryBudget: 2 ** 20 })).toThrow(
      /at batch 64 needs [\d.]+ MiB: activations kept for backward [\d.]+ MiB, parameters [\d.]+ MiB, gradients [\d.]+ MiB, optimizer state [\d.]+ MiB; the budget is 1\.0 MiB/,
    );
  });

  it('refuses a model whose head does not have 10 classes', () => {
    const g = specTrainingGraph(TINY_MBCONV_SPEC, 'tiny', { resolution: 16, classes: 7, seed: 0 });
    expect(() => createTrainer(g, limitSet(train, 64), recipe(), NORM)).toThrow(/predicts 7 classes, the data has 10/);
  });
});
