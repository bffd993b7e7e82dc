import { describe, expect, it } from 'vitest';
import { convCost, convProblem, type ConvLayer } from '~/lib/viz/lessons/conv-cost.ts';
import { convDiagramLayout, spatialPx, channelPx } from '~/lib/viz/lessons/conv-cost-layout.ts';
import { formatBytes, formatCompact, formatInt } from '~/lib/viz/charts/number-format.ts';
import { convLayerFromProps } from '~/components/lesson/conv-layer-props.ts';

const base: ConvLayer = { h: 112, w: 112, cin: 32, cout: 32, k: 3, stride: 1, groups: 1, padding: 'same', bias: false };

describe('convolution cost', () => {
  it('counts a 3×3 depthwise conv on 112×112×32 as 3,612,672 MACs and 288 weights', () => {
    const c = convCost({ ...base, groups: 32 });
    expect(c.macs).toBe(112 * 112 * 32 * 9);
    expect(c.macs).toBe(3_612_672);
    expect(c.params).toBe(288);
  });

  it('keeps the size with same padding at stride 1 and rounds up at stride 2', () => {
    expect(convCost(base)).toMatchObject({ hOut: 112, wOut: 112, pad: 1 });
    expect(convCost({ ...base, h: 7, w: 7, stride: 2 })).toMatchObject({ hOut: 4, wOut: 4 });
    expect(convCost({ ...base, k: 5, h: 15, w: 15, stride: 2 })).toMatchObject({ hOut: 8, pad: 2 });
  });

  it('trims k − 1 rows with valid padding', () => {
    expect(convCost({ ...base, k: 5, padding: 'valid' })).toMatchObject({ hOut: 108, wOut: 108, pad: 0 });
  });

  it('counts a 1×1 pointwise conv 32→64 at 112×112 as 25,690,112 MACs', () => {
    const c = convCost({ ...base, k: 1, cout: 64 });
    expect(c.macs).toBe(112 * 112 * 64 * 32);
    expect(c.params).toBe(2048);
  });

  it('adds one bias per output channel to params but nothing to MACs', () => {
    const a = convCost(base);
    const b = convCost({ ...base, bias: true });
    expect(b.params - a.params).toBe(32);
    expect(b.macs).toBe(a.macs);
  });

  it('explains invalid layers instead of computing nonsense', () => {
    expect(convProblem({ ...base, groups: 3 })).toMatch(/groups \(3\) must divide the input channels \(32\)/);
    expect(convProblem({ ...base, cout: 30, groups: 4, cin: 32 })).toMatch(/output channels \(30\)/);
    expect(convProblem({ ...base, k: 7, h: 2, w: 2, padding: 'valid' })).toMatch(/larger than the padded/);
    expect(convProblem({ ...base, h: 0 })).toMatch(/h must be between 1 and 1024/);
    expect(convProblem({ ...base, k: 2.5 })).toMatch(/whole number/);
    expect(() => convCost({ ...base, groups: 5 })).toThrow(RangeError);
  });
});

describe('convolution diagram layout', () => {
  it('scales sizes logarithmically and monotonically', () => {
    expect(spatialPx(1)).toBe(14);
    expect(spatialPx(1024)).toBeCloseTo(120);
    expect(spatialPx(224)).toBeGreaterThan(spatialPx(112));
    expect(channelPx(4096)).toBeCloseTo(64);
  });

  it('places input, filter and output left to right inside the viewBox, labelled with true sizes', () => {
    const layer = { ...base, cout: 64, stride: 2 };
    const layout = convDiagramLayout(layer, convCost(layer));
    const [input, kernel, output] = layout.boxes;
    expect(input.x + input.w).toBeLessThan(kernel.x);
    expect(kernel.x + kernel.w).toBeLessThan(output.x);
    expect(output.x + output.w + output.dx).toBeLessThanOrEqual(layout.width);
    expect([input.label, kernel.label, output.label]).toEqual(['112×112×32', '3×3×32', '56×56×64']);
    expect(output.h).toBeLessThan(input.h);
    const [, top] = layout.viewBox.split(' ').map(Number);
    for (const b of layout.boxes) expect(b.y - b.dy).toBeGreaterThanOrEqual(top);
  });
});

describe('number formatting', () => {
  it('formats exact, compact and byte figures', () => {
    expect(formatInt(3612672)).toBe('3,612,672');
    expect(formatCompact(3_612_672)).toBe('3.61 M');
    expect(formatCompact(300_000_000)).toBe('300 M');
    expect(formatCompact(2_000_000_000)).toBe('2 G');
    expect(formatCompact(999)).toBe('999');
    expect(formatBytes(401_408)).toBe('392 KiB');
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('lesson component props', () => {
  it('fills defaults and accepts valid props', () => {
    expect(convLayerFromProps('X', { k: 5 })).toMatchObject({ k: 5, h: 56, cin: 64 });
  });

  it('names the component, the prop, what it received and what it expected', () => {
    expect(() => convLayerFromProps('ConvCostWidget', { k: '3' })).toThrow(
      '<ConvCostWidget> prop "k" expects a whole number from 1 to 11; received "3"',
    );
    expect(() => convLayerFromProps('ConvFigure', { padding: 'full' })).toThrow(
      /prop "padding" expects one of "same", "valid"; received "full"/,
    );
    expect(() => convLayerFromProps('ConvFigure', { cin: 30, groups: 4 })).toThrow(/invalid convolution: groups \(4\)/);
  });
});
