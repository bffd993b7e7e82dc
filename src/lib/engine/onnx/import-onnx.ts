/**
 * `.onnx` bytes -> a graph the engine can run: decodeModel plus the engine registry's verdict on
 * every op, so an unsupported model fails up front with all its unsupported ops named at once.
 */
import type { Graph } from '../graph.ts';
import { isSupported } from '../registry.ts';
import { decodeModel, type DecodeOptions } from './decode-model.ts';

export type ImportOptions = Omit<DecodeOptions, 'isSupported'>;

/** Imports an ONNX model; throws OnnxError (with a code and readable message) for anything the engine cannot run. */
export function importOnnx(bytes: Uint8Array, opts: ImportOptions = {}): Graph {
  return decodeModel(bytes, { ...opts, isSupported: (opType, domain) => isSupported(opType, domain) });
}
