/**
 * Build-time plan of a lesson step cell that runs a trained tiny model (src/lib/viz/lessons/
 * trained-cell.ts decides which): the committed run (the lowest seed, as the trained debugger
 * opens it), its block's static op list from the run's own ONNX file (so the node indices are the
 * ones the worker steps), and the bundled Fashion-MNIST test images the reader can pick from (the
 * first of each class, public/samples/fashion-mnist/). Reads files, so it runs only in Astro
 * frontmatter, like step-cell-plan.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEBUG_INDEX_FILE,
  DEBUG_IMAGES_FILE,
  DEBUG_SAMPLES_DIR,
  type DebugSampleIndex,
} from '~/lib/data/debug-samples.ts';
import type { Preprocessing } from '~/lib/family/manifest.ts';
import { trainedGraph } from '~/lib/family/trained-files.ts';
import { readTrainedFamily } from '~/lib/family/trained-read.ts';
import { buildModel } from '~/lib/models/index.ts';
import { getTinyModel } from '~/lib/models/tiny.ts';
import { cellWeights } from '~/lib/viz/lessons/trained-cell.ts';
import { opsOf, type CellOp } from './step-cell-plan.ts';

/** One test image the reader can pick: its place in the bundled set, its test-set index and class. */
export interface CellImage {
  readonly k: number;
  readonly test: number;
  readonly label: number;
}

export interface TrainedCellPlan {
  readonly id: string;
  readonly seed: number;
  readonly seeds: number;
  readonly scope?: string;
  readonly description: string;
  readonly url: string;
  readonly sha256: string;
  readonly accuracy: number;
  readonly correct: number;
  readonly testImages: number;
  readonly classes: readonly string[];
  readonly preprocessing: Preprocessing;
  readonly ops: readonly CellOp[];
  /** The block's first and last node index in the run's file (the stepper's range). */
  readonly range: readonly [number, number];
  readonly macs: number;
  readonly params: number;
  readonly samples: { readonly images: string; readonly index: string };
  /** The first bundled test image of each class, in class order. */
  readonly images: readonly CellImage[];
  /** The image the cell starts on (an entry of `images`). */
  readonly image: CellImage;
}

export type CellWeightsPlan =
  { readonly kind: 'trained'; readonly plan: TrainedCellPlan } | { readonly kind: 'seeded'; readonly reason: string };

function sampleIndex(): DebugSampleIndex {
  const dir = join(process.cwd(), 'public', DEBUG_SAMPLES_DIR);
  return JSON.parse(readFileSync(join(dir, DEBUG_INDEX_FILE), 'utf8')) as DebugSampleIndex;
}

/** The trained counterpart of zoo `model` at `scope`, planned; or why the cell keeps seeded weights. */
export function planTrainedCell(model: string, scope: string | undefined): CellWeightsPlan {
  const family = readTrainedFamily();
  const trained = new Set(family.models.map((m) => m.id));
  const first = (id: string) => family.models.find((m) => m.id === id)!.runs[0];
  const graphs = new Map<string, ReturnType<typeof trainedGraph>>();
  const graphOf = (id: string) => {
    if (!graphs.has(id)) graphs.set(id, trainedGraph(id, first(id).seed));
    return graphs.get(id)!;
  };
  const w = cellWeights(model, scope, buildModel(model).nodes, trained, (id) => graphOf(id)?.graph.nodes ?? []);
  if (w.kind === 'seeded') return w;
  const { graph, run } = graphOf(w.id)!;
  let start = 0;
  let end = graph.nodes.length;
  if (w.scope) {
    const hit = graph.nodes
      .map((n, i) => (n.scope === w.scope || n.scope.startsWith(`${w.scope}.`) ? i : -1))
      .filter((i) => i >= 0);
    start = hit[0];
    end = hit[hit.length - 1] + 1;
  }
  const { ops, macs, params } = opsOf(graph, start, end);
  const index = sampleIndex();
  const images = run.classes.flatMap((_, label) => {
    const k = index.labels.indexOf(label);
    return k < 0 ? [] : [{ k, test: index.indices[k], label }];
  });
  if (images.length === 0) return { kind: 'seeded', reason: 'the bundled Fashion-MNIST test images are missing' };
  return {
    kind: 'trained',
    plan: {
      id: w.id,
      seed: run.seed,
      seeds: family.models.find((m) => m.id === w.id)!.runs.length,
      scope: w.scope,
      description: getTinyModel(w.id).description,
      url: `/models/trained/${run.file}`,
      sha256: run.sha256,
      accuracy: run.accuracy,
      correct: run.correct,
      testImages: run.testImages,
      classes: run.classes,
      preprocessing: run.preprocessing,
      ops,
      range: [start, end - 1],
      macs,
      params,
      samples: {
        images: `${DEBUG_SAMPLES_DIR}/${DEBUG_IMAGES_FILE}`,
        index: `${DEBUG_SAMPLES_DIR}/${DEBUG_INDEX_FILE}`,
      },
      images,
      image: images[0],
    },
  };
}
