/** Messages between the playground's "Measure it" panel and its worker (measure.worker.ts). */
export interface MeasureJob {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly depth: number;
  readonly resolution: number;
}

export type MeasureRequest = { readonly type: 'measure'; readonly jobs: readonly MeasureJob[]; readonly runs: number };

export type MeasureResponse =
  | {
      readonly type: 'progress';
      readonly job: string;
      readonly phase: string;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'measured'; readonly job: string; readonly medianMs: number; readonly threads: number }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly job?: string; readonly message: string };
