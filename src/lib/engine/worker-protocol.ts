/**
 * Messages between the page and the engine worker. Everything is structured-clonable
 * (graphs hold Maps and typed arrays, which postMessage copies).
 */
import type { Graph } from './graph.ts';
import type { StepLevel } from './steps.ts';
import type { Tensor } from './tensor.ts';

export type WorkerRequest =
  /** Start a run of `graph` on `feeds` (replaces any run in progress). */
  | { type: 'load'; graph: Graph; feeds: Record<string, Tensor>; retain?: boolean }
  /** Run the next node, block or stage (default 'node'). */
  | { type: 'step'; level?: StepLevel }
  /** Run every remaining node, reporting each step. */
  | { type: 'run' }
  /** Stop a 'run' before its next node. */
  | { type: 'cancel' };

/** A step as sent back: the node by name and position instead of the whole Node object. */
export interface StepReport {
  index: number;
  node: string;
  opType: string;
  scope: string;
  outputs: Tensor[];
  macs: number;
  ms: number;
}

export type WorkerResponse =
  | { type: 'loaded'; nodes: number }
  | { type: 'steps'; steps: StepReport[] }
  | { type: 'done'; outputs: Record<string, Tensor> }
  | { type: 'cancelled' }
  | { type: 'error'; code: string; message: string; node?: string };

/** The part of a worker's global scope (or a MessagePort) the adapter needs. */
export interface Port {
  postMessage(message: WorkerResponse): void;
}
