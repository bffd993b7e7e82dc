/**
 * The progressive-learning stepper: the training image of a stage drawn to scale inside the last
 * stage's image, and the three regularization magnitudes of that stage as bars (each against its
 * largest value in Table 5, so S, M and L compare on one scale).
 */
import { formatSig } from '../charts/number-format.ts';
import {
  MODEL_LABELS,
  REGULARIZER_LABELS,
  REGULARIZERS,
  STAGES,
  TABLE5,
  stageSetting,
  type ProgressiveModel,
} from './effv2-progressive.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';

const px = (v: number): number => Math.round(v * 10) / 10;

const W = 640;
const H = 250;
const BOX = 200;
const LARGEST = Math.max(...Object.values(TABLE5).map((t) => t.imageSize.max));

export function regularizerMax(r: (typeof REGULARIZERS)[number]): number {
  return Math.max(...Object.values(TABLE5).map((t) => t[r].max));
}

export function progressiveScene(model: ProgressiveModel, stage: number): Scene {
  const s = stageSetting(model, stage);
  const e = TABLE5[model].imageSize.max;
  const side = (v: number): number => (v / LARGEST) * BOX;
  const x0 = 16;
  const y0 = 16;
  const marks: Mark[] = [
    {
      kind: 'rect',
      key: 'final',
      class: 'final',
      x: x0,
      y: y0,
      width: px(side(e)),
      height: px(side(e)),
      title: `Last stage: ${e} × ${e}`,
    },
    {
      kind: 'rect',
      key: 'image',
      class: 'image',
      x: x0,
      y: y0,
      width: px(side(s.imageSize)),
      height: px(side(s.imageSize)),
      data: { size: s.imageSize },
    },
    {
      kind: 'text',
      key: 'image-label',
      class: 'label',
      x: x0,
      y: px(y0 + BOX + 24),
      text: `${s.imageSize} × ${s.imageSize} px (last stage ${e})`,
      anchor: 'start',
    },
  ];
  const bx = 280;
  const bw = W - bx - 70;
  REGULARIZERS.forEach((r, i) => {
    const y = 36 + i * 62;
    const v = s[r];
    const max = regularizerMax(r);
    marks.push({
      kind: 'text',
      key: `reg-label-${r}`,
      class: 'label',
      x: bx,
      y: y - 8,
      text: REGULARIZER_LABELS[r],
      anchor: 'start',
    });
    marks.push({ kind: 'rect', key: `reg-track-${r}`, class: 'track', x: bx, y, width: bw, height: 18 });
    marks.push({
      kind: 'rect',
      key: `reg-bar-${r}`,
      class: `reg ${r}`,
      x: bx,
      y,
      width: px((v / max) * bw),
      height: 18,
      data: { value: v },
    });
    marks.push({
      kind: 'text',
      key: `reg-value-${r}`,
      class: 'value',
      x: bx + bw + 8,
      y: y + 9,
      text: formatSig(v),
      anchor: 'start',
      baseline: 'middle',
    });
  });
  return {
    width: W,
    height: H,
    label: `${MODEL_LABELS[model]}, training stage ${stage + 1} of ${STAGES}: images ${s.imageSize} px, RandAugment ${formatSig(s.randaug)}, mixup ${formatSig(s.mixup)}, dropout ${formatSig(s.dropout)}`,
    marks,
  };
}

export function progressiveReadouts(model: ProgressiveModel, stage: number): Readout[] {
  const s = stageSetting(model, stage);
  return [
    { key: 'epochs', label: 'Epochs', value: `${s.firstEpoch}–${s.lastEpoch}` },
    { key: 'size', label: 'Image size', value: `${s.imageSize} px` },
    { key: 'randaug', label: 'RandAugment', value: formatSig(s.randaug) },
    { key: 'mixup', label: 'Mixup α', value: formatSig(s.mixup) },
    { key: 'dropout', label: 'Dropout', value: formatSig(s.dropout) },
  ];
}

/** Algorithm 1's image-size line at this stage, for KaTeX. */
export function progressiveTex(model: ProgressiveModel, stage: number): string {
  const t = TABLE5[model].imageSize;
  const s = stageSetting(model, stage);
  return `S_{${stage}} = S_0 + (S_e - S_0)\\,\\frac{i}{M-1} = ${t.min} + (${t.max} - ${t.min})\\cdot\\frac{${stage}}{${STAGES - 1}} = ${s.imageSize}`;
}
