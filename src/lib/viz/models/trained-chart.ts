/**
 * The trained family's accuracy against MACs: the papers' Figure 1 (MobileNetV2 Figure 5,
 * EfficientNet Figure 1) at small scale, on Fashion-MNIST. MACs on a log axis, test accuracy on a
 * linear one; each model is its runs — one circle per seed — joined by a range line (how far the
 * seed alone moves it). Models are coloured by the question they answer together
 * (trained-groups.ts), and a series is joined through its mean accuracies (EfficientNet Figure 3's
 * curves). Labels go where they fit (label-placer.ts), with a leader line when not beside their
 * point; a label that fits nowhere is left off and listed in `unlabelled`, so the caller can say
 * where to read it (every point's tooltip names its model, and the cards list every model). Pure:
 * models in, a Scene out (rendered statically by <Marks>).
 */
import { axisMarks, gridlines } from '../charts/axes.ts';
import { box, placeLabels, type LabelRequest, type Obstacle, type Segment } from '../charts/label-placer.ts';
import { formatCompact } from '../charts/number-format.ts';
import { linearScale, logScale, logTicks, niceTicks, type ChartFrame } from '../charts/scale.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { seriesClass } from '../kit/series-class.ts';
import type { TrainedSummary } from '../../family/trained-index.ts';
import { CHART_GROUPS, chartGroup, chartLabel, OTHER_GROUP, type ChartGroup } from './trained-groups.ts';
import { formatTestAccuracy } from './trained-text.ts';

export interface FamilyChartOptions {
  readonly width?: number;
  readonly height?: number;
  /**
   * Width of a label character in viewBox units, for placing labels: conservative for the 11 px
   * sans-serif of .tf-label (the widest common glyphs, digits and `_`, are ≈ 0.56 em).
   */
  readonly charWidth?: number;
  /** A point's label from its model id (default chartLabel: the id without `tiny_`). */
  readonly label?: (id: string) => string;
}

export interface FamilyChart {
  readonly scene: Scene;
  /** The groups drawn, in legend order. */
  readonly legend: readonly ChartGroup[];
  /** Models whose label found no room, in the family's order. */
  readonly unlabelled: readonly string[];
  /** Where labels may go (the plot area): the tests hold every label box inside it. */
  readonly plot: ChartFrame['plot'];
  readonly charWidth: number;
  readonly lineHeight: number;
}

/** The label box height: the 11 px font's line. */
export const LABEL_HEIGHT = 13;
const RADIUS = 4.5;

