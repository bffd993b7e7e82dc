/**
 * The comparisons the site shows between tiny models (tiny.ts), each with the paper claim it
 * tests; at matched MACs where the paper compares at matched cost (the closeness is computed by the
 * engine's analysis and pinned in tests/unit/models/tiny.test.ts).
 */
import { tinyAlphaId, tinySingleDimId } from './tiny-specs.ts';

/** A comparison the site shows: its members, the paper claim, and (when matched) the MACs reference. */
export interface TinyComparison {
  readonly id: string;
  readonly claim: string;
  readonly source: string;
  readonly members: readonly string[];
  /**
   * When the comparison is at matched cost: the member every other's MACs are matched to, and the
   * largest relative MACs difference allowed (tiny.test.ts checks it; the real figure is computed).
   */
  readonly matched?: { readonly to: string; readonly tolerance: number };
}

/**
 * Compound scaling at φ against each single dimension scaled to the same MACs (TINY_SINGLE_DIM),
 * within `tolerance` of the compound model's MACs.
 */
function compoundAt(phi: 1 | 2, tolerance: number): TinyComparison {
  const compound = `tiny_efficientnet_b${phi}`;
  return {
    id: `compound-phi${phi}`,
    claim: 'at the same MACs, scaling all three dimensions beats scaling one',
    source: 'EfficientNet §3.2–3.3, Figures 3 and 8',
    members: [compound, ...(['width', 'depth', 'resolution'] as const).map((d) => tinySingleDimId(d, phi))],
    matched: { to: compound, tolerance },
  };
}

export const TINY_COMPARISONS: readonly TinyComparison[] = [
  {
    id: 'separable-vs-full',
    claim: 'depthwise separable convs lose little accuracy against full convs at equal cost',
    source: 'MobileNetV1 (arXiv 1704.04861) Table 4',
    members: ['tiny_plain', 'tiny_mobilenetv1'],
    matched: { to: 'tiny_mobilenetv1', tolerance: 0.03 },
  },
  {
    id: 'width-multiplier',
    claim: 'accuracy drops smoothly as the width multiplier α shrinks the cost ≈ α²',
    source: 'MobileNetV1 §4.2, Table 6',
    members: ['tiny_mobilenetv1', tinyAlphaId(0.75), tinyAlphaId(0.5), tinyAlphaId(0.25)],
  },
  {
    id: 'linear-bottleneck',
    claim: 'a non-linearity after the projection hurts (linear bottlenecks)',
    source: 'MobileNetV2 (arXiv 1801.04381) §6.3, Figure 6a',
    members: ['tiny_mobilenetv2', 'tiny_mobilenetv2_relu6'],
    matched: { to: 'tiny_mobilenetv2', tolerance: 0 },
  },
  {
    id: 'squeeze-excitation',
    claim: 'SE gates add accuracy for a few per cent more parameters and almost no MACs',
    source: 'EfficientNet (arXiv 1905.11946) §4 (MBConv with SE); SENet (arXiv 1709.01507)',
    members: ['tiny_efficientnet_b0', 'tiny_efficientnet_b0_nose'],
  },
  compoundAt(1, 0.1),
  compoundAt(2, 0.11),
  {
    id: 'compound-curve',
    claim: 'accuracy against MACs along φ = 0…3',
    source: 'EfficientNet Figure 1 and Table 2',
    members: [0, 1, 2, 3].map((p) => `tiny_efficientnet_b${p}`),
  },
  {
    id: 'cnn-vs-vit',
    claim: "at small data and equal cost, the CNN's built-in locality beats a ViT",
    source: 'ViT (arXiv 2010.11929) §4.2–4.3 (ViT needs large data)',
    members: ['tiny_efficientnet_b0', 'tiny_vit'],
    matched: { to: 'tiny_efficientnet_b0', tolerance: 0.07 },
  },
];
