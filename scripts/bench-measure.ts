/**
 * What "Measure it" on /scaling/ does for the current model (φ = 0) and B0–B3, in Node: for each
 * job the measuring worker's steps (build from the spec, materialise tiled weights with BatchNorm
 * calibration, export to ONNX, an onnxruntime-web session, one warm-up and MEASURE_RUNS runs),
 * with the time of each step and the total. `--plain` materialises untiled weights, as before.
 *
 *   npx tsx scripts/bench-measure.ts [--plain]
 *
 * The page's worker does the same in a browser; this is its cost without the page. Shared machine:
 * read wall and CPU time together, with the load average printed.
 */
import { readFileSync } from 'node:fs';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import type { Graph } from '~/lib/engine/index.ts';
import { buildFromSpec, efficientNetSpec, materialize, referenceInput } from '~/lib/models/index.ts';
import { MEASURE_RUNS } from '~/lib/viz/scaling/scaling-measure.ts';
import { releasedModels } from '~/lib/viz/scaling/scaling-released.ts';
import { ortRun, ortSession } from '../src/cli/ort-session.ts';

const tiled = !process.argv.includes('--plain');
const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const released = releasedModels().slice(0, 4);
const jobs = [{ ...released[0], id: 'current (φ = 0)' }, ...released];
const t0 = performance.now();
const c0 = cpu();
let last: { key: string; graph: Graph } | undefined;
for (const job of jobs) {
  const a = performance.now();
  const ca = cpu();
  const key = `${job.width} ${job.depth} ${job.resolution}`;
  if (last?.key !== key)
    last = {
      key,
      graph: materialize(buildFromSpec(efficientNetSpec(job.width, job.depth, job.resolution)), 0, { tiled }),
    };
  const graph = last.graph;
  const b = performance.now();
  const cb = cpu();
  const session = await ortSession(exportOnnx(graph));
  const input = referenceInput(job.resolution);
  const feeds = { [graph.inputs[0].name]: input };
  await ortRun(session, feeds);
  const runs: number[] = [];
  for (let i = 0; i < MEASURE_RUNS; i++) {
    const r0 = performance.now();
    await ortRun(session, feeds);
    runs.push(performance.now() - r0);
  }
  await session.release();
  const c = performance.now();
  console.log(
    `${job.id.padEnd(16)} materialise ${(b - a).toFixed(0).padStart(5)} ms (CPU ${(cb - ca).toFixed(0)})` +
      `  ORT session + ${MEASURE_RUNS + 1} runs ${(c - b).toFixed(0).padStart(5)} ms (CPU ${(cpu() - cb).toFixed(0)})`,
  );
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `total ${(performance.now() - t0).toFixed(0)} ms wall, ${(cpu() - c0).toFixed(0)} ms CPU (${tiled ? 'tiled' : 'plain'} weights); load average ${load}`,
);
