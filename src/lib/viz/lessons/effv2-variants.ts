/**
 * The names of the Fused-MBConv experiment (EfficientNetV2 Table 3), apart from the engine so the
 * browser's layout code can read them without pulling in the zoo.
 */

/** The bases: V2-S (the lesson's model) and EfficientNet-B4 (Table 3's own base). */
export const FUSED_BASES = {
  v2s: { model: 'tf_efficientnetv2_s', label: 'EfficientNetV2-S' },
  b4: { model: 'efficientnet_b4', label: 'EfficientNet-B4 (Table 3)' },
} as const;
export type FusedBase = keyof typeof FUSED_BASES;

/** Table 3's variants: how many leading stages are fused (V2 numbering: stage 1 is the first block stage). */
export const FUSED_VARIANTS = ['none', '1-3', '1-5', 'all'] as const;
export type FusedVariant = (typeof FUSED_VARIANTS)[number];

export const VARIANT_LABELS: Readonly<Record<FusedVariant, string>> = {
  none: 'No fused stage',
  '1-3': 'Fused stages 1–3',
  '1-5': 'Fused stages 1–5',
  all: 'Every stage fused',
};

export function fusedCount(variant: FusedVariant, stages: number): number {
  return variant === 'none' ? 0 : variant === 'all' ? stages : Number(variant.split('-')[1]);
}
