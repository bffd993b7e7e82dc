/**
 * The playground's measuring worker: builds each requested EfficientNet (any width, depth and
 * resolution, through the zoo's builder), materialises untrained weights from seed 0 (the zoo's
 * `materialize`, BatchNorm calibrated so activations stay finite) and times it in onnxruntime-web
 * with the runtime's `ortLatency` (src/workers/ort-run.ts: wasm from this site's /ort/, median
 * after a warm-up). The weights are `tiled` (4096 seeded draws repeated over each tensor: latency
 * does not depend on their values, and drawing all of B3's 12 M normals took a third of its
 * materialising), and a job whose network equals the one before (φ = 0 is B0) reuses its graph.
 * The debugger worker only measures zoo ids; the scaled models are not in the zoo, so this thin
 * adapter feeds it specs instead. The page cancels by terminating the worker.
 */
import { buildFromSpec, efficientNetSpec, materialize, referenceInput } from '~/lib/models/index.ts';
import type { Graph } from '~/lib/engine/index.ts';
import { ortLatency } from '~/workers/ort-run.ts';
import type { MeasureRequest, MeasureResponse } from './measure-protocol.ts';

const post = (m: MeasureResponse): void => (self as unknown as Worker).postMessage(m);
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

self.onmessage = async (e: MessageEvent<MeasureRequest>) => {
  const { jobs, runs } = e.data;
  let last: { key: string; graph: Graph } | undefined;
  for (const [k, job] of jobs.entries()) {
    try {
      post({
        type: 'progress',
        job: job.id,
        phase: `Building and materialising ${job.label}`,
        done: k,
        total: jobs.length,
      });
      await tick();
      const key = `${job.width} ${job.depth} ${job.resolution}`;
      if (last?.key !== key)
        last = {
          key,
          graph: materialize(buildFromSpec(efficientNetSpec(job.width, job.depth, job.resolution)), 0, { tiled: true }),
        };
      const graph = last.graph;
      post({
        type: 'progress',
        job: job.id,
        phase: `Running ${job.label} in onnxruntime-web`,
        done: k + 0.5,
        total: jobs.length,
      });
      await tick();
      const r = await ortLatency(graph, referenceInput(job.resolution), runs);
      post({ type: 'measured', job: job.id, medianMs: r.medianMs, threads: r.threads });
    } catch (err) {
      post({ type: 'error', job: job.id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  post({ type: 'done' });
};
