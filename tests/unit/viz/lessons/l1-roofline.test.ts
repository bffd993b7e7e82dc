import { describe, expect, it } from 'vitest';
import { analyze, type LayerStats } from '~/lib/engine/index.ts';
import { buildModel } from '~/lib/models/index.ts';
import {
  layerKind,
  layerTraffic,
  modelTraffic,
  rooflineSummary,
  rooflineTime,
  type LayerTraffic,
} from '~/lib/viz/lessons/roofline.ts';
import { BALANCES, layerTex, rooflineChart } from '~/lib/viz/lessons/roofline-chart.ts';

const v2 = modelTraffic(analyze(buildModel('mobilenetv2_100')));
const byNode = (n: string) => v2.find((l) => l.node === n)!;

const stats = (over: Partial<LayerStats>): LayerStats => ({
  node: 'n',
  opType: 'Conv',
  scope: 'blocks.1.1.conv_dw',
  inputDims: [
    [1, 144, 56, 56],
    [144, 1, 3, 3],
  ],
  outputDims: [[1, 144, 56, 56]],
  kernel: [3, 3],
  stride: [1, 1],
  group: 144,
  params: 1296,
  macs: 56 * 56 * 144 * 9,
  activationBytes: 4 * 56 * 56 * 144,
  ...over,
});

describe('layer traffic', () => {
  it('classifies layers by shape and scope', () => {
    expect(layerKind(stats({}))).toBe('depthwise');
    expect(
      layerKind(
        stats({
          group: 1,
          kernel: [1, 1],
          scope: 'blocks.1.1.conv_pw',
          inputDims: [
            [1, 24, 56, 56],
            [144, 24, 1, 1],
          ],
        }),
      ),
    ).toBe('pointwise');
    expect(layerKind(stats({ group: 1, scope: 'blocks.2.0.conv_exp' }))).toBe('conv');
    expect(layerKind(stats({ group: 1, kernel: [1, 1], scope: 'blocks.2.0.se.conv_reduce' }))).toBe('se');
    expect(layerKind(stats({ group: 1, scope: 'conv_stem' }))).toBe('stem');
    expect(layerKind(stats({ opType: 'Gemm', scope: 'classifier' }))).toBe('linear');
  });

  it('moves input, weights and output once, as float32', () => {
    const t = layerTraffic(stats({}));
    expect(t.inputBytes).toBe(4 * 56 * 56 * 144);
    expect(t.weightBytes).toBe(4 * 144 * 9);
    expect(t.outputBytes).toBe(4 * 56 * 56 * 144);
    expect(t.intensity).toBeCloseTo((56 * 56 * 144 * 9) / (4 * (2 * 56 * 56 * 144 + 144 * 9)), 12);
  });

  it('finds every MobileNetV2 layer with MACs, and depthwise layers near one MAC per byte', () => {
    expect(v2).toHaveLength(53); // stem, 17 × (dw + pwl) + 16 expansions, head, classifier
    expect(v2.reduce((s, l) => s + l.macs, 0)).toBe(300_774_272);
    for (const l of v2.filter((x) => x.kind === 'depthwise')) expect(l.intensity).toBeLessThan(1.2);
    expect(byNode('blocks.1.1.conv_pw').intensity).toBeGreaterThan(3 * byNode('blocks.1.1.conv_dw').intensity);
  });
});

describe('the roofline', () => {
  it('takes the slower of compute and memory', () => {
    expect(rooflineTime({ macs: 100, bytes: 10 }, 5)).toBe(100);
    expect(rooflineTime({ macs: 100, bytes: 10 }, 20)).toBe(200);
    expect(() => rooflineTime({ macs: 1, bytes: 1 }, 0)).toThrow(/positive/);
  });

  it('gives depthwise layers a larger share of time than of MACs once they are memory-bound', () => {
    const s = rooflineSummary(v2, 8);
    const dw = s.kinds.find((k) => k.kind === 'depthwise')!;
    expect(dw.layers).toBe(17);
    expect(dw.memoryBound).toBe(17);
    expect(dw.timeShare).toBeGreaterThan(3 * dw.macShare);
    expect(s.kinds.reduce((a, k) => a + k.macShare, 0)).toBeCloseTo(1, 12);
    expect(s.kinds.reduce((a, k) => a + k.timeShare, 0)).toBeCloseTo(1, 12);
  });

  it('predicts time equal to MACs on a device with bandwidth to spare', () => {
    const s = rooflineSummary(v2, 0.01);
    expect(s.memoryBoundLayers).toBe(0);
    expect(s.slowdown).toBe(1);
  });

  it('counts memory-bound layers strictly below the balance', () => {
    const two: LayerTraffic[] = [
      { ...byNode('blocks.1.1.conv_dw'), intensity: 2, macs: 20, bytes: 10 },
      { ...byNode('blocks.1.1.conv_pw'), intensity: 4, macs: 40, bytes: 10 },
    ];
    expect(rooflineSummary(two, 2).memoryBoundLayers).toBe(0);
    expect(rooflineSummary(two, 3).memoryBoundLayers).toBe(1);
  });
});

describe('the chart layout', () => {
  it('puts memory-bound dots left of the ridge and higher MACs higher up', () => {
    const c = rooflineChart(v2, 8);
    for (const d of c.dots) {
      if (d.memoryBound) expect(d.x).toBeLessThan(c.ridgeX);
      else expect(d.x).toBeGreaterThanOrEqual(c.ridgeX);
    }
    const head = c.dots.find((d) => d.node === 'conv_head')!;
    const small = c.dots.find((d) => d.node === 'blocks.0.0.conv_dw')!;
    expect(byNode('conv_head').macs).toBeGreaterThan(byNode('blocks.0.0.conv_dw').macs);
    expect(head.y).toBeLessThan(small.y);
  });

  it('fills each bar with the shares of the kinds, end to end', () => {
    const c = rooflineChart(v2, BALANCES[3]);
    for (const b of c.bars) {
      const last = b.segments[b.segments.length - 1];
      expect(b.segments[0].x).toBe(c.plot.left);
      expect(last.x + last.width).toBeCloseTo(c.plot.right, 6);
    }
  });

  it('moves the ridge right as the balance grows and keeps it inside the plot', () => {
    const xs = BALANCES.map((b) => rooflineChart(v2, b).ridgeX);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
    const c = rooflineChart(v2, 1e6);
    expect(c.ridgeX).toBe(c.plot.right);
  });

  it('writes the live formula with the layer’s numbers and verdict', () => {
    const t = layerTex(byNode('blocks.1.1.conv_dw'), 8);
    expect(t).toContain('\\frac{4{,}064{,}256}{3{,}617{,}856} = 1.12');
    expect(t).toContain('memory-bound');
    expect(layerTex(byNode('blocks.1.1.conv_dw'), 1)).toContain('compute-bound');
  });
});
