/**
 * The claims of the overview's closing comparison of MobileNetV3 and EfficientNetV2 (seed lines
 * 161–192) and of its footnotes (197–214). Where the engine can weigh a sentence, it does: the
 * kernels of MobileNetV3, the SE of EfficientNetV2's fused stages, what SE adds, what the
 * resolution changes.
 */
import type { Claim } from './factcheck-claim.ts';

const V3 = 'MobileNetV3 paper (arXiv 1905.02244)';
const V2 = 'EfficientNetV2 paper (arXiv 2104.00298)';
const EFF = 'EfficientNet paper (arXiv 1905.11946)';
const SE = 'Squeeze-and-Excitation paper (Hu et al., arXiv 1709.01507) §3';
const INCEPTION = 'Szegedy et al., Rethinking the Inception Architecture (arXiv 1512.00567) §3.1–3.2';

export const NOTES_CLAIMS: readonly Claim[] = [
  {
    id: 'v3-block',
    section: 'notes',
    line: 161,
    quote:
      'MobileNetV3のInverted Residual Block[4:1]は、3x3のDepthwise Convolution[2:2]を1x1のConvolutionで挟んだ構造です。',
    type: 'text',
    verdict: 'misleading',
    models: ['mobilenetv3_large_100'],
    reason:
      'The sandwich is right, the kernel is not: MobileNetV3 uses 5×5 depthwise kernels in several stages, and SE inside the block (Tables 1–2). Footnote 4 repeats it.',
    cite: `${V3} Tables 1–2`,
    evidence: [
      { of: 'dw-kernel', model: 'mobilenetv3_large_100', k: 5 },
      { of: 'dw-kernel', model: 'mobilenetv3_small_100', k: 5 },
    ],
  },
  {
    id: 'v2-block',
    section: 'notes',
    line: 163,
    quote:
      'EfficientNetV2のSqueeze-and-Excitation Block[5:1]は、3x3の畳み込み層とSqueeze-and-Excitation Module[3:3]で構成されています。',
    type: 'text',
    verdict: 'wrong',
    models: ['tf_efficientnetv2_s'],
    reason:
      'EfficientNetV2 has no "SE block". Its new block, Fused-MBConv, is a 3×3 convolution then a 1×1 projection, without SE; the MBConv stages keep SE. Footnote 5 repeats it.',
    cite: `${V2} §3.2, Figure 2, Table 4`,
    evidence: [{ of: 'fused-se', model: 'tf_efficientnetv2_s' }],
  },
  {
    id: 'v3-se-saves',
    section: 'notes',
    line: 167,
    quote:
      'Squeeze-and-Excitation Module[3:6]は、各チャネルの重要度を調整することで、不要なチャネルの処理を省略できます。',
    type: 'text',
    verdict: 'wrong',
    models: ['mobilenetv3_large_100'],
    reason:
      'SE scales every channel by a gate in (0, 1); it skips nothing and adds its own two small layers. It buys accuracy, not savings.',
    cite: `${SE}; ${V3} §5.3`,
    evidence: [{ of: 'se-share', model: 'mobilenetv3_large_100' }],
  },
  {
    id: 'v2-factorized',
    section: 'notes',
    line: 169,
    quote:
      'EfficientNetV2は、Squeeze-and-Excitation Module[3:7]Factorized Convolution[6:1]によって計算量を削減します。',
    type: 'text',
    verdict: 'misleading',
    models: ['tf_efficientnetv2_s'],
    reason:
      'EfficientNetV2 does the opposite in its early stages: Fused-MBConv replaces the depthwise 3×3 and its 1×1 expansion by one regular 3×3 convolution, more multiply-adds that run faster on accelerators. SE adds cost (see above).',
    cite: `${V2} §3.2, Table 3`,
    evidence: [{ of: 'fused-se', model: 'tf_efficientnetv2_s' }],
  },
  {
    id: 'v3-fewer-params',
    section: 'notes',
    line: 173,
    quote: 'MobileNetV3は、EfficientNetV2よりもパラメータ数が少ない傾向にあります。',
    type: 'text',
    verdict: 'correct',
    models: ['mobilenetv3_large_100', 'tf_efficientnetv2_b0'],
    reason: 'The largest MobileNetV3 has fewer parameters than the smallest EfficientNetV2.',
    cite: `${V3} Table 3; ${V2} (V2-B0)`,
    evidence: [
      { of: 'family-params', family: 'MobileNetV3', pick: 'max' },
      { of: 'family-params', family: 'EfficientNetV2', pick: 'min' },
    ],
  },
  {
    id: 'v3-fewer-why',
    section: 'notes',
    line: 173,
    quote: 'これは、MobileNetV3がDepthwise Convolution[2:6]Squeeze-and-Excitation Module[3:9]を採用しているためです。',
    type: 'text',
    verdict: 'misleading',
    models: ['mobilenetv3_large_100', 'tf_efficientnetv2_s'],
    reason:
      'EfficientNetV2 uses depthwise convolutions and SE too (in its MBConv stages); the difference is width and depth, and SE adds parameters rather than saving them.',
    cite: `${V2} Table 4`,
    evidence: [{ of: 'se-share', model: 'mobilenetv3_large_100' }],
  },
  {
    id: 'v2-more-accurate',
    section: 'notes',
    line: 177,
    quote: '一般的に、EfficientNetV2の方がMobileNetV3よりも精度が高い傾向にあります。',
    type: 'text',
    verdict: 'correct',
    models: ['tf_efficientnetv2_b0', 'mobilenetv3_large_100'],
    reason:
      'Even the smallest EfficientNetV2 (B0, 78.7 %) beats MobileNetV3-Large (75.2 %), at several times the multiply-adds.',
    cite: `${V3} Table 3; google/automl efficientnetv2 README`,
    evidence: [
      { of: 'stat', model: 'tf_efficientnetv2_b0', stat: 'macs' },
      { of: 'stat', model: 'mobilenetv3_large_100', stat: 'macs' },
    ],
  },
  {
    id: 'v3-fixed-size',
    section: 'notes',
    line: 185,
    quote: '固定サイズ: MobileNetV3は、一般的に224x224ピクセルの固定サイズの入力を想定しています。',
    type: 'text',
    verdict: 'misleading',
    models: ['mobilenetv3_large_100'],
    reason:
      '224 is where the paper reports it, not a limit: the network ends in global pooling, so it runs at any input size, and the paper itself trades resolution for latency.',
    cite: `${V3} §6.1, Table 3`,
    evidence: [{ of: 'macs-at', model: 'mobilenetv3_large_100', resolution: 160 }],
  },
  {
    id: 'v3-fixed-light',
    section: 'notes',
    line: 186,
    quote: '固定サイズの入力を使用することで、モデルの軽量化と効率性を保っています。',
    type: 'text',
    verdict: 'wrong',
    models: ['mobilenetv3_large_100'],
    reason:
      'The input size changes the multiply-adds, never the parameters, so a fixed size cannot make the model lighter.',
    cite: 'convolution weights do not depend on the input size (MobileNetV1 §4.2, resolution multiplier)',
    evidence: [
      { of: 'params-at', model: 'mobilenetv3_large_100', resolution: 160 },
      { of: 'stat', model: 'mobilenetv3_large_100', stat: 'params' },
    ],
  },
  {
    id: 'v2-compound',
    section: 'notes',
    line: 191,
    quote:
      'EfficientNetV2は、ネットワークの深さ、幅、および解像度のバランスをとるための「Compound Scaling[7:1]」という手法を使用しています。',
    type: 'text',
    verdict: 'misleading',
    models: ['tf_efficientnetv2_s', 'tf_efficientnetv2_m', 'tf_efficientnetv2_l'],
    reason:
      'Only roughly: V2-M and V2-L are scaled from V2-S with "similar compound scaling" plus changes — inference size capped at 480, layers added mostly to the last stages — so the released S/M/L are separate block lists, not φ-steps.',
    cite: `${V2} §3.3`,
  },
  {
    id: 'fn-attention',
    section: 'notes',
    line: 197,
    quote: 'このアテンションメカニズムは、Transformerで使用されるアテンションと同じ根本的な概念に基づいています。',
    type: 'text',
    verdict: 'misleading',
    models: ['efficientnet_b0'],
    reason:
      'SE computes one weight per channel from the pooled map; it does not relate positions to one another as self-attention does, and captures no "global dependencies" between regions.',
    cite: SE,
  },
  {
    id: 'fn-depthwise',
    section: 'notes',
    line: 204,
    quote: 'Depthwise Convolutionでは、各チャネルごとに独立して畳み込みが行われます。',
    type: 'text',
    verdict: 'correct',
    models: ['mobilenetv1_100'],
    reason: 'Each input channel has its own k×k filter (groups = channels).',
    cite: 'MobileNetV1 paper (arXiv 1704.04861) §3.1',
    evidence: [{ of: 'separable-ratio', c: 512, k: 3 }],
  },
  {
    id: 'fn-se',
    section: 'notes',
    line: 206,
    quote:
      'まず、チャネルごとに出力を平均化します。次に、平均化された出力を2つの全結合層に通して、各チャネルの重要度を算出します。',
    type: 'text',
    verdict: 'correct',
    models: ['efficientnet_b0'],
    reason: 'Squeeze (global average pool), excitation (two fully connected layers, a sigmoid), scale.',
    cite: SE,
  },
  {
    id: 'fn-factorized',
    section: 'notes',
    line: 212,
    quote: 'Factorized Convolutionでは、フィルターサイズを半分にすることで、カーネルを2つに分解ができます。',
    type: 'text',
    verdict: 'wrong',
    models: [],
    reason:
      'Factorizing replaces a large kernel by smaller ones that cover the same window — a 5×5 by two 3×3, an n×n by a 1×n then an n×1 — not by halving the filter size; and EfficientNetV2 does not use it.',
    cite: INCEPTION,
  },
  {
    id: 'fn-compound-gain',
    section: 'notes',
    line: 214,
    quote: 'MobileNet(+1.4% ImageNet精度)やResNet(+0.7%)',
    type: 'text',
    verdict: 'unverifiable',
    models: ['mobilenetv1_100'],
    reason:
      "These are accuracy differences from the paper's experiment of scaling MobileNets and ResNet (Table 3); accuracies cannot be computed here, and we did not recheck that table.",
    cite: `${EFF} §3.3, Table 3`,
  },
  {
    id: 'fn-compound-intuition',
    section: 'notes',
    line: 214,
    quote:
      '入力画像が大きい場合、ネットワークはより多くの層を必要とし、より細かいパターンをキャプチャするためにより多くのチャネルが必要になります。',
    type: 'text',
    verdict: 'correct',
    models: ['efficientnet_b0'],
    reason: "This is the paper's own intuition for compound scaling.",
    cite: `${EFF} §3.3`,
  },
];
