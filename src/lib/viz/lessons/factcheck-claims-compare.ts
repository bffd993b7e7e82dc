/**
 * The claims of the overview's comparison table (モデルの比較表, seed lines 55–61) and of its closing
 * comparison of MobileNetV3 and EfficientNetV2 with the footnotes (lines 150–214). Each column of
 * the table is checked against the model the paper puts forward: MobileNetV1 1.0-224, MnasNet-A1,
 * EfficientNet-B0 and EfficientNetV2-S.
 */
import type { Claim, Explanation } from './factcheck-claim.ts';

const V1 = 'MobileNetV1 paper (arXiv 1704.04861)';
const MNAS = 'MnasNet paper (arXiv 1807.11626)';
const EFF = 'EfficientNet paper (arXiv 1905.11946)';
const V2 = 'EfficientNetV2 paper (arXiv 2104.00298)';
const V3 = 'MobileNetV3 paper (arXiv 1905.02244)';
const SE = 'Squeeze-and-Excitation paper (Hu et al., arXiv 1709.01507) §3';

const COLUMNS = [
  { cell: 'MobileNet', model: 'mobilenetv1_100', arxiv: '1704.04861', year: '2017' },
  { cell: 'MnasNet', model: 'semnasnet_100', arxiv: '1807.11626', year: '2018' },
  { cell: 'EfficientNet', model: 'efficientnet_b0', arxiv: '1905.11946', year: '2019' },
  { cell: 'EfficientNetV2', model: 'tf_efficientnetv2_s', arxiv: '2104.00298', year: '2021' },
] as const;

const PARAMS = ['4.2M', '1.9M', '1.3M', '2.7M'] as const;
const FLOPS = ['560M', '1.2G', '1.2G', '2.4G'] as const;
const ATTENTION = '畳み込み層とモジュール化されたアテンションの組み合わせ';

const MNAS_SMALL: Explanation = {
  paper: { from: 'mnasnet_small', field: 'params', source: 'MobileNetV3 paper' },
  label: 'the "Mnas-small" model of the MobileNetV3 paper\'s Table 3, a different, smaller MnasNet',
  verdict: 'wrong',
};

const FLOPS_CAUSE: Record<string, string> = {
  MobileNet:
    "close to the paper's 569 M mult-adds (Table 8) but not a rounding of them, and labelled FLOPs: as FLOPs (2 × MACs) it would be about twice as much",
  MnasNet: 'matches neither the multiply-adds nor twice them; the paper counts 312 M multiply-adds (Table 1)',
  EfficientNet:
    'matches neither the multiply-adds nor twice them; the paper\'s "0.39B FLOPS" for B0 are multiply-adds (Table 2)',
  EfficientNetV2:
    "matches no EfficientNetV2: the smallest, V2-B0, has 0.72 B FLOPs and V2-S 8.8 B (the papers' FLOPs are multiply-adds)",
};

const PARAMS_CAUSE: Record<string, string> = {
  EfficientNet: 'no EfficientNet is this small; the smallest, B0, has 5.3 M (Table 2)',
  EfficientNetV2: 'no EfficientNetV2 is this small; the smallest, V2-B0, has 7.1 M and V2-S 22 M',
};

/**
 * A size row of the table: one figure per column, computed from the column's model and checked
 * against that model's published value; `explains` and `cause` by column where the row has them.
 */
function columnFigures(
  kind: 'params' | 'flops',
  line: number,
  printed: readonly string[],
  field: 'params' | 'macs',
  cause: Record<string, string>,
  explains: Record<string, readonly Explanation[]> = {},
): Claim[] {
  return COLUMNS.map((c, i) => ({
    id: `compare-${kind}-${c.cell.toLowerCase()}`,
    section: 'comparison',
    line,
    cell: c.cell,
    quote: printed[i],
    type: 'figure',
    printed: printed[i],
    kind,
    model: c.model,
    paper: { from: c.model, field },
    models: [c.model],
    explains: explains[c.cell],
    cause: cause[c.cell],
  }));
}

