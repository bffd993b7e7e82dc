import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { newOptimizerState, optimizerStep } from '~/lib/train/optimizer.ts';
import { learningRate } from '~/lib/train/schedule.ts';

describe('softmax cross-entropy with label smoothing', () => {
  it('matches the hand-worked value and gradient for logits [1, 2, 3], label 2, ε = 0.1', () => {
    // p = softmax = [0.0900, 0.2447, 0.6652]; q = [ε/3, ε/3, 1 − ε + ε/3];
    // L = −Σ q log p = 0.50760596…; dL/dz = p − q.
    const r = softmaxCrossEntropy([1, 2, 3], 1, 3, [2], 0.1);
    expect(r.loss).toBeCloseTo(0.5076059644443804, 12);
    [0.0566972398370471, 0.21139513772146432, -0.26809237755851156].forEach((g, i) =>
      expect(r.grad[i]).toBeCloseTo(g, 7),
    );
    expect(r.correct).toBe(1);
  });
  it('averages over the batch (gradient divided by N) and counts correct arg-maxes', () => {
    const r = softmaxCrossEntropy([1, 2, 3, 0, 0, 0], 2, 3, [0, 1], 0);
    // sample 0: −log p0 = 2.40760596; sample 1 uniform: log 3.
    expect(r.loss).toBeCloseTo((2.4076059644443806 + Math.log(3)) / 2, 12);
    expect(r.grad[3]).toBeCloseTo(1 / 3 / 2, 7);
    expect(r.grad[4]).toBeCloseTo((1 / 3 - 1) / 2, 7);
    expect(r.correct).toBe(0); // sample 0 predicts 2; ties pick the first maximum, so sample 1 predicts 0
    expect([...r.predicted]).toEqual([2, 0]);
  });
  it('stays finite for huge logits (log-sum-exp) and is NaN for a NaN logit', () => {
    expect(softmaxCrossEntropy([1000, 0], 1, 2, [1]).loss).toBeCloseTo(1000, 9);
    expect(softmaxCrossEntropy([NaN, 0], 1, 2, [1]).loss).toBeNaN();
  });
});

describe('optimizers (hand-computed steps)', () => {
  const run = (
    kind: 'sgd' | 'adamw',
    grads: number[],
    opts: { nesterov?: boolean; weightDecay?: number; decayed: boolean; lr?: number },
  ): number[] => {
    const theta = Float32Array.of(1);
    const params = new Map([['w', theta]]);
    const state = newOptimizerState();
    const out: number[] = [];
    for (const g of grads) {
      optimizerStep(
        { kind, momentum: 0.9, nesterov: opts.nesterov, weightDecay: opts.weightDecay },
        state,
        params,
        new Map([['w', Float32Array.of(g)]]),
        opts.lr ?? 0.1,
        new Set(opts.decayed ? ['w'] : []),
      );
      out.push(theta[0]);
    }
    return out;
  };

  it('SGD with Nesterov momentum', () => {
    // b1 = 0.5, d = 0.5 + 0.9·0.5 = 0.95 → 0.905; b2 = 0.9·0.5 + 0.5 = 0.95, d = 0.5 + 0.855 → 0.7695.
    const [a, b] = run('sgd', [0.5, 0.5], { nesterov: true, decayed: false });
    expect(a).toBeCloseTo(0.905, 6);
    expect(b).toBeCloseTo(0.7695, 6);
    // Plain momentum: d = b: 0.95 → 1 − 0.05 − 0.095 = 0.855.
    expect(run('sgd', [0.5, 0.5], { decayed: false })[1]).toBeCloseTo(0.855, 6);
  });
  it('SGD weight decay is added to the gradient, only for decayed parameters', () => {
    // g = 0.5 + 0.1·1 = 0.6, d = 0.6 + 0.54 = 1.14 → 0.886.
    expect(run('sgd', [0.5], { nesterov: true, weightDecay: 0.1, decayed: true })[0]).toBeCloseTo(0.886, 6);
    expect(run('sgd', [0.5], { nesterov: true, weightDecay: 0.1, decayed: false })[0]).toBeCloseTo(0.905, 6);
  });
  it('AdamW with decoupled decay, and without decay for a BatchNorm/bias parameter', () => {
    // Step 1: θ·(1 − 0.1·0.01) = 0.999; m̂ = 0.5, √v̂ = 0.5 → −0.1 (+ε) → 0.899.
    // Step 2 (g = −0.25): m = 0.02, v = 3.1225e-4; m̂ = 0.105263, √v̂ = 0.395225 → 0.871467…
    const dec = run('adamw', [0.5, -0.25], { weightDecay: 0.01, decayed: true });
    expect(dec[0]).toBeCloseTo(0.899000002, 6);
    expect(dec[1]).toBeCloseTo(0.8714672987058463, 6);
    const off = run('adamw', [0.5, -0.25], { weightDecay: 0.01, decayed: false });
    expect(off[0]).toBeCloseTo(0.900000002, 6);
    expect(off[1]).toBeCloseTo(0.8733662987078463, 6);
  });
});

describe('warmup + cosine schedule', () => {
  const s = { lr: 0.4, warmupSteps: 4, totalSteps: 12 };
  it('rises linearly over the warmup, then follows the half cosine', () => {
    expect([0, 1, 2, 3].map((t) => learningRate(s, t))).toEqual([0.1, 0.2, 0.30000000000000004, 0.4]);
    expect(learningRate(s, 4)).toBeCloseTo(0.4, 12); // cos 0
    expect(learningRate(s, 8)).toBeCloseTo(0.2, 12); // halfway: cos(π/2)
    expect(learningRate(s, 6)).toBeCloseTo(0.4 * 0.5 * (1 + Math.cos(Math.PI / 4)), 12);
    expect(learningRate(s, 11)).toBeCloseTo(0.4 * 0.5 * (1 + Math.cos((7 * Math.PI) / 8)), 12);
  });
  it('without warmup starts at the full rate', () => {
    expect(learningRate({ lr: 1, warmupSteps: 0, totalSteps: 10 }, 0)).toBe(1);
  });
});
