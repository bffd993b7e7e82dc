/**
 * The one builder: spec (+ playground overrides) → engine graph with weights declared by shape.
 */
import type { Graph } from '../engine/graph.ts';
import { buildCnnGraph } from './build-cnn.ts';
import { buildVitGraph } from './build-vit.ts';
import { resolveCnn, type StageConfig } from './resolve.ts';
import type { LayoutOptions, ModelSpec, ScaleOptions } from './spec.ts';

/** The spec with width, depth, resolution or classes overridden (undefined keeps the spec's). */
export function scaleSpec<S extends ModelSpec>(spec: S, o: ScaleOptions = {}): S {
  if (spec.kind === 'vit') {
    if (o.width !== undefined || o.depth !== undefined)
      throw new Error('scaleSpec: ViT specs take only resolution and numClasses');
    return { ...spec, resolution: o.resolution ?? spec.resolution, numClasses: o.numClasses ?? spec.numClasses };
  }
  return {
    ...spec,
    width: o.width ?? spec.width,
    depth: o.depth ?? spec.depth,
    resolution: o.resolution ?? spec.resolution,
    numClasses: o.numClasses ?? spec.numClasses,
  };
}

/**
 * Builds a graph (input `input` [1, 3, R, R] → [1, classes]; batch and channels per `LayoutOptions`)
 * with every weight declared, none allocated.
 */
export function buildFromSpec(
  spec: ModelSpec,
  o: ScaleOptions & LayoutOptions & { readonly name?: string } = {},
): Graph {
  const s = scaleSpec(spec, o);
  const name = o.name ?? s.family;
  return s.kind === 'vit' ? buildVitGraph(s, name, o) : buildCnnGraph(resolveCnn(s), name, o);
}

/** Per-stage configuration of a CNN spec (the paper-style table the diagrams and the playground read). */
export function stagesOf(spec: ModelSpec, o: ScaleOptions = {}): readonly StageConfig[] {
  const s = scaleSpec(spec, o);
  if (s.kind === 'vit') return [];
  return resolveCnn(s).stages;
}
