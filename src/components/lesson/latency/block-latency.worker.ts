/**
 * Times every piece of zoo models in onnxruntime-web on the reader's device: builds each model
 * through the zoo, materialises untrained weights from seed 0 (latency does not depend on the
 * weights' values), cuts it into pieces (block-latency.ts), opens one ORT session per piece, runs
 * each once to warm up, then runs every piece once per round for `rounds` rounds and reports the
 * medians. ORT's wasm comes from this site's /ort/ (src/workers/ort-run.ts). The page cancels by
 * terminating this worker.
 */
import { analyze } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/index.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { latencyUnits, summariseRounds, unitGraph, type LatencyUnit } from '~/lib/viz/lessons/block-latency.ts';
import { loadOrt } from '~/workers/ort-run.ts';
import type { BlockLatencyRequest, BlockLatencyResponse } from './block-latency-protocol.ts';

const post = (m: BlockLatencyResponse): void => (self as unknown as Worker).postMessage(m);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function measure(req: BlockLatencyRequest): Promise<void> {
  const ort = await loadOrt();
  const steps = req.models.length * (2 + req.rounds);
  let done = 0;
  for (const model of req.models) {
    post({ type: 'progress', phase: `Building ${model} and materialising its weights`, done, total: steps });
    await tick();
    const graph = materialize(buildModel(model), 0);
    const analysis = analyze(graph);
    const units: LatencyUnit[] = req.levels.flatMap((level) => latencyUnits(graph, analysis, model, level));
    post({ type: 'units', model, units });
    post({
      type: 'progress',
      phase: `Opening ${units.length} onnxruntime sessions for ${model}`,
      done: ++done,
      total: steps,
    });
    await tick();
    type Session = Awaited<ReturnType<typeof ort.InferenceSession.create>>;
    const sessions: { session: Session; feeds: Record<string, InstanceType<typeof ort.Tensor>>; reps: number }[] = [];
    try {
      for (const u of units) {
        const session = await ort.InferenceSession.create(exportOnnx(unitGraph(graph, u)), {
          executionProviders: ['wasm'],
          graphOptimizationLevel: 'all',
        });
        const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
        for (const i of u.inputs) {
          const dims = i.dims.map(Number);
          feeds[i.name] = new ort.Tensor('float32', referenceInput(dims).data as Float32Array, dims);
        }
        await session.run(feeds); // warm-up: first runs allocate and pick kernels
        // Browsers coarsen performance.now() (to 100 µs without cross-origin isolation), so a piece
        // faster than about 1 ms is run several times per sample and the sample divided.
        const t0 = performance.now();
        await session.run(feeds);
        const est = Math.max(performance.now() - t0, 0.01);
        sessions.push({ session, feeds, reps: Math.max(1, Math.min(16, Math.ceil(1 / est))) });
      }
      post({ type: 'progress', phase: `Timing ${model}`, done: ++done, total: steps });
      const rounds: number[][] = [];
      for (let r = 0; r < req.rounds; r++) {
        const row: number[] = [];
        for (const s of sessions) {
          const t0 = performance.now();
          for (let k = 0; k < s.reps; k++) await s.session.run(s.feeds);
          row.push((performance.now() - t0) / s.reps);
        }
        rounds.push(row);
        post({
          type: 'progress',
          phase: `Timing ${model}: round ${r + 1} of ${req.rounds}`,
          done: ++done,
          total: steps,
        });
        await tick();
      }
      post({ type: 'timings', model, timings: summariseRounds(units, rounds), threads: ort.env.wasm.numThreads ?? 1 });
    } finally {
      for (const s of sessions) await s.session.release();
    }
  }
}

self.onmessage = async (e: MessageEvent<BlockLatencyRequest>) => {
  try {
    await measure(e.data);
    post({ type: 'done' });
  } catch (err) {
    post({
      type: 'error',
      message: `onnxruntime-web could not measure: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
};
