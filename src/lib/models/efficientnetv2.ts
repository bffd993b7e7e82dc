/**
 * The EfficientNetV2 rows of the zoo (arXiv 2104.00298): each model's spec, timm's and torchvision's
 * counts and the paper's and README's published figures. The architectures (block strings and the
 * spec builder) are in efficientnetv2-spec.ts. The V2-B* models round channels *without* the 10 %
 * rule (automl `round_filters`; timm `round_limit=0.`). `efficientnetv2_rw_*` are timm's
 * pre-release variants; `gc_efficientnetv2_rw_t` swaps SE for global-context attention.
 */
import { EFFICIENTNETV2_BASE_SCALING } from './scaling.ts';
import type { AttnSpec, CnnSpec } from './spec.ts';
import {
  efficientNetV2Spec,
  EFFICIENTNETV2_BASE_ARCH,
  EFFICIENTNETV2_L_ARCH,
  EFFICIENTNETV2_M_ARCH,
  EFFICIENTNETV2_RW_S_ARCH,
  EFFICIENTNETV2_S_ARCH,
  EFFICIENTNETV2_XL_ARCH,
} from './efficientnetv2-spec.ts';
import { M, timmRow, TIMM_TOP1, TORCHVISION, type Citation, type ZooEntry } from './zoo-entry.ts';

const FIXED_1280 = { kind: 'conv', features: 1280, scaling: 'fixed' } as const;
const ROUND_1280 = { kind: 'conv', features: 1280, scaling: 'round' } as const;

const PAPER = 'EfficientNetV2 paper (arXiv 2104.00298)';
const README = 'google/automl efficientnetv2 README';
const IN21K = 21843;

function base(b: 'b0' | 'b1' | 'b2' | 'b3', numClasses = 1000): CnnSpec {
  const s = EFFICIENTNETV2_BASE_SCALING[b];
  return efficientNetV2Spec({
    arch: EFFICIENTNETV2_BASE_ARCH,
    stem: 32,
    head: ROUND_1280,
    width: s.width,
    depth: s.depth,
    roundLimit: 0,
    tf: true,
    resolution: s.resolution,
    numClasses,
  });
}
/** A `tf_` model (TF SAME padding, BN eps 1e-3) with a 1000-class or an ImageNet-21k head. */
const tfV2 =
  (arch: CnnSpec['arch'], stem: number, head: CnnSpec['head'], resolution: number) =>
  (numClasses = 1000): CnnSpec =>
    efficientNetV2Spec({ arch, stem, head, tf: true, resolution, numClasses });
const vs = tfV2(EFFICIENTNETV2_S_ARCH, 24, ROUND_1280, 384);
const vm = tfV2(EFFICIENTNETV2_M_ARCH, 24, FIXED_1280, 480);
const vl = tfV2(EFFICIENTNETV2_L_ARCH, 32, FIXED_1280, 480);
const vxl = tfV2(EFFICIENTNETV2_XL_ARCH, 32, FIXED_1280, 512);

/** timm's pre-release V2-T (`efficientnetv2_rw_t`), with SE or (gc_) global-context attention. */
const rwT = (attn?: AttnSpec): CnnSpec =>
  efficientNetV2Spec({
    arch: EFFICIENTNETV2_S_ARCH,
    stem: 24,
    head: ROUND_1280,
    width: 0.8,
    depth: 0.9,
    tf: false,
    resolution: 288,
    ...(attn ? { attn } : {}),
  });
const RW_S_HEAD = { kind: 'conv', features: 1792, scaling: 'round' } as const;

function row(
  id: string,
  spec: CnnSpec,
  timmM: number,
  gmacs: number,
  top1: number | undefined,
  extra: Partial<ZooEntry> = {},
  paper: Citation[] = [],
): ZooEntry {
  return timmRow('EfficientNetV2', id, spec, { paramsM: timmM, gmacs, top1 }, paper, extra);
}

function head21k(id: string, of: string, spec: CnnSpec): ZooEntry {
  return {
    id,
    family: 'EfficientNetV2',
    spec,
    headOf: of,
    published: [
      {
        source: `timm efficientnet.py default_cfgs (${id.split('.')[1]}: num_classes=${IN21K}, ImageNet-21k)`,
        resolution: spec.resolution,
      },
    ],
  };
}

const paperMacs = (value: number, reason: string) => ({ value, source: PAPER, tolerance: 0.06, reason });

/** Figures the paper or the README publish for a model: top-1, parameters in millions, MACs at the model's side. */
interface Figures {
  readonly top1: number;
  readonly paramsM: number;
  readonly macs: number;
}

const cite = (source: string, f: Figures, resolution: number): Citation => ({
  source,
  top1: f.top1,
  params: f.paramsM * M,
  macs: f.macs,
  resolution,
});

/**
 * A V2-B* row: timm's counts and top-1, and the paper's figures, whose MACs are the reference
 * (the paper rounds to two digits).
 */
function bRow(
  b: 'b0' | 'b1' | 'b2' | 'b3',
  timmM: number,
  gmacs: number,
  top1: number,
  paper: Figures,
  extra: Partial<ZooEntry> = {},
): ZooEntry {
  const spec = base(b);
  return row(
    `tf_efficientnetv2_${b}`,
    spec,
    timmM,
    gmacs,
    top1,
    { macsReference: paperMacs(paper.macs, 'the paper rounds to two digits'), ...extra },
    [cite(PAPER, paper, spec.resolution)],
  );
}

