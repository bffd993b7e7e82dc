import { describe, expect, it } from 'vitest';
import {
  cellAt,
  channelStats,
  divergingColour,
  gridLayout,
  legendStops,
  planePixels,
  planeShape,
  robustScale,
  sharedScale,
  tileAt,
  WRAP,
} from '~/lib/viz/charts/heatmap.ts';

const palette = { neg: [0, 0, 255] as const, mid: [255, 255, 255] as const, pos: [255, 0, 0] as const };

describe('heatmap scaling and colour mapping', () => {
  it('splits NCHW tensors into one plane per channel and wraps flat vectors at WRAP columns', () => {
    expect(planeShape([1, 8, 4, 5])).toEqual({ count: 8, h: 4, w: 5, stride: 20, size: 20 });
    expect(planeShape([1, 1000])).toEqual({ count: 1, h: Math.ceil(1000 / WRAP), w: WRAP, stride: 1000, size: 1000 });
    expect(planeShape([1, 197, 192])).toMatchObject({ count: 197, h: 1, w: 192 });
    expect(planeShape([17, 32])).toEqual({ count: 1, h: 17, w: 32, stride: 544, size: 544 });
  });

  it('computes per-channel min, max and mean', () => {
    const shape = planeShape([1, 2, 1, 3]);
    const stats = channelStats([1, 2, 3, -4, 0, 1], shape);
    expect(stats[0]).toEqual({ min: 1, max: 3, mean: 2 });
    expect(stats[1]).toEqual({ min: -4, max: 1, mean: -1 });
    expect(sharedScale(stats)).toBe(4);
  });

  it('uses scale 1 for an all-zero tensor so nothing divides by zero', () => {
    expect(sharedScale(channelStats([0, 0], planeShape([1, 1, 1, 2])))).toBe(1);
  });

  it('maps −scale, 0 and +scale to the negative, middle and positive colours and clamps beyond', () => {
    expect(divergingColour(-1, palette.neg, palette.mid, palette.pos)).toEqual([0, 0, 255]);
    expect(divergingColour(0, palette.neg, palette.mid, palette.pos)).toEqual([255, 255, 255]);
    expect(divergingColour(1, palette.neg, palette.mid, palette.pos)).toEqual([255, 0, 0]);
    expect(divergingColour(3, palette.neg, palette.mid, palette.pos)).toEqual([255, 0, 0]);
    expect(divergingColour(0.5, palette.neg, palette.mid, palette.pos)).toEqual([255, 128, 128]);
  });

  it('paints one plane as RGBA and leaves wrapped cells past the end transparent', () => {
    const shape = planeShape([1, 33]);
    const data = Array.from({ length: 33 }, (_, i) => (i === 0 ? -2 : 2));
    const px = planePixels(data, shape, 0, 2, palette);
    expect(px.length).toBe(2 * 32 * 4);
    expect([...px.slice(0, 4)]).toEqual([0, 0, 255, 255]);
    expect([...px.slice(4, 8)]).toEqual([255, 0, 0, 255]);
    expect(px[33 * 4 + 3]).toBe(0);
    expect(legendStops(2, palette).map((s) => s.value)).toEqual([-2, 0, 2]);
  });

  it('colours every value exactly as divergingColour does (NaN, infinities and out-of-range included)', () => {
    const data = Float32Array.from({ length: 400 }, (_, i) => Math.sin(i * 1.7) * 3);
    data[5] = NaN;
    data[6] = Infinity;
    data[7] = -Infinity;
    data[8] = -0;
    const shape = planeShape([1, 4, 10, 10]);
    const px = planePixels(data, shape, 2, 1.3, palette);
    for (let i = 0; i < 100; i++) {
      const want = divergingColour(data[200 + i] / 1.3, palette.neg, palette.mid, palette.pos);
      expect([...px.slice(i * 4, i * 4 + 4)]).toEqual([...want, 255]);
    }
    const p0 = planePixels(data, shape, 0, 1.3, palette);
    for (const i of [5, 6, 7, 8])
      expect([...p0.slice(i * 4, i * 4 + 3)]).toEqual([
        ...divergingColour(data[i] / 1.3, palette.neg, palette.mid, palette.pos),
      ]);
  });

  it('packs tiles into rows within the width and finds the tile under a point', () => {
    const g = gridLayout(10, 8, 8, 200);
    expect(g.width).toBeLessThanOrEqual(200);
    expect(g.tiles).toHaveLength(10);
    expect(g.cols * g.rows).toBeGreaterThanOrEqual(10);
    const t3 = g.tiles[3];
    expect(tileAt(g, t3.x + 1, t3.y + 1)).toBe(3);
    expect(tileAt(g, t3.x + g.tileW + 0.5, t3.y + 1)).toBe(-1); // the gap
    expect(tileAt(g, -1, 0)).toBe(-1);
  });

  it('caps the drawn tiles at maxCount', () => {
    expect(gridLayout(1280, 7, 7, 600, 64).tiles).toHaveLength(64);
  });

  it('maps a point on an enlarged plane to its value cell', () => {
    expect(cellAt(4, 8, 160, 80, 25, 79)).toEqual({ y: 3, x: 1 });
    expect(cellAt(4, 8, 160, 80, 161, 0)).toBeNull();
  });
});

describe('robust heatmap scale', () => {
  it('ignores a few outliers and falls back to the maximum, then 1', () => {
    const data = Array.from({ length: 1000 }, (_, i) => (i < 3 ? 100 : (i % 10) / 10));
    expect(robustScale(data)).toBeCloseTo(0.9);
    expect(robustScale([0, 0, 0, 5])).toBe(5);
    expect(robustScale([0, 0])).toBe(1);
  });

  it('takes the q-quantile of the strided sample, skipping non-finite values', () => {
    const data = Float32Array.from({ length: 120001 }, (_, i) => Math.cos(i * 0.37) * (1 + (i % 7)));
    data[0] = NaN;
    data[2] = Infinity;
    const step = Math.floor(data.length / 50000);
    const abs: number[] = [];
    for (let i = 0; i < data.length; i += step) if (Number.isFinite(data[i])) abs.push(Math.abs(data[i]));
    abs.sort((a, b) => a - b);
    expect(robustScale(data)).toBe(abs[Math.floor(0.995 * (abs.length - 1))]);
  });
});
