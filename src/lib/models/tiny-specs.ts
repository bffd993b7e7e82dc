/**
 * The tiny family's architectures as data (what each follows and why: tiny.ts): the input, one
 * timm block-string list per model, and the spec builders, including the compound and
 * single-dimension scalings of the tiny EfficientNet-B0 and the tiny ViT.
 */
import { compoundMultipliers } from './scaling.ts';
import type { ArchDef } from './decode-arch.ts';
import { cnnSpec, SE_FROM_INPUT } from './cnn-spec.ts';
import type { CnnSpec, Family, VitSpec } from './spec.ts';

/** Fashion-MNIST: gray images, 10 classes, trained at 32×32 (28×28 resized, src/lib/data/resize.ts). */
export const TINY_RESOLUTION = 32;
export const TINY_CHANNELS = 1;
export const TINY_CLASSES = 10;

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

/** A tiny CNN: 10 classes at 32 px and a 16-channel stem unless `fields` says otherwise. */
function tinyCnn(
  family: Family,
  arch: ArchDef,
  fields: Pick<CnnSpec, 'head' | 'act'> & Partial<Omit<CnnSpec, 'kind' | 'family' | 'arch'>>,
): CnnSpec {
  return cnnSpec(family, arch, {
    stem: { channels: 16 },
    resolution: TINY_RESOLUTION,
    numClasses: TINY_CLASSES,
    ...fields,
  });
}

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
  return tinyCnn('MobileNetV1', TINY_MOBILENETV1_ARCH, {
    stem: { channels: TINY_V1_STEM },
    head: { kind: 'none' },
    act: 'relu6',
    width,
  });
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
  return tinyCnn('MobileNetV2', TINY_MOBILENETV2_ARCH, {
    head: { kind: 'conv', features: 320, scaling: 'at-least' },
    act: 'relu6',
    ...(projectionAct ? { projectionAct } : {}),
  });
}

/** The EfficientNet families' head: a 1×1 conv to 320 channels, scaled with the width and rounded. */
const SILU_HEAD = { kind: 'conv', features: 320, scaling: 'round' } as const;

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
  return tinyCnn('MnasNet', TINY_MNASNET_ARCH, {
    head: { kind: 'conv', features: 320, scaling: 'fixed' },
    act: 'relu',
    attn: SE_FROM_INPUT,
  });
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
  return tinyCnn('MobileNetV3', TINY_MOBILENETV3_ARCH, {
    head: { kind: 'efficient', features: 320, bias: true },
    act: 'hard_swish',
    attn: { kind: 'se', fromExpanded: true, round: 'divisible', gate: 'hard_sigmoid', act: 'relu' },
  });
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
  return tinyCnn('EfficientNetV2', TINY_EFFICIENTNETV2_ARCH, {
    head: SILU_HEAD,
    act: 'swish',
    attn: SE_FROM_INPUT,
  });
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
  return tinyCnn('EfficientNet', TINY_EFFICIENTNET_B0_ARCH, {
    head: SILU_HEAD,
    act: 'swish',
    ...(se ? { attn: SE_FROM_INPUT } : {}),
    width,
    depth,
    resolution,
  });
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

/** The id of tiny B0 scaled in `dim` only to the MACs of compound φ (`tiny_efficientnet_b0_res1`). */
export const tinySingleDimId = (dim: 'width' | 'depth' | 'resolution', phi: 1 | 2): string =>
  `tiny_efficientnet_b0_${dim === 'resolution' ? 'res' : dim}${phi}`;

/** The id of tiny MobileNetV1 at width multiplier α < 1 (`tiny_mobilenetv1_075` for 0.75). */
export const tinyAlphaId = (a: number): string => `tiny_mobilenetv1_${String(Math.round(a * 100)).padStart(3, '0')}`;
