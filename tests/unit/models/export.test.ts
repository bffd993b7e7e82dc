/**
 * Exported zoo models run in onnxruntime-web and agree with the engine within 1e-4 relative
 * (tests/unit/ort/compare.ts) for the same seeded weights: a few models of each family, the
 * larger ones at a reduced resolution to keep the suite fast. Global context runs on its spec at
 * depth 0.25 (12 of 39 blocks): forty untrained blocks at 128 px sit at float32's limit for this
 * criterion (1.1e-4 measured; 6.8e-5 at 192 px, which takes 9 s here).
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
  ['mobilenetv2_035', 96, undefined],
  ['semnasnet_050', 96, undefined],
  ['mobilenetv3_small_050', 224, undefined],
  ['tf_mobilenetv3_small_minimal_100', 224, undefined],
  ['mobilenetv3_rw', 96, undefined],
  ['efficientnet_b0', 96, undefined],
  ['tf_efficientnetv2_b0', 96, undefined],
  ['gc_efficientnetv2_rw_t', 128, 0.25],
  ['vit_tiny_patch16_224', 64, undefined],
];

describe('exported zoo models in onnxruntime-web', () => {
  it.each(CASES)('%s at %i px (depth %s) gives the engine\'s logits', async (id, res, depth) => {
    const g = materialize(buildModel(id, { resolution: res, depth }), 42);
    const input = referenceInput(res, 42);
    const engine = runGraph(g, { input })[g.outputs[0].name];
    expect((engine.data as Float32Array).every(Number.isFinite)).toBe(true);
    const ort = await ortRun(await ortSession(exportOnnx(g)), { input });
    expect(disagreement(engine, ort[g.outputs[0].name])).toBe('');
  });
});
