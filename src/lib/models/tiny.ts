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
 * Comparisons (TINY_COMPARISONS) are at matched MACs where the paper compares at matched cost;
 * the closeness is a property of the specs, computed by the engine's analysis and pinned in
 * tests/unit/models/tiny.test.ts (never typed into a page).
 */
import type { Graph } from '../engine/graph.ts';
import { buildFromSpec } from './build.ts';
import { compoundMultipliers } from './scaling.ts';
import type { ArchDef } from './decode-arch.ts';
import type { AttnSpec, CnnSpec, Family, LayoutOptions, ModelSpec, VitSpec } from './spec.ts';

/** Fashion-MNIST: gray images, 10 classes, trained at 32×32 (28×28 resized, src/lib/data/resize.ts). */
export const TINY_RESOLUTION = 32;
export const TINY_CHANNELS = 1;
export const TINY_CLASSES = 10;

const BASE = {
  numClasses: TINY_CLASSES,
  resolution: TINY_RESOLUTION,
  roundLimit: 0.9,
  padding: 'symmetric',
  bnEps: 1e-5,
  depth: 1,
} as const;

/**
 * MobileNetV1 (mobilenetv1.ts) small: a 3×3 stride-2 stem and `dsa` layers (dw 3×3 + BN + act,
 * pw 1×1 + BN + act), 5 stages as in the paper's Table 1; the last stage at stride 1.
 */
export const TINY_MOBILENETV1_ARCH: ArchDef = [
  ['dsa_r1_k3_s1_c32'],
  ['dsa_r2_k3_s2_c64'],
  ['dsa_r2_k3_s2_c128'],
  ['dsa_r2_k3_s2_c256'],
  ['dsa_r1_k3_s1_c256'],
];
const TINY_V1_STEM = 16;

/**
 * The MobileNetV1 paper's baseline (Table 4, "Conv MobileNet"): the same layers with each
 * depthwise separable pair replaced by one full 3×3 conv (+ BN + act), timm's `cn` block. At the
 * same widths it costs ≈ 9× more, so it is built narrower (TINY_PLAIN_WIDTH) to match
 * tiny_mobilenetv1's MACs — the comparison the issue asks for ("at about equal MACs").
 */
export const TINY_PLAIN_ARCH: ArchDef = TINY_MOBILENETV1_ARCH.map((stage) =>
  stage.map((s) => s.replace(/^dsa_/, 'cn_')),
);
/** Width multiplier of tiny_plain, the one (on a 0.01 grid) whose MACs are closest to tiny_mobilenetv1's (tiny.test.ts re-searches it). */
export const TINY_PLAIN_WIDTH = 0.28;

export function tinyMobilenetV1Spec(width: number): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'MobileNetV1',
    arch: TINY_MOBILENETV1_ARCH,
    stem: { channels: TINY_V1_STEM },
    head: { kind: 'none' },
    act: 'relu6',
    width,
  };
}

export function tinyPlainSpec(width = TINY_PLAIN_WIDTH): CnnSpec {
  return { ...tinyMobilenetV1Spec(width), arch: TINY_PLAIN_ARCH };
}

/** MobileNetV2 (mobilenetv2.ts) small: its 7 stages, ReLU6, linear bottlenecks, head conv; stages 3 and 5 at stride 1. */
export const TINY_MOBILENETV2_ARCH: ArchDef = [
  ['ds_r1_k3_s1_c8'],
  ['ir_r2_k3_s2_e6_c16'],
  ['ir_r2_k3_s2_e6_c16'],
  ['ir_r2_k3_s1_e6_c24'],
  ['ir_r2_k3_s1_e6_c32'],
  ['ir_r2_k3_s2_e6_c48'],
  ['ir_r1_k3_s1_e6_c80'],
];

export function tinyMobilenetV2Spec(projectionAct?: 'relu6'): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'MobileNetV2',
    arch: TINY_MOBILENETV2_ARCH,
    stem: { channels: 16 },
    head: { kind: 'conv', features: 320, scaling: 'at-least' },
    act: 'relu6',
    width: 1,
    ...(projectionAct ? { projectionAct } : {}),
  };
}

const SE_INPUT: AttnSpec = { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' };

/** MnasNet-A1 (mnasnet.ts) small: ReLU, 5×5 kernels and SE where A1 has them; stages 3 and 5 at stride 1. */
export const TINY_MNASNET_ARCH: ArchDef = [
  ['ds_r1_k3_s1_e1_c8_noskip'],
  ['ir_r2_k3_s2_e6_c16'],
  ['ir_r2_k5_s2_e3_c16_se0.25'],
  ['ir_r2_k3_s1_e6_c24'],
  ['ir_r1_k3_s1_e6_c32_se0.25'],
  ['ir_r2_k5_s2_e6_c48_se0.25'],
  ['ir_r1_k3_s1_e6_c80'],
];

export function tinyMnasnetSpec(): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'MnasNet',
    arch: TINY_MNASNET_ARCH,
    stem: { channels: 16 },
    head: { kind: 'conv', features: 320, scaling: 'fixed' },
    act: 'relu',
    attn: SE_INPUT,
    width: 1,
  };
}

