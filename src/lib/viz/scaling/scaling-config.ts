/**
 * Compound scaling at a coefficient φ (EfficientNet, arXiv 1905.11946 §3.3, Equation 3):
 * depth d = α^φ, width w = β^φ, resolution r = γ^φ, under α·β²·γ² ≈ 2 so that MACs grow ≈ 2^φ.
 * The multipliers go through the zoo's EfficientNet spec, so channels and repeats get timm's
 * rounding (make_divisible to 8 with the 10 % rule; repeats by ceil) inside the zoo builder.
 * Only the resolution is rounded here, because the paper and timm give no rule for it (the
 * released sizes 240, 260, 300, 380 … are hand-picked, see `roundResolution`).
 */
import { efficientNetSpec, type CnnSpec } from '../../models/index.ts';

export interface Coefficients {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** The paper's grid-search result for B0 (§3.3, "α = 1.2, β = 1.1, γ = 1.15"). */
export const PAPER_COEFFICIENTS: Coefficients = { alpha: 1.2, beta: 1.1, gamma: 1.15 };

/** EfficientNet-B0's input side (paper Table 1). */
export const BASE_RESOLUTION = 224;

export const PHI_MIN = 0;
export const PHI_MAX = 7;
export const PHI_STEP = 0.1;

/** Editable range of each coefficient: at least 1 (scaling up, as in the paper) and at most 1.5 (1.5^7 = 17× depth is already 270 blocks). */
export const COEFF_MIN = 1;
export const COEFF_MAX = 1.5;

/** Feature-map strides: five stride-2 layers, so the last maps are ceil(R / 32) wide. */
export const TOTAL_STRIDE = 32;

/**
 * Resolution rounding: to the nearest multiple of 8 (at least 32).
 *
 * Why 8 and not 32: the paper's released sizes are not multiples of 32 (B1 240, B2 260, B3 300, B4
 * 380, B5 456; Table 2 and tensorflow/tpu `efficientnet_builder.py` `efficientnet_params`), while
 * timm's own retrained weights use multiples of 32 (`efficientnet_b3.ra2_in1k` trains at 288, tests at
 * 320). Rounding to 32 would move the resolution by up to ±16 px (±7 % at 224, ±15 % in MACs) and
 * swamp the channel and depth rounding this playground is about; rounding to 8 keeps it within
 * ±4 px (±1.8 % at 224). Feature maps then follow H_out = ceil(H_in / s) at every stride-2 layer
 * (published.md §1), which the engine's analysis applies.
 */
export function roundResolution(r: number): number {
  return Math.max(32, Math.round(r / 8) * 8);
}

/** α·β²·γ²: the factor MACs grow by per unit of φ (MACs ∝ d·w²·r², §3.3). */
export function constraintValue(c: Coefficients): number {
  return c.alpha * c.beta ** 2 * c.gamma ** 2;
}

export interface ScaledConfig {
  readonly phi: number;
  readonly coefficients: Coefficients;
  /** Exact multipliers before any rounding. */
  readonly depth: number;
  readonly width: number;
  /** 224·γ^φ before rounding, and the side actually built. */
  readonly resolutionExact: number;
  readonly resolution: number;
  /** The zoo spec at these multipliers (the builder applies channel and repeat rounding). */
  readonly spec: CnnSpec;
}

/** φ rounded to the slider's 0.1 grid, so 0.30000000000000004 and 0.3 build the same model. */
export function snapPhi(phi: number): number {
  return Math.round(phi / PHI_STEP) / Math.round(1 / PHI_STEP);
}

export function scaledConfig(phi: number, coefficients: Coefficients = PAPER_COEFFICIENTS): ScaledConfig {
  const depth = coefficients.alpha ** phi;
  const width = coefficients.beta ** phi;
  const resolutionExact = BASE_RESOLUTION * coefficients.gamma ** phi;
  const resolution = roundResolution(resolutionExact);
  return {
    phi,
    coefficients,
    depth,
    width,
    resolutionExact,
    resolution,
    spec: efficientNetSpec(width, depth, resolution),
  };
}

/** A config at explicit multipliers (single-dimension scaling and the released B0–B7). */
export function configAt(width: number, depth: number, resolution: number): ScaledConfig {
  return {
    phi: NaN,
    coefficients: PAPER_COEFFICIENTS,
    depth,
    width,
    resolutionExact: resolution,
    resolution,
    spec: efficientNetSpec(width, depth, resolution),
  };
}

/** Why a φ cannot be used, or null. Messages say what was received and what is expected. */
export function phiProblem(phi: unknown): string | null {
  if (typeof phi !== 'number' || !Number.isFinite(phi))
    return `φ must be a number from ${PHI_MIN} to ${PHI_MAX}; received ${JSON.stringify(phi)}`;
  if (phi < PHI_MIN || phi > PHI_MAX) return `φ must be from ${PHI_MIN} to ${PHI_MAX}; received ${phi}`;
  return null;
}

/** Why a coefficient cannot be used, or null. */
export function coefficientProblem(name: 'α' | 'β' | 'γ', v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return `${name} must be a number from ${COEFF_MIN} to ${COEFF_MAX}; received ${JSON.stringify(v)}`;
  if (v < COEFF_MIN || v > COEFF_MAX) return `${name} must be from ${COEFF_MIN} to ${COEFF_MAX}; received ${v}`;
  return null;
}
