/**
 * /explore/'s parser: decodes, validates and analyses a reader's .onnx off the main thread, so a
 * huge or hostile file never blocks the tab (the page can terminate this worker at any time).
 * Also writes the Netron-openable copy with per-node metrics, and runs a model the engine cannot
 * run in onnxruntime-web alone.
 */
import { annotateMetrics } from '~/lib/engine/onnx/annotate-metrics.ts';
import { OnnxError } from '~/lib/engine/onnx/index.ts';
import { EngineError } from '~/lib/engine/index.ts';
import { exploreModel } from '~/lib/viz/debugger/explore-summary.ts';
import type { ExploreRequest, ExploreResponse } from '~/components/explore/explore-protocol.ts';
import { ortOnBytes } from './ort-run.ts';

const post = (m: ExploreResponse, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<ExploreRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'explore') {
      post({
        id: req.id,
        type: 'progress',
        phase: `Reading ${req.file} (${(req.bytes.byteLength / 2 ** 20).toFixed(1)} MiB)`,
      });
      const result = exploreModel(new Uint8Array(req.bytes), req.file, req.inputShapes);
      post({ id: req.id, type: 'explored', result });
    } else if (req.type === 'netron') {
      const out = annotateMetrics(new Uint8Array(req.bytes), new Map(req.metrics));
      const buf = out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
      post({ id: req.id, type: 'netron', bytes: buf }, [buf]);
    } else if (req.type === 'ort-only') {
      post({ id: req.id, type: 'progress', phase: 'Starting onnxruntime-web' });
      post({
        id: req.id,
        type: 'ort-only',
        result: await ortOnBytes(new Uint8Array(req.bytes), req.inputShapes, req.runs),
      });
    }
  } catch (err) {
    const typed = err instanceof OnnxError || err instanceof EngineError;
    post({
      id: req.id,
      type: 'error',
      code: typed ? err.code : 'internal',
      message: err instanceof Error ? err.message : String(err),
      ...(err instanceof OnnxError && err.dynamic ? { dynamic: err.dynamic } : {}),
    });
  }
};
