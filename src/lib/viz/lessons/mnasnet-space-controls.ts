/**
 * The search-space grid's controls as kit data: the stage picker (bound to the URL, so a link can
 * open the grid on one stage) and one select per choice of §4.1 for that stage, its options the
 * ones the space allows there. Build time only: <search-space> swaps the filter and layer options
 * when the stage changes (search-space-element.ts).
 */
import type { ControlSpec } from '../kit/controls.ts';
import { CONV_OPS, KERNELS, SE_RATIOS, SKIP_OPS, type StageInfo } from './mnasnet-space.ts';

/** "32 (× 1.333)": a filter count beside its ratio to MobileNetV2's. */
export function filterLabel(f: number, s: StageInfo): string {
  return `${f} (× ${+(f / s.refFilters).toFixed(3)})`;
}

/** "4 (+1)": a layer count beside its difference from MobileNetV2's. */
export function layerLabel(n: number, s: StageInfo): string {
  return `${n} (${n - s.refLayers >= 0 ? '+' : '−'}${Math.abs(n - s.refLayers)})`;
}

/** The stage picker: "3 (56²)" names a stage by its number and input side. */
export function stageControls(stages: readonly StageInfo[], resolutions: readonly number[]): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'stage',
      label: 'Stage',
      value: String(stages[0].index),
      options: stages.map((s, i) => ({ value: String(s.index), label: `${s.index + 1} (${resolutions[i]}²)` })),
    },
  ];
}

/** The six choices of one stage, set to its pick. */
export function pickControls(s: StageInfo): ControlSpec[] {
  const select = (name: string, label: string, value: string | number, options: [string | number, string][]) => ({
    kind: 'select' as const,
    name,
    label,
    value: String(value),
    options: options.map(([v, l]) => ({ value: String(v), label: l })),
  });
  const p = s.a1;
  return [
    select(
      'op',
      'ConvOp',
      p.op,
      CONV_OPS.map((o) => [o.value, o.label]),
    ),
    select(
      'kernel',
      'Kernel',
      p.kernel,
      KERNELS.map((k) => [k, `${k}×${k}`]),
    ),
    select(
      'se',
      'SE ratio',
      p.se,
      SE_RATIOS.map((r) => [r, r === 0 ? 'none' : String(r)]),
    ),
    select(
      'skip',
      'Skip',
      p.skip,
      SKIP_OPS.map((k) => [k, k]),
    ),
    select(
      'filters',
      'Filters F',
      p.filters,
      s.filterOptions.map((f) => [f, filterLabel(f, s)]),
    ),
    select(
      'layers',
      'Layers N',
      p.layers,
      s.layerOptions.map((n) => [n, layerLabel(n, s)]),
    ),
  ];
}
