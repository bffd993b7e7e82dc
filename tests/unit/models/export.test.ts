/**
 * Exported zoo models run in onnxruntime-web and agree with the engine within 1e-4 relative
 * (tests/unit/ort/compare.ts) for the same seeded weights: a few models of each family, the
 * larger ones at a reduced resolution to keep the suite fast. Forty untrained blocks sit near
 * float32's limit for this criterion, and smaller maps give BatchNorm fewer positions to
 * calibrate on: gc_efficientnetv2_rw_t (39 blocks) disagrees by 1.1e-4 at 128 px, 6.8e-5 at
 * 192 px, so it runs at 192 (its own resolution is 288).
 */
import { describe, expect, it } from 'vitest';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { runGraph } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/index.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { disagreement } from '../ort/compare.ts';

const CASES: [string, number][] = [
  ['mobilenetv1_025_128', 128],
  ['mobilenetv2_035', 96],
  ['semnasnet_050', 96],
  ['mobilenetv3_small_050', 224],
  ['tf_mobilenetv3_small_minimal_100', 224],
  ['mobilenetv3_rw', 96],
  ['efficientnet_b0', 96],
  ['tf_efficientnetv2_b0', 96],
  ['gc_efficientnetv2_rw_t', 192],
  ['vit_tiny_patch16_224', 64],
];

describe('exported zoo models in onnxruntime-web', () => {
  it.each(CASES)('%s at %i px gives the engine\'s logits', async (id, res) => {
    const g = materialize(buildModel(id, { resolution: res }), 42);
    const input = referenceInput(res, 42);
    const engine = runGraph(g, { input })[g.outputs[0].name];
    const bytes = exportOnnx(g);
    const ort = await ortRun(await ortSession(bytes), { input });
    expect(disagreement(engine, ort[g.outputs[0].name])).toBe('');
  });
});
