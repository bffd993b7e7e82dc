/**
 * The architectures this course follows, in publication order. Dates are the first arXiv version
 * of each paper (the arXiv identifier encodes year and month); ideas are our one-line summaries.
 */
export interface Milestone {
  model: string;
  /** First arXiv submission, YYYY-MM. */
  date: string;
  arxiv: string;
  idea: string;
  /** The lesson that teaches it (a lesson slug), when there is one. */
  lesson?: string;
}

export const TIMELINE: readonly Milestone[] = [
  {
    model: 'MobileNetV1',
    date: '2017-04',
    arxiv: '1704.04861',
    idea: 'Depthwise separable convolutions, width and resolution multipliers.',
    lesson: 'depthwise-separable',
  },
  {
    model: 'MobileNetV2',
    date: '2018-01',
    arxiv: '1801.04381',
    idea: 'Inverted residuals with linear bottlenecks.',
    lesson: 'inverted-residuals',
  },
  {
    model: 'MnasNet',
    date: '2018-07',
    arxiv: '1807.11626',
    idea: 'Architecture search with measured phone latency in the reward.',
    lesson: 'mnasnet',
  },
  {
    model: 'MobileNetV3',
    date: '2019-05',
    arxiv: '1905.02244',
    idea: 'Search plus hand design: hard-swish and squeeze-and-excitation.',
    lesson: 'mobilenetv3',
  },
  {
    model: 'EfficientNet',
    date: '2019-05',
    arxiv: '1905.11946',
    idea: 'Compound scaling of depth, width and resolution from one searched base.',
    lesson: 'compound-scaling',
  },
  {
    model: 'ViT',
    date: '2020-10',
    arxiv: '2010.11929',
    idea: 'Patches and self-attention instead of convolutions, for comparison.',
    lesson: 'vit-vs-cnn',
  },
  {
    model: 'EfficientNetV2',
    date: '2021-04',
    arxiv: '2104.00298',
    idea: 'Fused-MBConv early stages and training-aware search.',
    lesson: 'efficientnetv2',
  },
];

export function arxivUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}
