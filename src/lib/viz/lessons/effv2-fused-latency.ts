/**
 * EfficientNetV2 Table 3's variants timed stage by stage on the reader's device: what the worker
 * times (EfficientNet-B4 with every stage Fused-MBConv, and with none, at a reduced resolution, cut
 * at `sample`: the first two blocks of each stage, latency-pieces.ts), how the medians become stage
 * times, each variant's stage times (a stage's time depends only on its own blocks and its input
 * shape, which fusing other stages never changes, so the fused and the MBConv build give every
 * variant), and the chart: per stage, how many times the Fused-MBConv stage's MACs and time are the
 * MBConv stage's, on a log scale around 1×. Pure; the build computes the MACs with the engine.
 *
 * Table 3 measured training throughput on TPUv3 and V100; a browser's CPU is another machine, and
 * this measures what it does.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';
import { formatCompact, formatMs, formatSig } from '../charts/number-format.ts';
import type { CnnSpec } from '../../models/spec.ts';
import type { UnitTiming } from './block-latency.ts';
import { stageTimes, type LatencyTarget } from './latency-pieces.ts';
import { fusedCount, type FusedVariant } from './effv2-variants.ts';
import { logGridMarks, logY, px, STAGE_CHART, stageBands, stageLabelMarks } from './effv2-stage-chart.ts';

export interface FusedLatencyData {
  readonly label: string;
  readonly resolution: number;
  readonly rounds: number;
  /** Blocks per stage (0-based stage index), from the zoo's resolved spec. */
  readonly blocks: readonly number[];
  /** MACs per stage at `resolution`, every stage fused / every stage MBConv, from the engine. */
  readonly macs: { readonly fused: readonly number[]; readonly mbconv: readonly number[] };
}

/** The two builds the worker times: ids `fused` and `mbconv`. */
export function fusedLatencyTargets(specs: { fused: CnnSpec; mbconv: CnnSpec }, resolution: number): LatencyTarget[] {
  return (['fused', 'mbconv'] as const).map((id) => ({
    id,
    spec: { ...specs[id], resolution },
    cuts: [{ kind: 'sample' }],
  }));
}

export interface StageLatency {
  /** 1-based (EfficientNetV2 Table 4 numbering). */
  readonly stage: number;
  readonly macsFused: number;
  readonly macsMbconv: number;
  readonly msFused: number | null;
  readonly msMbconv: number | null;
}

export function stageLatencies(data: FusedLatencyData, timings: readonly UnitTiming[]): StageLatency[] {
  const f = new Map(stageTimes('fused', data.blocks, timings).map((s) => [s.stage, s.ms]));
  const m = new Map(stageTimes('mbconv', data.blocks, timings).map((s) => [s.stage, s.ms]));
  return data.blocks.map((_, i) => ({
    stage: i + 1,
    macsFused: data.macs.fused[i],
    macsMbconv: data.macs.mbconv[i],
    msFused: f.get(i) ?? null,
    msMbconv: m.get(i) ?? null,
  }));
}

export interface VariantLatency {
  readonly macs: number;
  /** Sum of the stage times of the kinds the variant uses; null until every stage is measured. */
  readonly ms: number | null;
}

export function variantLatency(stages: readonly StageLatency[], variant: FusedVariant): VariantLatency {
  const n = fusedCount(variant, stages.length);
  let ms: number | null = 0;
  let macs = 0;
  stages.forEach((s, i) => {
    const t = i < n ? s.msFused : s.msMbconv;
    macs += i < n ? s.macsFused : s.macsMbconv;
    ms = ms === null || t === null ? null : ms + t;
  });
  return { macs, ms };
}

export function fusedLatencyReadouts(stages: readonly StageLatency[], variant: FusedVariant): Readout[] {
  const v = variantLatency(stages, variant);
  const none = variantLatency(stages, 'none');
  return [
    { key: 'lat-macs', label: 'MACs of the variant’s stages', value: formatCompact(v.macs) },
    { key: 'lat-macs-ratio', label: 'MACs ÷ no fused', value: `${formatSig(v.macs / none.macs)}×` },
    { key: 'lat-ms', label: 'Time of the stages here', value: v.ms === null ? '–' : formatMs(v.ms) },
    {
      key: 'lat-ms-ratio',
      label: 'Time ÷ no fused',
      value: v.ms === null || none.ms === null ? '–' : `${formatSig(v.ms / none.ms)}×`,
    },
  ];
}

const LEFT = 56;

/**
 * Per stage two bars from the 1× line on a log₂ scale: Fused-MBConv ÷ MBConv in MACs (always) and
 * in measured time (once measured). Up: the fused stage costs more; down: less. Under each stage
 * F or MB: the kind the chosen variant uses there.
 */
export function fusedLatencyScene(stages: readonly StageLatency[], variant: FusedVariant): Scene {
  const n = fusedCount(variant, stages.length);
  const ratios = stages.flatMap((s) => [
    s.macsFused / s.macsMbconv,
    ...(s.msFused !== null && s.msMbconv !== null ? [s.msFused / s.msMbconv] : []),
  ]);
  const lo = Math.min(-1, Math.floor(Math.log2(Math.min(...ratios))));
  const hi = Math.max(1, Math.ceil(Math.log2(Math.max(...ratios))));
  const y = logY(lo, hi, 2);
  const { bottom, band, cx: centre } = stageBands(stages.length, LEFT);
  const bar = Math.min(24, band * 0.3);
  const marks: Mark[] = logGridMarks(
    lo,
    hi,
    2,
    LEFT,
    y,
    (e) => `${e < 0 ? `1/${2 ** -e}` : 2 ** e}×`,
    (e) => (e === 0 ? 'axis' : 'grid'),
  );
  stages.forEach((s, i) => {
    const cx = centre(i);
    const pairs: ['macs' | 'time', number | null, number][] = [
      ['macs', s.macsFused / s.macsMbconv, -bar / 2 - 1],
      ['time', s.msFused !== null && s.msMbconv !== null ? s.msFused / s.msMbconv : null, bar / 2 + 1],
    ];
    for (const [what, r, dx] of pairs) {
      if (r === null || !(r > 0)) continue;
      const top = Math.min(y(r), y(1));
      marks.push({
        kind: 'rect',
        key: `bar-${i}-${what}`,
        class: `bar ${what} ${r > 1 ? 'up' : 'down'}`,
        x: px(cx + dx - bar / 2),
        y: px(top),
        width: px(bar),
        height: px(Math.max(1, Math.abs(y(r) - y(1)))),
        title: `Stage ${s.stage}: Fused-MBConv ÷ MBConv ${what === 'macs' ? 'MACs' : 'time on this device'} = ${formatSig(r)}×`,
        data: { stage: s.stage, what, ratio: r },
      });
    }
    marks.push(...stageLabelMarks(i, s.stage, cx, bottom, i < n));
  });
  const measured = stages.filter((s) => s.msFused !== null && s.msMbconv !== null);
  return {
    width: STAGE_CHART.width,
    height: STAGE_CHART.height,
    label: `Fused-MBConv ÷ MBConv per stage, MACs${measured.length ? ' and time on this device' : ''} (log scale): ${stages
      .map(
        (s) =>
          `stage ${s.stage} MACs ${formatSig(s.macsFused / s.macsMbconv)}×${s.msFused !== null && s.msMbconv !== null ? `, time ${formatSig(s.msFused / s.msMbconv)}×` : ''}`,
      )
      .join('; ')}`,
    marks,
  };
}
