import { describe, expect, it } from 'vitest';
import { runGraph } from '~/lib/engine/index.ts';
import type { Graph } from '~/lib/engine/graph.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { buildModel, materialize } from '~/lib/models/index.ts';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { prng, randomTensor } from '../onnx/helpers.ts';
import { disagreement } from './compare.ts';

/**
 * For whole networks, errors of float32 rounding compound layer after layer (untrained weights
 * give activations in the hundreds), so each node is checked in isolation: the engine runs the
 * node alone on onnxruntime's own values for its inputs, and must match onnxruntime's output.
 * The end-to-end logits are checked as well, relative to their largest magnitude.
 */
async function compareNodewiseWithOrt(graph: Graph, seed: number): Promise<string[]> {
  const rand = prng(seed);
  const feeds: Record<string, Tensor> = {};
  for (const v of graph.inputs) feeds[v.name] = randomTensor(v.dims as number[], rand, 2);
  const all = runGraph(graph, feeds, { keepAll: true });
  const produced = graph.nodes.flatMap((n) => n.outputs.filter((o) => o !== ''));
  const exported: Graph = {
    ...graph,
    outputs: produced.map((o) => ({ name: o, dtype: all[o].dtype, dims: [...all[o].dims] })),
  };
  const reference: Record<string, Tensor> = {
    ...feeds,
    ...(await ortRun(await ortSession(exportOnnx(exported), 'basic'), feeds)),
  };
  const problems: string[] = [];
  for (const node of graph.nodes) {
    const used = node.inputs.filter((x) => x !== '');
    const single: Graph = {
      name: node.name,
      opset: graph.opset,
      inputs: used
        .filter((x) => !graph.initializers.has(x))
        .map((x) => ({ name: x, dtype: reference[x].dtype, dims: [...reference[x].dims] })),
      outputs: node.outputs
        .filter((o) => o !== '')
        .map((o) => ({ name: o, dtype: reference[o].dtype, dims: [...reference[o].dims] })),
      initializers: new Map(used.filter((x) => graph.initializers.has(x)).map((x) => [x, graph.initializers.get(x)!])),
      nodes: [node],
    };
    const out = runGraph(single, Object.fromEntries(single.inputs.map((v) => [v.name, reference[v.name]])));
    for (const v of single.outputs) {
      const d = disagreement(out[v.name], reference[v.name]);
      if (d) problems.push(`${node.name} (${node.opType}) → ${v.name}: ${d}`);
    }
  }
  for (const v of graph.outputs) {
    const [a, e] = [runGraph(graph, feeds)[v.name], reference[v.name]];
    let maxDiff = 0;
    let maxRef = 0;
    for (let i = 0; i < e.data.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a.data[i] - e.data[i]));
      maxRef = Math.max(maxRef, Math.abs(e.data[i]));
    }
    if (maxDiff > 1e-3 * maxRef)
      problems.push(`end to end, output ${v.name}: max |diff| ${maxDiff} vs max |ref| ${maxRef}`);
  }
  return problems;
}

describe('zoo models against onnxruntime-web', () => {
  // Full architectures at reduced resolution (and 10 classes) to keep the file fast.
  const models: [string, { resolution: number; numClasses: number }][] = [
    ['mobilenetv3_small_050', { resolution: 32, numClasses: 10 }],
    ['efficientnet_b0', { resolution: 32, numClasses: 10 }],
    ['vit_tiny_patch16_224', { resolution: 32, numClasses: 10 }],
  ];
  for (const [id, opts] of models) {
    it(`${id} at ${opts.resolution}px with seeded weights: every node, run on ORT's inputs, matches ORT's output`, async () => {
      const graph = materialize(buildModel(id, opts), 4);
      expect(await compareNodewiseWithOrt(graph, 11)).toEqual([]);
    });
  }
});
