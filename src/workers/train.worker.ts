/**
 * The training worker: all logic is in src/lib/train/worker.ts (tested in Node); this file only
 * wires it to the worker's message port. The training playground (a later page) drives it.
 */
import { createTrainWorkerHandler } from '~/lib/train/worker.ts';
import type { TrainRequest, TrainResponse } from '~/lib/train/worker-protocol.ts';

const scope = self as unknown as {
  postMessage(m: TrainResponse): void;
  onmessage: ((e: MessageEvent<TrainRequest>) => void) | null;
};
const handle = createTrainWorkerHandler({ postMessage: (m) => scope.postMessage(m) });
scope.onmessage = (e) => handle(e.data);
