/**
 * The claims of the overview's running text (モバイル学習モデルの変遷, lines 15–51 of the seed), in
 * its own words. Figures are checked by factcheck-check.ts; sentences carry a reading and a citation.
 */
import type { Claim } from './factcheck-claim.ts';

const V1 = 'MobileNetV1 paper (Howard et al., arXiv 1704.04861)';
const MNAS = 'MnasNet paper (Tan et al., arXiv 1807.11626)';
const EFF = 'EfficientNet paper (Tan & Le, arXiv 1905.11946)';
const V2 = 'EfficientNetV2 paper (Tan & Le, arXiv 2104.00298)';
const VIT = 'ViT paper (Dosovitskiy et al., arXiv 2010.11929)';

export const TEXT_CLAIMS: readonly Claim[] = [
  { id: 'mobilenet-year', section: 'text', line: 17, quote: '2017年にGoogle AIの研究チームによって発表された', type: 'figure', printed: '2017', kind: 'year', paper: { arxiv: '1704.04861' }, models: ['mobilenetv1_100'] },
  {
    id: 'mobilenet-separable', section: 'text', line: 18, quote: '"Depthwise Separable Convolution"を採用し、計算量を大幅に削減。', type: 'text', verdict: 'correct', models: ['mobilenetv1_100'],
    reason: 'A depthwise 3×3 plus a pointwise 1×1 costs 1/N + 1/9 of a full 3×3 convolution with N output channels; the paper\'s all-full-convolution MobileNet costs 4866 M mult-adds against 569 M.',
    cite: `${V1} §3.1, Table 4`, evidence: [{ of: 'separable-ratio', c: 512, k: 3 }],
  },
  { id: 'mobilenet-top1', section: 'text', line: 19, quote: 'ImageNetでのTop-1精度が70.6%', type: 'figure', printed: '70.6%', kind: 'top1', paper: { from: 'mobilenetv1_100', field: 'top1' }, models: ['mobilenetv1_100'] },
  {
    id: 'mobilenet-devices', section: 'text', line: 20, quote: 'スマートフォンやIoTデバイスなど、リソースが限られた環境での使用に適している。', type: 'text', verdict: 'correct', models: ['mobilenetv1_100'],
    reason: 'The paper presents MobileNets "for mobile and embedded vision applications".', cite: `${V1}, abstract`,
  },
  { id: 'mnasnet-year', section: 'text', line: 24, quote: '2018年にGoogle AIによって発表された', type: 'figure', printed: '2018', kind: 'year', paper: { arxiv: '1807.11626' }, models: ['semnasnet_100'] },
  {
    id: 'mnasnet-different', section: 'text', line: 24, quote: 'MobileNetとは異なるアーキテクチャ', type: 'text', verdict: 'misleading', models: ['semnasnet_100', 'mobilenetv2_100'],
    reason: 'MnasNet is searched, but from MobileNetV2\'s own building block: every block of MnasNet-A1 is an inverted residual (MBConv) around a depthwise convolution.',
    cite: `${MNAS} §4, Figure 7`, evidence: [{ of: 'dw-blocks', model: 'semnasnet_100' }],
  },
  {
    id: 'mnasnet-nas', section: 'text', line: 25, quote: '自動化されたニューラルネットワーク設計(Neural Architecture Search, NAS)を用いて開発。', type: 'text', verdict: 'correct', models: ['semnasnet_100'],
    reason: 'MnasNet is found by reinforcement-learning architecture search whose reward includes latency measured on a phone.', cite: `${MNAS} §3`,
  },
  {
    id: 'mnasnet-top1', section: 'text', line: 26, quote: 'ImageNetでのTop-1精度が74.0%', type: 'figure', printed: '74.0%', kind: 'top1', paper: { from: 'semnasnet_100', field: 'top1' }, models: ['semnasnet_100', 'mnasnet_100'],
    explains: [{ paper: { from: 'mnasnet_100', field: 'top1', source: 'MnasNet arXiv v1' }, label: 'the first arXiv version\'s figure, for the original MnasNet without SE; the final paper\'s MnasNet-A1 has 75.2 %', verdict: 'misleading' }],
  },
  { id: 'effnet-year', section: 'text', line: 30, quote: '2019年にGoogle AIによって発表された', type: 'figure', printed: '2019', kind: 'year', paper: { arxiv: '1905.11946' }, models: ['efficientnet_b0'] },
  {
    id: 'effnet-merge', section: 'text', line: 30, quote: 'MobileNetとMnasNetの研究成果を統合したモデル', type: 'text', verdict: 'correct', models: ['efficientnet_b0'],
    reason: 'B0 comes from the MnasNet search, run on MobileNetV2\'s inverted residual block with squeeze-and-excitation added to every block.',
    cite: `${EFF} §4, Table 1`, evidence: [{ of: 'se-blocks', model: 'efficientnet_b0' }],
  },
  {
    id: 'effnet-uniform', section: 'text', line: 31, quote: 'スケーリング法則を用いてネットワークの幅、深さ、解像度を均等にスケーリングし、効率性を向上。', type: 'text', verdict: 'correct', models: ['efficientnet_b0', 'efficientnet_b7'],
    reason: 'The paper "uniformly scales all dimensions of depth/width/resolution using a compound coefficient": one φ for all three, though not by equal factors (d = 1.2^φ, w = 1.1^φ, r = 1.15^φ).',
    cite: `${EFF}, abstract and §3.3, Equation 3`,
  },
  {
    id: 'effnet-top1', section: 'text', line: 32, quote: 'ImageNetでのTop-1精度が84.6%', type: 'figure', printed: '84.6%', kind: 'top1', paper: { from: 'efficientnet_b7', field: 'top1' }, models: ['efficientnet_b7'],
    cause: 'in no version of the paper: its best model, B7, has 84.3 % (84.4 % in the first arXiv version); B7 with RandAugment has 84.7 % in the tensorflow/tpu README',
  },
  { id: 'v2-year', section: 'text', line: 36, quote: '2021年にGoogle AIによって発表された', type: 'figure', printed: '2021', kind: 'year', paper: { arxiv: '2104.00298' }, models: ['tf_efficientnetv2_s'] },
  {
    id: 'v2-improved', section: 'text', line: 37, quote: '畳み込み層の構造を最適化し、精度と効率性をさらに向上。', type: 'text', verdict: 'correct', models: ['tf_efficientnetv2_s'],
    reason: 'V2 adds Fused-MBConv to the search space and searches for training speed as well as accuracy and parameters.', cite: `${V2} §3.2–3.3`,
  },
  {
    id: 'v2-top1', section: 'text', line: 38, quote: 'ImageNetでのTop-1精度が86.1%', type: 'figure', printed: '86.1%', kind: 'top1', paper: { from: 'tf_efficientnetv2_l', field: 'top1' }, models: ['tf_efficientnetv2_l', 'tf_efficientnetv2_m'],
    cause: 'no EfficientNetV2 in the paper has it: the best trained on ImageNet-1k alone is V2-L (85.7 %), the ImageNet-21k-pretrained M, L and XL have 86.2, 86.8 and 87.3 % (Table 7); 86.1 % is NoisyStudent EfficientNet-B5 in the tensorflow/tpu README',
  },
  {
    id: 'v3-rumour', section: 'text', line: 42, quote: 'EfficientNetV3の開発が進行中であるとの情報があるが、未確認。', type: 'text', verdict: 'unverifiable', models: [],
    reason: 'No source is given, and no paper called EfficientNetV3 exists: the authors\' successor to EfficientNet is EfficientNetV2 (2021), and timm, which implements all of them, has no EfficientNetV3.',
    cite: `${V2}; timm (huggingface/pytorch-image-models) model list`,
  },
  {
    id: 'vit-transformer', section: 'text', line: 46, quote: 'CNNとは異なり、純粋にTransformerベースのアーキテクチャを採用。', type: 'text', verdict: 'correct', models: ['vit_tiny_patch16_224'],
    reason: 'ViT applies a standard Transformer encoder to image patches, with no convolution after the patch projection.', cite: `${VIT} §3.1`,
  },
  {
    id: 'vit-patches', section: 'text', line: 47, quote: '自己注意機構を主体とし、画像をパッチに分割してトランスフォーマーの入力として使用。', type: 'text', verdict: 'correct', models: ['vit_tiny_patch16_224'],
    reason: 'The image is cut into 16×16 patches, each linearly projected into a token; the cost of the encoder is dominated by its attention and MLP layers.', cite: `${VIT} §3.1, Equation 1`,
    evidence: [{ of: 'stat', model: 'vit_tiny_patch16_224', stat: 'macs' }],
  },
  {
    id: 'caveat', section: 'text', line: 51, quote: '表に記載されているパラメータ数とFLOPsは参考値であり、モデルのバージョンや設定によって異なる場合がある。', type: 'text', verdict: 'misleading', models: ['efficientnet_b0'],
    reason: 'Counting conventions do move a count by a few per cent (Keras also counts BatchNorm statistics; papers fold BatchNorm before counting multiply-adds), but not by the multiples the tables below are off by (the ratio column): no EfficientNet, in any version, is as small as the 1.3 M printed for it.',
    cite: 'published counting conventions: PyTorch parameters(), Keras count_params(); MobileNetV3 MAdds after BN folding (timm issue #134)',
    evidence: [{ of: 'family-params', family: 'EfficientNet', pick: 'min' }],
  },
];