/**
 * MobileNetV3-Large (mobilenetv3.ts) small: ReLU early and hard-swish late, SE on the expanded
 * width with a hard-sigmoid gate, the efficient last stage (pool, then 1×1 conv with bias).
 */
export const TINY_MOBILENETV3_ARCH: ArchDef = [
  ['ds_r1_k3_s1_e1_c8_nre'],
  ['ir_r1_k3_s2_e4_c16_nre', 'ir_r1_k3_s1_e3_c16_nre'],
  ['ir_r2_k5_s2_e3_c16_se0.25_nre'],
  ['ir_r1_k3_s1_e6_c24', 'ir_r1_k3_s1_e2.5_c24'],
  ['ir_r1_k3_s1_e6_c32_se0.25'],
  ['ir_r2_k5_s2_e6_c48_se0.25'],
  ['cn_r1_k1_s1_c240'],
];

export function tinyMobilenetV3Spec(): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'MobileNetV3',
    arch: TINY_MOBILENETV3_ARCH,
    stem: { channels: 16 },
    head: { kind: 'efficient', features: 320, bias: true },
    act: 'hard_swish',
    attn: { kind: 'se', fromExpanded: true, round: 'divisible', gate: 'hard_sigmoid', act: 'relu' },
    width: 1,
  };
}

/** EfficientNetV2-B0 (efficientnetv2.ts) small: a `cn` stage, Fused-MBConv (`er`) early, MBConv + SE late, SiLU, all 3×3. */
export const TINY_EFFICIENTNETV2_ARCH: ArchDef = [
  ['cn_r1_k3_s1_e1_c8_skip'],
  ['er_r1_k3_s2_e4_c16'],
  ['er_r2_k3_s2_e4_c24'],
  ['ir_r2_k3_s1_e4_c32_se0.25'],
  ['ir_r2_k3_s1_e6_c40_se0.25'],
  ['ir_r2_k3_s2_e6_c64_se0.25'],
];

export function tinyEfficientNetV2Spec(): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'EfficientNetV2',
    arch: TINY_EFFICIENTNETV2_ARCH,
    stem: { channels: 16 },
    head: { kind: 'conv', features: 320, scaling: 'round' },
    act: 'swish',
    attn: SE_INPUT,
    width: 1,
  };
}

/**
 * EfficientNet-B0 (efficientnet.ts, paper Table 1) small: its 7 stages with their kernels (3, 3,
 * 5, 3, 5, 5, 3), expansion 6, SE 0.25 of the block input, SiLU; channels as B0 at width ¼
 * (8–80, head 320); repeats 1–2 per stage (B0 has 1, 2, 2, 3, 3, 4, 1); stages 3 and 5 at
 * stride 1 so the last map at 32 px is 2×2. With so few repeats, depth scaling's ceil(n·d) adds a
 * block to every 1-block stage from d = 1.2 on (B0 → B1 in the big family adds one to 2 of 7 stages),
 * so compound steps cost more here than 2^φ: the test pins the ratios.
 */
export const TINY_EFFICIENTNET_B0_ARCH: ArchDef = [
  ['ds_r1_k3_s1_e1_c8_se0.25'],
  ['ir_r1_k3_s2_e6_c16_se0.25'],
  ['ir_r1_k5_s2_e6_c16_se0.25'],
  ['ir_r2_k3_s1_e6_c24_se0.25'],
  ['ir_r1_k5_s1_e6_c32_se0.25'],
  ['ir_r2_k5_s2_e6_c48_se0.25'],
  ['ir_r1_k3_s1_e6_c80_se0.25'],
];

/** The tiny B0 at multipliers (width, depth) and side; `se: false` drops every SE (the SE ablation). */
export function tinyEfficientNetSpec(width: number, depth: number, resolution: number, se = true): CnnSpec {
  return {
    ...BASE,
    kind: 'cnn',
    family: 'EfficientNet',
    arch: TINY_EFFICIENTNET_B0_ARCH,
    stem: { channels: 16 },
    head: { kind: 'conv', features: 320, scaling: 'round' },
    act: 'swish',
    ...(se ? { attn: SE_INPUT } : {}),
    width,
    depth,
    resolution,
  };
}

/**
 * Compound scaling of the tiny B0 (EfficientNet §3.3, Equation 3): depth α^φ, width β^φ, side
 * 32·γ^φ, with the zoo's channel and repeat rounding (in the builder). The side is rounded to the
 * nearest pixel: the playground's multiple-of-8 rule (src/lib/viz/scaling/scaling-config.ts) would move a
 * 32 px input by up to ±4 px (±12 %, ±25 % in MACs) and blur the comparison.
 */
export function tinyCompoundSpec(phi: number): CnnSpec {
  const m = compoundMultipliers(phi);
  return tinyEfficientNetSpec(m.width, m.depth, Math.round(TINY_RESOLUTION * m.resolution));
}

