import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { axisMarks, plotFrame } from '~/lib/viz/charts/axes.ts';
import type { LineMark, Mark, TextMark } from '~/lib/viz/kit/marks.ts';

const texts = (ms: Mark[], cls: string) => ms.filter((m): m is TextMark => m.kind === 'text' && m.class === cls);
const lines = (ms: Mark[], cls: string) => ms.filter((m): m is LineMark => m.kind === 'line' && m.class === cls);

describe('axisMarks', () => {
  it('puts a bottom axis’s ticks under the line at the scale’s positions', () => {
    const x = scaleLinear().domain([0, 10]).range([40, 240]);
    const ms = axisMarks(x, { orient: 'bottom', at: 100, ticks: 5 });
    const [domain] = lines(ms, 'axis-domain');
    expect(domain).toMatchObject({ x1: 40, x2: 240, y1: 100, y2: 100 });
    const ticks = lines(ms, 'axis-tick');
    // d3 picks 0, 2, …, 10 for five ticks over [0, 10]: 20 px apart per unit.
    expect(ticks.map((t) => t.x1)).toEqual([40, 80, 120, 160, 200, 240]);
    expect(ticks.every((t) => t.y1 === 100 && t.y2 === 105)).toBe(true);
    const labels = texts(ms, 'axis-tick-label');
    expect(labels.map((t) => t.text)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(labels.every((t) => t.anchor === 'middle' && t.baseline === 'hanging' && t.y > 105)).toBe(true);
  });

  it('puts a left axis’s labels to the left, right-aligned, and its title above the top end', () => {
    const y = scaleLinear().domain([0, 1]).range([200, 20]);
    const ms = axisMarks(y, { orient: 'left', at: 50, format: '.0%', label: 'Accuracy', ticks: 2 });
    const labels = texts(ms, 'axis-tick-label');
    expect(labels.map((t) => t.text)).toEqual(['0%', '50%', '100%']);
    expect(labels.every((t) => t.anchor === 'end' && t.x < 50)).toBe(true);
    expect(labels.map((t) => t.y)).toEqual([200, 110, 20]);
    const [title] = texts(ms, 'axis-label');
    expect(title!.text).toBe('Accuracy');
    expect(title!.y).toBeLessThan(20);
  });

  it('follows a log scale: ticks at powers of ten land evenly spaced', () => {
    const x = scaleLog().domain([1, 1000]).range([0, 300]);
    const ms = axisMarks(x, { orient: 'bottom', at: 0, tickValues: [1, 10, 100, 1000], format: '~s' });
    expect(lines(ms, 'axis-tick').map((t) => Math.round(t.x1 * 1e6) / 1e6)).toEqual([0, 100, 200, 300]);
    expect(texts(ms, 'axis-tick-label').map((t) => t.text)).toEqual(['1', '10', '100', '1k']);
  });

  it('uses a formatting function as given and keys marks by the axis key, so two axes can share a scene', () => {
    const x = scaleLinear().domain([0, 4]).range([0, 4]);
    const a = axisMarks(x, { orient: 'bottom', at: 0, key: 'x', format: (v) => `${v} MB`, tickValues: [0, 4] });
    const b = axisMarks(x, { orient: 'top', at: 0, key: 'x2', tickValues: [0, 4] });
    expect(texts(a, 'axis-tick-label').map((t) => t.text)).toEqual(['0 MB', '4 MB']);
    const keys = [...a, ...b].map((m) => `${m.kind}:${m.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A top axis draws its ticks upward.
    expect(lines(b, 'axis-tick')[0]).toMatchObject({ y1: 0, y2: -5 });
  });
});

describe('plotFrame', () => {
  it('outlines the plot: the padding in from each edge of the drawing', () => {
    expect(plotFrame('f', 600, 300, { left: 52, right: 14, top: 14, bottom: 40 })).toEqual({
      kind: 'rect',
      key: 'frame',
      class: 'f',
      x: 52,
      y: 14,
      width: 534,
      height: 246,
    });
  });
});
