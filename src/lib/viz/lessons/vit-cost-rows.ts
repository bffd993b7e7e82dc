/**
 * The engine rows behind the attention-vs-depthwise widget (build time): for every slider
 * resolution and patch size, ViT-Ti's first block and EfficientNet-B0's comparator block as
 * `analyze` counts them on the zoo's graphs at that resolution.
 */
import type { CostRow } from './vit-cost-chart.ts';
import { measureCnn, measureVit, PATCHES } from './vit-measure.ts';

/** The slider's input sides: 64 to 1024 in steps of 32 (every patch size divides them). */
export const COST_RESOLUTIONS: readonly number[] = Array.from({ length: (1024 - 64) / 32 + 1 }, (_, i) => 64 + 32 * i);

let rows: CostRow[] | undefined;

export function costRows(): CostRow[] {
  rows ??= PATCHES.flatMap((patch) =>
    COST_RESOLUTIONS.map((resolution) => {
      const v = measureVit(resolution, patch);
      const c = measureCnn(resolution, patch);
      return {
        resolution,
        patch,
        tokens: v.tokens,
        quadratic: v.quadratic,
        linear: v.linear,
        block: c.block,
        side: c.side,
        channels: c.channels,
        k: c.k,
        depthwise: c.depthwise,
        blockMacs: c.blockMacs,
      };
    }),
  );
  return rows;
}

/** The smallest slider side at which one ViT-Ti block's QKᵀ + AV outweigh its projections and MLP (engine counts). */
export function attentionCrossing(patch: number): number {
  const r = costRows().find((x) => x.patch === patch && x.quadratic > x.linear);
  if (!r) throw new Error(`attentionCrossing: attention never dominates below 1024 with patch ${patch}`);
  return r.resolution;
}
