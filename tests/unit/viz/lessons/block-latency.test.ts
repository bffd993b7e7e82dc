import { describe, expect, it } from 'vitest';
import { analyze, runGraph, type Tensor } from '~/lib/engine/index.ts';
import { buildFromSpec, buildModel, materialize, mnasnetSpec, referenceInput } from '~/lib/models/index.ts';
import {
  disagreement,
  latencyUnits,
  median,
  quantile,
  spearman,
  summariseRounds,
  unitGraph,
  type LatencyUnit,
} from '~/lib/viz/lessons/block-latency.ts';
import { clipLine, latencyChart } from '~/lib/viz/lessons/block-latency-chart.ts';

describe('cutting a zoo model into pieces to time', () => {
  const g = buildModel('semnasnet_100');
  const a = analyze(g);

  it('has a stem, one piece per block of MnasNet-A1 (1+2+3+4+2+3+1 = 16, Fig. 7) and a head', () => {
    const units = latencyUnits(g, a, 'semnasnet_100', 'block');
    expect(units).toHaveLength(18);
    expect(units[0].kind).toBe('stem');
    expect(units[17].kind).toBe('head');
    expect(units.slice(1, 17).map((u) => u.scope)).toEqual([
      'blocks.0.0',
      'blocks.1.0',
      'blocks.1.1',
      'blocks.2.0',
      'blocks.2.1',
      'blocks.2.2',
      'blocks.3.0',
      'blocks.3.1',
      'blocks.3.2',
      'blocks.3.3',
      'blocks.4.0',
      'blocks.4.1',
      'blocks.5.0',
      'blocks.5.1',
      'blocks.5.2',
      'blocks.6.0',
    ]);
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length);
  });

  it('partitions every node, MAC and parameter exactly, at both levels', () => {
    const ops = g.nodes.filter((n) => n.opType !== 'Constant').map((n) => n.name);
    for (const level of ['block', 'layer'] as const) {
      const units = latencyUnits(g, a, 'semnasnet_100', level);
      expect(units.flatMap((u) => u.nodes)).toEqual(ops);
      expect(units.reduce((s, u) => s + u.macs, 0)).toBe(a.macs);
      expect(units.reduce((s, u) => s + u.params, 0)).toBe(a.params);
    }
  });

  it('splits an SE block into expand, depthwise, SE and project; a 5×5 depthwise has 72·28²·25 MACs', () => {
    const parts = latencyUnits(g, a, 'semnasnet_100', 'layer').filter((u) => u.scope === 'blocks.2.0');
    expect(parts.map((u) => u.label)).toEqual([
      'blocks.2.0 expand 1×1',
      'blocks.2.0 depthwise 5×5',
      'blocks.2.0 se',
      'blocks.2.0 project 1×1',
    ]);
    expect(parts.map((u) => u.kind)).toEqual(['pointwise', 'depthwise', 'se', 'pointwise']);
    // Input 24 channels at 56² (stage 2 of A1), expansion 3 → 72; stride 2 → 28².
    expect(parts[1].macs).toBe(72 * 28 * 28 * 25);
    expect(parts[0].macs).toBe(24 * 72 * 56 * 56);
  });

  it('a residual block reads its input twice but takes it as one graph input', () => {
    const b = latencyUnits(g, a, 'semnasnet_100', 'block').find((u) => u.scope === 'blocks.1.1')!;
    expect(b.inputs.map((i) => [i.name, i.dims])).toEqual([['blocks.1.0.bn3', [1, 24, 56, 56]]]);
    expect(b.outputs.map((o) => o.dims)).toEqual([[1, 24, 56, 56]]);
  });

  it("running the pieces one after another gives the whole model's output, bit for bit", () => {
    const small = materialize(buildFromSpec(mnasnetSpec('a1', 0.5), { resolution: 32 }), 0);
    const input = referenceInput(32);
    const whole = runGraph(small, { [small.inputs[0].name]: input });
    for (const level of ['block', 'layer'] as const) {
      const values = new Map<string, Tensor>([[small.inputs[0].name, input]]);
      for (const u of latencyUnits(small, analyze(small), 'a1', level)) {
        const sub = unitGraph(small, u);
        expect(sub.declared).toBeUndefined();
        const out = runGraph(sub, Object.fromEntries(u.inputs.map((i) => [i.name, values.get(i.name)!])));
        for (const o of u.outputs) values.set(o.name, out[o.name]);
      }
      const name = small.outputs[0].name;
      expect(Array.from(values.get(name)!.data as Float32Array)).toEqual(Array.from(whole[name].data as Float32Array));
    }
  });
});

