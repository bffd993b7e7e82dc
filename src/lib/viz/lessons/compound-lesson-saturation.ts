/**
 * Single-dimension scaling of EfficientNet-B0, for the compound-scaling lesson. The coefficients are
 * the ones EfficientNet's Figure 3 plots (§3.2: width w = 1.0…5.0, depth d = 1…8, resolution
 * r = 1.0…2.5 where "r = 2.5 denotes resolution 560x560"); the figure gives accuracy only as
 * curves, so this module computes the other axis, the cost, with the zoo builder and the engine.
 * Table 7 of the paper does give numbers, for four models of about the same FLOPs, and they are
 * carried here as cited data beside our own count of each model's MACs. The widget's charts,
 * controls and read-outs are in compound-saturation-scene.ts (the browser runs it; this file reaches
 * the zoo, so it stays at build time).
 */
import { efficientNetSpec, specStats } from '../../models/index.ts';

export type ScaleDim = 'width' | 'depth' | 'resolution';

/** The coefficients along the x-axis of EfficientNet Figure 3 (left, middle, right panel). */
export const FIGURE3_COEFFICIENTS: Readonly<Record<ScaleDim, readonly number[]>> = {
  width: [1.0, 1.4, 1.8, 2.6, 3.8, 5.0],
  depth: [1, 2, 3, 4, 6, 8],
  resolution: [1.0, 1.3, 1.5, 1.7, 1.9, 2.2, 2.5],
};

export const BASE_SIDE = 224;

export interface ScalePoint {
  readonly dim: ScaleDim;
  readonly coefficient: number;
  /** The input side built (224·r rounded to a pixel for resolution, else 224). */
  readonly resolution: number;
  readonly macs: number;
  readonly params: number;
  /** MACs over B0's. */
  readonly macsRatio: number;
  /** The §3.3 rule of thumb: FLOPs ∝ d, w², r². */
  readonly idealRatio: number;
}

/** B0 scaled along one dimension only, through the zoo (channels rounded to 8, repeats by ceil). */
export function scaleOne(dim: ScaleDim, coefficient: number, baseMacs?: number): ScalePoint {
  if (!(coefficient >= 1)) throw new RangeError(`a scaling coefficient must be ≥ 1; received ${coefficient}`);
  const resolution = dim === 'resolution' ? Math.round(BASE_SIDE * coefficient) : BASE_SIDE;
  const spec = efficientNetSpec(dim === 'width' ? coefficient : 1, dim === 'depth' ? coefficient : 1, resolution);
  const s = specStats(spec);
  const base = baseMacs ?? specStats(efficientNetSpec(1, 1, BASE_SIDE)).macs;
  const idealRatio = dim === 'depth' ? coefficient : coefficient ** 2;
  return { dim, coefficient, resolution, macs: s.macs, params: s.params, macsRatio: s.macs / base, idealRatio };
}

/** Every Figure 3 point of one dimension. */
export function figure3Series(dim: ScaleDim): ScalePoint[] {
  const base = specStats(efficientNetSpec(1, 1, BASE_SIDE)).macs;
  return FIGURE3_COEFFICIENTS[dim].map((c) => scaleOne(dim, c, base));
}

export interface Table7Row {
  readonly label: string;
  readonly depth: number;
  readonly width: number;
  /** Resolution multiplier r (input side 224·r). */
  readonly r: number;
  /** The paper's FLOPS column (multiply-adds, published.md §1) and top-1, EfficientNet Table 7. */
  readonly paperFlops: number;
  readonly paperTop1: number;
}

export const TABLE7_SOURCE = 'EfficientNet (arXiv 1905.11946 v5) Table 7, "Scaled Models Used in Figure 7"';

export const TABLE7: readonly Table7Row[] = [
  { label: 'Baseline (EfficientNet-B0)', depth: 1, width: 1, r: 1, paperFlops: 0.4e9, paperTop1: 77.3 },
  { label: 'Depth only (d = 4)', depth: 4, width: 1, r: 1, paperFlops: 1.8e9, paperTop1: 79.0 },
  { label: 'Width only (w = 2)', depth: 1, width: 2, r: 1, paperFlops: 1.8e9, paperTop1: 78.9 },
  { label: 'Resolution only (r = 2)', depth: 1, width: 1, r: 2, paperFlops: 1.9e9, paperTop1: 79.1 },
  { label: 'Compound (d = 1.4, w = 1.2, r = 1.3)', depth: 1.4, width: 1.2, r: 1.3, paperFlops: 1.8e9, paperTop1: 81.1 },
];

export interface Table7Computed extends Table7Row {
  readonly resolution: number;
  readonly macs: number;
  readonly params: number;
}

/** Table 7's models rebuilt by the zoo and counted by the engine. */
export function table7Computed(): Table7Computed[] {
  return TABLE7.map((row) => {
    const resolution = Math.round(BASE_SIDE * row.r);
    const s = specStats(efficientNetSpec(row.width, row.depth, resolution));
    return { ...row, resolution, macs: s.macs, params: s.params };
  });
}
