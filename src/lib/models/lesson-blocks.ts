/**
 * The blocks lessons embed as small ONNX files (public/models, written by scripts/gen-models.ts):
 * each the zoo's own block at a lesson size, so files stay kilobytes.
 */
import type { BlockSpec } from './spec.ts';

export interface LessonBlock {
  /** File stem in public/models. */
  readonly id: string;
  readonly title: string;
  readonly spec: BlockSpec;
  readonly seed: number;
}

export const LESSON_BLOCKS: readonly LessonBlock[] = [
  {
    id: 'depthwise-separable',
    title: 'MobileNetV1 depthwise separable layer: dw 3×3 + BN + ReLU6, pw 1×1 + BN + ReLU6 (16 → 32 channels, 16×16)',
    spec: {
      kind: 'cnn-block',
      block: 'dsa_r1_k3_s1_c32',
      inChannels: 16,
      resolution: 16,
      act: 'relu6',
      padding: 'symmetric',
      bnEps: 1e-5,
    },
    seed: 1,
  },
  {
    id: 'mbconv-se',
    title:
      'EfficientNet MBConv (expansion 4) with SE: 1×1 expand, dw 3×3, SE (in/4), 1×1 project, residual (16 channels, 16×16)',
    spec: {
      kind: 'cnn-block',
      block: 'ir_r1_k3_s1_e4_c16_se0.25',
      inChannels: 16,
      resolution: 16,
      act: 'swish',
      attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
      padding: 'symmetric',
      bnEps: 1e-5,
    },
    seed: 1,
  },
  {
    id: 'fused-mbconv',
    title: 'EfficientNetV2 Fused-MBConv4: 3×3 expand conv, 1×1 project, residual (16 channels, 16×16)',
    spec: {
      kind: 'cnn-block',
      block: 'er_r1_k3_s1_e4_c16',
      inChannels: 16,
      resolution: 16,
      act: 'swish',
      padding: 'symmetric',
      bnEps: 1e-5,
    },
    seed: 1,
  },
  {
    id: 'mobilenetv3-block',
    title:
      'MobileNetV3 bneck with h-swish: 1×1 expand, dw 5×5, SE (mid/4 → multiple of 8, ReLU, hard-sigmoid), 1×1 project (16 channels, 16×16)',
    spec: {
      kind: 'cnn-block',
      block: 'ir_r1_k5_s1_e3_c16_se0.25',
      inChannels: 16,
      resolution: 16,
      act: 'hard_swish',
      attn: { kind: 'se', fromExpanded: true, round: 'divisible', gate: 'hard_sigmoid', act: 'relu' },
      padding: 'symmetric',
      bnEps: 1e-5,
    },
    seed: 1,
  },
  {
    id: 'vit-block',
    title:
      'ViT encoder block: LayerNorm, 2-head self-attention, LayerNorm, MLP ×4 with GELU, two residuals (17 tokens × 32)',
    spec: { kind: 'vit-block', tokens: 17, dim: 32, heads: 2, mlpRatio: 4 },
    seed: 1,
  },
];
