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

export type FusedMetric = 'params' | 'macs';
export const METRIC_LABELS: Readonly<Record<FusedMetric, string>> = { params: 'Parameters', macs: 'MACs' };

const W = 640;
const H = 300;
const PAD = { left: 72, right: 12, top: 16, bottom: 62 };
const px = (v: number): number => Math.round(v * 10) / 10;

export function fusedScene(data: FusedData, variant: FusedVariant, metric: FusedMetric): Scene {
  const stages = data.stages;
  const n = fusedCount(variant, stages.length);
  const values = stages.flatMap((s) => [s.fused[metric], s.mbconv[metric]]);
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const y = (v: number): number => PAD.top + ((hi - Math.log10(v)) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const bottom = H - PAD.bottom;
  const band = (W - PAD.left - PAD.right) / stages.length;
  const bar = Math.min(28, band * 0.34);
  const marks: Mark[] = [];
  for (let e = lo; e <= hi; e++) {
    marks.push({
      kind: 'line',
      key: `grid-${e}`,
      class: 'grid',
      x1: PAD.left,
      x2: W - PAD.right,
      y1: px(y(10 ** e)),
      y2: px(y(10 ** e)),
    });
    marks.push({
      kind: 'text',
      key: `tick-${e}`,
      class: 'tick',
      x: PAD.left - 6,
      y: px(y(10 ** e)),
      text: formatCompact(10 ** e),
      anchor: 'end',
      baseline: 'middle',
    });
  }
  stages.forEach((s, i) => {
    const cx = PAD.left + band * (i + 0.5);
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
    marks.push({
      kind: 'text',
      key: `stage-${i}`,
      class: 'tick',
      x: px(cx),
      y: bottom + 22,
      text: String(s.stage),
      anchor: 'middle',
    });
    marks.push({
      kind: 'text',
      key: `used-${i}`,
      class: `used-label ${used}`,
      x: px(cx),
      y: bottom + 50,
      text: used === 'fused' ? 'F' : 'MB',
      anchor: 'middle',
    });
  });
  marks.push({ kind: 'line', key: 'axis', class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: bottom, y2: bottom });
  return {
    width: W,
    height: H,
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
