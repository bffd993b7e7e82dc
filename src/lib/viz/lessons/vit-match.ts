/**
 * ViT-Ti against EfficientNet-B0 at matched MACs (pure layout): ViT-Ti's MACs at every input side
 * on a grid (counted by the engine, see vit-measure.ts), the side whose MACs come closest to B0's
 * at 224, and the chart Scene of the curve with B0's level.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import { formatCompact } from '../charts/number-format.ts';
import { macsGridline, sideAxis, VIT_CHART_WIDTH, vitPlot } from './vit-chart-frame.ts';

export interface MatchPoint {
  readonly resolution: number;
  readonly macs: number;
  readonly params: number;
}

/** The point whose MACs are closest to `target` (relative distance); ties go to the smaller side. */
export function closestMatch(points: readonly MatchPoint[], target: number): MatchPoint & { readonly gap: number } {
  if (points.length === 0) throw new Error('closestMatch: no points');
  if (!(target > 0)) throw new Error(`closestMatch: target must be positive; received ${target}`);
  let best = points[0];
  for (const p of points) if (Math.abs(p.macs - target) < Math.abs(best.macs - target)) best = p;
  return { ...best, gap: best.macs / target - 1 };
}

const W = VIT_CHART_WIDTH;
const H = 260;
const PLOT = vitPlot(H);

export function matchScene(points: readonly MatchPoint[], target: number, targetLabel: string): Scene {
  const m = closestMatch(points, target);
  const r0 = points[0].resolution;
  const r1 = points[points.length - 1].resolution;
  const yMax = Math.max(...points.map((p) => p.macs), target);
  const x = (R: number) => PLOT.left + ((R - r0) / (r1 - r0)) * (PLOT.right - PLOT.left);
  const y = (v: number) => PLOT.bottom - (v / yMax) * (PLOT.bottom - PLOT.top);
  const marks: Mark[] = [];
  const tickStep = (10 ** Math.floor(Math.log10(yMax)) * (yMax / 10 ** Math.floor(Math.log10(yMax)) > 4 ? 2 : 1)) / 2;
  for (let v = 0; v <= yMax; v += tickStep) marks.push(...macsGridline(PLOT, v, y(v), v));
  marks.push(...sideAxis(PLOT, H, [r0, r1], 64, x, 'ViT-Ti input side R (pixels)'));
  marks.push({
    kind: 'line',
    key: 'target',
    class: 'target',
    x1: PLOT.left,
    x2: PLOT.right,
    y1: y(target),
    y2: y(target),
  });
  marks.push({
    kind: 'text',
    key: 'target-label',
    class: 'tick target-label',
    x: PLOT.left + 6,
    y: y(target) - 6,
    text: `${targetLabel}: ${formatCompact(target)} MACs`,
  });
  const d = points.map((p, j) => `${j ? 'L' : 'M'}${x(p.resolution).toFixed(2)},${y(p.macs).toFixed(2)}`).join('');
  marks.push({ kind: 'path', key: 'vit', class: 'series s1', d, fill: 'none' });
  marks.push({
    kind: 'circle',
    key: 'match',
    class: 'dot s1',
    cx: x(m.resolution),
    cy: y(m.macs),
    r: 5,
    title: `ViT-Ti at ${m.resolution}×${m.resolution}: ${formatCompact(m.macs)} MACs`,
    data: { resolution: m.resolution, macs: m.macs },
  });
  return {
    width: W,
    height: H,
    label: `ViT-Ti MACs against its input side, with ${targetLabel}'s MACs as a level; closest at ${m.resolution} pixels`,
    marks,
  };
}