export function familyChart(models: readonly TrainedSummary[], o: FamilyChartOptions = {}): FamilyChart {
  const width = o.width ?? 720;
  const height = o.height ?? 400;
  const charWidth = o.charWidth ?? 6.6;
  const plot = { left: 52, top: 26, right: width - 16, bottom: height - 40 };
  if (models.length === 0) throw new Error('familyChartScene: no trained models to draw');
  const macs = models.map((m) => m.macs);
  // Half a factor of 1.6 on each side, so the extreme models do not sit on the frame.
  const x = logScale([Math.min(...macs) / 1.6, Math.max(...macs) * 1.6], [plot.left, plot.right]);
  const accs = models.flatMap((m) => m.runs.map((r) => r.accuracy * 100));
  const yLo = Math.floor(Math.min(...accs) - 1);
  const yHi = Math.ceil(Math.max(...accs) + 1);
  const yTicks = niceTicks(yLo, yHi, 5);
  // The domain is the margin around the runs, not the ticks': a run above the last nice tick
  // (90.49 % with ticks 80, 85, 90) would sit in the margin above the plot.
  const y = linearScale([Math.min(yTicks[0], yLo), Math.max(yTicks.at(-1)!, yHi)], [plot.bottom, plot.top]);

  const marks: Mark[] = gridlines(plot.left, plot.right, yTicks, (t) => [t, y(t)], 'grid-y', 'tf-grid');
  const dom = x.domain();
  // Decades (and 2, 5 on a wide chart); finer steps only when the trained MACs span too little for two ticks.
  const steps = plot.right - plot.left > 500 ? [[1, 2, 5]] : [[1], [1, 2, 5]];
  steps.push([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const inside = (m: number[]) => logTicks(dom[0], dom[1], m).filter((v) => v >= dom[0] && v <= dom[1]);
  const xt = inside(steps.find((m) => inside(m).length >= 2) ?? steps.at(-1)!);
  for (const t of xt)
    marks.push({
      kind: 'line',
      key: `grid-x-${t}`,
      class: 'tf-grid',
      x1: x(t),
      x2: x(t),
      y1: plot.top,
      y2: plot.bottom,
    });
  marks.push(
    ...axisMarks(x, {
      orient: 'bottom',
      at: plot.bottom,
      key: 'x',
      tickValues: xt,
      format: (v) => formatCompact(v),
      label: 'MACs per image (log scale)',
    }),
    ...axisMarks(y, {
      orient: 'left',
      at: plot.left,
      key: 'y',
      tickValues: yTicks,
      format: (v) => `${v} %`,
      label: 'Test accuracy',
    }),
  );

  const byId = new Map(models.map((m) => [m.id, m]));
  const at = (m: TrainedSummary) => ({ x: x(m.macs), y: y(m.mean * 100) });
  // Series lines first, under the points: through the means of the members present, in MACs order.
  const soft: Segment[] = [];
  for (const g of CHART_GROUPS) {
    if (!g.line) continue;
    const pts = [g.from, ...g.members]
      .filter((id): id is string => id !== undefined && byId.has(id))
      .map((id) => byId.get(id)!)
      .sort((a, b) => a.macs - b.macs)
      .map(at);
    if (pts.length < 2 || !g.members.some((id) => byId.has(id))) continue;
    marks.push({
      kind: 'path',
      key: `series-${g.id}`,
      class: `tf-series ${seriesClass(g.colour)}`,
      d: pts.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''),
    });
    for (let i = 1; i < pts.length; i++) soft.push({ x1: pts[i - 1].x, y1: pts[i - 1].y, x2: pts[i].x, y2: pts[i].y });
  }

  const requests: LabelRequest[] = [];
  const obstacles: Obstacle[] = [];
  const points: Mark[] = [];
  for (const m of models) {
    const cx = x(m.macs);
    const colour = seriesClass(chartGroup(m.id).colour);
    const top = y(m.max * 100);
    const bottom = y(m.min * 100);
    if (m.runs.length > 1)
      points.push({
        kind: 'line',
        key: `range-${m.id}`,
        class: `tf-range ${colour}`,
        x1: cx,
        x2: cx,
        y1: bottom,
        y2: top,
      });
    for (const r of m.runs)
      points.push({
        kind: 'circle',
        key: `run-${m.id}-${r.seed}`,
        class: `tf-run ${colour}`,
        cx,
        cy: y(r.accuracy * 100),
        r: RADIUS,
        title: `${m.id}, seed ${r.seed}: ${formatTestAccuracy(r.accuracy)} at ${formatCompact(m.macs)} MACs`,
        data: { id: m.id, seed: r.seed, accuracy: r.accuracy, macs: m.macs },
      });
    // The circles with their stroke, and the range line between them.
    const around = box(cx - RADIUS - 1, top - RADIUS - 1, cx + RADIUS + 1, bottom + RADIUS + 1);
    obstacles.push({ ...around, owner: m.id });
    requests.push({ key: m.id, text: (o.label ?? chartLabel)(m.id), ...at(m), around });
  }
  const placement = placeLabels(requests, {
    bounds: box(plot.left + 2, plot.top, plot.right, plot.bottom - 2),
    charWidth,
    height: LABEL_HEIGHT,
    obstacles,
    soft,
  });
  for (const p of placement.placed)
    if (p.leader)
      marks.push({
        kind: 'line',
        key: `leader-${p.key}`,
        class: 'tf-leader',
        x1: p.leader.x1,
        y1: p.leader.y1,
        x2: p.leader.x2,
        y2: p.leader.y2,
      });
  marks.push(...points);
  for (const p of placement.placed)
    marks.push({
      kind: 'text',
      key: `label-${p.key}`,
      class: 'tf-label',
      x: p.x,
      y: p.y,
      text: p.text,
      anchor: p.anchor,
      baseline: 'middle',
    });

  const runs = models.reduce((n, m) => n + m.runs.length, 0);
  const drawn = new Set(models.map((m) => chartGroup(m.id).id));
  const legend = [...CHART_GROUPS, OTHER_GROUP].filter((g) => drawn.has(g.id));
  return {
    scene: {
      width,
      height,
      label: `Test accuracy against MACs of ${models.length} trained tiny model${models.length === 1 ? '' : 's'} (${runs} runs) on Fashion-MNIST`,
      marks,
    },
    legend,
    unlabelled: placement.dropped,
    plot,
    charWidth,
    lineHeight: LABEL_HEIGHT,
  };
}

/** The chart's scene alone. */
export const familyChartScene = (models: readonly TrainedSummary[], o: FamilyChartOptions = {}): Scene =>
  familyChart(models, o).scene;
