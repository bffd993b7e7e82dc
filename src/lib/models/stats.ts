/**
 * Model statistics from the declared graph through the engine's static analysis: parameters
 * (PyTorch convention, BN running statistics excluded), MACs (conv + linear + attention matmuls,
 * published.md §1), and the counts a zoo table shows.
 */
import { analyze, type Analysis } from '../engine/index.ts';
import { buildFromSpec } from './build.ts';
import { resolveCnn } from './resolve.ts';
import type { ModelSpec, ScaleOptions } from './spec.ts';
import { getModel } from './zoo.ts';

export interface ModelStats {
  readonly params: number;
  readonly macs: number;
  /** Conv, Gemm and MatMul nodes: the layers with weights or MACs as a layer table lists them. */
  readonly layers: number;
  /** Blocks of the body (timm `blocks.<stage>.<index>`); 0 stages for ViT, whose blocks are its transformer layers. */
  readonly blocks: number;
  readonly stages: number;
  /** Nodes of the graph, all ops. */
  readonly nodes: number;
  readonly activationBytes: number;
  readonly peakLiveBytes: number;
}

const WEIGHTED = new Set(['Conv', 'Gemm', 'MatMul']);

/** Statistics of a spec (with playground overrides). */
export function specStats(spec: ModelSpec, o: ScaleOptions = {}): ModelStats {
  const graph = buildFromSpec(spec, o);
  const a: Analysis = analyze(graph);
  let blocks: number;
  let stages: number;
  if (spec.kind === 'vit') {
    blocks = spec.depth;
    stages = 0;
  } else {
    const r = resolveCnn({
      ...spec,
      width: o.width ?? spec.width,
      depth: o.depth ?? spec.depth,
      resolution: o.resolution ?? spec.resolution,
    });
    blocks = r.blocks.length;
    stages = r.stages.length;
  }
  return {
    params: a.params,
    macs: a.macs,
    layers: a.layers.filter((l) => WEIGHTED.has(l.opType)).length,
    blocks,
    stages,
    nodes: graph.nodes.length,
    activationBytes: a.activationBytes,
    peakLiveBytes: a.peakLiveBytes,
  };
}

/** Statistics of a zoo model at its own resolution. */
export function modelStats(id: string): ModelStats {
  return specStats(getModel(id).spec);
}
