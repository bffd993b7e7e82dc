import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildModel } from '~/lib/models/index.ts';
import {
  EXPANSION_STEPS,
  MOBILENETV2_BLOCK_3_1,
  expansionCost,
  expansionSeries,
  expansionTex,
  paperMacs,
  singleBlockSpec,
} from '~/lib/viz/lessons/expansion-cost.ts';
import { bottleneckLayout, slabHeight } from '~/lib/viz/lessons/bottleneck-layout.ts';

const shape = MOBILENETV2_BLOCK_3_1;

describe('expansion costs of an inverted residual block', () => {
  it('measures MobileNetV2 blocks.3.1 at t = 6 exactly as the whole zoo model counts that block', () => {
    const c = expansionCost(shape, 6);
    const layers = analyze(buildModel('mobilenetv2_100')).layers.filter(
      (l) => l.scope === 'blocks.3.1' || l.scope.startsWith('blocks.3.1.'),
    );
    expect(c.macs).toBe(layers.reduce((s, l) => s + l.macs, 0));
    expect(c.params).toBe(layers.reduce((s, l) => s + l.params, 0));
    expect(c.mid).toBe(384);
    expect(c.residual).toBe(true);
  });

  it('splits the MACs into expand, depthwise and project as the cost formula gives them by hand', () => {
    const c = expansionCost(shape, 6);
    expect(c.layers.map((l) => l.role)).toEqual(['expand', 'depthwise', 'project']);
    expect(c.layers[0].macs).toBe(14 * 14 * 64 * 384);
    expect(c.layers[1].macs).toBe(14 * 14 * 384 * 9);
    expect(c.layers[2].macs).toBe(14 * 14 * 384 * 64);
    // Conv weights plus BatchNorm γ, β: 64·384 + 2·384, 9·384 + 2·384, 384·64 + 2·64.
    expect(c.params).toBe(64 * 384 + 768 + 9 * 384 + 768 + 384 * 64 + 128);
  });

  it('agrees with the paper closed form h·w·d′·t·(d′ + k² + d″) whenever t·d′ is already a multiple of 8', () => {
    for (const t of EXPANSION_STEPS) expect(expansionCost(shape, t).macs).toBe(paperMacs(shape, t));
  });

  it('rounds the expanded width with make_divisible, as timm does, when t·d′ is not a multiple of 8', () => {
    const odd = { ...shape, inChannels: 24, outChannels: 24 };
    // 24 · 2.5 = 60 → 64 (nearest multiple of 8, rounding half up); 24 · 3.5 = 84 → 88.
    expect(expansionCost(odd, 2.5).mid).toBe(64);
    expect(expansionCost(odd, 3.5).mid).toBe(88);
    expect(expansionCost(odd, 2.5).macs).toBeGreaterThan(paperMacs(odd, 2.5));
  });

  it('grows MACs, parameters and the expanded tensor linearly with t while the input stays the same size', () => {
    const s = expansionSeries(shape, [2, 4, 8]);
    expect(s[1].macs / s[0].macs).toBeCloseTo(2, 10);
    expect(s[2].expandedBytes / s[0].expandedBytes).toBe(4);
    expect(new Set(s.map((c) => c.inputBytes)).size).toBe(1);
    expect(s[0].inputBytes).toBe(64 * 14 * 14 * 4);
    expect(s[2].expandedBytes).toBe(512 * 14 * 14 * 4);
  });

  it('puts the naive peak at the depthwise step: held input, expanded tensor and depthwise output together', () => {
    const c = expansionCost(shape, 6);
    expect(c.peakBytes).toBe(c.inputBytes + 2 * c.expandedBytes);
  });

  it('refuses an expansion ratio outside 1 to 16 with the value it received', () => {
    expect(() => singleBlockSpec(shape, 0.5)).toThrow(/from 1 to 16; received 0.5/);
  });

  it('writes the live KaTeX with the step numbers and thousands separators KaTeX keeps together', () => {
    const tex = expansionTex(shape, expansionCost(shape, 6));
    expect(tex).toContain('14^2\\cdot 64\\cdot 384');
    expect(tex).toContain('= 10{,}311{,}168');
  });
});

describe('bottleneck diagram layout', () => {
  const input = {
    inChannels: 64,
    mid: 384,
    outChannels: 64,
    inSize: 14,
    outSize: 14,
    kernel: 3,
    residual: true,
    maxChannels: 640,
  };

  it('draws slab heights in proportion to channels', () => {
    const l = bottleneckLayout(input);
    const [inp, exp, dw, out] = l.slabs;
    expect(exp.h / inp.h).toBeCloseTo(6, 1);
    expect(dw.h).toBe(exp.h);
    expect(out.h).toBe(inp.h);
    expect(slabHeight(640, 640)).toBe(170);
  });

  it('centres every slab on the same line and orders them left to right', () => {
    const l = bottleneckLayout(input);
    const centres = l.slabs.map((s) => s.y + s.h / 2);
    for (const c of centres) expect(c).toBeCloseTo(centres[0], 0);
    const xs = l.slabs.map((s) => s.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('marks the input and the projected output linear, and the expanded tensors not', () => {
    expect(bottleneckLayout(input).slabs.map((s) => s.linear)).toEqual([true, false, false, true]);
  });

  it('draws the residual arc above the tallest slab, and none without a skip', () => {
    const l = bottleneckLayout(input);
    const top = Math.min(...l.slabs.map((s) => s.y));
    const ys = [...l.residual!.matchAll(/H[\d.]+|[VQ,]([\d.]+)/g)]
      .map((m) => Number(m[1]))
      .filter((v) => !Number.isNaN(v));
    expect(Math.min(...ys)).toBeLessThan(top);
    expect(bottleneckLayout({ ...input, residual: false }).residual).toBeNull();
  });

  it('labels the three convolutions and says the projection is linear', () => {
    expect(bottleneckLayout(input).edges.map((e) => `${e.op} ${e.detail}`)).toEqual([
      'expand 1×1 + ReLU6',
      'depthwise 3×3 + ReLU6',
      'project 1×1, linear',
    ]);
  });
});

describe('display math rendered by components', () => {
  it('renders KaTeX with the display block keyboard-reachable, since it may scroll sideways', async () => {
    const { displayMath, DISPLAY_LABEL } = await import('~/lib/viz/charts/display-math.ts');
    const html = displayMath(expansionTex(shape, expansionCost(shape, 6)));
    expect(html).toContain(`<span class="katex-display" tabindex="0" role="group" aria-label="${DISPLAY_LABEL}">`);
    expect(html).not.toContain('katex-error');
    expect(() => displayMath('\\frac{')).toThrow();
  });
});
