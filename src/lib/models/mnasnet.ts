/**
 * MnasNet (arXiv 1807.11626, Fig. 7): A1 with SE in stages 3, 5 and 6 (timm `semnasnet_*`),
 * B1 without SE (timm `mnasnet_*`, torchvision `mnasnet*`), and timm's `mnasnet_small`.
 * timm `_gen_mnasnet_a1/_b1/_small` (`efficientnet.py`): ReLU, stem 32 (small: 8), head conv to a
 * fixed 1280, SE width = block input × 0.25 (TF `input_filters * se_ratio`).
 */
import { cnnSpec, SE_FROM_INPUT } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';
import { M, timmRow, TIMM_TOP1, TORCHVISION, type Citation, type ZooEntry } from './zoo-entry.ts';

export const MNASNET_A1_ARCH = [
  ['ds_r1_k3_s1_e1_c16_noskip'],
  ['ir_r2_k3_s2_e6_c24'],
  ['ir_r3_k5_s2_e3_c40_se0.25'],
  ['ir_r4_k3_s2_e6_c80'],
  ['ir_r2_k3_s1_e6_c112_se0.25'],
  ['ir_r3_k5_s2_e6_c160_se0.25'],
  ['ir_r1_k3_s1_e6_c320'],
] as const;

export const MNASNET_B1_ARCH = [
  ['ds_r1_k3_s1_c16_noskip'],
  ['ir_r3_k3_s2_e3_c24'],
  ['ir_r3_k5_s2_e3_c40'],
  ['ir_r3_k5_s2_e6_c80'],
  ['ir_r2_k3_s1_e6_c96'],
  ['ir_r4_k5_s2_e6_c192'],
  ['ir_r1_k3_s1_e6_c320_noskip'],
] as const;

export const MNASNET_SMALL_ARCH = [
  ['ds_r1_k3_s1_c8'],
  ['ir_r1_k3_s2_e3_c16'],
  ['ir_r2_k3_s2_e6_c16'],
  ['ir_r4_k5_s2_e6_c32_se0.25'],
  ['ir_r3_k3_s1_e6_c32_se0.25'],
  ['ir_r3_k5_s2_e6_c88_se0.25'],
  ['ir_r1_k3_s1_e6_c144'],
] as const;

export function mnasnetSpec(variant: 'a1' | 'b1' | 'small', width: number): CnnSpec {
  const arch = variant === 'a1' ? MNASNET_A1_ARCH : variant === 'b1' ? MNASNET_B1_ARCH : MNASNET_SMALL_ARCH;
  return cnnSpec('MnasNet', arch, {
    stem: { channels: variant === 'small' ? 8 : 32 },
    head: { kind: 'conv', features: 1280, scaling: 'fixed' },
    act: 'relu',
    attn: SE_FROM_INPUT,
    width,
  });
}

const PAPER = 'MnasNet paper (arXiv 1807.11626) Table 1';
const TPU = 'tensorflow/tpu models/official/mnasnet README';

function row(
  id: string,
  spec: CnnSpec,
  timmM: number,
  gmacs: number,
  extra: Partial<ZooEntry>,
  published: Citation[],
): ZooEntry {
  return timmRow('MnasNet', id, spec, { paramsM: timmM, gmacs }, published, extra);
}

export const MNASNET_MODELS: readonly ZooEntry[] = [
  row(
    'mnasnet_050',
    mnasnetSpec('b1', 0.5),
    2.22,
    0.11,
    {
      exactParams: {
        value: 2_218_512,
        source: `${TORCHVISION}: mnasnet0_5 (same B1 widths: both round 0.5× with the 10 % rule, stem included)`,
      },
      macsReference: {
        value: 0.104e9,
        source: `${TORCHVISION}: mnasnet0_5 _ops`,
        tolerance: 0.005,
        reason: 'torchvision rounds to 1 MMAC',
      },
    },
    [{ source: `${TORCHVISION}: mnasnet0_5`, top1: 67.734, params: 2_218_512, macs: 0.104e9, resolution: 224 }],
  ),
  row(
    'mnasnet_075',
    mnasnetSpec('b1', 0.75),
    3.17,
    0.23,
    {
      exactParams: { value: 3_170_208, source: `${TORCHVISION}: mnasnet0_75 (same B1 widths)` },
      macsReference: {
        value: 0.215e9,
        source: `${TORCHVISION}: mnasnet0_75 _ops`,
        tolerance: 0.003,
        reason: 'torchvision rounds to 1 MMAC',
      },
    },
    [{ source: `${TORCHVISION}: mnasnet0_75`, params: 3_170_208, macs: 0.215e9, resolution: 224 }],
  ),
  row(
    'mnasnet_100',
    mnasnetSpec('b1', 1),
    4.38,
    0.33,
    {
      exactParams: { value: 4_383_312, source: `${TORCHVISION}: mnasnet1_0 (B1, same architecture)` },
      macsReference: {
        value: 0.314e9,
        source: `${TORCHVISION}: mnasnet1_0 _ops`,
        tolerance: 0.002,
        reason: 'torchvision rounds to 1 MMAC',
      },
    },
    [
      { source: 'MnasNet arXiv v1 abstract (the original, no-SE model)', top1: 74.0, resolution: 224 },
      { source: TIMM_TOP1, top1: 74.672, resolution: 224 },
    ],
  ),
  row('mnasnet_140', mnasnetSpec('b1', 1.4), 7.12, 0.6, {}, []),
  row('semnasnet_050', mnasnetSpec('a1', 0.5), 2.08, 0.11, {}, []),
  row('semnasnet_075', mnasnetSpec('a1', 0.75), 2.91, 0.23, {}, [{ source: TIMM_TOP1, top1: 73.0, resolution: 224 }]),
  row(
    'semnasnet_100',
    mnasnetSpec('a1', 1),
    3.89,
    0.32,
    {
      macsReference: {
        value: 312e6,
        source: PAPER,
        tolerance: 0.01,
        reason: 'the paper counts MAdds after BN folding (tpu README lists 315.2 M); conv+linear is 311.6 M',
      },
    },
    [
      { source: PAPER, top1: 75.2, params: 3.9 * M, macs: 312 * M, resolution: 224 },
      { source: TPU, top1: 75.2, params: 3.9 * M, macs: 315.2 * M, resolution: 224 },
      { source: TIMM_TOP1, top1: 75.452, resolution: 224 },
    ],
  ),
  row('semnasnet_140', mnasnetSpec('a1', 1.4), 6.11, 0.6, {}, []),
  row('mnasnet_small', mnasnetSpec('small', 1), 2.03, 0.07, {}, [
    { source: TIMM_TOP1, top1: 66.204, resolution: 224 },
    {
      source:
        'MobileNetV3 paper (arXiv 1905.02244) Table 3, "Mnas-small" (a different MnasNet-small, secondary source)',
      top1: 64.9,
      params: 1.9 * M,
      macs: 65 * M,
      resolution: 224,
    },
  ]),
];
