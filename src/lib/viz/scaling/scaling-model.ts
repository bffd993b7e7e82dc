/**
 * A scaled config → its graph (the zoo builder) → the engine's static analysis: params, MACs,
 * activation memory, and MACs per stage. This is the per-update work of the playground, so it
 * builds the graph once and resolves the stages once (see scripts/bench-scaling.ts for timings).
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec, stagesOf, type StageConfig } from '../../models/index.ts';
import type { ScaledConfig } from './scaling-config.ts';

export interface ScaledModel {
  readonly config: ScaledConfig;
  /** The input side built (config.resolution). */
  readonly resolution: number;
  readonly stem: number;
  readonly head: number;
  readonly stages: readonly StageConfig[];
  readonly blocks: number;
  readonly params: number;
  readonly macs: number;
  /** Sum of every node's output bytes (float32), and the peak of live tensors (engine `analyze`). */
  readonly activationBytes: number;
  readonly peakLiveBytes: number;
  /** MACs of the stem, of each stage's blocks, and of the head + classifier. */
  readonly stemMacs: number;
  readonly stageMacs: readonly number[];
  readonly headMacs: number;
}

/** `blocks.<s>.` → s; anything else (conv_stem, conv_head, classifier) is outside the stages. */
function stageOfScope(scope: string): number {
  if (!scope.startsWith('blocks.')) return -1;
  return Number(scope.slice(7, scope.indexOf('.', 7)));
}

export function scaledModel(config: ScaledConfig): ScaledModel {
  const graph = buildFromSpec(config.spec, { name: 'efficientnet_scaled' });
  const a = analyze(graph);
  const stages = stagesOf(config.spec);
  const stageMacs = stages.map(() => 0);
  let stemMacs = 0;
  let headMacs = 0;
  for (const l of a.layers) {
    if (l.macs === 0) continue;
    const s = stageOfScope(l.scope);
    if (s >= 0) stageMacs[s] += l.macs;
    else if (l.scope.startsWith('conv_stem')) stemMacs += l.macs;
    else headMacs += l.macs;
  }
  // The stem conv's output channels and the head conv's: read from the graph's first and last convs.
  const convs = a.layers.filter((l) => l.opType === 'Conv');
  const stem = convs[0].outputDims[0][1];
  const head = convs[convs.length - 1].outputDims[0][1];
  return {
    config,
    resolution: config.resolution,
    stem,
    head,
    stages,
    blocks: stages.reduce((n, s) => n + s.repeats, 0),
    params: a.params,
    macs: a.macs,
    activationBytes: a.activationBytes,
    peakLiveBytes: a.peakLiveBytes,
    stemMacs,
    stageMacs,
    headMacs,
  };
}
