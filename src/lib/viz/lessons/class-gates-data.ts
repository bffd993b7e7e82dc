/**
 * Build-time data of lesson 5's "gates per class" figure: the committed trained runs of a tiny
 * SE model (every seed there is) and the same network before training (its seed-1 start, the
 * graph `npm run train:family` begins from), each run over the bundled 1,000 test images. Returns
 * null when no trained run of the model is committed, so the lesson can leave the figure out.
 */
import { FASHION_MNIST_MEAN, FASHION_MNIST_STD } from '../../data/fashion-mnist.ts';
import { classGates } from '../../family/class-gates.ts';
import { tinyTrainingGraph } from '../../family/graph.ts';
import { bundledTestSet, trainedGraph, trainedRuns } from '../../family/trained-files.ts';
import { classGatesFigure, type ClassGatesFigure, type GateRunInput } from './class-gates-layout.ts';

export function classGatesData(id: string): ClassGatesFigure | null {
  const seeds = [
    ...new Set(
      trainedRuns()
        .filter((r) => r.id === id)
        .map((r) => r.seed),
    ),
  ].sort((a, b) => a - b);
  if (seeds.length === 0) return null;
  const set = bundledTestSet();
  const norm = { mean: FASHION_MNIST_MEAN, std: FASHION_MNIST_STD };
  const runs: GateRunInput[] = seeds.map((seed) => ({
    label: `trained, seed ${seed}`,
    trained: true,
    blocks: classGates(trainedGraph(id, seed)!.graph, set, norm),
  }));
  runs.push({
    label: 'untrained (seed 1 start)',
    trained: false,
    blocks: classGates(tinyTrainingGraph(id, seeds[0]), set, norm),
  });
  return classGatesFigure(id, set.count, set.classes, runs);
}
