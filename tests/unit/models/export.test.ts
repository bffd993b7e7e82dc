/**
 * Exported zoo models run in onnxruntime-web and agree with the engine within 1e-4 relative
 * (tests/unit/ort/compare.ts) for the same seeded weights: a few models of each family, the
 * larger ones at a reduced resolution to keep the suite fast. Summation-order differences
 * (each op agrees to ~1e-5) grow about 1.1–1.2× per untrained block, faster on small maps where
 * BatchNorm calibrates on few positions (measured: mobilenetv2_035 1.3e-4 at 96 px; efficientnet_b0
 * 5.6e-5 at 96, 4.8e-5 at 128, 2.6e-5 at 224; gc_efficientnetv2_rw_t's 39 blocks 1.1e-4 at 128).
 * So every case keeps at least 128 px and a 1.8× margin, and global context runs on its spec at
 * depth 0.25 (12 blocks, 2.5e-5).
 */
import { describe, expect, it } from 'vitest';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { runGraph } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/index.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { disagreement } from '../ort/compare.ts';

/** id, resolution, depth multiplier override (undefined: the model's own). */
const CASES: [string, number, number | undefined][] = [
  ['mobilenetv1_025_128', 128, undefined],
  ['mobilenetv2_035', 224, undefined],
  ['semnasnet_050', 128, undefined],
  ['mobilenetv3_small_050', 224, undefined],
  ['tf_mobilenetv3_small_minimal_100', 224, undefined],
  ['mobilenetv3_rw', 128, undefined],
  ['efficientnet_b0', 128, undefined],
  ['tf_efficientnetv2_b0', 128, undefined],
  ['gc_efficientnetv2_rw_t', 128, 0.25],
  ['vit_tiny_patch16_224', 64, undefined],
];

describe('exported zoo models in onnxruntime-web', () => {
  it.each(CASES)("%s at %i px (depth %s) gives the engine's logits", async (id, res, depth) => {
    const g = materialize(buildModel(id, { resolution: res, depth }), 42);
    const input = referenceInput(res, 42);
    const engine = runGraph(g, { input })[g.outputs[0].name];
    expect((engine.data as Float32Array).every(Number.isFinite)).toBe(true);
    const ort = await ortRun(await ortSession(exportOnnx(g)), { input });
    expect(disagreement(engine, ort[g.outputs[0].name])).toBe('');
  });
});
