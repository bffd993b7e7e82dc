/**
 * Trained models and checkpoints are both ONNX files (exportOnnx) with the training record in
 * ModelProto.metadata_props:
 *
 *   depthwise.model          zoo id or source file the run started from
 *   depthwise.recipe         JSON Recipe (epochs, batch, lr, optimizer, warmup, smoothing, seed, augment)
 *   depthwise.seed           the seed
 *   depthwise.epoch          epochs done (fractional inside an epoch: step / steps per epoch)
 *   depthwise.step           updates done
 *   depthwise.data           JSON { name, split, images, limit }
 *   depthwise.preprocessing  JSON { resolution, channels, mean, std, resize, gray }
 *   depthwise.checkpoint     (checkpoints only) JSON { optimizer, optimizerStep, slots }
 *
 * A checkpoint also stores the optimizer state as extra float32 initializers named
 * `depthwise.optimizer.<slot>.<parameter>` (slot `momentum` for SGD, `m` and `v` for AdamW). No
 * node reads them, so onnxruntime drops them on load and the file still runs as a model;
 * `readTrained` takes them out again. Everything else a resumed run needs is a function of the
 * seed and the step (trainer.ts), so nothing else is stored.
 */
import type { Graph, Tensor } from '../engine/index.ts';
import { exportOnnx, importOnnx } from '../engine/onnx/index.ts';
import { readMetadata, withMetadata } from './onnx-metadata.ts';
import { SLOT_NAMES, type OptimizerState } from './optimizer.ts';
import type { Recipe, TrainerState } from './trainer.ts';

export const SLOT_PREFIX = 'depthwise.optimizer.';

export interface DataInfo {
  readonly name: string;
  readonly split: string;
  readonly images: number;
  readonly limit: number | null;
}

export interface PreprocessInfo {
  readonly resolution: number;
  readonly channels: number;
  readonly mean: number;
  readonly std: number;
  readonly resize: string;
  readonly gray: string;
}

export interface TrainingRecord {
  readonly model: string;
  readonly recipe: Recipe;
  readonly step: number;
  readonly stepsPerEpoch: number;
  readonly data: DataInfo;
  readonly preprocessing: PreprocessInfo;
}

/** The bytes of a trained model (no optimizer state) or, with `state`, of a checkpoint. */
export function writeTrained(graph: Graph, rec: TrainingRecord, state?: TrainerState): Uint8Array {
  const props: Record<string, string> = {
    'depthwise.model': rec.model,
    'depthwise.recipe': JSON.stringify(rec.recipe),
    'depthwise.seed': String(rec.recipe.seed),
    'depthwise.epoch': String(+(rec.step / rec.stepsPerEpoch).toFixed(6)),
    'depthwise.step': String(rec.step),
    'depthwise.data': JSON.stringify(rec.data),
    'depthwise.preprocessing': JSON.stringify(rec.preprocessing),
  };
  let g = graph;
  if (state) {
    const initializers = new Map<string, Tensor>(graph.initializers);
    const slotNames = SLOT_NAMES[rec.recipe.optimizer.kind];
    for (const [param, slots] of state.optimizer.slots) {
      const dims = graph.initializers.get(param)!.dims;
      slots.forEach((data, i) =>
        initializers.set(`${SLOT_PREFIX}${slotNames[i]}.${param}`, { dtype: 'float32', dims, data }),
      );
    }
    g = { ...graph, initializers };
    props['depthwise.checkpoint'] = JSON.stringify({
      optimizer: rec.recipe.optimizer.kind,
      optimizerStep: state.optimizer.step,
      slots: slotNames,
    });
  }
  return withMetadata(exportOnnx(g, { producer: 'depthwise train' }), props);
}

export interface ReadTrained {
  /** The model graph (optimizer slots removed). */
  readonly graph: Graph;
  /** Every metadata_props entry. */
  readonly metadata: Readonly<Record<string, string>>;
  /** The training record, when the file was written by `depthwise train`. */
  readonly record?: TrainingRecord;
  /** The trainer state, when the file is a checkpoint. */
  readonly state?: TrainerState;
}

export function readTrained(bytes: Uint8Array): ReadTrained {
  const metadata = readMetadata(bytes);
  // Our models have a symbolic batch 'N'; the importer wants static input dims, so batch 1 here
  // (the trainer and evaluate relabel it: model.ts batchMode).
  const pre = metadata['depthwise.preprocessing']
    ? (JSON.parse(metadata['depthwise.preprocessing']) as PreprocessInfo)
    : undefined;
  const full = importOnnx(
    bytes,
    pre ? { inputShapesInOrder: [[1, pre.channels, pre.resolution, pre.resolution]] } : {},
  );
  const initializers = new Map<string, Tensor>();
  const slotTensors = new Map<string, Tensor>();
  for (const [k, t] of full.initializers) (k.startsWith(SLOT_PREFIX) ? slotTensors : initializers).set(k, t);
  const graph: Graph = { ...full, initializers };
  if (!metadata['depthwise.recipe']) return { graph, metadata };
  const recipe = JSON.parse(metadata['depthwise.recipe']) as Recipe;
  const step = Number(metadata['depthwise.step']);
  const epoch = Number(metadata['depthwise.epoch']);
  const record: TrainingRecord = {
    model: metadata['depthwise.model'] ?? '',
    recipe,
    step,
    stepsPerEpoch: epoch > 0 ? Math.round(step / epoch) : 0,
    data: JSON.parse(metadata['depthwise.data'] ?? '{}') as DataInfo,
    preprocessing: pre ?? ({} as PreprocessInfo),
  };
  const ck = metadata['depthwise.checkpoint'];
  if (!ck) return { graph, metadata, record };
  const info = JSON.parse(ck) as { optimizerStep: number; slots: string[] };
  const optimizer: OptimizerState = { step: info.optimizerStep, slots: new Map() };
  for (const name of graph.initializers.keys()) {
    const slots = info.slots.map((s) => slotTensors.get(`${SLOT_PREFIX}${s}.${name}`));
    if (slots.every((t) => t !== undefined))
      optimizer.slots.set(
        name,
        slots.map((t) => Float32Array.from(t.data as Float32Array)),
      );
  }
  return { graph, metadata, record, state: { step, optimizer } };
}
