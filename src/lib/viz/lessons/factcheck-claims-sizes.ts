/**
 * The claims of the overview's size table (一般的なサイズ感, seed lines 77–86) and of its two timm
 * tables (lines 108–146), as rows of data: the row as printed, the zoo model it names, and the
 * published figure it may have come from. Every cell becomes one figure claim.
 */
import { getModel } from '../../models/index.ts';
import type { Claim, Explanation, FigureClaim, PaperRef } from './factcheck-claim.ts';

export interface SizeRow {
  readonly line: number;
  /** The model name as the seed printed it. */
  readonly name: string;
  readonly params: string;
  readonly mb: string;
  /** The zoo model it names; absent for a model that does not exist. */
  readonly model?: string;
  readonly noSuchModel?: string;
  readonly paramsExplains?: readonly Explanation[];
  readonly paramsCause?: string;
  readonly mbCause?: string;
}

const V1_B0: Explanation = {
  paper: { from: 'efficientnet_b0', field: 'params' },
  label: "EfficientNet-B0's parameter count (EfficientNet Table 2), a different model",
  verdict: 'wrong',
};
const FAR = 'far below any published count of this model';
const NO_FORMAT = "matches no storage format of this model's weights (fp32, fp16 or int8)";

export const SIZE_ROWS: readonly SizeRow[] = [
  {
    line: 78,
    name: 'efficientnetv2-s',
    params: '1.2M',
    mb: '4.4',
    model: 'tf_efficientnetv2_s',
    paramsCause: FAR,
    mbCause: NO_FORMAT,
  },
  {
    line: 79,
    name: 'efficientnetv2-m',
    params: '2.2M',
    mb: '7.2',
    model: 'tf_efficientnetv2_m',
    paramsCause: FAR,
    mbCause: NO_FORMAT,
  },
  {
    line: 80,
    name: 'efficientnetv2-l',
    params: '4.0M',
    mb: '10.5',
    model: 'tf_efficientnetv2_l',
    paramsCause: FAR,
    mbCause: NO_FORMAT,
  },
  {
    line: 81,
    name: 'MobileNet v3-Small',
    params: '5.3M',
    mb: '2.9',
    model: 'mobilenetv3_small_100',
    paramsExplains: [V1_B0],
    paramsCause: 'the same figures as the efficientnetv2-b0 row',
    mbCause:
      "not a size: 2.9 M is MobileNetV3-Small's parameter count in the paper's first arXiv version (still in the TF-slim README)",
  },
  {
    line: 82,
    name: 'efficientnetv2-b0',
    params: '5.3M',
    mb: '2.9',
    model: 'tf_efficientnetv2_b0',
    paramsExplains: [V1_B0],
    mbCause: NO_FORMAT,
  },
  {
    line: 83,
    name: 'MobileNet v3-Medium',
    params: '11.2M',
    mb: '4.2',
    noSuchModel: 'there is no MobileNetV3-Medium: the paper defines Large and Small only (§5, Tables 1–2)',
  },
  {
    line: 84,
    name: 'efficientnetv2-b1',
    params: '11.2M',
    mb: '4.2',
    model: 'tf_efficientnetv2_b1',
    paramsCause: 'matches no published count of V2-B1',
    mbCause: NO_FORMAT,
  },
  {
    line: 85,
    name: 'MobileNet v3-Large',
    params: '22.2M',
    mb: '7.1',
    model: 'mobilenetv3_large_100',
    paramsCause: "close to this model's fp32 size in MB, not to its parameter count: the columns look scrambled",
    mbCause: NO_FORMAT,
  },
  {
    line: 86,
    name: 'efficientnetv2-b2',
    params: '22.2M',
    mb: '7.1',
    model: 'tf_efficientnetv2_b2',
    paramsCause: 'matches no published count of V2-B2',
    mbCause: NO_FORMAT,
  },
];

