import { describe, expect, it } from 'vitest';
import {
  MANIFOLD_DIMS,
  pseudoInverse,
  randomMatrix,
  reluRoundTrip,
  spiral,
  toPanel,
} from '~/lib/viz/lessons/relu-manifold.ts';

describe('the ReLU manifold experiment (MobileNetV2 Figure 1)', () => {
  it('gives the spiral back exactly when there is no ReLU, in every dimension', () => {
    for (const n of MANIFOLD_DIMS) {
      const r = reluRoundTrip(n, false, 3);
      const err = Math.max(...r.output.map(([x, y], i) => Math.hypot(x - r.input[i][0], y - r.input[i][1])));
      expect(err).toBeLessThan(1e-9);
      expect(r.lostCount).toBe(0);
    }
  });

  it('computes a left inverse: T⁺ · T is the 2×2 identity', () => {
    const T = randomMatrix(5, 1);
    const [p0, p1] = pseudoInverse(T);
    const dot = (row: number[], col: number) => row.reduce((s, v, i) => s + v * T[i][col], 0);
    expect(dot(p0, 0)).toBeCloseTo(1, 12);
    expect(dot(p0, 1)).toBeCloseTo(0, 12);
    expect(dot(p1, 0)).toBeCloseTo(0, 12);
    expect(dot(p1, 1)).toBeCloseTo(1, 12);
  });

  it('collapses a large part of the spiral in 2 and 3 dimensions and none of it in 15 or 30, for several matrices', () => {
    for (const seed of [1, 2, 3, 4]) {
      const lost = (n: number) => reluRoundTrip(n, true, seed).lostCount;
      expect(lost(2)).toBeGreaterThan(spiral().length / 4);
      expect(lost(3)).toBeGreaterThan(0);
      expect(lost(15)).toBe(0);
      expect(lost(30)).toBe(0);
    }
  });

  it('marks exactly the points with fewer than two positive coordinates as lost', () => {
    const n = 3;
    const T = randomMatrix(n, 2);
    const r = reluRoundTrip(n, true, 2);
    r.input.forEach(([x, y], i) => {
      const positive = T.filter(([a, b]) => a * x + b * y > 0).length;
      expect(r.lost[i]).toBe(positive < 2);
    });
  });

  it('draws the same matrix for the same seed and a different one for another seed', () => {
    expect(randomMatrix(5, 7)).toEqual(randomMatrix(5, 7));
    expect(randomMatrix(5, 7)).not.toEqual(randomMatrix(5, 8));
    expect(() => randomMatrix(1, 1)).toThrow(/≥ 2; received 1/);
  });

  it('maps data coordinates into the panel with y pointing up', () => {
    expect(
      toPanel(
        [
          [0, 0],
          [1, 1],
        ],
        200,
        1,
      ),
    ).toEqual([
      [100, 100],
      [200, 0],
    ]);
  });
});
