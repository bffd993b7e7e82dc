import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { execute, valueGradient, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { importOnnx } from '~/lib/engine/onnx/index.ts';
import { analyze } from '~/lib/engine/index.ts';
import { parseIdx } from '~/lib/data/idx.ts';
import { trainedInput } from '~/lib/data/debug-samples.ts';
import { validateManifest } from '~/lib/family/manifest.ts';
import { gradCam, gradCamLayer, gradCamLayers, type CamNode } from '~/lib/viz/debugger/grad-cam.ts';

const fixture = 'tests/fixtures/trained';
const manifest = (() => {
  const r = validateManifest(JSON.parse(readFileSync(`${fixture}/manifest.json`, 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.manifest;
})();
const run = manifest.models[0];
const graph: Graph = importOnnx(new Uint8Array(readFileSync(`${fixture}/${run.file}`)));
const camNodes = (g: Graph): CamNode[] => {
  const layers = new Map(analyze(g).layers.map((l) => [l.node, l]));
  return g.nodes.map((n) => ({ ...n, outputDims: layers.get(n.name)?.outputDims ?? [] }));
};
const images = parseIdx(
  new Uint8Array(readFileSync('public/samples/fashion-mnist/test-300-images.idx')),
  'debug samples',
  { dims: [300, 28, 28] },
);
const inputOf = (k: number): Tensor => {
  const p = run.preprocessing;
  return {
    dtype: 'float32',
    dims: [1, p.channels, p.resolution, p.resolution],
    data: trainedInput(images.data.subarray(k * 784, (k + 1) * 784), p),
  };
};
const forward = (x: Tensor): Map<string, Tensor> => {
  const values = new Map<string, Tensor>();
  const gen = execute(graph, { [run.preprocessing.input]: x }, { retain: true });
  for (;;) {
    const r = gen.next();
    if (r.done) break;
    r.value.node.outputs.forEach((o, i) => o && r.value.outputs[i] && values.set(o, r.value.outputs[i]));
  }
  return values;
};
const oneHot = (c: number) => (outs: Record<string, Tensor>) => {
  const name = graph.outputs[0].name;
  const s = new Float32Array(outs[name].data.length);
  s[c] = 1;
  return { [name]: { dtype: 'float32' as const, dims: outs[name].dims, data: s } };
};

describe('Grad-CAM (Selvaraju et al. 2017 §3)', () => {
  it('weights each channel by its mean gradient and keeps the positive part of the sum (eqs. 1, 2)', () => {
    // Two channels of 1×2: α = (mean(1, 3), mean(−2, 0)) = (2, −1); L = ReLU(2·A0 − A1).
    const cam = gradCam({ dims: [1, 2, 1, 2], data: [1, 0.5, 4, 0.25] }, { dims: [1, 2, 1, 2], data: [1, 3, -2, 0] });
    expect([...cam.weights]).toEqual([2, -1]);
    expect([...cam.map]).toEqual([0, 0.75]);
    expect(cam.max).toBe(0.75);
    expect(() => gradCam({ dims: [1, 4], data: [0, 0, 0, 0] }, { dims: [1, 4], data: [0, 0, 0, 0] })).toThrow(
      /conv feature map/,
    );
  });

  it('reads the feature map the classifier pools, and the end of each larger stage before it', () => {
    const nodes = camNodes(graph);
    const last = gradCamLayer(nodes)!;
    const pool = graph.nodes.find((n) => n.opType === 'GlobalAveragePool')!;
    expect(last).toBe(pool.inputs[0]);
    const layers = gradCamLayers(nodes);
    expect(layers.at(-1)).toBe(last);
    const sizes = layers.map((v) => {
      const d = nodes.find((n) => n.outputs.includes(v))!.outputDims[0];
      return d[2] * d[3];
    });
    // Strictly coarser towards the end: one map per spatial size.
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1]);
  });

  it('equals the class activation map from the classifier weights at the pooled layer (§3.1: Grad-CAM generalises CAM)', () => {
    // Before GlobalAveragePool → Flatten → Gemm, y^c = Σ_k W[c, k] · mean_ij A^k_ij + b_c, so
    // ∂y^c/∂A^k_ij = W[c, k] / HW exactly, computed here from the weights, not by the backward pass.
    const x = inputOf(35); // a pullover (class 2), the sixth of its strip
    const values = forward(x);
    const layer = gradCamLayer(camNodes(graph))!;
    const A = values.get(layer)!;
    const logits = values.get(graph.outputs[0].name)!.data;
    const c = [...logits].indexOf(Math.max(...logits));
    const { gradient, outputs } = valueGradient(graph, { [run.preprocessing.input]: x }, oneHot(c), layer);
    expect([...outputs[graph.outputs[0].name].data]).toEqual([...logits]);
    const cam = gradCam(A, gradient);
    const gemm = graph.nodes.find((n) => n.opType === 'Gemm')!;
    const W = graph.initializers.get(gemm.inputs[1])!;
    const transB = gemm.attrs.transB?.value === 1; // ONNX Gemm: B is [N, K] when transB, else [K, N]
    const [, K, H, Wd] = A.dims;
    const expected = new Float64Array(H * Wd);
    for (let k = 0; k < K; k++) {
      const w = transB ? W.data[c * K + k] : W.data[k * W.dims[1] + c];
      for (let p = 0; p < H * Wd; p++) expected[p] += (w / (H * Wd)) * A.data[k * H * Wd + p];
    }
    for (let p = 0; p < H * Wd; p++) expect(cam.map[p]).toBeCloseTo(Math.max(0, expected[p]), 6);
    expect(cam.max).toBeGreaterThan(cam.min); // non-uniform
  });

  it('matches central finite differences of the class score at an earlier, finer map', () => {
    const x = inputOf(0);
    const layers = gradCamLayers(camNodes(graph));
    const layer = layers[layers.length - 2];
    const values = forward(x);
    const A = values.get(layer)!;
    const { gradient } = valueGradient(graph, { [run.preprocessing.input]: x }, oneHot(3), layer);
    // Perturb A at a few positions and re-run the nodes after its producer (float64 difference of float32 runs).
    const producer = graph.nodes.findIndex((n) => n.outputs.includes(layer));
    const tail: Graph = {
      ...graph,
      nodes: graph.nodes.filter((n, i) => i > producer || n.opType === 'Constant'),
      inputs: [{ name: layer, dtype: 'float32', dims: [...A.dims] }],
    };
    const score = (data: Float32Array): number => {
      const gen = execute(tail, { [layer]: { dtype: 'float32', dims: A.dims, data } });
      let r = gen.next();
      while (!r.done) r = gen.next();
      return r.value[graph.outputs[0].name].data[3];
    };
    const eps = 1e-2;
    let largest = 0;
    for (const at of [0, 7, Math.floor(A.data.length / 2), A.data.length - 1]) {
      const up = Float32Array.from(A.data as Float32Array);
      const down = Float32Array.from(A.data as Float32Array);
      up[at] += eps;
      down[at] -= eps;
      const fd = (score(up) - score(down)) / (2 * eps);
      expect(gradient.data[at]).toBeCloseTo(fd, 2);
      largest = Math.max(largest, Math.abs(fd));
    }
    // The positions checked carry real gradient (so the comparison can fail).
    expect(largest).toBeGreaterThan(0.02);
  });
});
