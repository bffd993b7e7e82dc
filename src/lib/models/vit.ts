/**
 * Vision Transformer (arXiv 2010.11929 §3.1, Table 1), 16×16 patches at 224: Ti/S/B after timm
 * `vit_tiny/small/base_patch16_224` (`vision_transformer.py`): class token, learned position
 * embeddings, 12 pre-norm blocks (MHSA + MLP ×4, GELU), final LayerNorm on the class token,
 * Linear head. Ti and S were introduced by DeiT (arXiv 2012.12877 Table 1: width, heads, depth,
 * parameters); their ImageNet top-1 is in DeiT's Table 5. DeiT prints no FLOPs or MACs (Tables 1
 * and 5 give parameters, throughput and accuracy), so the MACs reference is timm's benchmark.
 */
import type { VitSpec } from './spec.ts';
import { M, TIMM_BENCH, TIMM_TOP1, TORCHVISION, type ZooEntry } from './zoo-entry.ts';

export function vitSpec(dim: number, heads: number, resolution = 224, numClasses = 1000): VitSpec {
  return { kind: 'vit', family: 'ViT', patch: 16, dim, depth: 12, heads, mlpRatio: 4, resolution, numClasses };
}

const DEIT = 'DeiT paper (arXiv 2012.12877) Table 1 (params) and Table 5 (top-1)';
const VIT = 'ViT paper (arXiv 2010.11929) Table 1 / torchvision vit_b_16';

export const VIT_MODELS: readonly ZooEntry[] = [
  {
    id: 'vit_tiny_patch16_224',
    family: 'ViT',
    spec: vitSpec(192, 3),
    timmParamsM: 5.72,
    macsReference: {
      value: 1.26e9,
      source: TIMM_BENCH,
      tolerance: 0.01,
      reason: 'timm prints 1.26 G; conv+linear+attention matmuls give the same to three digits',
    },
    published: [
      { source: DEIT, top1: 72.2, params: 5 * M, resolution: 224, note: 'DeiT-Ti' },
      { source: TIMM_BENCH, params: 5.72 * M, macs: 1.26e9, resolution: 224 },
      { source: TIMM_TOP1, top1: 75.452, resolution: 224, note: 'augreg in21k → in1k' },
    ],
  },
  {
    id: 'vit_small_patch16_224',
    family: 'ViT',
    spec: vitSpec(384, 6),
    timmParamsM: 22.05,
    macsReference: { value: 4.61e9, source: TIMM_BENCH, tolerance: 0.01, reason: 'timm prints 4.61 G' },
    published: [
      { source: DEIT, top1: 79.8, params: 22 * M, resolution: 224, note: 'DeiT-S' },
      { source: TIMM_BENCH, params: 22.05 * M, macs: 4.61e9, resolution: 224 },
      { source: TIMM_TOP1, top1: 81.402, resolution: 224, note: 'augreg in21k → in1k' },
    ],
  },
  {
    id: 'vit_base_patch16_224',
    family: 'ViT',
    spec: vitSpec(768, 12),
    timmParamsM: 86.57,
    exactParams: { value: 86_567_656, source: `${TORCHVISION}: vit_b_16 (same architecture)` },
    macsReference: {
      value: 17.564e9,
      source: `${TORCHVISION}: vit_b_16 _ops`,
      tolerance: 0.001,
      reason: 'torchvision rounds to 1 MMAC',
    },
    published: [
      { source: VIT, params: 86 * M, macs: 17.6e9, resolution: 224 },
      { source: TIMM_BENCH, params: 86.57 * M, macs: 17.58e9, resolution: 224 },
      { source: TIMM_TOP1, top1: 85.108, resolution: 224, note: 'augreg2 in21k → in1k' },
    ],
  },
];
