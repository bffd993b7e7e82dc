/**
 * The trained family's accuracy against MACs: the papers' Figure 1 (MobileNetV2 Figure 5,
 * EfficientNet Figure 1) at small scale, on Fashion-MNIST. MACs on a log axis, test accuracy on a
 * linear one; each model is its runs — one circle per seed — joined by a range line (how far the
 * seed alone moves it), and labelled. Colours follow the zoo scatter's families. Pure: models in,
 * a Scene out (rendered statically by <Marks>).
 */
import { axisMarks } from '../charts/axes.ts';
import { formatCompact } from '../charts/number-format.ts';
import { linearScale, logScale, logTicks, niceTicks } from '../charts/scale.ts';
import type { Mark, Scene, TextMark } from '../kit/marks.ts';
import type { TrainedSummary } from '../../family/trained-index.ts';
import { familyColour } from './zoo-scatter.ts';
import { formatTestAccuracy } from './trained-text.ts';

export interface FamilyChartOptions {
  readonly width?: number;
  readonly height?: number;
  /** Approximate width of a label character in viewBox units (for the label nudging). */
  readonly charWidth?: number;
}

/** The label a point carries: the id without its `tiny_` prefix. */
export const shortId = (id: string): string => id.replace(/^tiny_/, '');

const LINE = 13;

/**
 * Labels right of their model's mean, then pushed down (or, at the bottom, up) until no two
 * overlap: the family crowds at a few MACs, and a label on a label reads as neither.
 */
function placeLabels(
  items: { key: string; x: number; y: number; text: string }[],
  charWidth: number,
  right: number,
  bottom: number,
): TextMark[] {
  const placed: { x0: number; x1: number; y: number }[] = [];
  const out: TextMark[] = [];
  for (const it of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const w = it.text.length * charWidth;
    // Past the right edge the label goes to the left of the point.
    const anchor = it.x + 8 + w > right ? 'end' : 'start';
    const x0 = anchor === 'start' ? it.x + 8 : it.x - 8 - w;
    const x1 = x0 + w;
    let y = it.y;
    for (let guard = 0; guard < 50; guard++) {
      const hit = placed.find((p) => p.x0 < x1 && x0 < p.x1 && Math.abs(p.y - y) < LINE);
      if (!hit) break;
      y = hit.y + LINE;
    }
    if (y > bottom) y = bottom;
    placed.push({ x0, x1, y });
    out.push({
      kind: 'text',
      key: `label-${it.key}`,
      class: 'tf-label',
      x: anchor === 'start' ? x0 : x1,
      y,
      text: it.text,
      anchor,
      baseline: 'middle',
    });
  }
  return out;
}

export function familyChartScene(models: readonly TrainedSummary[], o: FamilyChartOptions = {}): Scene {
  const width = o.width ?? 720;
  const height = o.height ?? 400;
  const charWidth = o.charWidth ?? 6.2;
  const plot = { left: 52, top: 26, right: width - 16, bottom: height - 40 };
  if (models.length === 0) throw new Error('familyChartScene: no trained models to draw');
  const macs = models.map((m) => m.macs);
  // Half a factor of 1.6 on each side, so the extreme models do not sit on the frame.
  const x = logScale([Math.min(...macs) / 1.6, Math.max(...macs) * 1.6], [plot.left, plot.right]);
  const accs = models.flatMap((m) => m.runs.map((r) => r.accuracy * 100));
  const yTicks = niceTicks(Math.floor(Math.min(...accs) - 1), Math.ceil(Math.max(...accs) + 1), 5);
  const y = linearScale([yTicks[0], yTicks.at(-1)!], [plot.bottom, plot.top]);

  const marks: Mark[] = [];
  for (const t of yTicks)
    marks.push({
      kind: 'line',
      key: `grid-y-${t}`,
      class: 'tf-grid',
      x1: plot.left,
      x2: plot.right,
      y1: y(t),
      y2: y(t),
    });
  const dom = x.domain();
  const xt = logTicks(dom[0], dom[1], plot.right - plot.left > 500 ? [1, 2, 5] : [1]).filter(
    (v) => v >= dom[0] && v <= dom[1],
  );
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

  const labels: { key: string; x: number; y: number; text: string }[] = [];
  for (const m of models) {
    const cx = x(m.macs);
    const colour = `c${familyColour(m.entry.family)}`;
    if (m.runs.length > 1)
      marks.push({
        kind: 'line',
        key: `range-${m.id}`,
        class: `tf-range ${colour}`,
        x1: cx,
        x2: cx,
        y1: y(m.min * 100),
        y2: y(m.max * 100),
      });
    for (const r of m.runs)
      marks.push({
        kind: 'circle',
        key: `run-${m.id}-${r.seed}`,
        class: `tf-run ${colour}`,
        cx,
        cy: y(r.accuracy * 100),
        r: 4.5,
        title: `${m.id}, seed ${r.seed}: ${formatTestAccuracy(r.accuracy)} at ${formatCompact(m.macs)} MACs`,
        data: { id: m.id, seed: r.seed, accuracy: r.accuracy, macs: m.macs },
      });
    labels.push({ key: m.id, x: cx, y: y(m.mean * 100), text: shortId(m.id) });
  }
  marks.push(...placeLabels(labels, charWidth, plot.right, plot.bottom - 4));
  const runs = models.reduce((n, m) => n + m.runs.length, 0);
  return {
    width,
    height,
    label: `Test accuracy against MACs of ${models.length} trained tiny models (${runs} runs) on Fashion-MNIST`,
    marks,
  };
}
