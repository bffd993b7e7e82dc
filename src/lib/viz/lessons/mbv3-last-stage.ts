/**
 * MobileNetV3 §5.1 "Redesigning Expensive Layers" and Figure 5: the last stage MobileNetV2's
 * design gives a 160-channel 7×7 map (an inverted residual 160 → 960 → 320, then a 1×1 conv
 * 320 → 1280 at 7×7, then the pool), against the efficient one (a 1×1 conv 160 → 960, the pool,
 * then the 1×1 conv 960 → 1280 on a 1×1 map). Both are whole MobileNetV3-Large graphs built by the
 * zoo's builder from specs that differ only in the last stage and head, and both are counted by
 * the engine's analysis, so the saving is the difference of two computed totals.
 */
import { analyze, type LayerStats } from '../../engine/index.ts';
import { buildFromSpec } from '../../models/build.ts';
import type { CnnSpec } from '../../models/spec.ts';
import { getModel } from '../../models/zoo.ts';
import { formatCompact } from '../charts/number-format.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export type StageVariant = 'original' | 'efficient';

/** The zoo's MobileNetV3-Large (efficient), and the same network with Figure 5's original last stage. */
export function lastStageSpec(variant: StageVariant): CnnSpec {
  const eff = getModel('mobilenetv3_large_100').spec;
  if (eff.kind !== 'cnn') throw new Error('mobilenetv3_large_100 is expected to be a CNN spec');
  if (variant === 'efficient') return eff;
  // Figure 5, top: the last bottleneck keeps its 3×3 depthwise filter and 320-channel projection,
  // and the 1280-wide feature layer runs before the pool (MobileNetV2's head, MobileNetV2 Table 2).
  return {
    ...eff,
    arch: [...eff.arch.slice(0, -1), ['ir_r1_k3_s1_e6_c320']],
    head: { kind: 'conv', features: 1280, scaling: 'fixed' },
  };
}

export interface StageLayer {
  readonly scope: string;
  readonly op: string;
  /** "1×1 conv 160→960", "3×3 depthwise 960", "average pool", "classifier 1280→1000". */
  readonly what: string;
  /** Output side of the feature map this layer writes (7 or 1). */
  readonly size: number;
  readonly params: number;
  readonly macs: number;
}

export interface StageCost {
  readonly variant: StageVariant;
  readonly layers: readonly StageLayer[];
  /** The last stage and head: every layer after the 160-channel output of stage 5. */
  readonly stageParams: number;
  readonly stageMacs: number;
  readonly modelParams: number;
  readonly modelMacs: number;
}

const IN_STAGE = /^(blocks\.6\.|conv_head|bn2|act2|global_pool|flatten|classifier)/;

function describe(l: LayerStats): string {
  const inC = l.inputDims[0][1];
  const outC = l.outputDims[0][1];
  if (l.opType === 'Conv') {
    const k = l.kernel?.[0] ?? 1;
    return l.group && l.group > 1 ? `${k}×${k} depthwise ${outC}` : `${k}×${k} conv ${inC}→${outC}`;
  }
  if (l.opType === 'GlobalAveragePool') return `average pool ${inC}`;
  return `classifier ${inC}→${outC}`;
}

const cache = new Map<StageVariant, StageCost>();

/** The variant's last-stage layers (convs, the pool, the classifier) and the totals, from the engine. */
export function stageCost(variant: StageVariant): StageCost {
  const hit = cache.get(variant);
  if (hit) return hit;
  const a = analyze(buildFromSpec(lastStageSpec(variant), { name: `mobilenetv3_large_100 (${variant} last stage)` }));
  const inStage = a.layers.filter((l) => IN_STAGE.test(l.scope));
  const layers = inStage
    .filter((l) => l.opType === 'Conv' || l.opType === 'Gemm' || l.opType === 'GlobalAveragePool')
    .map((l) => ({
      scope: l.scope,
      op: l.opType,
      what: describe(l),
      size: l.outputDims[0][2] ?? 1,
      params: l.params,
      macs: l.macs,
    }));
  const out: StageCost = {
    variant,
    layers,
    stageParams: inStage.reduce((s, l) => s + l.params, 0),
    stageMacs: inStage.reduce((s, l) => s + l.macs, 0),
    modelParams: a.params,
    modelMacs: a.macs,
  };
  cache.set(variant, out);
  return out;
}

export const STAGE_PLOT = { width: 560, rowHeight: 44, top: 20 } as const;

/**
 * One row per layer of the variant, in order: a bar whose length is the layer's MACs on a scale
 * shared by both variants (so switching shows the bars that disappear), its name and MACs above
 * it (one line, so a phone's larger type still fits). Layers on a 1×1 map are drawn in the
 * "pooled" colour.
 */
export function stageScene(variant: StageVariant): Scene {
  const cost = stageCost(variant);
  const max = Math.max(...(['original', 'efficient'] as const).flatMap((v) => stageCost(v).layers.map((l) => l.macs)));
  const rows = Math.max(...(['original', 'efficient'] as const).map((v) => stageCost(v).layers.length));
  const { width, rowHeight, top } = STAGE_PLOT;
  const barMax = width;
  const marks: Mark[] = [];
  cost.layers.forEach((l, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(2, (l.macs / max) * barMax);
    marks.push({
      kind: 'text',
      key: `name${i}`,
      class: 'mbv3-label',
      x: 0,
      y,
      text: `${l.what} · ${l.size}×${l.size} · ${formatCompact(l.macs)} MACs`,
    });
    marks.push({
      kind: 'rect',
      key: `bar${i}`,
      class: l.size === 1 ? 'mbv3-bar pooled' : 'mbv3-bar',
      x: 0,
      y: y + 8,
      width: w,
      height: 12,
      rx: 2,
      title: `${l.scope}: ${l.macs.toLocaleString('en-US')} MACs, ${l.params.toLocaleString('en-US')} parameters`,
      data: { macs: l.macs },
    });
  });
  return {
    width,
    height: top + (rows - 1) * rowHeight + 24,
    marks,
    label: `${variant === 'original' ? 'Original' : 'Efficient'} last stage of MobileNetV3-Large: ${cost.layers.map((l) => `${l.what} at ${l.size}×${l.size}, ${formatCompact(l.macs)} MACs`).join('; ')}`,
  };
}

/**
 * §5.1's other expensive layer, the stem: MobileNetV3-Large as the zoo builds it (16 filters,
 * hard-swish) against the same network with a 32-filter stem, both counted by the engine.
 */
export function stemMacs(channels: 16 | 32): number {
  const eff = lastStageSpec('efficient');
  return analyze(buildFromSpec({ ...eff, stem: { ...eff.stem, channels } })).macs;
}
