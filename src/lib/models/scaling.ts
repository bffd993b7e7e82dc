/**
 * EfficientNet compound scaling as data (arXiv 1905.11946 §3.3: depth α^φ, width β^φ, resolution
 * γ^φ with α=1.2, β=1.1, γ=1.15, rounded by hand into this table). Identical in tensorflow/tpu
 * `efficientnet_builder.py` `efficientnet_params`, google/automl and timm's `_gen_efficientnet`
 * docstring: (width, depth, resolution, dropout).
 */
export interface ScalingRow {
  readonly width: number;
  readonly depth: number;
  readonly resolution: number;
  readonly dropout: number;
}

export const EFFICIENTNET_SCALING: Readonly<Record<'b0' | 'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'b6' | 'b7', ScalingRow>> =
  {
    b0: { width: 1.0, depth: 1.0, resolution: 224, dropout: 0.2 },
    b1: { width: 1.0, depth: 1.1, resolution: 240, dropout: 0.2 },
    b2: { width: 1.1, depth: 1.2, resolution: 260, dropout: 0.3 },
    b3: { width: 1.2, depth: 1.4, resolution: 300, dropout: 0.3 },
    b4: { width: 1.4, depth: 1.8, resolution: 380, dropout: 0.4 },
    b5: { width: 1.6, depth: 2.2, resolution: 456, dropout: 0.4 },
    b6: { width: 1.8, depth: 2.6, resolution: 528, dropout: 0.5 },
    b7: { width: 2.0, depth: 3.1, resolution: 600, dropout: 0.5 },
  };

/** EfficientNetV2 base models (google/automl `effnetv2_configs.py` `efficientnetv2_params`): width, depth, train and eval size, dropout. */
export const EFFICIENTNETV2_BASE_SCALING: Readonly<
  Record<'b0' | 'b1' | 'b2' | 'b3', ScalingRow & { readonly trainResolution: number }>
> = {
  b0: { width: 1.0, depth: 1.0, trainResolution: 192, resolution: 224, dropout: 0.2 },
  b1: { width: 1.0, depth: 1.1, trainResolution: 192, resolution: 240, dropout: 0.2 },
  b2: { width: 1.1, depth: 1.2, trainResolution: 208, resolution: 260, dropout: 0.3 },
  b3: { width: 1.2, depth: 1.4, trainResolution: 240, resolution: 300, dropout: 0.3 },
};

/** The paper's grid-search coefficients for B0 (§3.3, Equation 3: "α = 1.2, β = 1.1, γ = 1.15"). */
export const EFFICIENTNET_COEFFICIENTS = { alpha: 1.2, beta: 1.1, gamma: 1.15 } as const;

/**
 * Equation 3 at a compound coefficient φ before any rounding: depth α^φ, width β^φ, resolution
 * factor γ^φ. The builder then rounds channels (make_divisible to 8, 10 % rule) and repeats
 * (ceil) as for every zoo model; the caller rounds the resolution (the paper gives no rule).
 */
export function compoundMultipliers(
  phi: number,
  c: { readonly alpha: number; readonly beta: number; readonly gamma: number } = EFFICIENTNET_COEFFICIENTS,
): { depth: number; width: number; resolution: number } {
  return { depth: c.alpha ** phi, width: c.beta ** phi, resolution: c.gamma ** phi };
}
