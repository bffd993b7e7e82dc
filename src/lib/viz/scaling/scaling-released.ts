/**
 * The released EfficientNet-B0…B7: their hand-chosen (width, depth, resolution) from the zoo's
 * scaling table, params and MACs computed by the engine from the zoo's graphs, the paper's top-1
 * carried as cited data, and the φ each dimension implies under α = 1.2, β = 1.1, γ = 1.15 (they
 * disagree: the released models depart from the formula).
 */
import { EFFICIENTNET_SCALING, getModel, modelStats } from '../../models/index.ts';
import { BASE_RESOLUTION, PAPER_COEFFICIENTS } from './scaling-config.ts';

export interface ReleasedModel {
  readonly id: string;
  readonly label: string;
  readonly width: number;
  readonly depth: number;
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  readonly peakLiveBytes: number;
  /** φ implied by each multiplier alone: log(d)/log(α), log(w)/log(β), log(R/224)/log(γ). */
  readonly phiDepth: number;
  readonly phiWidth: number;
  readonly phiResolution: number;
  /** Paper top-1 (%) and where it is published. */
  readonly top1?: number;
  readonly top1Source?: string;
}

export const RELEASED_IDS = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'] as const;

export function releasedModels(): ReleasedModel[] {
  const { alpha, beta, gamma } = PAPER_COEFFICIENTS;
  return RELEASED_IDS.map((b) => {
    const id = `efficientnet_${b}`;
    const row = EFFICIENTNET_SCALING[b];
    const s = modelStats(id);
    const paper = getModel(id).published.find((c) => c.top1 !== undefined && /paper/i.test(c.source));
    return {
      id,
      label: `B${b.slice(1)}`,
      width: row.width,
      depth: row.depth,
      resolution: row.resolution,
      params: s.params,
      macs: s.macs,
      activationBytes: s.activationBytes,
      peakLiveBytes: s.peakLiveBytes,
      phiDepth: Math.log(row.depth) / Math.log(alpha),
      phiWidth: Math.log(row.width) / Math.log(beta),
      phiResolution: Math.log(row.resolution / BASE_RESOLUTION) / Math.log(gamma),
      top1: paper?.top1,
      top1Source: paper?.source,
    };
  });
}
