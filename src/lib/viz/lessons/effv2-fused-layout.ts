/**
 * The stage chart of the Fused-MBConv experiment: for each stage of the base, the cost of the
 * stage as MBConv and as Fused-MBConv (log scale, params or MACs), the kind the chosen variant
 * uses drawn solid and the other faded; readouts give the variant's totals. Pure geometry from
 * the data effv2-fused.ts computes at build time, so the browser runs it without the engine.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import type { Readout } from '../kit/controls.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';
import type { FusedData } from './effv2-fused.ts';
import { fusedCount, VARIANT_LABELS, type FusedVariant } from './effv2-variants.ts';
import { logGridMarks, logY, px, STAGE_CHART, stageBands, stageLabelMarks } from './effv2-stage-chart.ts';

export type FusedMetric = 'params' | 'macs';
export const METRIC_LABELS: Readonly<Record<FusedMetric, string>> = { params: 'Parameters', macs: 'MACs' };

const LEFT = 72;

export function fusedScene(data: FusedData, variant: FusedVariant, metric: FusedMetric): Scene {
  const stages = data.stages;
  const n = fusedCount(variant, stages.length);
  const values = stages.flatMap((s) => [s.fused[metric], s.mbconv[metric]]);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const y = logY(lo, hi, 10);
  const { bottom, band, cx: centre } = stageBands(stages.length, LEFT);
  const bar = Math.min(28, band * 0.34);
  const marks: Mark[] = logGridMarks(lo, hi, 10, LEFT, y, (e) => formatCompact(10 ** e));
  stages.forEach((s, i) => {
    const cx = centre(i);
    const used: 'fused' | 'mbconv' = i < n ? 'fused' : 'mbconv';
    for (const [kind, dx] of [
      ['mbconv', -bar / 2 - 1],
      ['fused', bar / 2 + 1],
    ] as const) {
      const v = s[kind][metric];
      marks.push({
        kind: 'rect',
        key: `bar-${i}-${kind}`,
        class: `bar ${kind} ${kind === used ? 'used' : 'unused'}`,
        x: px(cx + dx - bar / 2),
        y: px(y(v)),
        width: px(bar),
        height: px(bottom - y(v)),
        title: `Stage ${s.stage} as ${kind === 'fused' ? 'Fused-MBConv' : 'MBConv'}: ${formatInt(v)} ${metric === 'macs' ? 'MACs' : 'parameters'}`,
        data: { stage: s.stage, kind, value: v },
      });
    }
    marks.push(...stageLabelMarks(i, s.stage, cx, bottom, used === 'fused'));
  });
  marks.push({
    kind: 'line',
    key: 'axis',
    class: 'axis',
    x1: LEFT,
    x2: STAGE_CHART.width - STAGE_CHART.right,
    y1: bottom,
    y2: bottom,
  });
  return {
    width: STAGE_CHART.width,
    height: STAGE_CHART.height,
    label: `${METRIC_LABELS[metric]} of each stage of ${data.label} as MBConv and as Fused-MBConv (log scale); ${VARIANT_LABELS[variant]}`,
    marks,
  };
}

export function fusedReadouts(data: FusedData, variant: FusedVariant): Readout[] {
  const t = data.totals[variant];
  const ref = data.totals.none;
  return [
    { key: 'params', label: 'Parameters', value: formatCompact(t.params) },
    { key: 'params-ratio', label: 'Params ÷ no fused', value: `${(t.params / ref.params).toFixed(2)}×` },
    { key: 'macs', label: 'MACs', value: formatCompact(t.macs) },
    { key: 'macs-ratio', label: 'MACs ÷ no fused', value: `${(t.macs / ref.macs).toFixed(2)}×` },
  ];
}
