/**
 * Lesson 5's gates-per-class figure (class-gates-layout.ts): channel picking, cells relative to the
 * all-image mean, one dot per run and block placed by η², one heatmap cell per class × channel.
 */
import { describe, expect, it } from 'vitest';
import type { BlockGates } from '~/lib/family/class-gates.ts';
import {
  PICKED_CHANNELS,
  classGatesFigure,
  classGatesReadouts,
  heatmapScene,
  initialGatesState,
  specificityScene,
} from '~/lib/viz/lessons/class-gates-layout.ts';

function block(scope: string, C: number, eta: (c: number) => number, shift: number): BlockGates {
  const mean = Array.from({ length: C }, (_, c) => 0.5 + c / 1000);
  const classMeans = [0, 1].map((k) => mean.map((m, c) => m + (k ? shift : -shift) * eta(c)));
  const eta2 = mean.map((_, c) => eta(c));
  return { scope, channels: C, classMeans, mean, eta2, specificity: eta2.reduce((a, v) => a + v, 0) / C };
}

const trained = [
  block('blocks.0.0', 8, () => 0.1, 0.01),
  block('blocks.1.0', 40, (c) => (c % 5 === 0 ? 0.9 : 0.2), 0.1),
];
const untrained = [block('blocks.0.0', 8, () => 0.02, 0.001), block('blocks.1.0', 40, () => 0.03, 0.002)];
const fig = classGatesFigure(
  'tiny_x',
  100,
  ['a', 'b'],
  [
    { label: 'trained, seed 1', trained: true, blocks: trained },
    { label: 'untrained', trained: false, blocks: untrained },
  ],
);

describe('classGatesFigure', () => {
  it('picks each run’s most class-specific channels, in channel order', () => {
    expect(fig.runs[0].picked[0]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const p = fig.runs[0].picked[1];
    expect(p.length).toBe(PICKED_CHANNELS);
    // The 8 channels with η² 0.9 first, then the lowest-numbered of the rest (ties by channel).
    expect(p.filter((c) => c % 5 === 0)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(p).toEqual([...p].sort((a, b) => a - b));
    // The untrained run's η² are all equal: ties keep the lowest channels.
    expect(fig.runs[1].picked[1]).toEqual(Array.from({ length: PICKED_CHANNELS }, (_, i) => i));
  });

  it('keeps each class mean minus the all-image mean, and the runs’ specificity', () => {
    expect(fig.runs[0].cells[1][1][0]).toBeCloseTo(0.1 * 0.9, 3);
    expect(fig.runs[0].cells[1][1][1]).toBeCloseTo(0.1 * 0.2, 3);
    expect(fig.runs[0].cells[1][0][0]).toBeCloseTo(-0.1 * 0.9, 3);
    expect(fig.runs[0].specificity).toEqual([0.1, 0.34]);
    expect(fig.runs[1].specificity).toEqual([0.02, 0.03]);
  });

  it('refuses runs with different SE blocks', () => {
    expect(() =>
      classGatesFigure(
        'm',
        1,
        ['a', 'b'],
        [
          { label: 'x', trained: true, blocks: trained },
          { label: 'y', trained: false, blocks: untrained.slice(1) },
        ],
      ),
    ).toThrow(/other SE blocks/);
  });
});

describe('scenes', () => {
  it('draws one dot per run and block, higher for a larger η²', () => {
    const s = specificityScene(fig);
    const dots = s.marks.filter((m) => m.kind === 'circle');
    expect(dots.length).toBe(4);
    const cy = (run: number, b: number) =>
      dots.find((d) => d.data?.run === run && d.data?.block === b)!.kind === 'circle'
        ? (dots.find((d) => d.data?.run === run && d.data?.block === b) as { cy: number }).cy
        : NaN;
    expect(cy(0, 1)).toBeLessThan(cy(0, 0));
    expect(cy(0, 1)).toBeLessThan(cy(1, 1));
  });

  it('draws a class × picked-channel heatmap, coloured by sign, same scale for both runs', () => {
    const s = heatmapScene(fig, 1, 0);
    const cells = s.marks.filter((m) => m.kind === 'rect');
    expect(cells.length).toBe(2 * PICKED_CHANNELS);
    const up = cells.find((c) => c.data?.k === 1 && c.data?.c === 0) as { fill: string };
    const down = cells.find((c) => c.data?.k === 0 && c.data?.c === 0) as { fill: string };
    expect(up.fill).toBe('rgba(217, 95, 2, 1)');
    expect(down.fill).toBe('rgba(27, 110, 194, 1)');
    const faint = heatmapScene(fig, 1, 1).marks.find(
      (m) => m.kind === 'rect' && m.data?.k === 1 && m.data?.c === 0,
    ) as {
      fill: string;
    };
    // The untrained gates barely move with the class: near-transparent on the trained run's scale.
    expect(Number(/, ([\d.]+)\)$/.exec(faint.fill)![1])).toBeLessThan(0.05);
  });

  it('opens on the last block with the trained run, and reads out η² per run', () => {
    const st = initialGatesState(fig);
    expect(st).toEqual({ block: 1, run: 0 });
    expect(classGatesReadouts(fig, st).map((r) => r.value)).toEqual(['0.340', '0.030', '0.100 → 0.340']);
  });
});
