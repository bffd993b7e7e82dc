/**
 * The ideal-vs-actual curve: for φ on the slider's grid, the target 2^φ × B0 MACs, the formula's
 * (α·β²·γ²)^φ × B0 and the MACs the engine counts on the built, rounded model. Built once per set
 * of coefficients (71 graphs), not per slider move.
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec } from '../../models/index.ts';
import { constraintValue, PHI_MAX, PHI_MIN, PHI_STEP, scaledConfig, type Coefficients } from './scaling-config.ts';

export interface CurvePoint {
  readonly phi: number;
  readonly ideal: number;
  readonly formula: number;
  readonly actual: number;
  readonly params: number;
}

/** Every φ of the slider from PHI_MIN to PHI_MAX, as exact tenths. */
export function phiGrid(step = PHI_STEP): number[] {
  const n = Math.round((PHI_MAX - PHI_MIN) / step);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((PHI_MIN + i * step) * 1000) / 1000);
}

export function curvePoint(phi: number, coefficients: Coefficients, baseMacs: number): CurvePoint {
  const config = scaledConfig(phi, coefficients);
  const a = analyze(buildFromSpec(config.spec));
  return {
    phi,
    ideal: baseMacs * 2 ** phi,
    formula: baseMacs * constraintValue(coefficients) ** phi,
    actual: a.macs,
    params: a.params,
  };
}

export function macsCurve(
  coefficients: Coefficients,
  baseMacs: number,
  phis: readonly number[] = phiGrid(),
): CurvePoint[] {
  return phis.map((phi) => curvePoint(phi, coefficients, baseMacs));
}
