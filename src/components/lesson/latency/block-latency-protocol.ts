/**
 * Messages between a device-latency figure and its worker (block-latency.worker.ts). A request
 * carries model specs in the zoo's grammar (latency-pieces.ts `LatencyTarget`), not zoo ids, so a
 * lesson can time any network it rebuilds; units travel as structured clones of plain data.
 */
import type { LatencyUnit, UnitTiming } from '~/lib/viz/lessons/block-latency.ts';
import type { LatencyTarget } from '~/lib/viz/lessons/latency-pieces.ts';

export interface BlockLatencyRequest {
  readonly type: 'measure';
  /** Specs with their cuts, built and cut one after another. */
  readonly targets: readonly LatencyTarget[];
  /** Timed runs per piece (after one warm-up run each). */
  readonly rounds: number;
  /** Which pieces share rounds: all of them, or those of one stage number at a time (latency-pieces.ts timingGroups). */
  readonly groupBy: 'all' | 'stage';
}

export type BlockLatencyResponse =
  | { type: 'progress'; phase: string; done: number; total: number }
  /** The pieces of one target, before timing (MACs and params known). */
  | { type: 'units'; target: string; units: LatencyUnit[] }
  /** Medians for one group of pieces. */
  | { type: 'timings'; timings: UnitTiming[]; threads: number }
  | { type: 'done' }
  | { type: 'error'; message: string };
