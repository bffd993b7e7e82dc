import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFailure, runConformance, type CaseRunner } from '~/cli/commands/conformance.ts';
import { decodeModel } from '~/lib/engine/onnx/decode-model.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { f32 } from '~/lib/engine/tensor.ts';
import { disagreement } from './compare.ts';
import { smallCnn } from '../onnx/helpers.ts';
import { runGraph } from '~/lib/engine/index.ts';

const shared = fileURLToPath(new URL('../../../../shared/onnx-node-tests', import.meta.url));
const NOT_RUN = 'onnxruntime does not run the original model';

/** Imports each case, exports it again and runs the export in onnxruntime-web. */
const exportedInOrt: CaseRunner = async (model, inputs) => {
  const graph = decodeModel(model);
  const feeds: Record<string, Tensor> = {};
  graph.inputs.forEach((v, i) => (feeds[v.name] = inputs[i]));
  try {
    await ortRun(await ortSession(model), feeds);
  } catch {
    throw new Error(NOT_RUN);
  }
  const out = await ortRun(await ortSession(exportOnnx(graph)), feeds);
  return graph.outputs.map((v) => out[v.name]);
};

describe('exported models in onnxruntime-web', () => {
  it('every conformance model, imported and exported again, loads in ORT and gives the expected outputs', async () => {
    const report = await runConformance(shared, { runner: exportedInOrt });
    const skipped = report.results.filter((r) => r.reason?.includes(NOT_RUN));
    // ORT 1.30 has no kernels for BatchNormalization-6, Gemm-6 and Add-6, so these opset-6 cases have
    // only their expected outputs as reference (the engine passes them in conformance.test.ts).
    expect(skipped.map((r) => r.name)).toEqual([
      'pytorch-converted/test_BatchNorm2d_eval',
      'pytorch-converted/test_BatchNorm2d_momentum_eval',
      'pytorch-operator/test_operator_addmm',
      'pytorch-operator/test_operator_basic',
      'pytorch-operator/test_operator_mm',
      'pytorch-operator/test_operator_params',
    ]);
    expect(report.results.filter((r) => !r.ok && !r.reason?.includes(NOT_RUN)).map(formatFailure)).toEqual([]);
  });

  it('a graph round-trips through ONNX with the same engine outputs, and ORT agrees with both', async () => {
    const g = smallCnn(5);
    const x = f32(
      [1, 3, 8, 8],
      Array.from({ length: 192 }, (_, i) => Math.sin(i)),
    );
    const before = runGraph(g, { x }).y;
    const bytes = exportOnnx(g);
    const after = runGraph(decodeModel(bytes), { x }).y;
    expect([...after.data]).toEqual([...before.data]);
    const ort = await ortRun(await ortSession(bytes), { x });
    expect(disagreement(before, ort.y)).toBe('');
  });

  it('the comparison catches a wrong value', () => {
    const e = f32([3], [1, -2, 3]);
    expect(disagreement(f32([3], [1, -2, 3.001]), e)).toMatch(/element 2/);
    expect(disagreement(f32([3], [1, -2, 3.0001]), e)).toBe('');
  });
});
