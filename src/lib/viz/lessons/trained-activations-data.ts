/**
 * Build-time data of the new lessons' activation figure (trained-activations.ts): the committed
 * seed-1 run of a trained tiny model, run by the engine on the first bundled Fashion-MNIST test
 * image of every class (public/samples/fashion-mnist/, scripts/gen-debug-samples.ts), preprocessed
 * exactly as its manifest says (trainedInput). Node only; null when the model is not committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEBUG_IMAGES_FILE, DEBUG_INDEX_FILE, trainedInput, type DebugSampleIndex } from '../../data/debug-samples.ts';
import { parseIdx } from '../../data/idx.ts';
import { trainedGraph, trainedRuns } from '../../family/trained-files.ts';
import { f32, runGraph, analyze, type Graph, type Tensor } from '../../engine/index.ts';
import { activationLayerNodes, channelMaps, pickChannels, softmaxTop } from './trained-activations-pick.ts';
import { encodeBytes, quantize, type ActivationFigure, type ActivationLayer } from './trained-activations.ts';

// From the working directory, as trained-read.ts reads the manifest: the build bundles this file
// elsewhere, so a path relative to import.meta.url would not point into the repository.
const SAMPLES = join(process.cwd(), 'public/samples/fashion-mnist');
/** Channels shown per layer. */
const SHOWN = 6;

export function trainedActivationsData(id: string): ActivationFigure | null {
  const runs = trainedRuns()
    .filter((r) => r.id === id)
    .sort((a, b) => a.seed - b.seed);
  if (runs.length === 0) return null;
  const { graph, run } = trainedGraph(id, runs[0].seed)!;
  const index = JSON.parse(readFileSync(join(SAMPLES, DEBUG_INDEX_FILE), 'utf8')) as DebugSampleIndex;
  const n = index.indices.length;
  const all = parseIdx(readFileSync(join(SAMPLES, DEBUG_IMAGES_FILE)), DEBUG_IMAGES_FILE, { dims: [n, 28, 28] }).data;
  // The first bundled image of each class (the set is class-major).
  const samples = run.classes.map((_, c) => index.labels.indexOf(c)).filter((k) => k >= 0);
  const nodes = activationLayerNodes(graph);
  const p = run.preprocessing;
  const logits = graph.outputs[0].name;
  const outs = samples.map((k) => {
    const x = trainedInput(all.subarray(k * 784, (k + 1) * 784), p);
    const values = runGraph(
      graph as Graph,
      { [p.input]: f32([1, p.channels, p.resolution, p.resolution], x) },
      { keepAll: true },
    );
    return { k, values };
  });
  const dims = new Map(analyze(graph).layers.map((l) => [l.node, l.outputDims[0] ?? []]));
  const layers: ActivationLayer[] = [];
  const maps: string[][][] = outs.map(() => []);
  for (const node of nodes) {
    const per = outs.map((o) => channelMaps(o.values[node.output] as Tensor));
    const { side, channels } = per[0];
    const shown = pickChannels(
      per.map((m) => m.maps),
      SHOWN,
    );
    layers.push({
      node: node.name,
      op: node.opType,
      dims: (dims.get(node.name) ?? (outs[0].values[node.output] as Tensor).dims).map(Number),
      side,
      channels,
      shown,
    });
    per.forEach((m, i) =>
      maps[i].push(
        shown.map((ch) => encodeBytes(Uint8Array.from(m.maps[ch.channel], (v) => quantize(v, ch.lo, ch.hi)))),
      ),
    );
  }
  return {
    model: id,
    seed: run.seed,
    accuracy: runs.map((r) => ({ seed: r.seed, accuracy: r.accuracy })),
    classes: run.classes,
    layers,
    images: outs.map((o, i) => ({
      sample: o.k,
      testIndex: index.indices[o.k],
      label: index.labels[o.k],
      pixels: encodeBytes(all.subarray(o.k * 784, (o.k + 1) * 784)),
      top: softmaxTop((o.values[logits] as Tensor).data as Float32Array, 3),
      maps: maps[i],
    })),
  };
}