export interface TimmRow {
  readonly line: number;
  /** The timm name with its pretrained tag, as printed. */
  readonly name: string;
  readonly params: string;
  /** The printed image sizes: [train, test], or one size for both. */
  readonly sizes: readonly string[];
  readonly explains?: readonly Explanation[];
}

const r = (line: number, name: string, params: string, ...sizes: string[]): TimmRow => ({ line, name, params, sizes });

export const TIMM_ROWS: readonly TimmRow[] = [
  r(109, 'mobilenetv3_large_100.miil_in21k', '18.6', '224'),
  r(110, 'mobilenetv3_large_100.miil_in21k_ft_in1k', '5.5', '224'),
  r(111, 'mobilenetv3_large_100.ra_in1k', '5.5', '224'),
  r(112, 'mobilenetv3_rw.rmsp_in1k', '5.5', '224'),
  r(113, 'mobilenetv3_small_050.lamb_in1k', '1.6', '224'),
  r(114, 'mobilenetv3_small_075.lamb_in1k', '2.0', '224'),
  r(115, 'mobilenetv3_small_100.lamb_in1k', '2.5', '224'),
  r(116, 'tf_mobilenetv3_large_075.in1k', '4.0', '224'),
  {
    ...r(117, 'tf_mobilenetv3_large_100.in1k', '3.9', '224'),
    explains: [
      {
        paper: { from: 'tf_mobilenetv3_large_minimal_100', field: 'params', source: 'timm results' },
        label: "the next row's count, tf_mobilenetv3_large_minimal_100 (no SE, no hard-swish)",
        verdict: 'wrong',
      },
    ],
  },
  r(118, 'tf_mobilenetv3_large_minimal_100.in1k', '3.9', '224'),
  r(119, 'tf_mobilenetv3_small_075.in1k', '2.0', '224'),
  r(120, 'tf_mobilenetv3_small_100.in1k', '2.5', '224'),
  r(121, 'tf_mobilenetv3_small_minimal_100.in1k', '2.0', '224'),
  r(126, 'efficientnetv2_rw_s.ra2_in1k', '23.9', '288', '384'),
  r(127, 'efficientnetv2_rw_t.ra2_in1k', '13.6', '224', '288'),
  r(128, 'gc_efficientnetv2_rw_t.agc_in1k', '13.7', '224', '288'),
  r(129, 'tf_efficientnetv2_b0.in1k', '7.1', '192', '224'),
  r(130, 'tf_efficientnetv2_b1.in1k', '8.1', '192', '240'),
  r(131, 'tf_efficientnetv2_b2.in1k', '10.1', '208', '260'),
  r(132, 'tf_efficientnetv2_b3.in1k', '14.4', '240', '300'),
  r(133, 'tf_efficientnetv2_b3.in21k', '46.4', '240', '300'),
  r(134, 'tf_efficientnetv2_b3.in21k_ft_in1k', '14.4', '240', '300'),
  r(135, 'tf_efficientnetv2_l.in1k', '118.5', '384', '480'),
  r(136, 'tf_efficientnetv2_l.in21k', '145.2', '384', '480'),
  r(137, 'tf_efficientnetv2_l.in21k_ft_in1k', '118.5', '384', '480'),
  r(138, 'tf_efficientnetv2_m.in1k', '54.1', '384', '480'),
  r(139, 'tf_efficientnetv2_m.in21k', '80.8', '384', '480'),
  r(140, 'tf_efficientnetv2_m.in21k_ft_in1k', '54.1', '384', '480'),
  r(141, 'tf_efficientnetv2_s.in1k', '21.5', '300', '384'),
  r(142, 'tf_efficientnetv2_s.in21k', '48.2', '300', '384'),
  r(143, 'tf_efficientnetv2_s.in21k_ft_in1k', '21.5', '300', '384'),
  r(144, 'efficientnetv2_rw_m.agc_in1k', '53.2', '320', '416'),
  r(145, 'tf_efficientnetv2_xl.in21k', '234.8', '384', '512'),
  r(146, 'tf_efficientnetv2_xl.in21k_ft_in1k', '208.1', '384', '512'),
];

