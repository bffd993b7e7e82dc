import { describe, expect, it } from 'vitest';
import { runGraph } from '~/lib/engine/index.ts';
import type { Graph, Node } from '~/lib/engine/graph.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { decodeModel, shortestFloat32 } from '~/lib/engine/onnx/decode-model.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { fusedMbconv, mbconvSe, mobilenetV3Block, vitBlock } from '../ort/build.ts';
import { convCases, opCases } from '../ort/op-cases.ts';
import { prng, randomTensor } from './helpers.ts';

/**
 * ONNX float attributes are float32, so an authored 1/6 comes back as 0.16666667 (the shortest
 * decimal with the same float32); nodes are compared with float attributes rounded to float32.
 */
function asFloat32(nodes: readonly Node[]): unknown[] {
  return nodes.map((n) => ({
    ...n,
    attrs: Object.fromEntries(
      Object.entries(n.attrs).map(([k, a]) => [
        k,
        a.type === 'float'
          ? { ...a, value: Math.fround(a.value) }
          : a.type === 'floats'
            ? { ...a, value: a.value.map(Math.fround) }
            : a,
      ]),
    ),
  }));
}

const graphs: [string, Graph][] = [
  ['MBConv with SE', mbconvSe()],
  ['Fused-MBConv', fusedMbconv()],
  ['MobileNetV3 block', mobilenetV3Block()],
  ['ViT block', vitBlock()],
  ...opCases().map((c): [string, Graph] => [c.name, c.graph]),
  ...convCases()
    .filter((_, i) => i % 5 === 0)
    .map((c): [string, Graph] => [c.name, c.graph]),
];

describe('float attributes', () => {
  it('come back as the shortest decimal with the same float32', () => {
    expect(shortestFloat32(Math.fround(1e-5))).toBe(1e-5);
    expect(shortestFloat32(Math.fround(1 / 6))).toBe(0.16666667);
    expect(shortestFloat32(0.5)).toBe(0.5);
    expect(Math.fround(shortestFloat32(Math.fround(Math.PI)))).toBe(Math.fround(Math.PI));
  });
});

describe('graph → ONNX → graph', () => {
  for (const [name, g] of graphs) {
    it(`${name}: same structure and bit-identical engine outputs`, () => {
      const back = decodeModel(exportOnnx(g));
      expect(asFloat32(back.nodes)).toEqual(asFloat32(g.nodes));
      expect(back.inputs).toEqual(g.inputs);
      expect(back.outputs).toEqual(g.outputs);
      expect(back.opset).toBe(g.opset);
      expect([...back.initializers.keys()]).toEqual([...g.initializers.keys()]);
      const rand = prng(3);
      const feeds: Record<string, Tensor> = {};
      for (const v of g.inputs) feeds[v.name] = randomTensor(v.dims as number[], rand);
      const before = runGraph(g, feeds, { keepAll: true });
      const after = runGraph(back, feeds, { keepAll: true });
      for (const n of g.nodes) {
        for (const o of n.outputs) expect([...after[o].data], `${n.name} → ${o}`).toEqual([...before[o].data]);
      }
    });
  }
});
