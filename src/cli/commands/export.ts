/**
 * `depthwise export <id> <out.onnx> [--seed N] [--resolution R]`: the zoo model's graph with
 * deterministic untrained weights (seeded He init, BatchNorm calibrated on the reference input)
 * as an ONNX file that onnxruntime-web runs.
 */
import { writeFileSync } from 'node:fs';
import { exportOnnx } from '../../lib/engine/onnx/index.ts';
import { buildModel, getModel, materialize } from '../../lib/models/index.ts';

export const summary =
  'write a zoo model with seeded, calibrated (untrained) weights as ONNX: export <id> <out.onnx> [--seed N] [--resolution R]';

const USAGE = 'usage: depthwise export <id> <out.onnx> [--seed N] [--resolution R]';

export async function run(args: string[]): Promise<number> {
  const positional: string[] = [];
  let seed = 0;
  let resolution: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--seed' || a === '--resolution') {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 0) {
        console.error(`depthwise export: ${a} needs a non-negative integer, got '${args[i] ?? ''}'\n${USAGE}`);
        return 2;
      }
      if (a === '--seed') seed = v;
      else resolution = v;
    } else positional.push(a);
  }
  if (positional.length !== 2) {
    console.error(`depthwise export: expected a model id and an output path\n${USAGE}`);
    return 2;
  }
  const [id, out] = positional;
  const entry = getModel(id);
  const t0 = performance.now();
  const graph = materialize(buildModel(id, { resolution }), seed);
  const bytes = exportOnnx(graph, { producer: 'depthwise zoo' });
  writeFileSync(out, bytes);
  const R = resolution ?? entry.spec.resolution;
  console.log(
    `${out}: ${id} at ${R}×${R}, seed ${seed}, ${(bytes.length / 1e6).toFixed(2)} MB, untrained weights (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return 0;
}
