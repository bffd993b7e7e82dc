/**
 * The tiny family: one small network per architecture the course teaches, for gray 32×32 inputs
 * (Fashion-MNIST's 28×28, resized) and 10 classes, trained here by one recipe
 * (src/lib/train/family-recipe.ts). They are written in the zoo's own grammar — timm block
 * strings per stage, the same stem / head / SE / rounding fields — and built by the zoo's one
 * builder, so block names, stages and scopes (`blocks.<stage>.<index>.conv_dw` …) mean what they
 * mean in the big models. They are listed apart from the ImageNet zoo (`MODELS`): nothing here
 * changes a zoo model.
 *
 * How each tiny architecture follows its big one: the same stage list, block types, kernels,
 * expansions, SE placement and activations; channels about ¼ of the big model's and repeats cut
 * to 1–2 per stage so one model costs a few MMACs at 32×32; and one or two of the late stride-2
 * stages run at stride 1, because the big models stride 32× (224 → 7) and at 32 px that would
 * leave a 1×1 map: here the last map is 2×2 (total stride 16). Channels are multiples of 8 so
 * that the width multipliers below round exactly as the zoo's do (make_divisible, 10 % rule).
 *
 * This file lists the models; their architectures and spec builders are in tiny-specs.ts, the
 * comparisons the site shows between them (TINY_COMPARISONS, at matched MACs where the paper
 * compares at matched cost) in tiny-comparisons.ts.
 */
import type { Graph } from '../engine/graph.ts';
import { buildFromSpec } from './build.ts';
import type { Family, LayoutOptions, ModelSpec } from './spec.ts';
import {
  TINY_CHANNELS,
  TINY_RESOLUTION,
  TINY_SINGLE_DIM,
  tinyAlphaId,
  tinyCompoundSpec,
  tinyEfficientNetSpec,
  tinyEfficientNetV2Spec,
  tinyMnasnetSpec,
  tinyMobilenetV1Spec,
  tinyMobilenetV2Spec,
  tinyMobilenetV3Spec,
  tinyPlainSpec,
  tinySingleDimId,
  tinyVitSpec,
} from './tiny-specs.ts';

/** What a tiny model is for: the paper claim it helps test. */
export interface TinyEntry {
  readonly id: string;
  readonly family: Family;
  readonly spec: ModelSpec;
  readonly description: string;
}

function entry(id: string, spec: ModelSpec, description: string): TinyEntry {
  return { id, family: spec.family, spec, description };
}

/**
 * B0 scaled in one dimension only, to the MACs of compound φ (TINY_SINGLE_DIM):
 * `tiny_efficientnet_b0_<width|depth|res><φ>`.
 */
function singleDim(dim: 'width' | 'depth' | 'resolution', phi: 1 | 2): TinyEntry {
  const v = TINY_SINGLE_DIM[`${dim}${phi}`];
  return entry(
    tinySingleDimId(dim, phi),
    tinyEfficientNetSpec(dim === 'width' ? v : 1, dim === 'depth' ? v : 1, dim === 'resolution' ? v : TINY_RESOLUTION),
    `B0 scaled in ${dim} only, to the MACs of φ = ${phi}`,
  );
}

export const TINY_MODELS: readonly TinyEntry[] = [
  entry(
    'tiny_plain',
    tinyPlainSpec(),
    "MobileNetV1 with full 3×3 convs instead of depthwise separable ones, narrowed to tiny_mobilenetv1's MACs (MobileNetV1 Table 4)",
  ),
  entry('tiny_mobilenetv1', tinyMobilenetV1Spec(1), 'MobileNetV1, width multiplier α = 1'),
  ...[0.75, 0.5, 0.25].map((a) =>
    entry(tinyAlphaId(a), tinyMobilenetV1Spec(a), `MobileNetV1, width multiplier α = ${a} (MobileNetV1 §4.2, Table 6)`),
  ),
  entry('tiny_mobilenetv2', tinyMobilenetV2Spec(), 'MobileNetV2: inverted residuals with linear bottlenecks'),
  entry(
    'tiny_mobilenetv2_relu6',
    tinyMobilenetV2Spec('relu6'),
    'MobileNetV2 with ReLU6 after every projection: the linear-bottleneck ablation (MobileNetV2 §6.3, Figure 6a)',
  ),
  entry('tiny_mnasnet', tinyMnasnetSpec(), 'MnasNet-A1: searched kernels and SE placement, ReLU'),
  entry(
    'tiny_mobilenetv3',
    tinyMobilenetV3Spec(),
    'MobileNetV3-Large: hard-swish, hard-sigmoid SE on the expanded width, efficient last stage',
  ),
  entry('tiny_efficientnetv2', tinyEfficientNetV2Spec(), 'EfficientNetV2: Fused-MBConv in the early stages'),
  ...[0, 1, 2, 3].map((phi) =>
    entry(
      `tiny_efficientnet_b${phi}`,
      tinyCompoundSpec(phi),
      `EfficientNet compound scaling, φ = ${phi} (depth 1.2^φ, width 1.1^φ, side 32·1.15^φ)`,
    ),
  ),
  ...([1, 2] as const).flatMap((phi) => (['width', 'depth', 'resolution'] as const).map((d) => singleDim(d, phi))),
  entry(
    'tiny_efficientnet_b0_nose',
    tinyEfficientNetSpec(1, 1, TINY_RESOLUTION, false),
    'B0 without squeeze-and-excitation (the SE ablation)',
  ),
  entry(
    'tiny_vit',
    tinyVitSpec(),
    "ViT with 4×4 patches at about tiny_efficientnet_b0's MACs (the CNN ↔ ViT comparison)",
  ),
];

const BY_ID = new Map(TINY_MODELS.map((m) => [m.id, m]));

/** The tiny model `id`; throws listing the ids when unknown. */
export function getTinyModel(id: string): TinyEntry {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown tiny model '${id}'; the family is ${TINY_MODELS.map((e) => e.id).join(', ')}`);
  return m;
}

/** A tiny model's declared graph: input `input` [batch, 1, R, R] → `logits` [batch, 10] (batch 1 unless given). */
export function buildTinyModel(id: string, layout: LayoutOptions = {}): Graph {
  return buildFromSpec(getTinyModel(id).spec, { inChannels: TINY_CHANNELS, ...layout, name: id });
}
