/**
 * The last-stage widget of the MobileNetV3 lesson on the kit: its control, its read-outs from the
 * engine's counts (mbv3-last-stage.ts computes them at build time), and the device measurement of
 * Figure 5's two stages: which pieces to time (the last stage alone and the whole network, both
 * ways, as specs in the zoo's grammar) and how their medians read beside the paper's figures.
 * Pure: the browser runs it without the engine.
 */
import { selectControl, type ControlSpec, type Readout } from '../kit/controls.ts';
import { formatCompact, formatInt, formatMs, formatShare, formatSig } from '../charts/number-format.ts';
import type { CnnSpec } from '../../models/spec.ts';
import type { UnitTiming } from './block-latency.ts';
import { compareTimings, type Comparison, type LatencyTarget } from './latency-pieces.ts';
import type { StageCost, StageVariant } from './mbv3-last-stage.ts';

export const VARIANT_LABELS: Readonly<Record<StageVariant, string>> = {
  original: 'original (MobileNetV2-style)',
  efficient: 'efficient (MobileNetV3)',
};

export function lastStageControls(variant: StageVariant): ControlSpec[] {
  return [selectControl('variant', 'Last stage', variant, VARIANT_LABELS)];
}

export function lastStageTitle(variant: StageVariant): string {
  return `${variant === 'original' ? 'Original' : 'Efficient'} last stage, from the 7×7×160 output of the last bneck block:`;
}

/** The variant's counts, and the efficient − original differences (the same for both views). */
export function lastStageReadouts(cost: StageCost, original: StageCost, efficient: StageCost): Readout[] {
  const dParams = efficient.modelParams - original.modelParams;
  return [
    { key: 'stage-macs', label: 'Last stage MACs', value: formatInt(cost.stageMacs) },
    { key: 'stage-params', label: 'Last stage parameters', value: formatInt(cost.stageParams) },
    {
      key: 'model-macs',
      label: 'Whole model MACs',
      value: `${formatInt(cost.modelMacs)} (${formatCompact(cost.modelMacs)})`,
    },
    {
      key: 'model-params',
      label: 'Whole model parameters',
      value: `${formatInt(cost.modelParams)} (${formatCompact(cost.modelParams)})`,
    },
    { key: 'd-macs', label: 'Efficient − original, MACs', value: formatInt(efficient.modelMacs - original.modelMacs) },
    {
      key: 'd-params',
      label: 'Efficient − original, parameters',
      value: `${dParams > 0 ? '+' : ''}${formatInt(dParams)}`,
    },
  ];
}

/**
 * MobileNetV3 §5.1 on the efficient last stage, measured on a Pixel phone: "reduces the latency by
 * 7 milliseconds which is 11% of the running time and reduces the number of operations by 30
 * millions MAdds with almost no loss of accuracy".
 */
export const PAPER_LAST_STAGE = { savedMs: 7, share: 0.11, savedMadds: 30e6, source: 'Howard et al. 2019, §5.1' };

/** Stage 6 (timm's blocks.6) is the last stage in both specs; `tail` times it with the head. */
export function lastStageTargets(specs: Readonly<Record<StageVariant, CnnSpec>>): LatencyTarget[] {
  return (['original', 'efficient'] as const).map((v) => ({
    id: v,
    spec: specs[v],
    cuts: [{ kind: 'tail', from: specs[v].arch.length - 1 }, { kind: 'model' }],
  }));
}

export interface LastStageLatency {
  /** original ÷ efficient of the last stage (with the head). */
  readonly stage: Comparison | null;
  readonly model: Comparison | null;
  /** The last stage's saving as a share of the original network's time (the paper's 11 %). */
  readonly share: number | null;
}

export function lastStageLatency(timings: readonly UnitTiming[]): LastStageLatency {
  const t = new Map(timings.map((x) => [x.key, x]));
  const stage = compareTimings(t.get('original/tail'), t.get('efficient/tail'));
  const model = compareTimings(t.get('original/model'), t.get('efficient/model'));
  return { stage, model, share: stage && model ? stage.savedMs / model.aMs : null };
}

/** The measurement's read-outs; '–' until measured. */
export function lastStageLatencyReadouts(m: LastStageLatency | null): Readout[] {
  const ms = (v: number | undefined): string => (v === undefined ? '–' : formatMs(v));
  const s = m?.stage ?? undefined;
  const w = m?.model ?? undefined;
  return [
    { key: 'ms-original', label: 'Original last stage', value: ms(s?.aMs) },
    { key: 'ms-efficient', label: 'Efficient last stage', value: ms(s?.bMs) },
    { key: 'ms-ratio', label: 'Original ÷ efficient', value: s ? `${formatSig(s.ratio)}×` : '–' },
    { key: 'ms-saved', label: 'Saved per image', value: ms(s?.savedMs) },
    { key: 'ms-model', label: 'Whole network, original → efficient', value: w ? `${ms(w.aMs)} → ${ms(w.bMs)}` : '–' },
    {
      key: 'ms-share',
      label: 'Saving ÷ original network time',
      value: m?.share === null || m?.share === undefined ? '–' : formatShare(m.share),
    },
  ];
}
