/**
 * What the EfficientNetV2 lesson's two stage charts share (effv2-fused-layout.ts: each stage's cost
 * as MBConv and as Fused-MBConv; effv2-fused-latency.ts: each stage's Fused-MBConv ÷ MBConv ratio):
 * the 640 × 300 frame with one band per stage, grid lines at the powers of a log scale with their
 * tick labels, and under each band the stage's number and the kind (F or MB) the variant uses there.
 */
import type { Mark } from '../kit/marks.ts';

export const STAGE_CHART = { width: 640, height: 300, right: 12, top: 16, bottom: 62 } as const;

/** SVG coordinates to a tenth of a pixel (shorter markup, the same picture). */
export const px = (v: number): number => Math.round(v * 10) / 10;

/** The plot's bottom edge, the band width per stage and its centre, for a chart whose plot starts at `left`. */
export function stageBands(count: number, left: number): { bottom: number; band: number; cx: (i: number) => number } {
  const band = (STAGE_CHART.width - left - STAGE_CHART.right) / count;
  return { bottom: STAGE_CHART.height - STAGE_CHART.bottom, band, cx: (i) => left + band * (i + 0.5) };
}

/** Maps a value to y on a log scale with base `base` whose exponents run from lo (bottom) to hi (top). */
export function logY(lo: number, hi: number, base: number): (v: number) => number {
  const plot = STAGE_CHART.height - STAGE_CHART.top - STAGE_CHART.bottom;
  return (v) => STAGE_CHART.top + ((hi - Math.log(v) / Math.log(base)) / (hi - lo)) * plot;
}

/** A grid line and its tick label at each power base^e, e = lo…hi. */
export function logGridMarks(
  lo: number,
  hi: number,
  base: number,
  left: number,
  y: (v: number) => number,
  tick: (e: number) => string,
  lineClass: (e: number) => string = () => 'grid',
): Mark[] {
  const marks: Mark[] = [];
  for (let e = lo; e <= hi; e++) {
    const at = px(y(base ** e));
    marks.push({
      kind: 'line',
      key: `grid-${e}`,
      class: lineClass(e),
      x1: left,
      x2: STAGE_CHART.width - STAGE_CHART.right,
      y1: at,
      y2: at,
    });
    marks.push({
      kind: 'text',
      key: `tick-${e}`,
      class: 'tick',
      x: left - 6,
      y: at,
      text: tick(e),
      anchor: 'end',
      baseline: 'middle',
    });
  }
  return marks;
}

/** Under band i: the stage number, and F or MB for the kind the variant uses there. */
export function stageLabelMarks(i: number, stage: number, cx: number, bottom: number, fused: boolean): Mark[] {
  return [
    {
      kind: 'text',
      key: `stage-${i}`,
      class: 'tick',
      x: px(cx),
      y: bottom + 22,
      text: String(stage),
      anchor: 'middle',
    },
    {
      kind: 'text',
      key: `used-${i}`,
      class: `used-label ${fused ? 'fused' : 'mbconv'}`,
      x: px(cx),
      y: bottom + 50,
      text: fused ? 'F' : 'MB',
      anchor: 'middle',
    },
  ];
}
