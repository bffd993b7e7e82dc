/**
 * Progressive learning with adaptive regularization (EfficientNetV2 §4.2, Algorithm 1, Table 5).
 * Training is cut into M stages; stage i (0-based) trains on images of side
 * S_i = S_0 + (S_e − S_0) · i / (M − 1) with every regularization magnitude interpolated the same
 * way, so small early images get weak regularization and the last stage the strongest. The paper
 * uses M = 4 stages of about 87 epochs each (§5.1: 350 epochs in all).
 */

export const PROGRESSIVE_MODELS = ['s', 'm', 'l'] as const;
export type ProgressiveModel = (typeof PROGRESSIVE_MODELS)[number];

export const REGULARIZERS = ['randaug', 'mixup', 'dropout'] as const;
export type Regularizer = (typeof REGULARIZERS)[number];

export interface Range {
  readonly min: number;
  readonly max: number;
}

export interface ProgressiveSetting {
  readonly imageSize: Range;
  readonly randaug: Range;
  readonly mixup: Range;
  readonly dropout: Range;
}

/** EfficientNetV2 Table 5: "Progressive training settings for EfficientNetV2" (min → max over training). */
export const TABLE5: Readonly<Record<ProgressiveModel, ProgressiveSetting>> = {
  s: {
    imageSize: { min: 128, max: 300 },
    randaug: { min: 5, max: 15 },
    mixup: { min: 0, max: 0 },
    dropout: { min: 0.1, max: 0.3 },
  },
  m: {
    imageSize: { min: 128, max: 380 },
    randaug: { min: 5, max: 20 },
    mixup: { min: 0, max: 0.2 },
    dropout: { min: 0.1, max: 0.4 },
  },
  l: {
    imageSize: { min: 128, max: 380 },
    randaug: { min: 5, max: 25 },
    mixup: { min: 0, max: 0.4 },
    dropout: { min: 0.1, max: 0.5 },
  },
};

export const MODEL_LABELS: Readonly<Record<ProgressiveModel, string>> = {
  s: 'EfficientNetV2-S',
  m: 'EfficientNetV2-M',
  l: 'EfficientNetV2-L',
};
export const REGULARIZER_LABELS: Readonly<Record<Regularizer, string>> = {
  randaug: 'RandAugment magnitude',
  mixup: 'Mixup α',
  dropout: 'Dropout rate',
};

/** §5.1: four stages over 350 epochs. */
export const STAGES = 4;
export const EPOCHS = 350;

export interface StageSetting {
  /** 0-based stage index. */
  readonly stage: number;
  readonly imageSize: number;
  readonly randaug: number;
  readonly mixup: number;
  readonly dropout: number;
  readonly firstEpoch: number;
  readonly lastEpoch: number;
}

/** Algorithm 1: linear from the minimum at stage 0 to the maximum at stage M − 1. */
export function interpolate(r: Range, i: number, m: number): number {
  return m === 1 ? r.max : r.min + ((r.max - r.min) * i) / (m - 1);
}

export function stageSetting(model: ProgressiveModel, i: number, m = STAGES): StageSetting {
  if (!Number.isInteger(i) || i < 0 || i >= m) throw new Error(`stage ${i} is outside 0…${m - 1}`);
  const t = TABLE5[model];
  return {
    stage: i,
    // Image sides are whole pixels; the paper's sizes fall on multiples of 8 only at the ends.
    imageSize: Math.round(interpolate(t.imageSize, i, m)),
    randaug: interpolate(t.randaug, i, m),
    mixup: interpolate(t.mixup, i, m),
    dropout: interpolate(t.dropout, i, m),
    firstEpoch: Math.round((EPOCHS * i) / m),
    lastEpoch: Math.round((EPOCHS * (i + 1)) / m),
  };
}

export function schedule(model: ProgressiveModel, m = STAGES): StageSetting[] {
  return Array.from({ length: m }, (_, i) => stageSetting(model, i, m));
}

/** Pixels per image at a stage relative to the last stage: the saving that buys the speed-up. */
export function pixelShare(model: ProgressiveModel, i: number, m = STAGES): number {
  const s = stageSetting(model, i, m).imageSize;
  const e = TABLE5[model].imageSize.max;
  return (s * s) / (e * e);
}

/** The average pixels per image over the whole schedule (equal-length stages) relative to training at full size throughout. */
export function schedulePixelShare(model: ProgressiveModel, m = STAGES): number {
  return schedule(model, m).reduce((a, s) => a + pixelShare(model, s.stage, m), 0) / m;
}
