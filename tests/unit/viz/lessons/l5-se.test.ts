import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildModel } from '~/lib/models/index.ts';
import {
  blockSECost,
  isSELayer,
  modelSECost,
  percent,
  seBlockTex,
  seCostFromLayers,
} from '~/lib/viz/lessons/se-cost.ts';
import { seShareLayout, shareLabel } from '~/lib/viz/lessons/se-cost-layout.ts';
import { seBlockWidths, seWidths } from '~/lib/viz/lessons/se-widths.ts';
import { gateBars } from '~/lib/viz/lessons/gate-bars.ts';

describe('what squeeze-and-excitation costs, per stage', () => {
  it('recognises SE layers by their timm scope and nothing else', () => {
    expect(isSELayer('blocks.5.1.se.conv_reduce')).toBe(true);
    expect(isSELayer('blocks.5.1.se')).toBe(true);
    expect(isSELayer('blocks.5.1.conv_pwl')).toBe(false);
    expect(isSELayer('conv_head')).toBe(false);
  });

  it('counts one EfficientNet-B0 SE by hand: 2·C·C_r + C + C_r parameters and 2·C·C_r MACs', () => {
    // blocks.5.1: input 192 → expanded 1152, SE width round(192 · 0.25) = 48.
    const b = blockSECost(analyze(buildModel('efficientnet_b0')).layers, 'blocks.5.1');
    expect(b.channels).toBe(1152);
    expect(b.reduced).toBe(48);
    expect(b.seParams).toBe(2 * 1152 * 48 + 1152 + 48);
    expect(b.seMacs).toBe(2 * 1152 * 48);
    expect(seBlockTex(b)).toContain('2\\cdot 1152\\cdot 48 + 1152 + 48 = 111{,}792');
  });

  it('adds the stages and the rest of the model back up to the whole model', () => {
    const c = modelSECost('efficientnet_b0');
    expect(c.params).toBe(5_288_548);
    expect(c.stages).toHaveLength(7);
    expect(c.stages.map((s) => s.blocks)).toEqual([1, 2, 2, 3, 3, 4, 1]);
    expect(c.stages.reduce((s, x) => s + x.seParams, 0)).toBe(c.seParams);
    expect(c.stages.reduce((s, x) => s + x.params, 0)).toBeLessThan(c.params);
  });

  it('finds SE cheap in MACs but a real share of parameters, more of them in B7 than in B0', () => {
    const b0 = modelSECost('efficientnet_b0');
    const b7 = modelSECost('efficientnet_b7');
    expect(b0.seMacs / b0.macs).toBeLessThan(0.01);
    expect(b0.seParams / b0.params).toBeGreaterThan(0.1);
    expect(b7.seParams / b7.params).toBeGreaterThan(b0.seParams / b0.params);
  });

  it('gives MobileNetV3-Large a larger SE share of parameters than MnasNet-A1, whose gates are narrower', () => {
    const v3 = modelSECost('mobilenetv3_large_100');
    const a1 = modelSECost('semnasnet_100');
    expect(v3.seParams / v3.params).toBeGreaterThan(2 * (a1.seParams / a1.params));
  });

  it('reports no stages for layers outside blocks', () => {
    const c = seCostFromLayers('x', [
      {
        node: 'conv_stem',
        opType: 'Conv',
        scope: 'conv_stem',
        inputDims: [],
        outputDims: [],
        params: 10,
        macs: 100,
        activationBytes: 0,
      },
    ]);
    expect(c.stages).toEqual([]);
    expect(c.params).toBe(10);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBe(0);
  });
});

