/**
 * Why one compound step of the tiny EfficientNet family costs far more than the paper's ≈ 2×.
 *
 * EfficientNet §3.3 (Equation 3): MACs ∝ d·w²·r², so depth α^φ, width β^φ and side γ^φ multiply
 * them by (α·β²·γ²)^φ = 1.92^φ. The tiny B0 (src/lib/models/tiny.ts) is built by the zoo's rounding
 * (timm `_efficientnet_builder.py`: repeats ceil(n·d) per stage, channels `round_channels` to
 * multiples of 8 with the 10 % rule, and every stride-2 layer's map ceil(side / 2) with symmetric
 * padding) on a network so small that rounding is no longer a detail: with 1–2 blocks per stage,
 * ceil(1 × 1.2) = 2 doubles a stage; with 8–80 channels, ×1.1 rounds back to the same multiple of
 * 8 in most stages; and with a last map of 2 × 2, a side of 37 instead of 32 makes it 3 × 3.
 *
 * The step B0 → Bφ is split into three factors measured by the engine on models built by the zoo,
 * applied one after the other (depth, then width, then side), so their product is exactly
 * MACs(Bφ) / MACs(B0); each is set beside the factor Equation 3 gives it (α^φ, β^2φ, γ^2φ). What
 * each rounding did is read from the resolved stages, so the page can say it in words.
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec, scaleSpec } from '../../models/index.ts';
import { resolveCnn } from '../../models/resolve.ts';
import { compoundMultipliers, EFFICIENTNET_COEFFICIENTS } from '../../models/scaling.ts';
import type { CnnSpec } from '../../models/spec.ts';
import { tinyCompoundSpec, tinyEfficientNetSpec, TINY_CHANNELS, TINY_RESOLUTION } from '../../models/tiny-specs.ts';

/** What the zoo builds for a spec: per stage its repeats, output channels and output side; stem, head; MACs. */
export interface BuiltShape {
  readonly macs: number;
  readonly repeats: readonly number[];
  readonly channels: readonly number[];
  readonly sides: readonly number[];
  readonly stem: number;
  readonly head: number;
  /** The input side and every distinct map side after it, in order (stem output, then each stage's). */
  readonly maps: readonly number[];
}

export function builtShape(spec: CnnSpec): BuiltShape {
  const r = resolveCnn(scaleSpec(spec));
  const sides = r.stages.map((s) => s.outputResolution);
  const maps = [spec.resolution, r.stem.outSize, ...sides].filter((v, i, a) => i === 0 || v !== a[i - 1]);
  return {
    macs: analyze(buildFromSpec(spec, { inChannels: TINY_CHANNELS })).macs,
    repeats: r.stages.map((s) => s.repeats),
    channels: r.stages.map((s) => s.outChannels),
    sides,
    stem: r.stem.outChannels,
    head: r.head.features,
    maps,
  };
}

export interface StepFactor {
  readonly dim: 'depth' | 'width' | 'resolution';
  /** Equation 3's factor on the MACs: α^φ, β^2φ, γ^2φ. */
  readonly rule: number;
  /** The engine's: MACs after this dimension is scaled / MACs before (the earlier ones already scaled). */
  readonly built: number;
  readonly before: BuiltShape;
  readonly after: BuiltShape;
}

export interface CompoundStep {
  readonly phi: number;
  /** Equation 3's multipliers before rounding. */
  readonly depth: number;
  readonly width: number;
  /** 32·γ^φ and the side built (rounded to the nearest pixel, tiny.ts tinyCompoundSpec). */
  readonly sideExact: number;
  readonly side: number;
  readonly factors: readonly StepFactor[];
  /** (α·β²·γ²)^φ. */
  readonly rule: number;
  /** MACs(Bφ) / MACs(B0): the product of the factors. */
  readonly built: number;
  readonly b0Macs: number;
  readonly macs: number;
}

/** The compound step B0 → Bφ of the tiny family, factor by factor (depth, width, then side). */
export function compoundStep(phi: number): CompoundStep {
  if (!Number.isInteger(phi) || phi < 1) throw new Error(`compoundStep: φ must be a whole number ≥ 1, got ${phi}`);
  const { alpha, beta, gamma } = EFFICIENTNET_COEFFICIENTS;
  const m = compoundMultipliers(phi);
  const target = tinyCompoundSpec(phi);
  const side = target.resolution;
  const b0 = builtShape(tinyEfficientNetSpec(1, 1, TINY_RESOLUTION));
  const deep = builtShape(tinyEfficientNetSpec(1, m.depth, TINY_RESOLUTION));
  const deepWide = builtShape(tinyEfficientNetSpec(m.width, m.depth, TINY_RESOLUTION));
  const all = builtShape(target);
  const factors: StepFactor[] = [
    { dim: 'depth', rule: alpha ** phi, built: deep.macs / b0.macs, before: b0, after: deep },
    { dim: 'width', rule: beta ** (2 * phi), built: deepWide.macs / deep.macs, before: deep, after: deepWide },
    { dim: 'resolution', rule: gamma ** (2 * phi), built: all.macs / deepWide.macs, before: deepWide, after: all },
  ];
  return {
    phi,
    depth: m.depth,
    width: m.width,
    sideExact: TINY_RESOLUTION * m.resolution,
    side,
    factors,
    rule: (alpha * beta ** 2 * gamma ** 2) ** phi,
    built: all.macs / b0.macs,
    b0Macs: b0.macs,
    macs: all.macs,
  };
}
