/**
 * Which trained model a lesson step cell runs: every cell the lessons embed, each mapped to the
 * block of its tiny counterpart worked out by hand from the two architectures (tiny.ts and the
 * zoo's stage lists), and the fallbacks to seeded weights with their reasons.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '~/lib/models/index.ts';
import { buildTinyModel, TINY_MODELS } from '~/lib/models/tiny.ts';
import {
  cellWeights,
  counterpartScope,
  opSignature,
  stageBlocks,
  type ScopedNode,
} from '~/lib/viz/lessons/trained-cell.ts';

const ALL = new Set(TINY_MODELS.map((m) => m.id));
const tiny = (id: string) => buildTinyModel(id).nodes;
const weights = (model: string, scope: string | undefined, trained: ReadonlySet<string> = ALL) =>
  cellWeights(model, scope, buildModel(model).nodes, trained, tiny);

describe('cellWeights on the lessons’ step cells', () => {
  // [zoo model, lesson scope, tiny model, tiny scope]. The same scope wherever the tiny stage has
  // the block; B1's blocks.1.2 is the repeat depth scaling adds to stage 1 (B0: 2 blocks → ⌈2·1.1⌉
  // = 3); the tiny B0 has 1 block there and the tiny B1 ⌈1·1.2⌉ = 2, so its added repeat is blocks.1.1.
  const tinyB1Stage1 = Math.ceil(1 * 1.2);
  const cases: [string, string, string, string][] = [
    ['mobilenetv1_100', 'blocks.3.1', 'tiny_mobilenetv1', 'blocks.3.1'],
    ['mobilenetv2_100', 'blocks.1.1', 'tiny_mobilenetv2', 'blocks.1.1'],
    ['mobilenetv2_100', 'blocks.3.1', 'tiny_mobilenetv2', 'blocks.3.1'],
    ['efficientnet_b0', 'blocks.1.0', 'tiny_efficientnet_b0', 'blocks.1.0'],
    ['efficientnet_b1', 'blocks.1.2', 'tiny_efficientnet_b1', `blocks.1.${tinyB1Stage1 - 1}`],
    ['semnasnet_100', 'blocks.2.0', 'tiny_mnasnet', 'blocks.2.0'],
    ['mobilenetv3_large_100', 'blocks.4.0', 'tiny_mobilenetv3', 'blocks.4.0'],
    ['mobilenetv3_large_100', 'blocks.2.0.se', 'tiny_mobilenetv3', 'blocks.2.0.se'],
    ['tf_efficientnetv2_b0', 'blocks.1.0', 'tiny_efficientnetv2', 'blocks.1.0'],
    ['tf_efficientnetv2_b0', 'blocks.3.0', 'tiny_efficientnetv2', 'blocks.3.0'],
    ['vit_tiny_patch16_224', 'patch_embed', 'tiny_vit', 'patch_embed'],
    ['vit_tiny_patch16_224', 'blocks.0.attn', 'tiny_vit', 'blocks.0.attn'],
  ];
  it.each(cases)('%s %s runs %s %s', (model, scope, id, tinyScope) => {
    expect(weights(model, scope)).toEqual({ kind: 'trained', id, scope: tinyScope });
  });

  it('runs the same op types as the zoo block it stands for', () => {
    expect(opSignature(tiny('tiny_mobilenetv1'), 'blocks.3.1')).toEqual([
      'Conv',
      'BatchNormalization',
      'Clip',
      'Conv',
      'BatchNormalization',
      'Clip',
    ]);
    expect(opSignature(tiny('tiny_mobilenetv3'), 'blocks.2.0.se')).toEqual([
      'GlobalAveragePool',
      'Conv',
      'Relu',
      'Conv',
      'HardSigmoid',
      'Mul',
    ]);
  });

  it('maps a repeat past the tiny stage’s last block to that last repeat', () => {
    // MobileNetV2 stage 3 has 4 blocks, the tiny one 2 (ir_r2_k3_s1_e6_c24).
    expect(weights('mobilenetv2_100', 'blocks.3.3')).toEqual({
      kind: 'trained',
      id: 'tiny_mobilenetv2',
      scope: 'blocks.3.1',
    });
  });

  it('maps a whole model to the whole counterpart', () => {
    expect(weights('efficientnet_b0', undefined)).toEqual({ kind: 'trained', id: 'tiny_efficientnet_b0' });
  });
});

describe('cellWeights falls back to seeded weights', () => {
  it('for a model with no tiny counterpart', () => {
    const w = weights('mobilenetv3_small_100', 'blocks.1.0');
    expect(w).toEqual({ kind: 'seeded', reason: 'mobilenetv3_small_100 has no trained tiny counterpart' });
  });

  it('when the counterpart is not trained (any subset of the family may be)', () => {
    const without = new Set([...ALL].filter((id) => id !== 'tiny_efficientnet_b3'));
    expect(weights('efficientnet_b3', 'blocks.1.0', without)).toEqual({
      kind: 'seeded',
      reason: 'tiny_efficientnet_b3 is not trained yet',
    });
    expect(weights('efficientnet_b3', 'blocks.1.0').kind).toBe('trained');
  });

  it('for a repeat when the tiny stage has a single block', () => {
    // EfficientNet-B0 stage 2 has 2 blocks, the tiny B0's one (ir_r1_k5_s2_e6_c16_se0.25).
    const w = weights('efficientnet_b0', 'blocks.2.1');
    expect(w.kind).toBe('seeded');
    expect(w.kind === 'seeded' && w.reason).toMatch(/stage 2 has one block/);
  });

  it('when the blocks run different ops', () => {
    // tiny_plain replaces each depthwise separable pair by one full conv: not MobileNetV1's block.
    const w = cellWeights('mobilenetv1_100', 'blocks.3.1', buildModel('mobilenetv1_100').nodes, ALL, () =>
      tiny('tiny_plain'),
    );
    expect(w).toEqual({
      kind: 'seeded',
      reason:
        "tiny_mobilenetv1's blocks.3.1 runs Conv, BatchNormalization, Clip, not mobilenetv1_100's Conv, BatchNormalization, Clip, Conv, BatchNormalization, Clip",
    });
  });
});

describe('counterpartScope and stageBlocks', () => {
  const nodes: ScopedNode[] = [
    { scope: 'conv_stem', opType: 'Conv' },
    { scope: 'blocks.0.0.conv', opType: 'Conv' },
    { scope: 'blocks.1.0.conv', opType: 'Conv' },
    { scope: 'blocks.1.1.conv', opType: 'Conv' },
    { scope: 'blocks.1.2.conv', opType: 'Conv' },
    { scope: 'blocks.10.0.conv', opType: 'Conv' },
  ];
  it('counts blocks per stage by their index, not by prefix', () => {
    expect(stageBlocks(nodes, 1)).toBe(3);
    expect(stageBlocks(nodes, 10)).toBe(1);
    expect(stageBlocks(nodes, 0)).toBe(1);
    expect(stageBlocks(nodes, 2)).toBe(0);
  });
  it('keeps a sub-scope and says why when there is none', () => {
    expect(counterpartScope('blocks.1.4.conv', nodes)).toEqual({ scope: 'blocks.1.2.conv' });
    expect(counterpartScope('blocks.3.0', nodes)).toEqual({ reason: 'it has no stage 3' });
    expect(counterpartScope('conv_head', nodes)).toEqual({ reason: 'it has no conv_head' });
    expect(counterpartScope('conv_stem', nodes)).toEqual({ scope: 'conv_stem' });
  });
});
