/**
 * The training playground's worker: logic in ./train-playground.ts (tested in Node); this file
 * wires it to the worker's message port.
 */
import { createPlaygroundHandler, type PlaygroundRequest, type PlaygroundResponse } from './train-playground.ts';

const scope = self as unknown as {
  postMessage(m: PlaygroundResponse): void;
  onmessage: ((e: MessageEvent<PlaygroundRequest>) => void) | null;
};
const handle = createPlaygroundHandler({ postMessage: (m) => scope.postMessage(m) });
scope.onmessage = (e) => handle(e.data);
