/**
 * EfficientNet B0–B7 (arXiv 1905.11946, Table 1 for B0; §3.3 compound scaling). One B0 spec,
 * scaled by the table in scaling.ts with timm's rounding (`_gen_efficientnet`): channels by
 * round_channels (10 % rule), repeats by ceil, head round(1280·w); SiLU; SE on the block input × 0.25.
 */
import { EFFICIENTNET_SCALING } from './scaling.ts';
import { cnnSpec, SE_FROM_INPUT } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';
import { M, timmBench, TORCHVISION, type ZooEntry } from './zoo-entry.ts';

export const EFFICIENTNET_B0_ARCH = [
  ['ds_r1_k3_s1_e1_c16_se0.25'], // 112² in (stage input sizes at 224)
  ['ir_r2_k3_s2_e6_c24_se0.25'], // 112²
  ['ir_r2_k5_s2_e6_c40_se0.25'], // 56²
  ['ir_r3_k3_s2_e6_c80_se0.25'], // 28²
  ['ir_r3_k5_s1_e6_c112_se0.25'], // 14²
  ['ir_r4_k5_s2_e6_c192_se0.25'], // 14²
  ['ir_r1_k3_s1_e6_c320_se0.25'], // 7²
] as const;

export function efficientNetSpec(width: number, depth: number, resolution: number): CnnSpec {
  return cnnSpec('EfficientNet', EFFICIENTNET_B0_ARCH, {
    stem: { channels: 32 },
    head: { kind: 'conv', features: 1280, scaling: 'round' },
    act: 'swish',
    attn: SE_FROM_INPUT,
    width,
    depth,
    resolution,
  });
}

const PAPER = 'EfficientNet paper (arXiv 1905.11946) Table 2';
/** Per model: paper top-1, params (M), FLOPs (= multiply-adds, B); timm params M and GMACs; torchvision exact params and GMACs (at the resolution given). */
const ROWS = {
  b0: { paper: [77.1, 5.3, 0.39], timm: [5.29, 0.4], tv: [5_288_548, 0.386, 224] },
  b1: { paper: [79.1, 7.8, 0.7], timm: [7.79, 0.71], tv: [7_794_184, 0.687, 240] },
  b2: { paper: [80.1, 9.2, 1.0], timm: [9.11, 1.02], tv: [9_109_994, 1.088, 288] },
  b3: { paper: [81.6, 12, 1.8], timm: [12.23, 1.87], tv: [12_233_232, 1.827, 300] },
  b4: { paper: [82.9, 19, 4.2], timm: [19.34, 4.49], tv: [19_341_616, 4.394, 380] },
  b5: { paper: [83.6, 30, 9.9], timm: [30.39, 10.46], tv: [30_389_784, 10.266, 456] },
  b6: { paper: [84.0, 43, 19], timm: [43.04, 19.4], tv: [43_040_704, 19.068, 528] },
  b7: { paper: [84.3, 66, 37], timm: [66.35, 38.33], tv: [66_347_960, 37.746, 600] },
} as const;

export const EFFICIENTNET_MODELS: readonly ZooEntry[] = (Object.keys(ROWS) as (keyof typeof ROWS)[]).map((b) => {
  const { width, depth, resolution } = EFFICIENTNET_SCALING[b];
  const { paper, timm, tv } = ROWS[b];
  const tvAtRes = tv[2] === resolution;
  return {
    id: `efficientnet_${b}`,
    family: 'EfficientNet',
    spec: efficientNetSpec(width, depth, resolution),
    timmParamsM: timm[0],
    exactParams: { value: tv[0], source: `${TORCHVISION}: efficientnet_${b} (same architecture)` },
    macsReference: tvAtRes
      ? {
          value: tv[1] * 1e9,
          source: `${TORCHVISION}: efficientnet_${b} _ops at ${resolution}`,
          tolerance: 0.002,
          reason: 'torchvision rounds to 1 MMAC',
        }
      : { value: paper[2] * 1e9, source: PAPER, tolerance: 0.03, reason: 'the paper rounds to two significant digits' },
    published: [
      {
        source: PAPER,
        top1: paper[0],
        params: paper[1] * M,
        macs: paper[2] * 1e9,
        resolution,
        note: '"FLOPS" in the paper are multiply-adds',
      },
      timmBench(timm[0], timm[1], resolution),
      { source: `${TORCHVISION}: efficientnet_${b}`, params: tv[0], macs: tv[1] * 1e9, resolution: tv[2] },
    ],
  };
});
