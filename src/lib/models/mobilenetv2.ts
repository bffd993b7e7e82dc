/**
 * MobileNetV2 (arXiv 1801.04381, Table 2): inverted residuals with linear bottlenecks. timm
 * `_gen_mobilenet_v2`: the first block has no expansion conv (`ds`), ReLU6, stem 32, head
 * 1×1 conv to max(1280, round(1280·w)) (the paper keeps 1280 for widths below 1, §6.1).
 */
import { cnnSpec } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';
import { M, timmBench, TIMM_TOP1, TORCHVISION, type Citation, type ZooEntry } from './zoo-entry.ts';

export const MOBILENETV2_ARCH = [
  ['ds_r1_k3_s1_c16'],
  ['ir_r2_k3_s2_e6_c24'],
  ['ir_r3_k3_s2_e6_c32'],
  ['ir_r4_k3_s2_e6_c64'],
  ['ir_r3_k3_s1_e6_c96'],
  ['ir_r3_k3_s2_e6_c160'],
  ['ir_r1_k3_s1_e6_c320'],
] as const;

export function mobilenetV2Spec(width: number, resolution = 224): CnnSpec {
  return cnnSpec('MobileNetV2', MOBILENETV2_ARCH, {
    stem: { channels: 32 },
    head: { kind: 'conv', features: 1280, scaling: 'at-least' },
    act: 'relu6',
    width,
    resolution,
  });
}

const PAPER = 'MobileNetV2 paper (arXiv 1801.04381) Table 4';
const SLIM =
  'TF-slim mobilenet_v2 README (tensorflow/models research/slim/nets/mobilenet; params without BN, 1001 classes)';
/** width → [timm params M, timm GMACs, TF-slim MMACs, TF-slim params M, TF-slim top-1]. */
const ROWS: Record<string, [number, number, number, number, number]> = {
  '035': [1.68, 0.07, 59, 1.66, 60.3],
  '050': [1.97, 0.1, 97, 1.95, 65.4],
  '075': [2.64, 0.22, 209, 2.61, 69.8],
  '100': [3.5, 0.31, 300, 3.47, 71.8],
  '140': [6.11, 0.6, 582, 6.06, 75.0],
};
/** Paper Table 4 rows: top-1, M params, MMACs. */
const TABLE4: Record<string, [number, number, number]> = { '100': [72.0, 3.4, 300], '140': [74.7, 6.9, 585] };

export const MOBILENETV2_MODELS: readonly ZooEntry[] = Object.entries(ROWS).map(([w, [tp, tg, sm, sp, st]]) => {
  const width = Number(w) / 100;
  const published: Citation[] = [];
  if (TABLE4[w])
    published.push({
      source: PAPER,
      top1: TABLE4[w][0],
      params: TABLE4[w][1] * M,
      macs: TABLE4[w][2] * M,
      resolution: 224,
    });
  published.push({ source: SLIM, top1: st, params: sp * M, macs: sm * M, resolution: 224 });
  published.push(timmBench(tp, tg, 224));
  if (w === '100') published.push({ source: TIMM_TOP1, top1: 72.91, resolution: 224 });
  return {
    id: `mobilenetv2_${w}`,
    family: 'MobileNetV2' as const,
    spec: mobilenetV2Spec(width),
    timmParamsM: tp,
    exactParams:
      w === '100' ? { value: 3_504_872, source: `${TORCHVISION}: mobilenet_v2 (same architecture)` } : undefined,
    macsReference:
      w === '100'
        ? {
            value: 0.301e9,
            source: `${TORCHVISION}: mobilenet_v2 _ops`,
            tolerance: 0.002,
            reason: 'torchvision rounds to 1 MMAC',
          }
        : { value: sm * M, source: SLIM, tolerance: 0.03, reason: 'TF-slim rounds to whole millions' },
    published,
  };
});
