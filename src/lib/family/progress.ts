/**
 * What a family run accumulates while it trains, besides the weights and the optimizer state
 * (those are the checkpoint ONNX file): the per-epoch curve, the first 20 losses (the CI re-runs
 * them), the running sums of the epoch in progress and the seconds spent. It is saved beside every
 * checkpoint as JSON, so a run resumed in another session continues its curve where it stopped.
 */
import type { StepReport } from '../train/trainer.ts';
import type { EpochPoint } from './manifest.ts';

/** Losses of the first steps kept for the CI's replay (issue: "the first 20 steps"). */
export const FIRST_LOSSES = 20;

export interface RunProgress {
  /** Steps done; equals the checkpoint's step. */
  step: number;
  readonly curve: EpochPoint[];
  readonly firstLosses: number[];
  /** Sums over the epoch in progress. */
  epoch: { lossSum: number; correct: number; images: number; seconds: number };
  /** Wall seconds of training so far, all sessions. */
  trainSeconds: number;
  /** Sessions that worked on this run (1 + resumes). */
  sessions: number;
}

export function newProgress(): RunProgress {
  return {
    step: 0,
    curve: [],
    firstLosses: [],
    epoch: { lossSum: 0, correct: 0, images: 0, seconds: 0 },
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
  if (r.batchInEpoch !== stepsPerEpoch - 1) return null;
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
