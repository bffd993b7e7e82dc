import { describe, expect, it } from 'vitest';
import { runGraph, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { buildModel, materialize } from '~/lib/models/index.ts';
import { prng, randomTensor } from '../onnx/helpers.ts';

/** The same weights in a graph of another layout (the batch does not change any weight's shape). */
const withWeights = (g: Graph, from: Graph): Graph => ({
  ...g,
  initializers: new Map(from.initializers),
  declared: new Map(),
});

function slice(t: Tensor, i: number): Tensor {
  const per = t.data.length / t.dims[0];
  return {
    dtype: 'float32',
    dims: [1, ...t.dims.slice(1)],
    data: (t.data as Float32Array).slice(i * per, (i + 1) * per),
  };
}

describe('layout options (inChannels, batch)', () => {
  it('leave the default graph unchanged', () => {
    const a = buildModel('efficientnet_b0');
    const b = buildModel('efficientnet_b0', { inChannels: 3 });
    expect(b.nodes).toEqual(a.nodes);
    expect(b.inputs).toEqual(a.inputs);
  });
  it('a 1-channel stem has a [C, 1, 3, 3] weight, a 10-class head has a [10, features] weight', () => {
    const g = buildModel('mobilenetv2_050', { inChannels: 1, numClasses: 10, resolution: 32 });
    expect(g.inputs[0].dims).toEqual([1, 1, 32, 32]);
    expect(g.declared!.get('conv_stem.weight')!.dims).toEqual([16, 1, 3, 3]);
    expect(g.outputs[0].dims).toEqual([1, 10]);
    expect(g.declared!.get('classifier.weight')!.dims).toEqual([10, 1280]);
  });
  it('a batched graph gives each image the output the batch-1 graph gives it (incl. global-context Reshapes)', () => {
    for (const id of ['mobilenetv3_small_050', 'gc_efficientnetv2_rw_t']) {
      const one = materialize(buildModel(id, { inChannels: 1, numClasses: 10, resolution: 32 }), 1);
      const four = withWeights(buildModel(id, { inChannels: 1, numClasses: 10, resolution: 32, batch: 4 }), one);
      expect(four.inputs[0].dims).toEqual([4, 1, 32, 32]);
      const x = randomTensor([4, 1, 32, 32], prng(3));
      const y = Object.values(runGraph(four, { input: x }))[0];
      expect(y.dims).toEqual([4, 10]);
      for (let i = 0; i < 4; i++) {
        const yi = Object.values(runGraph(one, { input: slice(x, i) }))[0];
        const got = [...slice(y, i).data];
        // Relative 5e-5: the batched kernels sum in another order, and these untrained nets reach logits
        // of ±220, so float32 rounding differences grow across ~40 layers (measured 1.5e-5 after the
        // calibrated BatchNorm statistics changed); a batching bug would show O(1) differences.
        [...yi.data].forEach((v, j) =>
          expect(Math.abs(got[j] - v)).toBeLessThanOrEqual(5e-5 * Math.max(1, Math.abs(v))),
        );
      }
    }
  });
  it('a symbolic batch runs at any size', () => {
    const one = materialize(buildModel('mobilenetv2_050', { inChannels: 1, numClasses: 10, resolution: 32 }), 1);
    const sym = withWeights(
      buildModel('mobilenetv2_050', { inChannels: 1, numClasses: 10, resolution: 32, batch: 'N' }),
      one,
    );
    expect(sym.inputs[0].dims).toEqual(['N', 1, 32, 32]);
    const y = Object.values(runGraph(sym, { input: randomTensor([3, 1, 32, 32], prng(4)) }))[0];
    expect(y.dims).toEqual([3, 10]);
  });
});
