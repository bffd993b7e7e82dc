import { describe, expect, it } from 'vitest';
import { planePixels, planeShape, robustScale, type Palette } from '~/lib/viz/charts/heatmap.ts';
import { planePixelsFast, robustScaleFast } from '~/lib/viz/debugger/fast-heatmap.ts';

/** Deterministic pseudo-random values (a small LCG), so a failure reproduces. */
function values(n: number, seed: number, spread = 3): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = ((s / 2 ** 32) * 2 - 1) * spread;
  }
  return out;
}

const PALETTES: Palette[] = [
  { neg: [33, 102, 172], mid: [247, 247, 247], pos: [178, 24, 43] },
  { neg: [0, 0, 255], mid: [20, 20, 20], pos: [255, 160, 0] },
  { neg: [255, 255, 255], mid: [0, 0, 0], pos: [1, 254, 7] },
];

describe('planePixelsFast', () => {
  it('colours every plane exactly as planePixels, saturation, zeros, NaN and ±∞ included', () => {
    const dims = [1, 5, 13, 17];
    const data = values(5 * 13 * 17, 7);
    data[0] = NaN;
    data[1] = Infinity;
    data[2] = -Infinity;
    data[3] = 0;
    data[4] = -0;
    data[5] = 1.5; // exactly ±scale
    data[6] = -1.5;
    const shape = planeShape(dims);
    for (const palette of PALETTES)
      for (const scale of [1.5, 0.37, 1e-9, 0])
        for (let p = 0; p < shape.count; p++)
          expect(planePixelsFast(data, shape, p, scale, palette)).toEqual(planePixels(data, shape, p, scale, palette));
  });

  it('agrees at and around every step of the colour rounding and every table bin edge', () => {
    const edges: number[] = [];
    for (let i = 0; i <= 4096; i++) {
      const k = i / 4096;
      edges.push(k, -k, k + 1e-12, k - 1e-12, -k + 1e-12, -k - 1e-12);
    }
    for (let i = 0; i < 40_000; i++) edges.push(-1.1 + (2.2 * i) / 40_000);
    const data = Float32Array.from(edges);
    const exact = Float64Array.from(edges); // the float64 values themselves, not rounded to float32
    for (const d of [data, exact]) {
      const shape = planeShape([1, d.length]);
      const wide = { ...shape, h: 1, w: d.length };
      for (const palette of PALETTES)
        expect(planePixelsFast(d, wide, 0, 1, palette)).toEqual(planePixels(d, wide, 0, 1, palette));
    }
  });

  it('leaves the blank cells of a wrapped vector transparent, as planePixels does', () => {
    const data = values(1000, 3);
    const shape = planeShape([1, 1000]);
    expect(planePixelsFast(data, shape, 0, 2, PALETTES[0])).toEqual(planePixels(data, shape, 0, 2, PALETTES[0]));
  });

  it('fills a reused buffer exactly as a new array, blank cells included', () => {
    const data = values(1000, 5);
    const shape = planeShape([1, 1000]); // 32 × 32 with 24 blank cells
    const buf = new Uint8ClampedArray(shape.h * shape.w * 4).fill(99);
    for (const palette of PALETTES) {
      const got = planePixelsFast(data, shape, 0, 2, palette, buf);
      expect(got).toBe(buf);
      expect(got).toEqual(planePixels(data, shape, 0, 2, palette));
    }
    const odd: Palette = { neg: [10.5, 0, 0], mid: [128, 128, 128], pos: [300, 0, 0] };
    expect(planePixelsFast(data, shape, 0, 2, odd, buf.fill(7))).toEqual(planePixels(data, shape, 0, 2, odd));
    // A buffer of the wrong size is left alone.
    const small = new Uint8ClampedArray(4);
    expect(planePixelsFast(data, shape, 0, 2, PALETTES[0], small)).not.toBe(small);
  });

  it('falls back to planePixels for a palette that is not whole bytes', () => {
    const odd: Palette = { neg: [10.5, 0, 0], mid: [128, 128, 128], pos: [300, 0, 0] };
    const data = values(64, 11);
    const shape = planeShape([1, 1, 8, 8]);
    expect(planePixelsFast(data, shape, 0, 1, odd)).toEqual(planePixels(data, shape, 0, 1, odd));
  });
});

describe('robustScaleFast', () => {
  it('picks the same quantile as robustScale', () => {
    for (const [n, seed] of [
      [1, 1],
      [2, 2],
      [999, 3],
      [50_000, 4],
      [401_408, 5], // 1×32×112×112: sampled every 8th value
      [1_204_224, 6],
    ]) {
      const data = values(n, seed, 10);
      for (const q of [0, 0.5, 0.995, 1]) expect(robustScaleFast(data, q)).toBe(robustScale(data, q));
    }
  });

  it('handles ties, zeros, non-finite values and empty data like robustScale', () => {
    const cases: Float32Array[] = [
      new Float32Array(0),
      new Float32Array(100),
      Float32Array.from({ length: 3000 }, (_, i) => (i % 3) - 1),
      Float32Array.from({ length: 2000 }, (_, i) => (i < 1995 ? 0 : 4)), // quantile 0: falls back to the max
      Float32Array.from([NaN, Infinity, -Infinity]),
      Float32Array.from([NaN, 2, -Infinity, -5, 0]),
      Float32Array.from({ length: 5000 }, (_, i) => i), // sorted
      Float32Array.from({ length: 5000 }, (_, i) => 5000 - i), // reversed
    ];
    for (const data of cases) expect(robustScaleFast(data)).toBe(robustScale(data));
  });
});
