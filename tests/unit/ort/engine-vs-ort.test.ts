import { describe, expect, it } from 'vitest';
import { runGraph } from '~/lib/engine/index.ts';
import type { Graph } from '~/lib/engine/graph.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { prng, randomTensor } from '../onnx/helpers.ts';
import { fusedMbconv, mbconvSe, mobilenetV3Block, vitBlock } from './build.ts';
import { disagreement } from './compare.ts';
import { convCases, opCases, type OpCase } from './op-cases.ts';

/**
 * Runs the graph in the engine keeping every value (no fusion), exports it with every node output
 * as a graph output, runs that in onnxruntime-web, and returns each disagreeing value. The fused
 * engine run (the default) is checked against the same reference for the graph's own outputs.
 */
async function compareWithOrt(graph: Graph, seed: number): Promise<string[]> {
  const rand = prng(seed);
  const feeds: Record<string, Tensor> = {};
  for (const v of graph.inputs) feeds[v.name] = randomTensor(v.dims as number[], rand, 2);
  const all = runGraph(graph, feeds, { keepAll: true });
  const values = graph.nodes.flatMap((n) =>
    n.outputs.filter((o) => o !== '').map((o) => ({ o, op: n.opType, node: n.name })),
  );
  const exported: Graph = {
    ...graph,
    outputs: values.map(({ o }) => ({ name: o, dtype: all[o].dtype, dims: [...all[o].dims] })),
  };
  const reference = await ortRun(await ortSession(exportOnnx(exported), 'basic'), feeds);
  const problems = values.flatMap(({ o, op, node }) => {
    const d = disagreement(all[o], reference[o]);
    return d ? [`${node} (${op}) → ${o}: ${d}`] : [];
  });
  const fused = runGraph(graph, feeds);
  for (const v of graph.outputs) {
    const d = disagreement(fused[v.name], reference[v.name]);
    if (d) problems.push(`fused run, output ${v.name}: ${d}`);
  }
  return problems;
}

function suite(title: string, cases: OpCase[]): void {
  describe(title, () => {
    cases.forEach(({ name, graph }, i) => {
      it(`${name}: every node output matches onnxruntime-web`, async () => {
        expect(await compareWithOrt(graph, 7 + i)).toEqual([]);
      });
    });
  });
}

suite('Conv against onnxruntime-web', convCases());
suite('ops against onnxruntime-web', opCases());
suite('blocks against onnxruntime-web', [
  { name: 'MBConv with squeeze-and-excitation and SiLU', graph: mbconvSe() },
  { name: 'Fused-MBConv', graph: fusedMbconv() },
  { name: 'MobileNetV3 block with h-swish and hard-sigmoid SE', graph: mobilenetV3Block() },
  { name: 'ViT encoder block', graph: vitBlock() },
]);
