/**
 * How the tiny family's matched-MACs multipliers are found (tiny.ts stores the results as data;
 * tests/unit/models/tiny.test.ts re-runs these searches and pins the closeness): over a grid of
 * candidate values, the one whose engine-analysed MACs are closest to the target. Channel and
 * repeat rounding make MACs a step function of width and depth, so the best grid value can still
 * miss by a few per cent; `closeness` says by how much.
 */
import { analyze } from '../engine/index.ts';
import { buildFromSpec } from './build.ts';
import type { ModelSpec } from './spec.ts';
import { tinyEfficientNetSpec, TINY_CHANNELS, TINY_RESOLUTION } from './tiny-specs.ts';

/** MACs of a spec as the tiny family is built (1-channel input, batch 1). */
export function tinyMacs(spec: ModelSpec): number {
  return analyze(buildFromSpec(spec, { inChannels: TINY_CHANNELS })).macs;
}

/** Relative MACs difference |a − b| / b. */
export function closeness(macs: number, target: number): number {
  return Math.abs(macs - target) / target;
}

export interface GridMatch {
  readonly value: number;
  readonly macs: number;
  readonly closeness: number;
}

/** The grid value whose spec's MACs are closest to `target` (the first on ties). */
export function closestOnGrid(grid: readonly number[], specAt: (v: number) => ModelSpec, target: number): GridMatch {
  let best: GridMatch | undefined;
  for (const value of grid) {
    const macs = tinyMacs(specAt(value));
    const c = closeness(macs, target);
    if (!best || c < best.closeness) best = { value, macs, closeness: c };
  }
  return best!;
}

/** v0, v0 + step, … ≤ v1, rounded to the step's decimals. */
export function grid(v0: number, v1: number, step: number): number[] {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const out: number[] = [];
  for (let i = 0; v0 + i * step <= v1 + 1e-9; i++) out.push(+(v0 + i * step).toFixed(decimals));
  return out;
}

/** The three single-dimension searches of the tiny B0 (EfficientNet §3.2) at a MACs target. */
export function singleDimMatch(dim: 'width' | 'depth' | 'resolution', target: number): GridMatch {
  if (dim === 'width')
    return closestOnGrid(grid(1, 3, 0.01), (w) => tinyEfficientNetSpec(w, 1, TINY_RESOLUTION), target);
  if (dim === 'depth')
    return closestOnGrid(grid(1, 6, 0.1), (d) => tinyEfficientNetSpec(1, d, TINY_RESOLUTION), target);
  return closestOnGrid(grid(TINY_RESOLUTION, 96, 1), (r) => tinyEfficientNetSpec(1, 1, r), target);
}
