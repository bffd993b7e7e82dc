/**
 * The zoo: every model of the course, by timm id, in family order.
 */
import type { Graph } from '../engine/graph.ts';
import { buildFromSpec } from './build.ts';
import { EFFICIENTNET_MODELS } from './efficientnet.ts';
import { EFFICIENTNETV2_MODELS } from './efficientnetv2.ts';
import { MNASNET_MODELS } from './mnasnet.ts';
import { MOBILENETV1_MODELS } from './mobilenetv1.ts';
import { MOBILENETV2_MODELS } from './mobilenetv2.ts';
import { MOBILENETV3_MODELS } from './mobilenetv3.ts';
import type { LayoutOptions, ScaleOptions } from './spec.ts';
import { VIT_MODELS } from './vit.ts';
import type { ZooEntry } from './zoo-entry.ts';

export const MODELS: readonly ZooEntry[] = [
  ...MOBILENETV1_MODELS,
  ...MOBILENETV2_MODELS,
  ...MNASNET_MODELS,
  ...MOBILENETV3_MODELS,
  ...EFFICIENTNET_MODELS,
  ...EFFICIENTNETV2_MODELS,
  ...VIT_MODELS,
];

const BY_ID = new Map(MODELS.map((m) => [m.id, m]));

/** The zoo entry for a timm id; throws naming the closest ids when unknown. */
export function getModel(id: string): ZooEntry {
  const m = BY_ID.get(id);
  if (!m) {
    const near = MODELS.map((e) => e.id)
      .filter((e) => e.includes(id) || id.includes(e.split('.')[0]))
      .slice(0, 5);
    throw new Error(
      `unknown model '${id}'${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; run 'depthwise zoo' for the list`,
    );
  }
  return m;
}

/** The model's graph with weights declared by shape (analysis-ready; `materialize` before running). */
export function buildModel(id: string, opts: ScaleOptions & LayoutOptions = {}): Graph {
  const m = getModel(id);
  return buildFromSpec(m.spec, { ...opts, name: id });
}