describe('SE widths per family (published.md §2.4)', () => {
  it('takes a quarter of the block input in EfficientNet-B0', () => {
    const rows = seWidths('efficientnet_b0');
    expect(rows.every((r) => r.basis === 'input' && r.seWidth === Math.round(r.inChannels / 4))).toBe(true);
    expect(rows.find((r) => r.stage === 1 && r.blocks === '0')).toMatchObject({
      inChannels: 16,
      midChannels: 96,
      seWidth: 4,
    });
  });

  it('takes a quarter of the expanded channels in MobileNetV3-Large, rounded to 8 and sometimes up', () => {
    const rows = seWidths('mobilenetv3_large_100');
    expect(rows.map((r) => [r.midChannels, r.seWidth])).toEqual([
      [72, 24],
      [120, 32],
      [480, 120],
      [672, 168],
      [672, 168],
      [960, 240],
    ]);
    expect(rows.every((r) => r.basis === 'expanded')).toBe(true);
  });

  it('merges consecutive blocks with the same widths into one row', () => {
    const rows = seWidths('semnasnet_100');
    expect(rows.find((r) => r.stage === 2 && r.blocks === '1–2')).toMatchObject({
      inChannels: 40,
      midChannels: 120,
      seWidth: 10,
    });
  });

  it('gives the same block shape a six times wider gate in MobileNetV3 than in MnasNet-A1', () => {
    const a1 = seBlockWidths('semnasnet_100', 'blocks.4.1');
    const v3 = seBlockWidths('mobilenetv3_large_100', 'blocks.4.1');
    expect([a1.inChannels, a1.midChannels]).toEqual([v3.inChannels, v3.midChannels]);
    expect(v3.seWidth / a1.seWidth).toBe(6);
    expect(() => seBlockWidths('mobilenetv3_large_100', 'blocks.1.0')).toThrow(/no squeeze-and-excitation/);
  });
});

describe('SE cost chart layout', () => {
  it('has one row per stage plus the whole model, with bars proportional to the shares', () => {
    const c = modelSECost('efficientnet_b0');
    const l = seShareLayout(c);
    expect(l.rows).toHaveLength(8);
    expect(l.rows[7].label).toBe('Total');
    for (const r of l.rows) expect(r.paramsW).toBeCloseTo((l.span * r.paramsPct) / 100, 0);
    expect(l.rows[7].y).toBeGreaterThan(l.rows[6].y + l.rowHeight);
  });

  it('never labels a share that is not zero "0 %", and gives shares one precision from 1 % up', () => {
    expect(shareLabel(1, 10_000)).toBe('0.010 %');
    expect(shareLabel(70, 10_000)).toBe('0.70 %'); // beside 0.56 %, not '0.7 %'
    expect(shareLabel(0, 10_000)).toBe('0 %');
    expect(shareLabel(120, 1000)).toBe('12.0 %');
    expect(shareLabel(276, 1000)).toBe('27.6 %');
  });
});

describe('gate bars', () => {
  it('draws bars from a zero baseline, up for positive values and down for negative ones', () => {
    const l = gateBars([1, -1, 0.5], { width: 300, height: 116, domain: [-1, 1] });
    expect(l.baseline).toBe(58);
    expect(l.bars[0]).toMatchObject({ y: 8, h: 50, negative: false });
    expect(l.bars[1]).toMatchObject({ y: 58, h: 50, negative: true });
    expect(l.bars[2].h).toBe(25);
  });

  it('gives every channel the same width and keeps bars inside the chart', () => {
    const l = gateBars(
      Array.from({ length: 32 }, (_, i) => i / 31),
      { width: 640, domain: [0, 1] },
    );
    expect(new Set(l.bars.map((b) => b.w)).size).toBe(1);
    expect(Math.max(...l.bars.map((b) => b.x + b.w))).toBeLessThanOrEqual(640);
    expect(l.bars[31].y).toBe(8);
  });

  it('clamps values outside a fixed domain and refuses an empty or reversed one', () => {
    expect(gateBars([2], { domain: [0, 1], height: 116 }).bars[0].h).toBe(100);
    expect(() => gateBars([])).toThrow(/at least one value/);
    expect(() => gateBars([1], { domain: [1, 0] })).toThrow(/increasing; received \[1, 0\]/);
  });

  it('puts the gate ticks at 0, ½ and 1', () => {
    expect(gateBars([0.5], { domain: [0, 1], ticks: [0, 0.5, 1], height: 116 }).ticks.map((t) => t.y)).toEqual([
      108, 58, 8,
    ]);
  });
});
