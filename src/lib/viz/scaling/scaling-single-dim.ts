/**
 * Single-dimension scaling at a MACs budget (EfficientNet §3.2 and Figure 3: scaling only width,
 * only depth or only resolution saturates; §3.3 balances the three). For the compound model's
 * MACs, find the smallest width-only, depth-only and resolution-only versions of B0 that reach
 * them, each built with the same rounding as the compound one.
 *
 * Width and resolution are searched by bisection over built graphs (the number of nodes does not
 * grow, so each analysis is cheap). Depth is not: a depth-only match for large budgets has
 * thousands of blocks. But with width and resolution fixed, every block's cost is independent of
 * the depth multiplier, so MACs(d) = stem + head + Σ_stages (first block + (ceil(n·d) − 1) × a
 * repeated block), with each block's MACs and params read from the engine's analysis of B0 at
 * depth 2 (where every stage has a first and a repeated block). The unit tests check this sum
 * against a full analysis.
 */
import { analyze, type Analysis } from '../../engine/index.ts';
import { buildFromSpec, EFFICIENTNET_B0_ARCH, parseBlockString } from '../../models/index.ts';
import { BASE_RESOLUTION, configAt, roundResolution } from './scaling-config.ts';

export type Dimension = 'width' | 'depth' | 'resolution';

export interface SingleDimMatch {
  readonly dimension: Dimension;
  readonly width: number;
  readonly depth: number;
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
  readonly blocks: number;
  /** False when the budget is beyond the searched range; the model shown is then the range's end. */
  readonly reached: boolean;
}

/** Search limits: 16× width, 256× depth (4,096 blocks), 16× resolution. */
export const SEARCH_LIMITS = { width: 16, depth: 256, resolution: BASE_RESOLUTION * 16 } as const;

const B0_REPEATS: readonly number[] = EFFICIENTNET_B0_ARCH.map((stage) =>
  stage.reduce((n, s) => n + parseBlockString(s).repeats, 0),
);

function stats(width: number, depth: number, resolution: number): Analysis {
  return analyze(buildFromSpec(configAt(width, depth, resolution).spec));
}

/** Smallest x in [lo, hi] (to `tol`) whose MACs reach the budget, for a non-decreasing MACs(x). */
function bisect(
  budget: number,
  lo: number,
  hi: number,
  tol: number,
  macsAt: (x: number) => number,
): { x: number; reached: boolean } {
  if (macsAt(lo) >= budget) return { x: lo, reached: true };
  if (macsAt(hi) < budget) return { x: hi, reached: false };
  while (hi - lo > tol) {
    const mid = (lo + hi) / 2;
    if (macsAt(mid) >= budget) hi = mid;
    else lo = mid;
  }
  return { x: hi, reached: true };
}

export function widthOnly(budget: number): SingleDimMatch {
  const { x, reached } = bisect(budget, 1, SEARCH_LIMITS.width, 0.001, (w) => stats(w, 1, BASE_RESOLUTION).macs);
  const width = x;
  const a = stats(width, 1, BASE_RESOLUTION);
  return {
    dimension: 'width',
    width,
    depth: 1,
    resolution: BASE_RESOLUTION,
    params: a.params,
    macs: a.macs,
    blocks: 16,
    reached,
  };
}

export function resolutionOnly(budget: number): SingleDimMatch {
  // Search over multiples of 8 (the playground's resolution rounding), as k = R / 8.
  const { x, reached } = bisect(
    budget,
    BASE_RESOLUTION / 8,
    SEARCH_LIMITS.resolution / 8,
    1,
    (k) => stats(1, 1, roundResolution(Math.ceil(k) * 8)).macs,
  );
  const resolution = roundResolution(Math.ceil(x) * 8);
  const a = stats(1, 1, resolution);
  return {
    dimension: 'resolution',
    width: 1,
    depth: 1,
    resolution,
    params: a.params,
    macs: a.macs,
    blocks: 16,
    reached,
  };
}

/** Per-stage costs of B0's first and repeated blocks, and of everything outside the blocks. */
export interface DepthProfile {
  readonly fixed: { readonly macs: number; readonly params: number };
  readonly first: readonly { readonly macs: number; readonly params: number }[];
  readonly repeated: readonly { readonly macs: number; readonly params: number }[];
  readonly repeats: readonly number[];
}

export function depthProfile(): DepthProfile {
  const a = stats(1, 2, BASE_RESOLUTION);
  const zero = () => ({ macs: 0, params: 0 });
  const first = B0_REPEATS.map(zero);
  const repeated = B0_REPEATS.map(zero);
  const fixed = zero();
  for (const l of a.layers) {
    const m = /^blocks\.(\d+)\.(\d+)/.exec(l.scope);
    const into = !m ? fixed : m[2] === '0' ? first[Number(m[1])] : m[2] === '1' ? repeated[Number(m[1])] : null;
    if (!into) continue;
    into.macs += l.macs;
    into.params += l.params;
  }
  return { fixed, first, repeated, repeats: B0_REPEATS };
}

/** Blocks per stage at depth multiplier d: ceil(n · d) (timm `_scale_stage_depth`). */
export function repeatsAt(d: number, repeats: readonly number[] = B0_REPEATS): number[] {
  return repeats.map((n) => Math.ceil(n * d));
}

export function depthCost(p: DepthProfile, d: number): { macs: number; params: number; blocks: number } {
  const reps = repeatsAt(d, p.repeats);
  let macs = p.fixed.macs;
  let params = p.fixed.params;
  reps.forEach((n, s) => {
    macs += p.first[s].macs + (n - 1) * p.repeated[s].macs;
    params += p.first[s].params + (n - 1) * p.repeated[s].params;
  });
  return { macs, params, blocks: reps.reduce((a, b) => a + b, 0) };
}

export function depthOnly(budget: number, profile: DepthProfile = depthProfile()): SingleDimMatch {
  const { x, reached } = bisect(budget, 1, SEARCH_LIMITS.depth, 1e-4, (d) => depthCost(profile, d).macs);
  const c = depthCost(profile, x);
  return {
    dimension: 'depth',
    width: 1,
    depth: x,
    resolution: BASE_RESOLUTION,
    params: c.params,
    macs: c.macs,
    blocks: c.blocks,
    reached,
  };
}

export function singleDimensionMatches(budget: number, profile?: DepthProfile): SingleDimMatch[] {
  return [widthOnly(budget), depthOnly(budget, profile), resolutionOnly(budget)];
}
