/**
 * What a family run accumulates while it trains, besides the weights and the optimizer state
 * (those are the checkpoint ONNX file): the per-epoch curve, the first 20 losses (the CI re-runs
 * them), the running sums of the epoch in progress and the seconds spent. It is saved beside every
 * checkpoint as JSON, so a run resumed in another session continues its curve where it stopped.
 */
import type { StepReport } from '../train/trainer.ts';
import type { CurvePoint, EpochPoint } from './manifest.ts';

/** Losses of the first steps kept for the CI's replay (issue: "the first 20 steps"). */
export const FIRST_LOSSES = 20;

/**
 * Points per epoch of the fine training curve. The recipe trains one epoch, so the per-epoch curve
 * is a single point; a tenth of an epoch (≈ 94 steps at batch 64) gives a curve a reader can see
 * fall, each point a mean over its window, so it stays smooth without any test-set cost.
 */
export const SEGMENTS_PER_EPOCH = 10;

/** Steps in one window of the fine curve (the last window of an epoch takes the remainder). */
export const segmentSteps = (stepsPerEpoch: number): number =>
  Math.max(1, Math.ceil(stepsPerEpoch / SEGMENTS_PER_EPOCH));

export interface RunProgress {
  /** Steps done; equals the checkpoint's step. */
  step: number;
  readonly curve: EpochPoint[];
  /** The fine curve: one point per window of `segmentSteps` steps. */
  readonly segments: CurvePoint[];
  readonly firstLosses: number[];
  /** Sums over the epoch in progress. */
  epoch: { lossSum: number; correct: number; images: number; seconds: number };
  /** Sums over the window of the fine curve in progress. */
  window: { lossSum: number; correct: number; images: number; seconds: number };
  /** Wall seconds of training so far, all sessions. */
  trainSeconds: number;
  /** Sessions that worked on this run (1 + resumes). */
  sessions: number;
}

export function newProgress(): RunProgress {
  return {
    step: 0,
    curve: [],
    segments: [],
    firstLosses: [],
    epoch: { lossSum: 0, correct: 0, images: 0, seconds: 0 },
    window: { lossSum: 0, correct: 0, images: 0, seconds: 0 },
    trainSeconds: 0,
    sessions: 1,
  };
}

/**
 * Adds one step's report (taking `seconds` of wall time); when it was the last step of its epoch,
 * closes the epoch and returns its point.
 */
export function recordStep(p: RunProgress, r: StepReport, stepsPerEpoch: number, seconds: number): EpochPoint | null {
  if (r.step !== p.step) throw new Error(`progress is at step ${p.step}, the trainer reported step ${r.step}`);
  p.step = r.step + 1;
  if (p.firstLosses.length < FIRST_LOSSES && r.step === p.firstLosses.length) p.firstLosses.push(r.loss);
  p.epoch.lossSum += r.loss * r.images;
  p.epoch.correct += r.correct;
  p.epoch.images += r.images;
  p.epoch.seconds += seconds;
  p.trainSeconds += seconds;
  p.window.lossSum += r.loss * r.images;
  p.window.correct += r.correct;
  p.window.images += r.images;
  p.window.seconds += seconds;
  const lastOfEpoch = r.batchInEpoch === stepsPerEpoch - 1;
  if (lastOfEpoch || (r.batchInEpoch + 1) % segmentSteps(stepsPerEpoch) === 0) {
    p.segments.push({
      step: r.step + 1,
      epoch: +(r.epoch + (r.batchInEpoch + 1) / stepsPerEpoch).toFixed(4),
      loss: p.window.lossSum / p.window.images,
      accuracy: p.window.correct / p.window.images,
      lr: r.lr,
      seconds: +p.window.seconds.toFixed(3),
    });
    p.window = { lossSum: 0, correct: 0, images: 0, seconds: 0 };
  }
  if (!lastOfEpoch) return null;
  const point: EpochPoint = {
    epoch: r.epoch + 1,
    loss: p.epoch.lossSum / p.epoch.images,
    accuracy: p.epoch.correct / p.epoch.images,
    lr: r.lr,
    seconds: +p.epoch.seconds.toFixed(3),
  };
  p.curve.push(point);
  p.epoch = { lossSum: 0, correct: 0, images: 0, seconds: 0 };
  return point;
}

/** Parses saved progress, refusing one that does not belong to a checkpoint at `step`. */
export function parseProgress(json: string, step: number): RunProgress {
  const p = JSON.parse(json) as RunProgress;
  if (p.step !== step) throw new Error(`progress file is at step ${p.step}, its checkpoint at step ${step}`);
  return p;
}
