/**
 * What `depthwise train` can start from besides a zoo id: a spec file (JSON). Either a whole
 * ModelSpec (`{"kind": "cnn", …}` as in src/lib/models/spec.ts), or a zoo id with scale
 * overrides, e.g. a tiny EfficientNet:
 *   {"base": "efficientnet_b0", "width": 0.25, "depth": 0.34, "resolution": 32}
 */
import type { Graph } from '../engine/index.ts';
import { buildFromSpec, getModel, materialize, scaleSpec, type ModelSpec } from '../models/index.ts';
import { BATCH_DIM, withBatchDim } from './model.ts';

export interface SpecFile {
  readonly base?: string;
  readonly width?: number;
  readonly depth?: number | readonly number[];
  readonly resolution?: number;
  readonly spec?: ModelSpec;
}

/** The spec a spec file describes (its own resolution unless `resolution` overrides it). */
export function specFromFile(json: unknown, what: string): ModelSpec {
  if (typeof json !== 'object' || json === null) throw new Error(`${what}: a spec file is a JSON object`);
  const o = json as SpecFile & Partial<ModelSpec>;
  if (o.kind === 'cnn' || o.kind === 'vit') return o as ModelSpec;
  const spec = o.spec ?? (o.base !== undefined ? getModel(o.base).spec : undefined);
  if (!spec)
    throw new Error(
      `${what}: expected {"base": "<zoo id>", "width"?, "depth"?, "resolution"?} or a ModelSpec ({"kind": "cnn", …})`,
    );
  return scaleSpec(spec, { width: o.width, depth: o.depth, resolution: o.resolution });
}

/** A spec with seeded weights for training: 1-channel stem, `classes` outputs, symbolic batch (CNN). */
export function specTrainingGraph(
  spec: ModelSpec,
  name: string,
  o: { resolution?: number; classes: number; seed: number },
): Graph {
  const g = materialize(
    buildFromSpec(spec, { name, resolution: o.resolution, numClasses: o.classes, inChannels: 1, batch: 1 }),
    o.seed,
  );
  return spec.kind === 'vit' ? g : withBatchDim(g, BATCH_DIM);
}

/** A zoo model for training (see specTrainingGraph). */
export function zooTrainingGraph(id: string, o: { resolution?: number; classes: number; seed: number }): Graph {
  return specTrainingGraph(getModel(id).spec, id, o);
}
