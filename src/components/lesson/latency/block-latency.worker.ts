/**
 * Times pieces of networks in onnxruntime-web on the reader's device. Each target is a model spec
 * (the zoo's grammar): the worker builds it with the zoo's builder, cuts it into pieces
 * (latency-pieces.ts), and for each group of pieces (timingGroups) gives every piece untrained
 * weights from seed 0 (latency does not depend on their values, so the BatchNorm calibration pass
 * is skipped and large weights repeat one tile of draws: materialize.ts `tiled`), opens one ORT session per piece, runs each once to warm up, then runs every piece of
 * the group once per round for `rounds` rounds and reports the medians, and frees the group's
 * sessions before the next. ORT's wasm comes from this site's /ort/ (src/workers/ort-run.ts). The
 * page cancels by terminating this worker.
 */
import { exportOnnx } from '~/lib/engine/onnx/index.ts';
import { buildFromSpec, materialize, referenceInput } from '~/lib/models/index.ts';
import { summariseRounds, unitGraph, type LatencyUnit } from '~/lib/viz/lessons/block-latency.ts';
import { targetPieces, timingGroups } from '~/lib/viz/lessons/latency-pieces.ts';
import type { Graph } from '~/lib/engine/index.ts';
import { loadOrt } from '~/workers/ort-run.ts';
import type { BlockLatencyRequest, BlockLatencyResponse } from './block-latency-protocol.ts';

const post = (m: BlockLatencyResponse): void => (self as unknown as Worker).postMessage(m);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

async function measure(req: BlockLatencyRequest): Promise<void> {
  const ort = await loadOrt();
  const pieces: { graph: Graph; unit: LatencyUnit }[] = [];
  for (const t of req.targets) {
    post({ type: 'progress', phase: `Building ${t.id}`, done: 0, total: 1 });
    await tick();
    const graph = buildFromSpec(t.spec, { name: t.id });
    const units = targetPieces(t, graph);
    pieces.push(...units.map((unit) => ({ graph, unit })));
    post({ type: 'units', target: t.id, units });
  }
  const byKey = new Map(pieces.map((p) => [p.unit.key, p]));
  const groups = timingGroups(
    pieces.map((p) => p.unit),
    req.groupBy,
  );
  const total = groups.reduce((s, g) => s + g.length + req.rounds, 0);
  let done = 0;
  type Session = Awaited<ReturnType<typeof ort.InferenceSession.create>>;
  for (const [gi, keys] of groups.entries()) {
    const what = groups.length > 1 ? `group ${gi + 1} of ${groups.length}` : `${keys.length} pieces`;
    const sessions: { session: Session; feeds: Record<string, InstanceType<typeof ort.Tensor>>; reps: number }[] = [];
    try {
      for (const key of keys) {
        const { graph, unit } = byKey.get(key)!;
        post({ type: 'progress', phase: `Opening a session for ${unit.model} ${unit.label}`, done: done++, total });
        await tick();
        const session = await ort.InferenceSession.create(
          exportOnnx(materialize(unitGraph(graph, unit), 0, { calibrate: false, tiled: true })),
          { executionProviders: ['wasm'], graphOptimizationLevel: 'all' },
        );
        sessions.push({ session, feeds: {}, reps: 1 });
        const s = sessions[sessions.length - 1];
        for (const i of unit.inputs) {
          const dims = i.dims.map(Number);
          s.feeds[i.name] = new ort.Tensor('float32', referenceInput(dims).data as Float32Array, dims);
        }
        await session.run(s.feeds); // warm-up: first runs allocate and pick kernels
        // Browsers coarsen performance.now() (to 100 µs without cross-origin isolation), so a piece
        // faster than about 1 ms is run several times per sample and the sample divided.
        const t0 = performance.now();
        await session.run(s.feeds);
        s.reps = Math.max(1, Math.min(16, Math.ceil(1 / Math.max(performance.now() - t0, 0.01))));
      }
      const rounds: number[][] = [];
      for (let r = 0; r < req.rounds; r++) {
        const row: number[] = [];
        for (const s of sessions) {
          const t0 = performance.now();
          for (let k = 0; k < s.reps; k++) await s.session.run(s.feeds);
          row.push((performance.now() - t0) / s.reps);
        }
        rounds.push(row);
        post({ type: 'progress', phase: `Timing ${what}: round ${r + 1} of ${req.rounds}`, done: done++, total });
        await tick();
      }
      const units = keys.map((k) => byKey.get(k)!.unit);
      post({ type: 'timings', timings: summariseRounds(units, rounds), threads: ort.env.wasm.numThreads ?? 1 });
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
