/**
 * Vision Transformer (arXiv 2010.11929 §3.1, Table 1), 16×16 patches at 224: Ti/S/B after timm
 * `vit_tiny/small/base_patch16_224` (`vision_transformer.py`): class token, learned position
 * embeddings, 12 pre-norm blocks (MHSA + MLP ×4, GELU), final LayerNorm on the class token,
 * Linear head. Ti and S were introduced by DeiT (arXiv 2012.12877 Table 1: width, heads, depth,
 * parameters); their ImageNet top-1 is in DeiT's Table 5. DeiT prints no FLOPs or MACs (Tables 1
 * and 5 give parameters, throughput and accuracy), so the MACs reference is timm's benchmark.
 */
import type { VitSpec } from './spec.ts';
import { M, TIMM_BENCH, timmBench, TIMM_TOP1, TORCHVISION, type ZooEntry } from './zoo-entry.ts';

export function vitSpec(dim: number, heads: number, resolution = 224, numClasses = 1000): VitSpec {
  return { kind: 'vit', family: 'ViT', patch: 16, dim, depth: 12, heads, mlpRatio: 4, resolution, numClasses };
}

const DEIT = 'DeiT paper (arXiv 2012.12877) Table 1 (params) and Table 5 (top-1)';
const VIT = 'ViT paper (arXiv 2010.11929) Table 1 / torchvision vit_b_16';

/**
 * A DeiT size (Ti, S): DeiT's top-1 and parameters (millions), timm's parameters, GMACs (the MACs
 * reference, within 1 % as timm prints them; `note` adds to why) and top-1 of its augreg weights.
 */
function deitRow(
  size: 'tiny' | 'small',
  dim: number,
  heads: number,
  deit: { top1: number; paramsM: number },
  timm: { paramsM: number; gmacs: number; top1: number },
  note?: string,
): ZooEntry {
  const reason = `timm prints ${timm.gmacs} G${note ? `; ${note}` : ''}`;
  return {
    id: `vit_${size}_patch16_224`,
    family: 'ViT',
    spec: vitSpec(dim, heads),
    timmParamsM: timm.paramsM,
    macsReference: { value: timm.gmacs * 1e9, source: TIMM_BENCH, tolerance: 0.01, reason },
    published: [
      {
        source: DEIT,
        top1: deit.top1,
        params: deit.paramsM * M,
        resolution: 224,
        note: `DeiT-${size === 'tiny' ? 'Ti' : 'S'}`,
      },
      timmBench(timm.paramsM, timm.gmacs, 224),
      { source: TIMM_TOP1, top1: timm.top1, resolution: 224, note: 'augreg in21k → in1k' },
    ],
  };
}

export const VIT_MODELS: readonly ZooEntry[] = [
  deitRow(
    'tiny',
    192,
    3,
    { top1: 72.2, paramsM: 5 },
    { paramsM: 5.72, gmacs: 1.26, top1: 75.452 },
    'conv+linear+attention matmuls give the same to three digits',
  ),
  deitRow('small', 384, 6, { top1: 79.8, paramsM: 22 }, { paramsM: 22.05, gmacs: 4.61, top1: 81.402 }),
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
      timmBench(86.57, 17.58, 224),
      { source: TIMM_TOP1, top1: 85.108, resolution: 224, note: 'augreg2 in21k → in1k' },
    ],
  },
];
