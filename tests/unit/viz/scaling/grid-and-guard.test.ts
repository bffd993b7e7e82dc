import { describe, expect, it } from 'vitest';
import { coefficientGrid, GRID_ALPHAS, GRID_BETAS, solveGamma } from '~/lib/viz/scaling/scaling-grid.ts';
import { measureBytes, memoryBudget, memoryRefusal } from '~/lib/viz/scaling/scaling-measure.ts';
import { releasedModels } from '~/lib/viz/scaling/scaling-released.ts';

describe('the (α, β, γ) grid', () => {
  it('solves γ from α·β²·γ² = 2 to two decimals', () => {
    // 2 / (1.2 · 1.1²) = 1.3774 → √ = 1.1736 → 1.17 (the paper's 1.15 sits at 1.92, below 2).
    expect(solveGamma(1.2, 1.1)).toBe(1.17);
    expect(solveGamma(1.4, 1.0)).toBe(1.2);
    // α·β² above 2 would need γ < 1 (shrinking the input): not a candidate.
    expect(solveGamma(1.6, 1.15)).toBeNull();
  });

  const grid = coefficientGrid();

  it('has every grid point with its constraint within rounding of 2, then the paper’s choice', () => {
    expect(grid).toHaveLength(GRID_ALPHAS.length * GRID_BETAS.length + 1);
    for (const g of grid.slice(0, -1)) expect(Math.abs(g.constraint - 2)).toBeLessThan(0.03);
    const paper = grid.at(-1)!;
    expect(paper.paper).toBe(true);
    expect(paper.coefficients).toEqual({ alpha: 1.2, beta: 1.1, gamma: 1.15 });
    // The paper's φ = 1 model has B2's width and depth (1.1, 1.2), so B2's parameters.
    expect(paper.params).toBe(9_109_994);
  });

  it('builds each candidate at φ = 1 with more MACs than B0 but not more than 2 × B0 × ceil effects (≤ 3.3×)', () => {
    const b0 = 385_814_752;
    for (const g of grid) {
      expect(g.macs).toBeGreaterThan(2 * b0 * 0.9);
      expect(g.macs).toBeLessThan(3.3 * b0);
    }
  });
});

describe('the memory guard for measuring', () => {
  it('takes a quarter of the reported device memory, at most 1 GiB, 512 MiB when unknown', () => {
    expect(memoryBudget(undefined)).toBe(512 * 2 ** 20);
    expect(memoryBudget(2)).toBe(512 * 2 ** 20);
    expect(memoryBudget(8)).toBe(1024 * 2 ** 20);
  });

  it('counts three copies of the weights and two of the live activations', () => {
    expect(measureBytes(1000, 500)).toBe(3 * 4 * 1000 + 2 * 500);
  });

  it('lets B0 run and refuses B7 under a 1 GiB budget, saying why', () => {
    const [b0, , , , , , , b7] = releasedModels();
    const budget = memoryBudget(8);
    expect(memoryRefusal(b0.params, b0.peakLiveBytes, budget)).toBeNull();
    const why = memoryRefusal(b7.params, b7.peakLiveBytes, budget);
    expect(why).toMatch(
      /^needs about [\d.]+ (MiB|GiB) \(3 copies of 253 MiB of weights \+ 2 × [\d.]+ MiB of live activations\), over this page's budget of 1 GiB$/,
    );
  });
});
