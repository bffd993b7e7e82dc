import { describe, expect, it } from 'vitest';
import { analyze, runGraph } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { importOnnx } from '~/lib/engine/onnx/import-onnx.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { disagreement } from '../ort/compare.ts';

describe('zoo models through ONNX', () => {
  for (const id of ['mobilenetv1_025_128', 'mobilenetv3_small_050']) {
    it(`${id}: export → import keeps names, scopes, params, MACs and outputs`, () => {
      const g = materialize(buildModel(id), 1);
      const back = importOnnx(exportOnnx(g));
      expect(back.nodes.map((n) => [n.name, n.opType, n.scope, n.inputs, n.outputs])).toEqual(
        g.nodes.map((n) => [n.name, n.opType, n.scope, n.inputs, n.outputs]),
      );
      const [a, b] = [analyze(g), analyze(back)];
      expect([b.params, b.macs, b.peakLiveBytes]).toEqual([a.params, a.macs, a.peakLiveBytes]);
      const x = referenceInput(g.inputs[0].dims[2] as number, 2);
      const name = g.outputs[0].name;
      const [y0, y1] = [
        runGraph(g, { [g.inputs[0].name]: x })[name],
        runGraph(back, { [back.inputs[0].name]: x })[name],
      ];
      // Float attributes pass through float32 (the hard-sigmoid slope 1/6 becomes 0.16666667), so
      // MobileNetV3's logits move by a few float32 ulps through 50 layers; weights themselves are bit-exact.
      expect(disagreement(y1, y0, 1e-5)).toBe('');
    });
  }
});
