/**
 * The frame the two ViT-vs-CNN charts share (pure): MACs up the left, the input side R along the
 * bottom, the plot inset the same in both (vit-cost-chart.ts, vit-match.ts).
 */
import type { Mark } from '../kit/marks.ts';
import { formatCompact } from '../charts/number-format.ts';

export const VIT_CHART_WIDTH = 560;

export interface VitPlot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The plot area of a chart `height` tall. */
export const vitPlot = (height: number): VitPlot => ({
  left: 76,
  right: VIT_CHART_WIDTH - 16,
  top: 14,
  bottom: height - 40,
});

/** A grid line across the plot at y, labelled with the value `v` at the left (`id` names both marks). */
export function macsGridline(plot: VitPlot, id: number, y: number, v: number): Mark[] {
  return [
    { kind: 'line', key: `grid-${id}`, class: 'grid', x1: plot.left, x2: plot.right, y1: y, y2: y },
    {
      kind: 'text',
      key: `ytick-${id}`,
      class: 'tick',
      x: plot.left - 6,
      y,
      text: formatCompact(v),
      anchor: 'end',
      baseline: 'middle',
    },
  ];
}

/** Tick labels at every multiple of `step` from r0 to r1 under the plot, and the axis label below them. */
export function sideAxis(
  plot: VitPlot,
  height: number,
  [r0, r1]: readonly [number, number],
  step: number,
  x: (R: number) => number,
  label: string,
): Mark[] {
  const marks: Mark[] = [];
  for (let R = Math.ceil(r0 / step) * step; R <= r1; R += step) {
    marks.push({
      kind: 'text',
      key: `xtick-${R}`,
      class: 'tick',
      x: x(R),
      y: plot.bottom + 16,
      text: String(R),
      anchor: 'middle',
    });
  }
  marks.push({
    kind: 'text',
    key: 'xlabel',
    class: 'tick axis-label',
    x: (plot.left + plot.right) / 2,
    y: height - 4,
    text: label,
    anchor: 'middle',
  });
  return marks;
}
