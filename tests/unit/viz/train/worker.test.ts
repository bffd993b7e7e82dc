import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createPlaygroundHandler,
  inspectWeights,
  type PlaygroundResponse,
} from '../../../../src/workers/train-playground.ts';
import { configGraph, configRecipe, depthwiseLayers, NORM } from '../../../../src/lib/viz/train/train-graph.ts';
import { subsetImageSet, subsetUrls } from '../../../../src/lib/viz/train/train-data.ts';
import { DEFAULT_CONFIG } from '../../../../src/lib/viz/train/train-config.ts';
import { memoryBytes } from '../../../../src/lib/viz/train/train-stats.ts';
import { configStats } from '../../../../src/lib/viz/train/train-stats-table.ts';
import { createTrainer } from '../../../../src/lib/train/trainer.ts';
import type { ImageSet } from '../../../../src/lib/data/fashion-mnist.ts';

const load = (split: 'train' | 'test'): ImageSet => {
  const u = subsetUrls(split, 'public/data/fashion-mnist/');
  return subsetImageSet(split, new Uint8Array(readFileSync(u.images)), new Uint8Array(readFileSync(u.labels)));
};
const limit = (s: ImageSet, n: number): ImageSet => ({
  ...s,
  count: n,
  images: s.images.subarray(0, n * 784),
  labels: s.labels.subarray(0, n),
});

describe('training playground worker', () => {
  it('trains the default configuration, evaluates on the test subset and sends depthwise kernels', () => {
    const out: PlaygroundResponse[] = [];
    const queue: (() => void)[] = [];
    const handle = createPlaygroundHandler({ postMessage: (m) => out.push(m) }, (fn) => queue.push(fn));
    const config = { ...DEFAULT_CONFIG, batch: 32 };
    handle({
      type: 'start',
      config,
      train: limit(load('train'), 320),
      test: load('test'),
      progressEvery: 2,
      evalEvery: 2,
      evalImages: 100,
    });
    while (queue.length) queue.shift()!();
    const types = out.map((m) => m.type);
    expect(types[0]).toBe('layers');
    expect(types).toContain('started');
    expect(types.slice(-2)).toEqual(['kernels', 'probe']);
    const evals = out.filter((m) => m.type === 'eval');
    expect(evals.at(-1)!.final).toBe(true);
    const fin = evals.at(-1)!.eval;
    expect(fin.count).toBe(1000);
    expect(fin.predicted.length).toBe(1000);
    // 10 steps on 320 images beats chance (10 %) on the test subset.
    expect(fin.accuracy).toBeGreaterThan(0.3);
    expect(evals.slice(0, -1).every((e) => e.eval.count === 100)).toBe(true);
    const k = out.filter((m) => m.type === 'kernels').at(-1)!.kernels;
    expect(k.k).toBe(3);
    expect(k.data.length).toBe(k.channels * 9);
    // The live look inside comes with every evaluation: the layer's output on the watched test
    // image and the weight-gradient norms; 'watch' switches the image at once.
    const probes = out.filter((m) => m.type === 'probe').map((m) => m.probe);
    expect(probes.length).toBe(evals.length);
    const last = probes.at(-1)!;
    expect(last.layer).toBe('blocks.0.0.conv_dw');
    expect(last.image).toBe(0);
    expect(last.activation.dims).toEqual([1, k.channels, 10, 10]);
    expect(last.norms.map((n) => n.node)).toEqual(
      configGraph(config)
        .nodes.filter((n) => n.opType === 'Conv' || n.opType === 'Gemm')
        .map((n) => n.name),
    );
    handle({ type: 'watch', image: 7 });
    const watched = out.at(-1)!;
    expect(watched.type === 'probe' && watched.probe.image).toBe(7);
    expect(watched.type === 'probe' && watched.probe.label).toBe(load('test').labels[7]);
    // Same weights, another image: a different activation; the norms do not depend on the image.
    expect(watched.type === 'probe' && Array.from(watched.probe.activation.data as Float32Array)).not.toEqual(
      Array.from(last.activation.data as Float32Array),
    );
    expect(watched.type === 'probe' && watched.probe.norms).toEqual(last.norms);
  });

  it('inspects a backward pass: the explained products sum to the reported depthwise weight gradient, norms for every Conv/Gemm weight', () => {
    const g = configGraph(DEFAULT_CONFIG);
    const weights = Object.fromEntries(g.initializers);
    const before = Float32Array.from(
      g.initializers.get(g.nodes.find((n) => n.name === 'blocks.0.0.conv_dw')!.inputs[1])!.data as Float32Array,
    );
    const r = inspectWeights(g, weights, load('train'), {
      layer: 'blocks.0.0.conv_dw',
      m: 3,
      ky: 0,
      kx: 2,
      images: 4,
      step: 0,
    });
    expect(Math.fround(r.sum)).toBe(r.gradient);
    expect(r.gradient).not.toBe(0);
    expect(r.terms).toBe(4 * 10 * 10);
    expect(r.norms.length).toBe(g.nodes.filter((n) => n.opType === 'Conv' || n.opType === 'Gemm').length);
    expect(r.norms[0].node).toBe(g.nodes.find((n) => n.opType === 'Conv')!.name);
    expect(r.activation.dims).toEqual([1, 16, 10, 10]);
    expect(g.initializers.get(g.nodes.find((n) => n.name === 'blocks.0.0.conv_dw')!.inputs[1])!.data).toEqual(before);
  });

  it('refuses a configuration over the memory budget with the figures', () => {
    const out: PlaygroundResponse[] = [];
    const handle = createPlaygroundHandler({ postMessage: (m) => out.push(m) }, () => {});
    handle({
      type: 'start',
      config: { ...DEFAULT_CONFIG, batch: 512 },
      train: load('train'),
      test: load('test'),
      memoryBudget: 2 ** 20,
    });
    const err = out.find((m) => m.type === 'error');
    expect(err && err.type === 'error' && err.code).toBe('memory');
    expect(err && err.type === 'error' && err.message).toMatch(/MiB/);
  });

  it('lists the depthwise 3×3 convolutions of a depthwise-separable net and none of a standard-conv net', () => {
    expect(depthwiseLayers(configGraph(DEFAULT_CONFIG)).length).toBe(3);
    expect(depthwiseLayers(configGraph({ ...DEFAULT_CONFIG, block: 'conv' }))).toEqual([]);
  });

  it("the build-time memory figure equals the trainer's own estimate at any batch and optimizer", () => {
    for (const [block, batch, optimizer] of [
      ['dsep', 64, 'adamw'],
      ['ir-se', 16, 'sgd'],
      ['fused', 128, 'adamw'],
    ] as const) {
      const c = { ...DEFAULT_CONFIG, block, batch, optimizer, width: 0.75, resolution: 24 };
      const t = createTrainer(configGraph(c), limit(load('train'), batch), configRecipe(c), NORM);
      expect(memoryBytes(configStats(c), batch, optimizer)).toBe(t.memory.totalBytes);
    }
  });
});
