import { describe, expect, it } from 'vitest';
import { explain, ints, runGraph, type ConvExplanation, type Graph } from '~/lib/engine/index.ts';
import { convWindow, windowOnPlane } from '~/lib/viz/lessons/conv-window.ts';

/** A depthwise 3×3 conv, stride 2, pads 1, on [1, 2, 5, 5] with x = position index and w = 1..9. */
function depthwise(): { graph: Graph; x: Float32Array } {
  const x = Float32Array.from({ length: 50 }, (_, i) => i);
  const w = Float32Array.from({ length: 18 }, (_, i) => (i % 9) + 1);
  const graph: Graph = {
    name: 'dw',
    opset: 17,
    inputs: [{ name: 'x', dtype: 'float32', dims: [1, 2, 5, 5] }],
    outputs: [{ name: 'y', dtype: 'float32', dims: [1, 2, 3, 3] }],
    initializers: new Map([['w', { dtype: 'float32', dims: [2, 1, 3, 3], data: w }]]),
    nodes: [
      {
        name: 'conv',
        opType: 'Conv',
        inputs: ['x', 'w'],
        outputs: ['y'],
        scope: 'conv',
        attrs: {
          group: { type: 'int', value: 2 },
          strides: ints([2, 2]),
          pads: ints([1, 1, 1, 1]),
          kernel_shape: ints([3, 3]),
        },
      },
    ],
  };
  return { graph, x };
}

function explainAt(c: number, y: number, xx: number): ConvExplanation {
  const { graph, x } = depthwise();
  const values = runGraph(graph, { x: { dtype: 'float32', dims: [1, 2, 5, 5], data: x } }, { keepAll: true });
  return explain(graph, values, 'conv', { c, y, x: xx }) as ConvExplanation;
}

describe('conv window geometry', () => {
  it('places the corner output’s window partly in the padding and counts those taps', () => {
    const v = convWindow(explainAt(1, 0, 0));
    expect(v.variant).toBe('depthwise');
    expect([v.kh, v.kw]).toEqual([3, 3]);
    expect(v.window).toEqual({ y0: -1, x0: -1, y1: 1, x1: 1 });
    expect(v.paddingTaps).toBe(5); // the top row and left column of a 3×3 window
    expect(v.shown).toHaveLength(1);
    expect(v.shown[0].c).toBe(1);
    const pad = v.shown[0].cells.filter((c) => c.padding);
    expect(pad.every((c) => c.value === 0 && c.product === 0)).toBe(true);
    // Channel 1 starts at 25: taps (0,0),(0,1),(1,0),(1,1) with kernel offsets (1,1),(1,2),(2,1),(2,2) → w 5,6,8,9.
    expect(v.sum).toBe(25 * 5 + 26 * 6 + 30 * 8 + 31 * 9);
    expect(v.total).toBeCloseTo(v.value, 3);
  });

  it('clips the window to the plane and reports the spill into padding', () => {
    const v = convWindow(explainAt(0, 0, 0));
    expect(windowOnPlane(v, 5, 5)).toEqual({
      y: 0,
      x: 0,
      height: 2,
      width: 2,
      spill: { top: 1, left: 1, bottom: 0, right: 0 },
    });
    const inner = convWindow(explainAt(0, 1, 1));
    expect(inner.window).toEqual({ y0: 1, x0: 1, y1: 3, x1: 3 });
    expect(inner.paddingTaps).toBe(0);
    expect(windowOnPlane(inner, 5, 5)).toMatchObject({ y: 1, x: 1, height: 3, width: 3 });
  });

  it('orders each channel’s cells row-major by kernel offset and sums them to its partial', () => {
    const v = convWindow(explainAt(0, 1, 1));
    const cells = v.shown[0].cells;
    expect(cells.map((c) => [c.ky, c.kx])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ]);
    expect(v.shown[0].partial).toBe(cells.reduce((s, c) => s + c.value * c.weight, 0));
  });

  it('summarises channels beyond maxChannels as one partial sum that keeps the total', () => {
    const taps = Array.from({ length: 10 }, (_, c) => ({
      c,
      pos: [0, 0],
      k: [0, 0],
      padding: false,
      x: c,
      w: 2,
      product: 2 * c,
    }));
    const ex: ConvExplanation = {
      kind: 'conv',
      node: 'pw',
      variant: 'pointwise',
      n: 0,
      c: 0,
      pos: [0, 0],
      group: 0,
      taps,
      sum: 90,
      accumulation: 'float64',
      bias: 1,
      value: 91,
    };
    const v = convWindow(ex, 4);
    expect(v.shown.map((s) => s.c)).toEqual([0, 1, 2, 3]);
    expect(v.hidden).toEqual({ count: 6, partial: 2 * (4 + 5 + 6 + 7 + 8 + 9) });
    expect(v.shown.reduce((s, ch) => s + ch.partial, 0) + v.hidden.partial).toBe(v.sum);
    expect(v.total).toBe(91);
    expect(v.macs).toBe(10);
  });
});
