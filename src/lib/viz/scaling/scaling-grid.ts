/**
 * A small (α, β, γ) grid under the constraint, as in the paper's step 1 (§3.3: "fix φ = 1, assuming
 * twice more resources available, and do a small grid search of α, β, γ based on Equation 2 and
 * 3"). Each candidate picks α and β on a grid and solves γ from α·β²·γ² = 2 (to two decimals, as
 * the paper writes its coefficients), then the φ = 1 model is built with the real rounding.
 *
 * The paper trained each candidate to pick α = 1.2, β = 1.1, γ = 1.15; it does not publish the
 * candidates' accuracies, so none are shown, only what the engine counts.
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec } from '../../models/index.ts';
import { constraintValue, PAPER_COEFFICIENTS, scaledConfig, type Coefficients } from './scaling-config.ts';

export interface GridCandidate {
  readonly coefficients: Coefficients;
  readonly constraint: number;
  readonly paper: boolean;
  /** The φ = 1 model: its side, blocks, params and MACs. */
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
}

export const GRID_ALPHAS = [1.1, 1.2, 1.3, 1.4] as const;
export const GRID_BETAS = [1.0, 1.05, 1.1, 1.15] as const;

/** γ with α·β²·γ² = 2, to two decimals; null when it would be below 1 (shrinking the input). */
export function solveGamma(alpha: number, beta: number): number | null {
  const g = Math.round(Math.sqrt(2 / (alpha * beta * beta)) * 100) / 100;
  return g >= 1 ? g : null;
}

function candidate(c: Coefficients, paper: boolean): GridCandidate {
  const config = scaledConfig(1, c);
  const a = analyze(buildFromSpec(config.spec));
  return {
    coefficients: c,
    constraint: constraintValue(c),
    paper,
    resolution: config.resolution,
    params: a.params,
    macs: a.macs,
  };
}

/** The grid's candidates, then the paper's own choice (which sits at 1.92, off the grid's exact 2). */
export function coefficientGrid(): GridCandidate[] {
  const out: GridCandidate[] = [];
  for (const alpha of GRID_ALPHAS) {
    for (const beta of GRID_BETAS) {
      const gamma = solveGamma(alpha, beta);
      if (gamma === null) continue;
      out.push(candidate({ alpha, beta, gamma }, false));
    }
  }
  out.push(candidate(PAPER_COEFFICIENTS, true));
  return out;
}
