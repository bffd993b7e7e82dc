/**
 * Per-stage checks against the papers' tables and timm's code (published.md §6): EfficientNet-B0
 * (paper Table 1) and MobileNetV3-Large/Small (paper Tables 1–2, torchvision bneck lists).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildModel, convPads, getModel, resolveCnn, stagesOf, vitTokens, type CnnSpec } from '~/lib/models/index.ts';

function cnn(id: string): CnnSpec {
  const s = getModel(id).spec;
  if (s.kind !== 'cnn') throw new Error(`${id} is not a CNN`);
  return s;
}

describe('EfficientNet-B0 stages (paper Table 1)', () => {
  const net = resolveCnn(cnn('efficientnet_b0'));

  it('has stem 32, seven stages and a 1280 head', () => {
    expect(net.stem.outChannels).toBe(32);
    expect(net.head.features).toBe(1280);
    expect(net.stages).toHaveLength(7);
  });

  it('matches the table stage by stage: block, kernel, stride, channels, repeats, input size, SE width', () => {
    const rows = net.stages.map((s) => [
      s.type,
      s.kernel,
      s.stride,
      s.expansion,
      s.outChannels,
      s.repeats,
      s.inputResolution,
      s.attnWidth,
    ]);
    expect(rows).toEqual([
      ['ds', 3, 1, 1, 16, 1, 112, 8],
      ['ir', 3, 2, 6, 24, 2, 112, 4],
      ['ir', 5, 2, 6, 40, 2, 56, 6],
      ['ir', 3, 2, 6, 80, 3, 28, 10],
      ['ir', 5, 1, 6, 112, 3, 14, 20],
      ['ir', 5, 2, 6, 192, 4, 14, 28],
      ['ir', 3, 1, 6, 320, 1, 7, 48],
    ]);
    expect(net.stages[6].outputResolution).toBe(7);
  });

  it('reduces SE from the block input: in/4 while acting on the expanded tensor', () => {
    for (const b of net.blocks.filter((x) => x.attn))
      expect(b.attn!.width).toBe(Math.max(1, Math.round(b.inChannels / 4)));
    expect(net.blocks[1]).toMatchObject({
      inChannels: 16,
      midChannels: 96,
      attn: { width: 4, act: 'swish', gate: 'sigmoid' },
    });
  });

  it('scales to the compound-scaling table widths and repeats (B3, B7)', () => {
    const b3 = stagesOf(getModel('efficientnet_b3').spec);
    expect(b3.map((s) => s.outChannels)).toEqual([24, 32, 48, 96, 136, 232, 384]);
    expect(b3.map((s) => s.repeats)).toEqual([2, 3, 3, 5, 5, 6, 2]);
    const b7 = resolveCnn(cnn('efficientnet_b7'));
    expect([b7.stem.outChannels, b7.head.features]).toEqual([64, 2560]);
    expect(b7.stages.map((s) => s.repeats)).toEqual([4, 7, 7, 10, 10, 13, 4]);
  });
});

describe('MobileNetV3 stages (paper Tables 1–2)', () => {
  const large = resolveCnn(cnn('mobilenetv3_large_100'));
  const small = resolveCnn(cnn('mobilenetv3_small_100'));

  it("has Large's expanded widths, kernels, strides, activations and SE widths block by block", () => {
    const body = large.blocks.filter((b) => b.type !== 'cn');
    expect(body.map((b) => b.midChannels)).toEqual([
      16, 64, 72, 72, 120, 120, 240, 200, 184, 184, 480, 672, 672, 960, 960,
    ]);
    expect(body.map((b) => b.outChannels)).toEqual([16, 24, 24, 40, 40, 40, 80, 80, 80, 80, 112, 112, 160, 160, 160]);
    expect(body.map((b) => b.kernel)).toEqual([3, 3, 3, 5, 5, 5, 3, 3, 3, 3, 3, 3, 5, 5, 5]);
    expect(body.map((b) => b.stride)).toEqual([1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1]);
    expect(body.map((b) => (b.act === 'relu' ? 'RE' : 'HS'))).toEqual([
      'RE',
      'RE',
      'RE',
      'RE',
      'RE',
      'RE',
      'HS',
      'HS',
      'HS',
      'HS',
      'HS',
      'HS',
      'HS',
      'HS',
      'HS',
    ]);
    expect(body.map((b) => b.attn?.width ?? 0)).toEqual([0, 0, 0, 24, 32, 32, 0, 0, 0, 0, 120, 168, 168, 240, 240]);
    for (const b of body.filter((x) => x.attn)) expect(b.attn).toMatchObject({ act: 'relu', gate: 'hard_sigmoid' });
  });

  it("groups Large into timm's 7 stages with the multi-string rows kept apart", () => {
    expect(large.stages.map((s) => s.repeats)).toEqual([1, 2, 3, 4, 2, 3, 1]);
    expect(large.stages[3].rows.map((r) => [r.expansion, r.repeats, r.midChannels])).toEqual([
      [6, 1, 240],
      [2.5, 1, 200],
      [2.3, 2, 184],
    ]);
    expect(large.stages.map((s) => s.inputResolution)).toEqual([112, 112, 56, 28, 14, 14, 7]);
  });

  it('ends Large with a 1×1 960 block, pooling before a biased 1280 head conv', () => {
    expect(large.blocks[large.blocks.length - 1]).toMatchObject({ type: 'cn', outChannels: 960, kernel: 1 });
    expect(large.head).toMatchObject({ kind: 'efficient', features: 1280, size: 1 });
    const a = analyze(buildModel('mobilenetv3_large_100'));
    const head = a.layers.find((l) => l.scope === 'conv_head')!;
    expect(head.inputDims[0]).toEqual([1, 960, 1, 1]);
    expect(head.macs).toBe(960 * 1280);
    expect(head.params).toBe(960 * 1280 + 1280);
  });

  it("has Small's expanded and SE widths", () => {
    const body = small.blocks.filter((b) => b.type !== 'cn');
    expect(body.map((b) => b.midChannels)).toEqual([16, 72, 88, 96, 240, 240, 120, 144, 288, 576, 576]);
    expect(body.map((b) => b.attn?.width ?? 0)).toEqual([8, 0, 0, 24, 64, 64, 32, 40, 72, 144, 144]);
    expect(small.head.features).toBe(1024);
  });

  it('keeps the 16-channel stem below width 0.75 and scales it from 0.75 up', () => {
    expect(resolveCnn(cnn('mobilenetv3_small_050')).stem.outChannels).toBe(16);
    expect(resolveCnn(cnn('mobilenetv3_small_075')).stem.outChannels).toBe(16);
    expect(resolveCnn({ ...cnn('mobilenetv3_large_100'), width: 1.5 }).stem.outChannels).toBe(24);
  });
});

describe('padding and tokens', () => {
  it('pads symmetrically for PyTorch models and asymmetrically (extra bottom/right) for TF SAME', () => {
    expect(convPads(224, 3, 2, 'symmetric')).toEqual([1, 1, 1, 1]);
    expect(convPads(224, 3, 2, 'same')).toEqual([0, 0, 1, 1]);
    expect(convPads(112, 5, 2, 'same')).toEqual([1, 1, 2, 2]);
    expect(convPads(65, 3, 2, 'same')).toEqual([1, 1, 1, 1]);
    expect(convPads(14, 5, 1, 'same')).toEqual([2, 2, 2, 2]);
  });

  it('writes those pads into the tf_ graphs', () => {
    const stem = buildModel('tf_mobilenetv3_large_100').nodes.find((n) => n.scope === 'conv_stem')!;
    expect(stem.attrs.pads).toEqual({ type: 'ints', value: [0, 0, 1, 1] });
    const pt = buildModel('mobilenetv3_large_100').nodes.find((n) => n.scope === 'conv_stem')!;
    expect(pt.attrs.pads).toEqual({ type: 'ints', value: [1, 1, 1, 1] });
  });

  it('gives ViT-B/16 at 224 197 tokens and 2·N²·D attention MACs per block', () => {
    expect(
      vitTokens({
        kind: 'vit',
        family: 'ViT',
        patch: 16,
        dim: 768,
        depth: 12,
        heads: 12,
        mlpRatio: 4,
        resolution: 224,
        numClasses: 1000,
      }),
    ).toBe(197);
    const a = analyze(buildModel('vit_base_patch16_224'));
    const mm = a.layers.filter((l) => l.scope === 'blocks.0.attn' && l.opType === 'MatMul');
    expect(mm.reduce((s, l) => s + l.macs, 0)).toBe(2 * 197 * 197 * 768);
  });
});
