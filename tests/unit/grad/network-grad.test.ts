/**
 * Gradients of whole blocks and networks built by the zoo's own builder, checked by central
 * differences on a sample of parameters, in training mode (BatchNorm on batch statistics) with
 * batches N > 1. The forward is float32 end to end, so these checks are looser than the per-op
 * ones: a perturbation of one weight moves every downstream value, and L = Σ r·y sums a few
 * hundred float32 outputs whose rounding (≈ 6e-8 relative each) divided by 2·eps gives noise
 * ∝ 1/eps, while truncation through SiLU/GELU/softmax/BatchNorm grows as eps². Measured worst
 * |Δ| (GRAD_REPORT=1): eps 3e-2 → 5e-2, 1e-2 → 5.5e-3, 3e-3 → 5e-4 (ViT block and the tiny
 * EfficientNet alike: truncation-dominated, so the analytic side is right), 1e-3 → 2e-3 (noise).
 * Hence eps = 3e-3 and |Δ| ≤ 1.5e-3 + 1e-2·|g|; sampled gradients reach |g| ≈ 1–14.
 */
import { describe, expect, it } from 'vitest';
import { backward, trainingForward, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { buildBlock, buildModel, materialize } from '~/lib/models/index.ts';
import { gradCheck, rand } from './grad-check.ts';

const NET = { eps: 3e-3, atol: 1.5e-3, rtol: 1e-2, training: true } as const;

/** A graph whose sampled trainable parameters are checked (samples per tensor, spread over the tensor). */
function checkParams(graph: Graph, x: Tensor, samples: number) {
  return gradCheck(graph, { input: x }, { ...NET, samples });
}

describe('network gradients against central differences', () => {
  it('EfficientNet MBConv with SE, stride 2 TF SAME (asymmetric pads), batch 3', () => {
    const g = materialize(
      buildBlock({
        kind: 'cnn-block',
        block: 'ir_r1_k3_s2_e4_c12_se0.25',
        inChannels: 8,
        resolution: 7,
        act: 'swish',
        attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
        padding: 'same',
        bnEps: 1e-3,
      }),
      3,
    );
    const ops = new Set(g.nodes.map((n) => n.opType));
    expect([...ops].sort()).toEqual(['BatchNormalization', 'Conv', 'GlobalAveragePool', 'Mul', 'Sigmoid']);
    const r = checkParams(g, rand([3, 8, 7, 7], 5, -2, 2), 3);
    expect(r.checked).toBeGreaterThan(40);
  });

  it('EfficientNet MBConv with SE and residual, stride 1, batch 2 (input gradient too)', () => {
    const g = materialize(
      buildBlock({
        kind: 'cnn-block',
        block: 'ir_r1_k5_s1_e6_c8_se0.25',
        inChannels: 8,
        resolution: 6,
        act: 'swish',
        attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
        padding: 'symmetric',
        bnEps: 1e-5,
      }),
      4,
    );
    expect(g.nodes.some((n) => n.opType === 'Add')).toBe(true);
    checkParams(g, rand([2, 8, 6, 6], 6, -2, 2), 3);
  });

  // Piecewise-linear activations: a sample whose ±eps forwards move any Relu/Clip/HardSigmoid/
  // HardSwish element onto another linear piece has no central difference; kinkAware skips those.
  it('MobileNetV3 bneck: 5×5 depthwise stride 2, hard-swish, SE with ReLU and hard-sigmoid gate, batch 3', () => {
    const g = materialize(
      buildBlock({
        kind: 'cnn-block',
        block: 'ir_r1_k5_s2_e3_c16_se0.25_nre',
        inChannels: 8,
        resolution: 9,
        act: 'hard_swish',
        attn: { kind: 'se', fromExpanded: true, round: 'divisible', gate: 'hard_sigmoid', act: 'relu' },
        padding: 'symmetric',
        bnEps: 1e-3,
      }),
      3,
    );
    for (const op of ['Relu', 'HardSigmoid', 'GlobalAveragePool', 'Mul'])
      expect(g.nodes.some((n) => n.opType === op)).toBe(true);
    const r = gradCheck(g, { input: rand([3, 8, 9, 9], 5, -2, 2) }, { ...NET, samples: 3, kinkAware: true });
    expect(r.checked).toBeGreaterThan(25);
  });

  it('MobileNetV2 inverted residual with ReLU6 (Clip), batch 3', () => {
    const g = materialize(
      buildBlock({
        kind: 'cnn-block',
        block: 'ir_r1_k3_s1_e6_c8',
        inChannels: 8,
        resolution: 6,
        act: 'relu6',
        padding: 'symmetric',
        bnEps: 1e-5,
      }),
      3,
    );
    expect(g.nodes.some((n) => n.opType === 'Clip')).toBe(true);
    const r = gradCheck(g, { input: rand([3, 8, 6, 6], 5, -2, 2) }, { ...NET, samples: 3, kinkAware: true });
    expect(r.checked).toBeGreaterThan(20);
  });

  it('ViT block (LayerNorm, attention with Reshape/Transpose/Gather/MatMul/Softmax, GELU MLP), batch of tokens', () => {
    const g = materialize(buildBlock({ kind: 'vit-block', tokens: 5, dim: 8, heads: 2, mlpRatio: 2 }), 5);
    const ops = new Set(g.nodes.map((n) => n.opType));
    for (const op of [
      'LayerNormalization',
      'Gemm',
      'Reshape',
      'Transpose',
      'Gather',
      'MatMul',
      'Softmax',
      'Gelu',
      'Mul',
      'Add',
    ])
      expect(ops.has(op)).toBe(true);
    checkParams(g, rand([5, 8], 7, -2, 2), 3);
  });

  // At 32 px the last stage is 1×1, and BatchNorm over N·1·1 = 2 values normalises them to exactly
  // ±1: the loss jumps when two values swap order (measured: a 1e-2 step moved L from 0.61 to −0.15).
  // That is BatchNorm, not the gradient; at 64 px every BatchNorm sees ≥ 8 values per channel.
  it('a whole tiny EfficientNet from the zoo builder (efficientnet_b0 at width 0.25, depth 0.2, 64 px, 10 classes), batch 2', () => {
    const g = materialize(
      buildModel('efficientnet_b0', { width: 0.25, depth: 0.2, resolution: 64, numClasses: 10 }),
      9,
    );
    // One element of every third weight tensor (stem, every block's convs/BN/SE, head, classifier).
    const names = [...g.initializers.keys()];
    const r = gradCheck(
      g,
      { input: rand([2, 3, 64, 64], 8, -2, 2) },
      { ...NET, samples: 1, only: (n) => names.indexOf(n) % 3 === 0 },
    );
    expect(r.checked).toBeGreaterThan(25);
  });
});

describe('whole-network gradient bookkeeping', () => {
  it('every zoo family builds a graph whose gradient path is covered (no op refused)', async () => {
    const { MODELS } = await import('~/lib/models/index.ts');
    const { gradientPath } = await import('~/lib/engine/index.ts');
    const families = new Map<string, string>();
    for (const m of MODELS) if (!families.has(m.spec.family)) families.set(m.spec.family, m.id);
    families.set('GlobalContext', 'gc_efficientnetv2_rw_t');
    for (const id of families.values()) {
      const path = gradientPath(buildModel(id));
      expect(path.trainable.length, id).toBeGreaterThan(0);
      expect(path.active.filter(Boolean).length, id).toBeGreaterThan(10);
    }
  });

  it('a gradient check is not vacuous: a wrong seed changes the gradients', () => {
    const g = materialize(
      buildModel('efficientnet_b0', { width: 0.25, depth: 0.2, resolution: 32, numClasses: 10 }),
      9,
    );
    const x = rand([2, 3, 32, 32], 8);
    const run = (seed: number): Float32Array => {
      const { tape, outputs } = trainingForward(g, { input: x }, { training: true });
      const name = g.outputs[0].name;
      return backward(tape, { [name]: rand(outputs[name].dims, seed) }).params.get('conv_stem.weight')!
        .data as Float32Array;
    };
    expect(Array.from(run(1))).not.toEqual(Array.from(run(2)));
  });
});
