/**
 * MobileNetV3 (arXiv 1905.02244, Tables 1–2): MobileNetV2 blocks with SE on the expanded
 * channels, hard-swish in the late stages and the "efficient last stage" (§5.1: pool, then a
 * 1×1 conv with bias and no BN). timm `_gen_mobilenet_v3` / `_gen_mobilenet_v3_rw`
 * (`mobilenetv3.py`); `tf_` variants use TF SAME padding and BN eps 1e-3. "Minimal" variants drop
 * SE and hard-swish and use 3×3 kernels only.
 */
import { cnnSpec, tfLayout } from './cnn-spec.ts';
import type { CnnSpec } from './spec.ts';
import {
  M,
  timmMacsReference,
  timmRow,
  TIMM_PROFILER_REASON,
  TORCHVISION,
  type Citation,
  type ZooEntry,
} from './zoo-entry.ts';

export const MOBILENETV3_LARGE_ARCH = [
  ['ds_r1_k3_s1_e1_c16_nre'], // 112² in, ReLU
  ['ir_r1_k3_s2_e4_c24_nre', 'ir_r1_k3_s1_e3_c24_nre'],
  ['ir_r3_k5_s2_e3_c40_se0.25_nre'],
  ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'], // 28² in, hard-swish from here
  ['ir_r2_k3_s1_e6_c112_se0.25'],
  ['ir_r3_k5_s2_e6_c160_se0.25'],
  ['cn_r1_k1_s1_c960'],
] as const;

export const MOBILENETV3_SMALL_ARCH = [
  ['ds_r1_k3_s2_e1_c16_se0.25_nre'], // 112² in
  ['ir_r1_k3_s2_e4.5_c24_nre', 'ir_r1_k3_s1_e3.67_c24_nre'],
  ['ir_r1_k5_s2_e4_c40_se0.25', 'ir_r2_k5_s1_e6_c40_se0.25'],
  ['ir_r2_k5_s1_e3_c48_se0.25'],
  ['ir_r3_k5_s2_e6_c96_se0.25'],
  ['cn_r1_k1_s1_c576'],
] as const;

export const MOBILENETV3_LARGE_MINIMAL_ARCH = [
  ['ds_r1_k3_s1_e1_c16'],
  ['ir_r1_k3_s2_e4_c24', 'ir_r1_k3_s1_e3_c24'],
  ['ir_r3_k3_s2_e3_c40'],
  ['ir_r1_k3_s2_e6_c80', 'ir_r1_k3_s1_e2.5_c80', 'ir_r2_k3_s1_e2.3_c80'],
  ['ir_r2_k3_s1_e6_c112'],
  ['ir_r3_k3_s2_e6_c160'],
  ['cn_r1_k1_s1_c960'],
] as const;

export const MOBILENETV3_SMALL_MINIMAL_ARCH = [
  ['ds_r1_k3_s2_e1_c16'],
  ['ir_r1_k3_s2_e4.5_c24', 'ir_r1_k3_s1_e3.67_c24'],
  ['ir_r1_k3_s2_e4_c40', 'ir_r2_k3_s1_e6_c40'],
  ['ir_r2_k3_s1_e3_c48'],
  ['ir_r3_k3_s2_e6_c96'],
  ['cn_r1_k1_s1_c576'],
] as const;

/** timm's own pre-paper-code variant: first block `noskip`, SE rounded with round() and using the block act, head conv without bias. */
export const MOBILENETV3_RW_ARCH = [['ds_r1_k3_s1_e1_c16_nre_noskip'], ...MOBILENETV3_LARGE_ARCH.slice(1)] as const;

export interface MobileNetV3Options {
  readonly size: 'large' | 'small';
  readonly width: number;
  readonly minimal?: boolean;
  /** TF SAME padding and BN eps 1e-3 (timm `tf_` models). */
  readonly tf?: boolean;
  readonly numClasses?: number;
}

export function mobilenetV3Spec(o: MobileNetV3Options): CnnSpec {
  const arch =
    o.size === 'large'
      ? o.minimal
        ? MOBILENETV3_LARGE_MINIMAL_ARCH
        : MOBILENETV3_LARGE_ARCH
      : o.minimal
        ? MOBILENETV3_SMALL_MINIMAL_ARCH
        : MOBILENETV3_SMALL_ARCH;
  return cnnSpec('MobileNetV3', arch, {
    // timm: fix_stem = channel_multiplier < 0.75.
    stem: { channels: 16, fixedBelowWidth: 0.75 },
    head: { kind: 'efficient', features: o.size === 'large' ? 1280 : 1024, bias: true },
    act: o.minimal ? 'relu' : 'hard_swish',
    // §5.3: SE width is 1/4 of the expansion layer's channels, rounded to a multiple of 8; ReLU inside, hard-sigmoid gate.
    attn: { kind: 'se', fromExpanded: true, round: 'divisible', gate: 'hard_sigmoid', act: 'relu' },
    width: o.width,
    ...tfLayout(o.tf),
    numClasses: o.numClasses ?? 1000,
  });
}