export const COMPARE_CLAIMS: readonly Claim[] = [
  ...COLUMNS.map((c): Claim => ({
    id: `compare-year-${c.cell.toLowerCase()}`,
    section: 'comparison',
    line: 56,
    cell: c.cell,
    quote: c.year,
    type: 'figure',
    printed: c.year,
    kind: 'year',
    paper: { arxiv: c.arxiv },
    models: [c.model],
  })),
  {
    id: 'compare-arch-mobilenet',
    section: 'comparison',
    line: 57,
    cell: 'MobileNet',
    quote: '畳み込み層とプーリング層の組み合わせ',
    type: 'text',
    verdict: 'misleading',
    models: ['mobilenetv1_100'],
    reason:
      'MobileNet is depthwise separable convolutions; it pools once, globally, before the classifier. "Down sampling is handled with strided convolution".',
    cite: `${V1} §3.2, Table 1`,
    evidence: [
      { of: 'pooling', model: 'mobilenetv1_100' },
      { of: 'dw-blocks', model: 'mobilenetv1_100' },
    ],
  },
  {
    id: 'compare-arch-mnasnet',
    section: 'comparison',
    line: 57,
    cell: 'MnasNet',
    quote: ATTENTION,
    type: 'text',
    verdict: 'misleading',
    models: ['semnasnet_100', 'mnasnet_100'],
    reason:
      'The "attention" is squeeze-and-excitation, a per-channel gate from globally pooled features, not Transformer attention; MnasNet-A1 has it in some stages only, MnasNet-B1 not at all.',
    cite: `${MNAS} Figure 7; ${SE}`,
    evidence: [
      { of: 'se-blocks', model: 'semnasnet_100' },
      { of: 'se-blocks', model: 'mnasnet_100' },
    ],
  },
  {
    id: 'compare-arch-effnet',
    section: 'comparison',
    line: 57,
    cell: 'EfficientNet',
    quote: ATTENTION,
    type: 'text',
    verdict: 'misleading',
    models: ['efficientnet_b0'],
    reason:
      'Every block of EfficientNet has squeeze-and-excitation, but it is a channel gate, not the attention of footnote 1.',
    cite: `${EFF} Table 1; ${SE}`,
    evidence: [{ of: 'se-blocks', model: 'efficientnet_b0' }],
  },
  {
    id: 'compare-arch-v2',
    section: 'comparison',
    line: 57,
    cell: 'EfficientNetV2',
    quote: ATTENTION,
    type: 'text',
    verdict: 'misleading',
    models: ['tf_efficientnetv2_s'],
    reason: 'EfficientNetV2 has squeeze-and-excitation only in its MBConv stages; its Fused-MBConv stages have none.',
    cite: `${V2} Table 4; ${SE}`,
    evidence: [
      { of: 'se-blocks', model: 'tf_efficientnetv2_s' },
      { of: 'fused-se', model: 'tf_efficientnetv2_s' },
    ],
  },
  {
    id: 'compare-traits',
    section: 'comparison',
    line: 58,
    quote: '軽量で高速 軽量で高速 高精度で軽量 高精度で軽量',
    type: 'text',
    verdict: 'unverifiable',
    models: ['tf_efficientnetv2_s', 'efficientnet_b0'],
    reason:
      "Adjectives without a figure. The one that can be weighed: EfficientNetV2-S, the smallest of the paper's main models, has about four times the parameters of EfficientNet-B0; V2 aims at training speed and parameter efficiency.",
    cite: `${V2}, abstract, Table 7`,
    evidence: [
      { of: 'stat', model: 'tf_efficientnetv2_s', stat: 'params' },
      { of: 'stat', model: 'efficientnet_b0', stat: 'params' },
    ],
  },
  ...columnFigures('params', 59, PARAMS, 'params', PARAMS_CAUSE, { MnasNet: [MNAS_SMALL] }),
  ...columnFigures('flops', 60, FLOPS, 'macs', FLOPS_CAUSE),
  {
    id: 'compare-top1-mobilenet',
    section: 'comparison',
    line: 61,
    cell: 'MobileNet',
    quote: 'ImageNetでのTop-1精度: 約70%~73%',
    type: 'text',
    verdict: 'correct',
    models: ['mobilenetv1_100', 'mobilenetv2_100'],
    reason:
      'MobileNetV1 1.0-224 has 70.6 % (Table 8), inside the range; 73 % reaches MobileNetV2 (72.0 %), not the 2017 model.',
    cite: `${V1} Table 8; MobileNetV2 paper (arXiv 1801.04381) Table 4`,
  },
  {
    id: 'compare-top1-mnasnet',
    section: 'comparison',
    line: 61,
    cell: 'MnasNet',
    quote: '74.0%',
    type: 'figure',
    printed: '74.0%',
    kind: 'top1',
    paper: { from: 'semnasnet_100', field: 'top1' },
    models: ['semnasnet_100', 'mnasnet_100'],
    explains: [
      {
        paper: { from: 'mnasnet_100', field: 'top1', source: 'MnasNet arXiv v1' },
        label:
          "the first arXiv version's figure for the original MnasNet; the table's other MnasNet figures are of other models",
        verdict: 'misleading',
      },
    ],
  },
  {
    id: 'compare-top1-effnet-low',
    section: 'comparison',
    line: 61,
    cell: 'EfficientNet',
    quote: '約77%',
    type: 'figure',
    printed: '77%',
    kind: 'top1',
    paper: { from: 'efficientnet_b0', field: 'top1' },
    models: ['efficientnet_b0'],
  },
  {
    id: 'compare-top1-effnet-high',
    section: 'comparison',
    line: 61,
    cell: 'EfficientNet',
    quote: '84.6%',
    type: 'figure',
    printed: '84.6%',
    kind: 'top1',
    paper: { from: 'efficientnet_b7', field: 'top1' },
    models: ['efficientnet_b7'],
    cause:
      'not in the paper: B7 has 84.3 % (84.4 % in the first arXiv version); B7 with RandAugment has 84.7 % in the tensorflow/tpu README',
  },
  {
    id: 'compare-top1-v2',
    section: 'comparison',
    line: 61,
    cell: 'EfficientNetV2',
    quote: '約85%~88%',
    type: 'text',
    verdict: 'misleading',
    models: ['tf_efficientnetv2_s', 'tf_efficientnetv2_l', 'tf_efficientnetv2_xl'],
    reason:
      'Only the large models reach it: V2-M (85.1 %) and V2-L (85.7 %) on ImageNet-1k, and the ImageNet-21k-pretrained ones (up to XL, 87.3 %). V2-S has 83.9 %, V2-B0 78.7 %, and none has the 2.7 M parameters printed beside it.',
    cite: `${V2} Table 7; google/automl efficientnetv2 README`,
  },
  {
    id: 'v3-v2-light',
    section: 'notes',
    line: 150,
    quote: 'MobileNetV3とEfficientNetV2は、どちらも軽量なアーキテクチャでありながら',
    type: 'text',
    verdict: 'misleading',
    models: ['mobilenetv3_large_100', 'tf_efficientnetv2_l'],
    reason: 'MobileNetV3 is built for phones; EfficientNetV2-L is a large server model.',
    cite: `${V3} §1; ${V2} Table 7`,
    evidence: [
      { of: 'stat', model: 'mobilenetv3_large_100', stat: 'params' },
      { of: 'stat', model: 'tf_efficientnetv2_l', stat: 'params' },
    ],
  },
];
