/** Messages between /explore/ and its parsing worker (src/workers/explore.worker.ts). */
import type { DynamicInput } from '~/lib/engine/onnx/index.ts';
import type { ExploreResult } from '~/lib/viz/debugger/explore-summary.ts';

export interface OrtOnlyResult {
  readonly medianMs: number;
  readonly threads: number;
  readonly outputs: readonly {
    readonly name: string;
    readonly dims: readonly number[];
    readonly first: readonly number[];
  }[];
}

export type ExploreRequest =
  | { id: number; type: 'explore'; bytes: ArrayBuffer; file: string; inputShapes?: Record<string, number[]> }
  | { id: number; type: 'netron'; bytes: ArrayBuffer; metrics: readonly (readonly [string, Record<string, string>])[] }
  | {
      id: number;
      type: 'ort-only';
      bytes: ArrayBuffer;
      inputShapes: Record<string, { dtype: string; dims: number[] }>;
      runs: number;
    };

export type ExploreResponse =
  | { id: number; type: 'progress'; phase: string }
  | { id: number; type: 'explored'; result: ExploreResult }
  | { id: number; type: 'netron'; bytes: ArrayBuffer }
  | { id: number; type: 'ort-only'; result: OrtOnlyResult }
  | { id: number; type: 'error'; code: string; message: string; dynamic?: readonly DynamicInput[] };