export function mobilenetV3RwSpec(): CnnSpec {
  return cnnSpec('MobileNetV3', MOBILENETV3_RW_ARCH, {
    stem: { channels: 16 },
    head: { kind: 'efficient', features: 1280, bias: false },
    act: 'hard_swish',
    attn: { kind: 'se', fromExpanded: true, round: 'round', gate: 'hard_sigmoid' },
    // PyTorch padding with TF's BN eps, as timm builds it.
    bnEps: 1e-3,
  });
}

const PAPER = 'MobileNetV3 paper (arXiv 1905.02244) Table 3';
const BN_FOLD =
  'the paper counts MAdds after folding BN into the convs (rwightman, pytorch-image-models#134); conv+linear differs by about 1 %';
const LARGE_EXACT = { value: 5_483_032, source: `${TORCHVISION}: mobilenet_v3_large (same architecture)` };
const SMALL_EXACT = { value: 2_542_856, source: `${TORCHVISION}: mobilenet_v3_small (same architecture)` };

function row(
  id: string,
  spec: CnnSpec,
  timmM: number,
  gmacs: number,
  top1: number,
  extra: Partial<ZooEntry> = {},
  paper?: Citation,
): ZooEntry {
  const macsReference = paper?.macs
    ? { value: paper.macs, source: paper.source, tolerance: 0.03, reason: BN_FOLD }
    : timmMacsReference(gmacs, 'no paper figure; ' + TIMM_PROFILER_REASON);
  return timmRow('MobileNetV3', id, spec, { paramsM: timmM, gmacs, top1 }, paper ? [paper] : [], {
    macsReference,
    ...extra,
  });
}

const large100 = { source: PAPER, top1: 75.2, macs: 219 * M, params: 5.4 * M, resolution: 224 };
const large075 = { source: PAPER, top1: 73.3, macs: 155 * M, params: 4.0 * M, resolution: 224 };
const small100 = { source: PAPER, top1: 67.4, macs: 56 * M, params: 2.5 * M, resolution: 224 };
const small075 = { source: PAPER, top1: 65.4, macs: 44 * M, params: 2.0 * M, resolution: 224 };

export const MOBILENETV3_MODELS: readonly ZooEntry[] = [
  row(
    'mobilenetv3_large_100',
    mobilenetV3Spec({ size: 'large', width: 1 }),
    5.48,
    0.23,
    75.784,
    { exactParams: LARGE_EXACT },
    large100,
  ),
  {
    id: 'mobilenetv3_large_100.miil_in21k',
    family: 'MobileNetV3',
    spec: mobilenetV3Spec({ size: 'large', width: 1, numClasses: 11221 }),
    headOf: 'mobilenetv3_large_100',
    published: [
      { source: 'timm mobilenetv3.py default_cfgs (miil_in21k: num_classes=11221, ImageNet-21K-P)', resolution: 224 },
    ],
  },
  row('mobilenetv3_rw', mobilenetV3RwSpec(), 5.48, 0.23, 75.616),
  row('mobilenetv3_small_050', mobilenetV3Spec({ size: 'small', width: 0.5 }), 1.59, 0.03, 57.918),
  row('mobilenetv3_small_075', mobilenetV3Spec({ size: 'small', width: 0.75 }), 2.04, 0.05, 65.284, {}, small075),
  row(
    'mobilenetv3_small_100',
    mobilenetV3Spec({ size: 'small', width: 1 }),
    2.54,
    0.06,
    67.636,
    { exactParams: SMALL_EXACT },
    small100,
  ),
  row(
    'tf_mobilenetv3_large_075',
    mobilenetV3Spec({ size: 'large', width: 0.75, tf: true }),
    3.99,
    0.16,
    73.442,
    {},
    large075,
  ),
  row(
    'tf_mobilenetv3_large_100',
    mobilenetV3Spec({ size: 'large', width: 1, tf: true }),
    5.48,
    0.23,
    75.51,
    { exactParams: LARGE_EXACT },
    large100,
  ),
  row(
    'tf_mobilenetv3_large_minimal_100',
    mobilenetV3Spec({ size: 'large', width: 1, minimal: true, tf: true }),
    3.92,
    0.22,
    72.27,
  ),
  row(
    'tf_mobilenetv3_small_075',
    mobilenetV3Spec({ size: 'small', width: 0.75, tf: true }),
    2.04,
    0.05,
    65.706,
    {},
    small075,
  ),
  row(
    'tf_mobilenetv3_small_100',
    mobilenetV3Spec({ size: 'small', width: 1, tf: true }),
    2.54,
    0.06,
    67.922,
    { exactParams: SMALL_EXACT },
    small100,
  ),
  row(
    'tf_mobilenetv3_small_minimal_100',
    mobilenetV3Spec({ size: 'small', width: 1, minimal: true, tf: true }),
    2.04,
    0.06,
    62.892,
  ),
];
