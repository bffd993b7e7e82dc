/**
 * Architecture definitions (a list of stages, each a list of block strings) → one BlockDef per
 * block after depth scaling, as timm's `decode_arch_def` and `_scale_stage_depth` do.
 *
 * Depth scaling (EfficientNet §3.3, tpu `round_repeats`): a stage's total repeats become
 * ceil(repeats × depth). When a stage has several block strings (MobileNetV3), the scaled total
 * is handed back to the strings in reverse order with Python's round(), so the first string,
 * the one that usually strides, is the least likely to grow.
 */
import { parseBlockString, type BlockDef } from './block-string.ts';
import { pyRound } from './make-divisible.ts';

export type ArchDef = readonly (readonly string[])[];

/** Repeats per block string of one stage after scaling (timm `_scale_stage_depth`, 'ceil' truncation). */
export function scaleStageRepeats(repeats: readonly number[], depth: number): number[] {
  let total = repeats.reduce((a, b) => a + b, 0);
  let scaledTotal = Math.ceil(total * depth);
  const out: number[] = [];
  for (let i = repeats.length - 1; i >= 0; i--) {
    const r = repeats[i];
    const rs = Math.max(1, pyRound((r / total) * scaledTotal));
    out.unshift(rs);
    total -= r;
    scaledTotal -= rs;
  }
  return out;
}

/** Decodes every stage; `depth` is one multiplier or one per stage (timm's efficientnetv2_rw_m uses a tuple). */
export function decodeArch(arch: ArchDef, depth: number | readonly number[] = 1): BlockDef[][] {
  const depths = typeof depth === 'number' ? arch.map(() => depth) : depth;
  if (depths.length !== arch.length) {
    throw new Error(`decodeArch: ${depths.length} depth multipliers for ${arch.length} stages`);
  }
  return arch.map((strings, i) => {
    const defs = strings.map(parseBlockString);
    const reps = scaleStageRepeats(
      defs.map((d) => d.repeats),
      depths[i],
    );
    return defs.flatMap((d, j) => Array.from({ length: reps[j] }, () => d));
  });
}