/**
 * The zoo id of a timm name with its pretrained tag: the tag only says which weights, except for
 * the ImageNet-21k heads (`.in21k`, `.miil_in21k`), which are different models (more classes).
 */
export function zooIdOfTimmName(name: string): string {
  const [base, tag] = name.split('.');
  return tag === 'in21k' || tag === 'miil_in21k' ? name : base;
}

/** Training sizes of the official EfficientNetV2 models: google/automl efficientnetv2/effnetv2_configs.py (efficientnetv2_params). */
const AUTOML_TRAIN: Record<string, number> = { b0: 192, b1: 192, b2: 208, b3: 240, s: 300, m: 384, l: 384, xl: 384 };
const AUTOML = 'google/automl efficientnetv2/effnetv2_configs.py, efficientnetv2_params (train size)';

function trainPaper(model: string): PaperRef | undefined {
  const m = /^tf_efficientnetv2_([a-z0-9]+)/.exec(model);
  return m ? { value: AUTOML_TRAIN[m[1]], cite: AUTOML } : undefined;
}

function sizeClaims(row: SizeRow): Claim[] {
  const base = {
    section: 'size' as const,
    line: row.line,
    models: row.model ? [row.model] : [],
    model: row.model,
    noSuchModel: row.noSuchModel,
  };
  const slug = row.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const params: FigureClaim = {
    ...base,
    id: `size-params-${slug}`,
    cell: `${row.name}, パラメータ数`,
    quote: `${row.name} ${row.params}`,
    type: 'figure',
    printed: row.params,
    kind: 'params',
    paper: row.model ? { from: row.model, field: 'params' } : undefined,
    explains: row.paramsExplains,
    cause: row.paramsCause,
  };
  const mb: FigureClaim = {
    ...base,
    id: `size-mb-${slug}`,
    cell: `${row.name}, モデルサイズ (MB)`,
    quote: `${row.params} ${row.mb}`,
    type: 'figure',
    printed: row.mb,
    kind: 'size-mb',
    cause: row.mbCause,
  };
  return [params, mb];
}

function timmClaims(row: TimmRow): Claim[] {
  const model = zooIdOfTimmName(row.name);
  const slug = row.name.replace(/[^a-z0-9]+/g, '-');
  const base = { section: 'timm' as const, line: row.line, models: [model], model };
  const test = row.sizes[row.sizes.length - 1];
  const out: Claim[] = [
    {
      ...base,
      id: `timm-params-${slug}`,
      cell: `${row.name}, Params (M)`,
      quote: `${row.name} ${row.params}`,
      type: 'figure',
      printed: row.params,
      scale: 1e6,
      kind: 'params',
      // A 21k head has no row in timm's ImageNet-1k results: only the engine checks it.
      paper: getModel(model).headOf ? undefined : { from: model, field: 'params', source: 'timm results' },
      explains: row.explains,
    },
    {
      ...base,
      id: `timm-test-${slug}`,
      cell: `${row.name}, test size`,
      quote: `${test} x ${test}`,
      type: 'figure',
      printed: test,
      kind: 'resolution',
    },
  ];
  if (row.sizes.length === 2) {
    const paper = trainPaper(model);
    out.push({
      ...base,
      model: undefined,
      id: `timm-train-${slug}`,
      cell: `${row.name}, train size`,
      quote: `${row.sizes[0]} x ${row.sizes[0]}`,
      type: 'figure',
      printed: row.sizes[0],
      kind: 'resolution',
      paper,
      cause: paper ? undefined : "timm's own training recipe; the zoo keeps only the evaluation size",
    });
  }
  return out;
}

export const SIZE_CLAIMS: readonly Claim[] = SIZE_ROWS.flatMap(sizeClaims);
export const TIMM_CLAIMS: readonly Claim[] = TIMM_ROWS.flatMap(timmClaims);