/**
 * V2-S, M or L and its ImageNet-21k head. The 1k row: timm's counts and top-1; the exact parameter
 * count and MACs torchvision publishes for the same architecture (`efficientnet_v2_<size>`: params
 * and `_ops` at the model's side, the MACs reference, rounded as `tv.reason` says); the paper's and
 * the README's figures.
 */
function sizeRows(
  size: 's' | 'm' | 'l',
  spec: (numClasses?: number) => CnnSpec,
  timm: { readonly paramsM: number; readonly gmacs: number; readonly top1: number },
  tv: { readonly params: number; readonly macs: number; readonly reason: string },
  paper: Figures,
  readme: Figures,
): ZooEntry[] {
  const id = `tf_efficientnetv2_${size}`;
  const name = `efficientnet_v2_${size}`;
  const s = spec();
  const torchvision = {
    exactParams: { value: tv.params, source: `${TORCHVISION}: ${name} (same architecture)` },
    macsReference: {
      value: tv.macs,
      source: `${TORCHVISION}: ${name} _ops at ${s.resolution}`,
      tolerance: 0.002,
      reason: tv.reason,
    },
  };
  return [
    row(id, s, timm.paramsM, timm.gmacs, timm.top1, torchvision, [
      cite(PAPER, paper, s.resolution),
      cite(README, readme, s.resolution),
    ]),
    head21k(`${id}.in21k`, id, spec(IN21K)),
  ];
}

export const EFFICIENTNETV2_MODELS: readonly ZooEntry[] = [
  bRow('b0', 7.14, 0.73, 78.386, { top1: 78.7, paramsM: 7.1, macs: 0.72e9 }),
  bRow('b1', 8.14, 1.21, 79.518, { top1: 79.8, paramsM: 8.1, macs: 1.2e9 }),
  bRow('b2', 10.1, 1.72, 80.226, { top1: 80.5, paramsM: 10.1, macs: 1.7e9 }),
  bRow(
    'b3',
    14.36,
    3.04,
    81.96,
    { top1: 82.1, paramsM: 14.4, macs: 3.0e9 },
    {
      exactParams: {
        value: 14_358_406,
        source: 'timm tf_efficientnetv2_b3, sum of parameter numel (round_limit 0; 14,377,062 with the 10 % rule)',
      },
    },
  ),
  head21k('tf_efficientnetv2_b3.in21k', 'tf_efficientnetv2_b3', base('b3', IN21K)),
  ...sizeRows(
    's',
    vs,
    { paramsM: 21.46, gmacs: 8.44, top1: 83.9 },
    {
      params: 21_458_488,
      macs: 8.366e9,
      reason: "torchvision rounds to 1 MMAC; the paper's 8.8 B and the README's 8.4 B are the same network",
    },
    { top1: 83.9, paramsM: 22, macs: 8.8e9 },
    { top1: 83.9, paramsM: 21.5, macs: 8.4e9 },
  ),
  ...sizeRows(
    'm',
    vm,
    { paramsM: 54.14, gmacs: 24.76, top1: 85.208 },
    { params: 54_139_356, macs: 24.582e9, reason: 'torchvision rounds to 1 MMAC' },
    { top1: 85.1, paramsM: 54, macs: 24e9 },
    { top1: 85.2, paramsM: 54.1, macs: 24.7e9 },
  ),
  ...sizeRows(
    'l',
    vl,
    { paramsM: 118.52, gmacs: 56.4, top1: 85.66 },
    { params: 118_515_272, macs: 56.08e9, reason: 'torchvision rounds to 10 MMAC' },
    { top1: 85.7, paramsM: 120, macs: 53e9 },
    { top1: 85.7, paramsM: 119.5, macs: 56.3e9 },
  ),
  row(
    'tf_efficientnetv2_xl',
    vxl(),
    208.12,
    93.85,
    undefined,
    {
      macsReference: paperMacs(94e9, 'the paper rounds to whole billions'),
    },
    [
      {
        source: PAPER,
        top1: 87.3,
        params: 208 * M,
        macs: 94e9,
        resolution: 512,
        note: 'ImageNet-21k pretrained; no 1k-only result',
      },
      { source: TIMM_TOP1, top1: 86.754, resolution: 512, note: 'in21k_ft_in1k weights' },
    ],
  ),
  head21k('tf_efficientnetv2_xl.in21k', 'tf_efficientnetv2_xl', vxl(IN21K)),
  row('efficientnetv2_rw_t', rwT(), 13.65, 3.19, 82.354),
  row('gc_efficientnetv2_rw_t', rwT({ kind: 'gc' }), 13.68, 3.2, 82.486),
  row(
    'efficientnetv2_rw_s',
    efficientNetV2Spec({
      arch: EFFICIENTNETV2_RW_S_ARCH,
      stem: 24,
      head: RW_S_HEAD,
      tf: false,
      resolution: 384,
    }),
    23.94,
    8.72,
    83.83,
  ),
  row(
    'efficientnetv2_rw_m',
    efficientNetV2Spec({
      arch: EFFICIENTNETV2_RW_S_ARCH,
      stem: 24,
      head: RW_S_HEAD,
      width: 1.2,
      depth: [1.2, 1.2, 1.2, 1.2, 1.6, 1.6],
      tf: false,
      resolution: 416,
    }),
    53.24,
    21.49,
    84.83,
  ),
];
