/**
 * EfficientNetV2's architectures as data (arXiv 2104.00298, Table 4 for V2-S; timm
 * `_gen_efficientnetv2_base/_s/_m/_l/_xl` in `efficientnet.py`): the block strings per stage and the
 * one spec builder. Fused-MBConv (`er`) in the early stages, MBConv with SE (on the block input ×
 * 0.25) later, every kernel 3×3, SiLU; `tf` models use TF SAME padding and BN eps 1e-3. The zoo's
 * rows (published figures) are in efficientnetv2.ts.
 */
import { cnnSpec, SE_FROM_INPUT, tfLayout } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';

export const EFFICIENTNETV2_BASE_ARCH = [
  ['cn_r1_k3_s1_e1_c16_skip'],
  ['er_r2_k3_s2_e4_c32'],
  ['er_r2_k3_s2_e4_c48'],
  ['ir_r3_k3_s2_e4_c96_se0.25'],
  ['ir_r5_k3_s1_e6_c112_se0.25'],
  ['ir_r8_k3_s2_e6_c192_se0.25'],
] as const;

export const EFFICIENTNETV2_S_ARCH = [
  ['cn_r2_k3_s1_e1_c24_skip'],
  ['er_r4_k3_s2_e4_c48'],
  ['er_r4_k3_s2_e4_c64'],
  ['ir_r6_k3_s2_e4_c128_se0.25'],
  ['ir_r9_k3_s1_e6_c160_se0.25'],
  ['ir_r15_k3_s2_e6_c256_se0.25'],
] as const;

/** timm's pre-release guess at V2-S from the paper's figure: a fused first stage, 272 final channels. */
export const EFFICIENTNETV2_RW_S_ARCH = [
  ['er_r2_k3_s1_e1_c24'],
  ...EFFICIENTNETV2_S_ARCH.slice(1, -1),
  ['ir_r15_k3_s2_e6_c272_se0.25'],
] as const;

export const EFFICIENTNETV2_M_ARCH = [
  ['cn_r3_k3_s1_e1_c24_skip'],
  ['er_r5_k3_s2_e4_c48'],
  ['er_r5_k3_s2_e4_c80'],
  ['ir_r7_k3_s2_e4_c160_se0.25'],
  ['ir_r14_k3_s1_e6_c176_se0.25'],
  ['ir_r18_k3_s2_e6_c304_se0.25'],
  ['ir_r5_k3_s1_e6_c512_se0.25'],
] as const;

export const EFFICIENTNETV2_L_ARCH = [
  ['cn_r4_k3_s1_e1_c32_skip'],
  ['er_r7_k3_s2_e4_c64'],
  ['er_r7_k3_s2_e4_c96'],
  ['ir_r10_k3_s2_e4_c192_se0.25'],
  ['ir_r19_k3_s1_e6_c224_se0.25'],
  ['ir_r25_k3_s2_e6_c384_se0.25'],
  ['ir_r7_k3_s1_e6_c640_se0.25'],
] as const;

export const EFFICIENTNETV2_XL_ARCH = [
  ['cn_r4_k3_s1_e1_c32_skip'],
  ['er_r8_k3_s2_e4_c64'],
  ['er_r8_k3_s2_e4_c96'],
  ['ir_r16_k3_s2_e4_c192_se0.25'],
  ['ir_r24_k3_s1_e6_c256_se0.25'],
  ['ir_r32_k3_s2_e6_c512_se0.25'],
  ['ir_r8_k3_s1_e6_c640_se0.25'],
] as const;

/** The arch, the stem's width, the head and the side; SE on the block input unless `attn`; `tf`: SAME padding, eps 1e-3. */
type V2Options = Pick<CnnSpec, 'arch' | 'head' | 'resolution'> &
  Partial<Pick<CnnSpec, 'width' | 'depth' | 'roundLimit' | 'numClasses' | 'attn'>> & {
    readonly stem: number;
    readonly tf: boolean;
  };

export function efficientNetV2Spec({ arch, stem, tf, attn = SE_FROM_INPUT, ...rest }: V2Options): CnnSpec {
  return cnnSpec('EfficientNetV2', arch, { stem: { channels: stem }, act: 'swish', attn, ...tfLayout(tf), ...rest });
}
