/**
 * Messages between a page and the training worker (src/workers/train.worker.ts). Everything is
 * structured-clonable: graphs hold Maps and typed arrays, the image set typed arrays.
 */
import type { Graph, Tensor } from '../engine/index.ts';
import type { ImageSet } from '../data/fashion-mnist.ts';
import type { Recipe, TrainerState } from './trainer.ts';

export type TrainRequest =
  /**
   * Sets up a run (replacing any other) and starts it unless `paused`. The memory for one step is
   * computed up front; over `memoryBudget` bytes the run is refused with the figures.
   */
  | {
      type: 'start';
      graph: Graph;
      data: ImageSet;
      recipe: Recipe;
      norm: { mean: number; std: number };
      /** Post 'progress' every this many steps (default 10; always on the last step). */
      progressEvery?: number;
      memoryBudget?: number;
      state?: TrainerState;
      paused?: boolean;
    }
  /** Stop after the current step; 'paused' is posted. */
  | { type: 'pause' }
  /** Continue a paused run. */
  | { type: 'resume' }
  /** Run exactly one batch (while paused); its 'progress' is posted. */
  | { type: 'step' }
  /** End the run after the current step; 'cancelled' is posted. */
  | { type: 'cancel' }
  /** Post a copy of the current weights (and BatchNorm statistics). */
  | { type: 'snapshot' };

export interface TrainProgress {
  /** Steps done. */
  step: number;
  totalSteps: number;
  epoch: number;
  /** Loss of the last step. */
  loss: number;
  /** Accuracy over the steps since the previous report, a fraction. */
  accuracy: number;
  lr: number;
  imagesPerSecond: number;
}

export interface TrainMemoryReport {
  keptBytes: number;
  parameterBytes: number;
  gradientBytes: number;
  optimizerBytes: number;
  totalBytes: number;
}

export type TrainResponse =
  | { type: 'started'; totalSteps: number; stepsPerEpoch: number; step: number; memory: TrainMemoryReport }
  | { type: 'progress'; progress: TrainProgress }
  | { type: 'paused'; step: number }
  | { type: 'done'; step: number }
  | { type: 'cancelled'; step: number }
  | { type: 'snapshot'; step: number; weights: Record<string, Tensor> }
  | { type: 'error'; code: string; message: string; step?: number };

export interface TrainPort {
  postMessage(message: TrainResponse): void;
}
