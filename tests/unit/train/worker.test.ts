import { beforeAll, describe, expect, it } from 'vitest';
import { loadFashionMnist } from '~/cli/fashion-mnist-files.ts';
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD, limitSet, type ImageSet } from '~/lib/data/fashion-mnist.ts';
import type { Graph } from '~/lib/engine/index.ts';
import { specTrainingGraph } from '~/lib/train/source.ts';
import { TINY_MBCONV_SPEC } from '~/lib/train/tiny.ts';
import { createTrainer, type Recipe } from '~/lib/train/trainer.ts';
import { createTrainWorkerHandler } from '~/lib/train/worker.ts';
import type { TrainRequest, TrainResponse } from '~/lib/train/worker-protocol.ts';

const norm = { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD };
const recipe: Recipe = {
  epochs: 1,
  batch: 8,
  lr: 0.01,
  optimizer: { kind: 'adamw' },
  warmupEpochs: 0,
  labelSmoothing: 0.1,
  seed: 1,
  augment: { pad: 2, flip: true },
};
const tiny = (): Graph => specTrainingGraph(TINY_MBCONV_SPEC, 'tiny', { resolution: 16, classes: 10, seed: 0 });
let data: ImageSet;
beforeAll(() => {
  data = limitSet(loadFashionMnist('train'), 48); // 6 steps of 8
});

/** A handler with a manual scheduler: `tick()` runs one scheduled callback (one training step). */
function harness() {
  const messages: TrainResponse[] = [];
  const queue: (() => void)[] = [];
  const handle = createTrainWorkerHandler({ postMessage: (m) => messages.push(m) }, (fn) => queue.push(fn));
  return {
    messages,
    handle: (r: TrainRequest) => handle(r),
    tick: (): boolean => {
      const f = queue.shift();
      f?.();
      return f !== undefined;
    },
    drain: () => {
      while (queue.length) queue.shift()!();
    },
    of: <T extends TrainResponse['type']>(t: T) =>
      messages.filter((m): m is Extract<TrainResponse, { type: T }> => m.type === t),
  };
}

describe('training worker protocol', () => {
  it('start → progress every N steps → done, with the losses of a direct run', () => {
    const h = harness();
    h.handle({ type: 'start', graph: tiny(), data, recipe, norm, progressEvery: 2 });
    const started = h.of('started')[0];
    expect(started).toMatchObject({ totalSteps: 6, stepsPerEpoch: 6, step: 0 });
    expect(started.memory.totalBytes).toBe(
      started.memory.keptBytes +
        started.memory.parameterBytes +
        started.memory.gradientBytes +
        started.memory.optimizerBytes,
    );
    h.drain();
    const progress = h.of('progress').map((m) => m.progress);
    expect(progress.map((p) => p.step)).toEqual([2, 4, 6]);
    expect(h.messages[h.messages.length - 1]).toEqual({ type: 'done', step: 6 });
    const direct = createTrainer(tiny(), data, recipe, norm);
    const losses = Array.from({ length: 6 }, () => direct.step().loss);
    expect(progress.map((p) => p.loss)).toEqual([losses[1], losses[3], losses[5]]);
  }, 60_000);

  it('pause stops between steps, step runs one batch, resume continues, cancel ends the run', () => {
    const h = harness();
    h.handle({ type: 'start', graph: tiny(), data, recipe, norm, progressEvery: 100 });
    h.tick(); // step 1
    h.handle({ type: 'pause' });
    expect(h.tick()).toBe(true); // the scheduled tick sees the pause and does nothing
    expect(h.tick()).toBe(false);
    expect(h.of('paused')).toEqual([{ type: 'paused', step: 1 }]);
    h.handle({ type: 'step' });
    expect(h.of('progress').map((m) => m.progress.step)).toEqual([2]);
    h.handle({ type: 'resume' });
    h.tick(); // step 3
    h.handle({ type: 'cancel' });
    h.drain();
    expect(h.of('cancelled')).toEqual([{ type: 'cancelled', step: 3 }]);
    expect(h.of('done')).toEqual([]);
    h.handle({ type: 'step' });
    expect(h.messages[h.messages.length - 1]).toMatchObject({ type: 'error', code: 'no-run' });
  }, 60_000);

  it('a weights snapshot is a copy of the current weights', () => {
    const h = harness();
    const g = tiny();
    h.handle({ type: 'start', graph: g, data, recipe, norm, paused: true });
    h.handle({ type: 'snapshot' });
    h.handle({ type: 'step' });
    h.handle({ type: 'snapshot' });
    const [a, b] = h.of('snapshot');
    expect(a.step).toBe(0);
    expect(b.step).toBe(1);
    expect(Object.keys(a.weights)).toEqual([...g.initializers.keys()]);
    expect([...a.weights['classifier.weight'].data]).not.toEqual([...b.weights['classifier.weight'].data]);
    expect([...b.weights['classifier.weight'].data]).toEqual([...g.initializers.get('classifier.weight')!.data]);
  }, 60_000);

  it('refuses a run over the memory budget with the figures, before any step', () => {
    const h = harness();
    h.handle({ type: 'start', graph: tiny(), data, recipe, norm, memoryBudget: 100_000 });
    expect(h.messages).toHaveLength(1);
    expect(h.messages[0]).toMatchObject({ type: 'error', code: 'memory' });
    expect((h.messages[0] as { message: string }).message).toMatch(
      /needs [\d.]+ MiB: activations kept for backward [\d.]+ MiB, .* the budget is 0\.1 MiB/,
    );
    expect(h.tick()).toBe(false);
  });

  it('reports a NaN loss with its step and stops', () => {
    const h = harness();
    const g = tiny();
    (g.initializers.get('classifier.bias')!.data as Float32Array)[0] = NaN;
    h.handle({ type: 'start', graph: g, data, recipe, norm });
    h.drain();
    expect(h.messages[h.messages.length - 1]).toMatchObject({ type: 'error', code: 'nan-loss', step: 0 });
    expect((h.messages[h.messages.length - 1] as { message: string }).message).toMatch(/loss is NaN at step 1/);
  });
});
