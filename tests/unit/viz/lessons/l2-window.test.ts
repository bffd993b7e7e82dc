import { describe, expect, it } from 'vitest';
import {
  effectiveKernel,
  macsPerOutputPixel,
  outputSize,
  outputSizeTex,
  pixelSumTex,
  WINDOW_CELL,
  windowLayout,
  windowProblem,
  windowTaps,
  type WindowGeometry,
} from '~/lib/viz/lessons/lesson-window.ts';

const g: WindowGeometry = { size: 7, channels: 3, k: 3, stride: 1, pad: 1, dilation: 1 };

describe('output size', () => {
  it('follows floor((H + 2p − d(k−1) − 1)/s) + 1', () => {
    expect(outputSize(224, 3, 2, 1)).toBe(112);
    expect(outputSize(7, 3, 1, 1)).toBe(7);
    expect(outputSize(7, 3, 2, 1)).toBe(4);
    expect(outputSize(112, 5, 2, 2)).toBe(56);
    expect(outputSize(14, 3, 1, 0, 2)).toBe(10);
    expect(outputSize(7, 3, 1, 0)).toBe(5);
  });

  it('spans d(k − 1) + 1 pixels with dilation', () => {
    expect(effectiveKernel(3, 1)).toBe(3);
    expect(effectiveKernel(3, 2)).toBe(5);
    expect(effectiveKernel(5, 3)).toBe(13);
  });

  it('is 0 when the dilated kernel does not fit, and refuses nonsense', () => {
    expect(outputSize(5, 3, 1, 0, 3)).toBe(0);
    expect(() => outputSize(5, 0)).toThrow(/k must be a whole number ≥ 1/);
    expect(() => outputSize(5, 3, 1, -1)).toThrow(/pad/);
  });

  it('explains a geometry it cannot draw', () => {
    expect(windowProblem(g)).toBeNull();
    expect(windowProblem({ ...g, size: 5, pad: 0, dilation: 3 })).toMatch(
      /7-wide dilated kernel does not fit in the padded input \(5\)/,
    );
    expect(windowProblem({ ...g, stride: 9 })).toMatch(/stride must be a whole number from 1 to 3/);
  });
});

describe('the window of one output pixel', () => {
  it('reads rows and columns −1…1 for pixel (0, 0) with padding 1, five of them padding', () => {
    const taps = windowTaps(g, 0, 0);
    expect(taps).toHaveLength(9);
    expect(taps.map((t) => [t.y, t.x])).toEqual([
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
      [0, 0],
      [0, 1],
      [1, -1],
      [1, 0],
      [1, 1],
    ]);
    expect(taps.filter((t) => t.padding)).toHaveLength(5);
  });

  it('moves by the stride and spreads by the dilation', () => {
    const strided = windowTaps({ ...g, stride: 2 }, 1, 2);
    expect(strided[0]).toMatchObject({ y: 1, x: 3 });
    const dilated = windowTaps({ ...g, pad: 0, dilation: 2 }, 0, 0);
    expect(dilated.map((t) => t.x)).toEqual([0, 2, 4, 0, 2, 4, 0, 2, 4]);
    expect(dilated.every((t) => !t.padding)).toBe(true);
  });

  it('rejects a pixel outside the output', () => {
    expect(() => windowTaps(g, 7, 0)).toThrow(/outside the 7×7 output/);
  });

  it('costs k² · C_in MACs per output pixel, padding taps included', () => {
    expect(macsPerOutputPixel(g)).toBe(27);
  });
});

describe('the diagram layout', () => {
  it('draws a padded grid and marks the taps on it', () => {
    const l = windowLayout(g, 0, 0);
    expect(l.input).toHaveLength(9 * 9);
    expect(l.gridSide).toBe(9 * WINDOW_CELL);
    expect(l.outSize).toBe(7);
    const lit = l.input.filter((c) => c.tap >= 0);
    expect(lit).toHaveLength(9);
    expect(lit.filter((c) => c.padding)).toHaveLength(5);
    // The top-left lit cell is the padding corner, drawn at the grid's origin.
    expect(lit[0]).toMatchObject({ y: -1, x: -1, px: 0, py: 0, tap: 0 });
  });

  it('writes the live formulas with the geometry’s numbers', () => {
    expect(outputSizeTex({ ...g, stride: 2 })).toContain('\\left\\lfloor \\tfrac{6}{2} \\right\\rfloor + 1 = 4');
    expect(pixelSumTex(g, 0, 0)).toContain('x[c,\\, i - 1,\\, j - 1]');
    expect(pixelSumTex({ ...g, stride: 2 }, 2, 1)).toContain('x[c,\\, 3 + i,\\, 1 + j]');
    expect(pixelSumTex({ ...g, pad: 0, dilation: 2 }, 0, 0)).toContain('x[c,\\, 2i,\\, 2j]');
  });
});