/**
 * Single-dimension scaling of the tiny B0 matched to the MACs of φ = 1 and φ = 2 (EfficientNet
 * §3.2, Figure 3; Figure 8 compares at equal FLOPS). Each value is the one (width on a 0.01 grid,
 * depth on a 0.1 grid, side in whole pixels; tiny-match.ts `singleDimMatch`) whose MACs are
 * closest to the compound model's; tiny.test.ts repeats the search and pins the closeness.
 * Rounding makes MACs a step function: depth moves only when ceil(n·d) does (a whole block per
 * stage), the side only when a ceil(R/2^k) map grows a row, so depth-only lands 9.4 % (φ = 1)
 * and 6.8 % (φ = 2) from the target and resolution-only 1.0 % and 10.2 %; width-only ≤ 0.3 %.
 */
export const TINY_SINGLE_DIM: Readonly<
  Record<'width1' | 'depth1' | 'resolution1' | 'width2' | 'depth2' | 'resolution2', number>
> = {
  width1: 2.09,
  depth1: 3.1,
  resolution1: 57,
  width2: 2.75,
  depth2: 5.6,
  resolution2: 81,
};

/**
 * ViT (vit.ts) small with 4×4 patches: 8×8 = 64 patch tokens and a class token, pre-norm blocks,
 * GELU MLP ×4, sized to about tiny_efficientnet_b0's MACs: of dims 24–48 (multiples of 8) and
 * depths 1–4, dim 24 × depth 2 is the closest (6.1 % fewer MACs; tiny.test.ts pins it).
 */
export function tinyVitSpec(): VitSpec {
  return {
    kind: 'vit',
    family: 'ViT',
    patch: 4,
    dim: 24,
    depth: 2,
    heads: 2,
    mlpRatio: 4,
    resolution: TINY_RESOLUTION,
    numClasses: TINY_CLASSES,
  };
}

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

const alphaId = (a: number): string => `tiny_mobilenetv1_${String(Math.round(a * 100)).padStart(3, '0')}`;

export const TINY_MODELS: readonly TinyEntry[] = [
  entry(
    'tiny_plain',
    tinyPlainSpec(),
    "MobileNetV1 with full 3×3 convs instead of depthwise separable ones, narrowed to tiny_mobilenetv1's MACs (MobileNetV1 Table 4)",
  ),
  entry('tiny_mobilenetv1', tinyMobilenetV1Spec(1), 'MobileNetV1, width multiplier α = 1'),
  ...[0.75, 0.5, 0.25].map((a) =>
    entry(alphaId(a), tinyMobilenetV1Spec(a), `MobileNetV1, width multiplier α = ${a} (MobileNetV1 §4.2, Table 6)`),
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
  entry(
    'tiny_efficientnet_b0_width1',
    tinyEfficientNetSpec(TINY_SINGLE_DIM.width1, 1, TINY_RESOLUTION),
    'B0 scaled in width only, to the MACs of φ = 1',
  ),
  entry(
    'tiny_efficientnet_b0_depth1',
    tinyEfficientNetSpec(1, TINY_SINGLE_DIM.depth1, TINY_RESOLUTION),
    'B0 scaled in depth only, to the MACs of φ = 1',
  ),
  entry(
    'tiny_efficientnet_b0_res1',
    tinyEfficientNetSpec(1, 1, TINY_SINGLE_DIM.resolution1),
    'B0 scaled in resolution only, to the MACs of φ = 1',
  ),
  entry(
    'tiny_efficientnet_b0_width2',
    tinyEfficientNetSpec(TINY_SINGLE_DIM.width2, 1, TINY_RESOLUTION),
    'B0 scaled in width only, to the MACs of φ = 2',
  ),
  entry(
    'tiny_efficientnet_b0_depth2',
    tinyEfficientNetSpec(1, TINY_SINGLE_DIM.depth2, TINY_RESOLUTION),
    'B0 scaled in depth only, to the MACs of φ = 2',
  ),
  entry(
    'tiny_efficientnet_b0_res2',
    tinyEfficientNetSpec(1, 1, TINY_SINGLE_DIM.resolution2),
    'B0 scaled in resolution only, to the MACs of φ = 2',
  ),
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
    members: ['tiny_mobilenetv1', alphaId(0.75), alphaId(0.5), alphaId(0.25)],
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
  {
    id: 'compound-phi1',
    claim: 'at the same MACs, scaling all three dimensions beats scaling one',
    source: 'EfficientNet §3.2–3.3, Figures 3 and 8',
    members: [
      'tiny_efficientnet_b1',
      'tiny_efficientnet_b0_width1',
      'tiny_efficientnet_b0_depth1',
      'tiny_efficientnet_b0_res1',
    ],
    matched: { to: 'tiny_efficientnet_b1', tolerance: 0.1 },
  },
  {
    id: 'compound-phi2',
    claim: 'at the same MACs, scaling all three dimensions beats scaling one',
    source: 'EfficientNet §3.2–3.3, Figures 3 and 8',
    members: [
      'tiny_efficientnet_b2',
      'tiny_efficientnet_b0_width2',
      'tiny_efficientnet_b0_depth2',
      'tiny_efficientnet_b0_res2',
    ],
    matched: { to: 'tiny_efficientnet_b2', tolerance: 0.11 },
  },
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
