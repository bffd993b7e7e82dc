import { describe, expect, it } from 'vitest';
import { markAttributes } from '../../../../src/lib/viz/lessons/mbv3-scene.ts';

describe('markAttributes', () => {
  it('maps each mark kind to its SVG attributes, rounded to 0.01', () => {
    expect(markAttributes({ kind: 'rect', key: 'a', x: 1.234, y: 2, width: 3.456, height: -1, class: 'c', data: { macs: 5 } }))
      .toEqual({ class: 'c', 'data-macs': 5, x: 1.23, y: 2, width: 3.46, height: 0 });
    expect(markAttributes({ kind: 'line', key: 'l', x1: 0, y1: 1, x2: 2, y2: 3 })).toEqual({ x1: 0, y1: 1, x2: 2, y2: 3 });
    expect(markAttributes({ kind: 'text', key: 't', x: 1, y: 2, text: 'hi', anchor: 'end', baseline: 'middle' }))
      .toEqual({ x: 1, y: 2, 'text-anchor': 'end', 'dominant-baseline': 'middle' });
    expect(markAttributes({ kind: 'circle', key: 'c', cx: 1, cy: 2, r: 3, fill: 'red' })).toEqual({ cx: 1, cy: 2, r: 3, fill: 'red' });
    expect(markAttributes({ kind: 'path', key: 'p', d: 'M0,0L1,1' })).toEqual({ d: 'M0,0L1,1' });
  });
});