describe('summarising repeated timings', () => {
  it('median and type-7 quantiles as numpy computes them', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
    // numpy.quantile([1, 2, 3, 4], 0.25) = 1.75
    expect(quantile([4, 3, 2, 1], 0.25)).toBeCloseTo(1.75, 12);
  });

  it("takes unit u's time from column u of every round and drops bad samples", () => {
    const s = summariseRounds(
      [{ key: 'a' }, { key: 'b' }],
      [
        [1, 10],
        [3, NaN],
        [2, 30],
        [100, -1],
      ],
    );
    expect(s[0]).toMatchObject({ key: 'a', medianMs: 2.5, runs: 4 });
    expect(s[1]).toMatchObject({ key: 'b', medianMs: 20, runs: 2 });
  });

  it('Spearman ρ: 1 for any increasing relation, −1 for decreasing, ties share ranks', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // ranks x = 1,2,3 ; y = 1.5,1.5,3 → ρ = Pearson of the ranks = √3/2
    expect(spearman([1, 2, 3], [5, 5, 9])).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });
});

const unit = (key: string, macs: number, kind: LatencyUnit['kind'] = 'block'): LatencyUnit => ({
  key,
  model: 'm',
  level: 'block',
  kind,
  scope: key,
  label: key,
  stage: 0,
  nodes: [],
  macs,
  params: 0,
  inputs: [],
  outputs: [],
});

describe('where MACs and latency disagree', () => {
  it("compares each piece's time per MAC with the overall rate", () => {
    // Overall: 8 ms over 4 M MACs = 2 ms per M. a: 1 ms / 1 M → ×0.5 (fast); b: 1 ms/2 M → ×0.25; c: 6 ms / 1 M → ×3 (slow).
    const units = [unit('a', 1e6), unit('b', 2e6), unit('c', 1e6, 'depthwise')];
    const t = [1, 1, 6].map((ms, i) => ({ key: units[i].key, medianMs: ms, q1Ms: ms, q3Ms: ms, runs: 1 }));
    const d = disagreement(units, t);
    expect(d.map((p) => p.ratio)).toEqual([0.5, 0.25, 3]);
    expect(d.map((p) => p.verdict)).toEqual(['fast', 'fast', 'slow']);
    expect(disagreement(units, t, 4).map((p) => p.verdict)).toEqual(['as-predicted', 'fast', 'as-predicted']);
  });

  it('plots one circle per piece with MACs, slow ones last (on top), inside the frame', () => {
    const units = [unit('a', 1e6), unit('b', 2e7), unit('c', 1e6, 'depthwise'), unit('d', 0)];
    const t = [0.1, 1, 2, 0.5].map((ms, i) => ({ key: units[i].key, medianMs: ms, q1Ms: ms, q3Ms: ms, runs: 1 }));
    const s = latencyChart(disagreement(units, t), { models: ['m'], width: 600, height: 300 });
    const circles = s.marks.filter((m) => m.kind === 'circle');
    expect(circles.map((c) => c.key)).toEqual(['pt:a', 'pt:b', 'pt:c']);
    expect(circles[2].class).toContain('bl-slow');
    for (const c of circles) {
      if (c.kind !== 'circle') continue;
      expect(c.cx).toBeGreaterThanOrEqual(0);
      expect(c.cx).toBeLessThanOrEqual(600);
      expect(c.cy).toBeGreaterThanOrEqual(0);
      expect(c.cy).toBeLessThanOrEqual(300);
    }
    // Higher MACs further right, longer time higher up (smaller y).
    const [ca, cb] = circles as { cx: number; cy: number }[];
    expect(cb.cx).toBeGreaterThan(ca.cx);
    expect(cb.cy).toBeLessThan(ca.cy);
    expect(new Set(s.marks.map((m) => m.key)).size).toBe(s.marks.length);
  });

  it('gives pieces that all sit on one power of ten a decade of axis, ticked at both ends', () => {
    const units = [unit('a', 1e6), unit('b', 1e6)];
    const t = units.map((u) => ({ key: u.key, medianMs: 1, q1Ms: 1, q3Ms: 1, runs: 1 }));
    const s = latencyChart(disagreement(units, t), { models: ['m'], width: 600, height: 300 });
    const ticks = s.marks.flatMap((m) =>
      m.kind === 'text' && m.class === 'bl-tick' ? [[m.key, m.text, m.x, m.y]] : [],
    );
    expect(ticks).toEqual([
      ['xt6', '1 M', 66, 262],
      ['xt7', '10 M', 576, 262],
      ['yt0', '1 ms', 60, 256],
      ['yt1', '10 ms', 60, 16],
    ]);
  });

  it('clips y = kx to a box', () => {
    expect(clipLine(1, 1, 100, 10, 1000)).toEqual([10, 10, 100, 100]);
    expect(clipLine(1000, 1, 10, 1, 10)).toBeNull();
  });
});
