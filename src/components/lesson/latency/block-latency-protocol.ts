/**
 * Messages between a block-latency figure and its worker (block-latency.worker.ts). Units travel as
 * structured clones of block-latency.ts's plain data.
 */
import type { LatencyUnit, UnitLevel, UnitTiming } from '~/lib/viz/lessons/block-latency.ts';

export interface BlockLatencyRequest {
  readonly type: 'measure';
  /** Zoo ids, measured one after another. */
  readonly models: readonly string[];
  /** Levels to cut each model at; every level's pieces are timed in the same rounds. */
  readonly levels: readonly UnitLevel[];
  /** Timed runs per piece (after one warm-up run each). */
  readonly rounds: number;
}

export type BlockLatencyResponse =
  | { type: 'progress'; phase: string; done: number; total: number }
  /** The pieces of one model, before timing (MACs and params known). */
  | { type: 'units'; model: string; units: LatencyUnit[] }
  /** Medians for one model's pieces, all levels together. */
  | { type: 'timings'; model: string; timings: UnitTiming[]; threads: number }
  | { type: 'done' }
  | { type: 'error'; message: string };
