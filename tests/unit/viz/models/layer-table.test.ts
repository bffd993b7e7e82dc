import { describe, expect, it } from 'vitest';
import { modelLayerTable, opLabel } from '~/lib/viz/models/layer-table.ts';
import { formatField, formatShape, formatShare } from '~/lib/viz/models/layer-format.ts';
import type { LayerStats } from '~/lib/engine/index.ts';

const v2 = modelLayerTable('mobilenetv2_100');
const b0 = modelLayerTable('efficientnet_b0');
const vit = modelLayerTable('vit_tiny_patch16_224');

describe('layer table', () => {
  it('adds up to the engine analysis totals for MobileNetV2, EfficientNet-B0 and ViT-Ti', () => {
    for (const t of [v2, b0, vit]) {
      expect(t.totals.params).toBe(t.analysis.params);
      expect(t.totals.macs).toBe(t.analysis.macs);
      expect(t.totals.activationBytes).toBe(t.analysis.activationBytes);
    }
    expect(v2.totals.params).toBe(3_504_872);
  });

  it('puts every graph node in exactly one row, in graph order', () => {
    for (const t of [v2, b0, vit]) {
      const nodes = t.rows.flatMap((r) => r.nodes);
      expect(nodes).toEqual(t.graph.nodes.map((_, i) => i));
    }
  });

  it('merges a BatchNorm with its activation into one row, as timm’s BatchNormAct2d', () => {
    const bn = b0.rows.find((r) => r.name === 'blocks.1.0.bn1')!;
    expect(bn.op).toBe('BatchNorm2d + SiLU');
    expect(bn.params).toBe(2 * 96);
    expect(v2.rows.find((r) => r.name === 'bn1')!.op).toBe('BatchNorm2d + ReLU6');
  });

  it('describes the first MobileNetV2 depthwise conv: 3×3, stride 1, 32 groups, 32×112² in and out', () => {
    const dw = v2.rows.find((r) => r.name === 'blocks.0.0.conv_dw')!;
    expect(dw).toMatchObject({
      op: 'Conv2d (depthwise)',
      kind: 'depthwise',
      kernel: '3×3',
      stride: 1,
      groups: 32,
      params: 288,
      macs: 112 * 112 * 32 * 9,
    });
    expect(dw.input).toEqual([1, 32, 112, 112]);
    expect(dw.output).toEqual([1, 32, 112, 112]);
  });

  it('grows the receptive field by hand arithmetic: stem 3×3 s2 → 3 px, then a 3×3 depthwise at jump 2 → 7 px', () => {
    expect(v2.rows.find((r) => r.name === 'conv_stem')!.rf).toBe(3);
    expect(v2.rows.find((r) => r.name === 'blocks.0.0.conv_dw')!.rf).toBe(7);
    // blocks.1.0 dw is 3×3 stride 2 at jump 2: 7 + 2·2 = 11; its 1×1 convs leave it unchanged.
    expect(v2.rows.find((r) => r.name === 'blocks.1.0.conv_dw')!.rf).toBe(11);
    expect(v2.rows.find((r) => r.name === 'global_pool')!.rf).toBe('global');
  });

  it('classifies rows by kind, with BatchNorm following its conv and the classifier last', () => {
    expect(b0.rows.find((r) => r.name === 'blocks.1.0.bn1')!.kind).toBe('pointwise');
    expect(b0.rows.find((r) => r.name === 'blocks.1.0.se.conv_reduce')!.kind).toBe('attention-gate');
    expect(b0.rows.find((r) => r.name === 'conv_head')!.kind).toBe('head');
    expect(b0.rows[b0.rows.length - 1]).toMatchObject({ name: 'classifier', kind: 'classifier', op: 'Linear' });
    expect(vit.rows.find((r) => r.name === 'blocks.0.attn.qkv')!.kind).toBe('attention');
    expect(vit.rows.find((r) => r.name === 'pos_embed')!).toMatchObject({
      kind: 'other',
      op: 'Add (position embedding)',
      params: 197 * 192,
    });
  });

  it('assigns rows to stem, stages and head sections', () => {
    expect(v2.sections.map((s) => s.label)).toEqual([
      'stem',
      'stage 0',
      'stage 1',
      'stage 2',
      'stage 3',
      'stage 4',
      'stage 5',
      'stage 6',
      'head',
    ]);
    expect(v2.rows.find((r) => r.name === 'blocks.3.2.conv_pw')!.section).toBe(4);
    expect(v2.rows[0].section).toBe(0);
    expect(v2.rows[v2.rows.length - 1].section).toBe(8);
    expect(vit.sections).toHaveLength(14);
  });

  it('labels Sigmoid followed by Mul as SiLU and a lone Sigmoid as Sigmoid', () => {
    const l = (opType: string): LayerStats => ({
      node: opType,
      opType,
      scope: 's',
      inputDims: [],
      outputDims: [],
      params: 0,
      macs: 0,
      activationBytes: 0,
    });
    expect(opLabel([l('Sigmoid'), l('Mul')])).toBe('SiLU');
    expect(opLabel([l('Sigmoid')])).toBe('Sigmoid');
    expect(opLabel([l('BatchNormalization'), l('HardSwish')])).toBe('BatchNorm2d + Hardswish');
  });

  it('formats shapes, fields and shares for the cells', () => {
    expect(formatShape([1, 32, 112, 112])).toBe('32×112²');
    expect(formatShape([1, 32, 56, 28])).toBe('32×56×28');
    expect(formatShape([197, 192])).toBe('197×192');
    expect(formatField(35)).toBe('35 px');
    expect(formatField('global')).toBe('global');
    expect(formatShare(1, 4)).toBe('25.0 %');
    expect(formatShare(1, 10_000)).toBe('0.010 %');
    expect(formatShare(0, 10)).toBe('0 %');
  });
});
