/**
 * A trained model's learning curve: the manifest's `segments` (a point per tenth of an epoch:
 * the mean training accuracy of that window's batches, before each update and with augmentation)
 * for every seed, as one path each, and the run's test accuracy on all 10,000 test images as a
 * circle at the end. With one epoch a per-epoch curve would be a single point; the windows show
 * how fast each network learns. Pure: runs in, a Scene out.
 */
import { axisMarks, gridlines } from '../charts/axes.ts';
import { linearScale, niceTicks } from '../charts/scale.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { seriesClass } from '../kit/series-class.ts';
import type { TrainedModel } from '../../family/manifest.ts';
import { formatTestAccuracy } from './trained-text.ts';

export interface CurveOptions {
  readonly width?: number;
  readonly height?: number;
  /** 'small' for a card: fewer ticks, no axis titles. */
  readonly size?: 'small' | 'full';
}

/**
 * Seed classes in run order: the i-th seed in palette slot i + 1 (seriesClass), the first solid, the second
 * dashed (CSS), so colour is not the only cue.
 */
export const seedClass = (i: number): string => `seed-${i + 1} ${seriesClass(i + 1)}`;

export function trainedCurveScene(id: string, runs: readonly TrainedModel[], o: CurveOptions = {}): Scene {
  const small = (o.size ?? 'full') === 'small';
  const width = o.width ?? (small ? 300 : 560);
  const height = o.height ?? (small ? 150 : 260);
  const plot = small
    ? { left: 44, top: 10, right: width - 10, bottom: height - 22 }
    : { left: 50, top: 24, right: width - 14, bottom: height - 40 };
  if (runs.length === 0) throw new Error(`trainedCurveScene: ${id} has no runs`);
  const epochs = Math.max(...runs.map((r) => r.recipe.epochs));
  const x = linearScale([0, epochs], [plot.left, plot.right]);
  const ys = runs.flatMap((r) => [...r.segments.map((s) => s.accuracy), r.accuracy]).map((v) => v * 100);
  // The domain starts at the lowest point rounded down to 10 %, so no window falls below the frame.
  const lo = Math.max(0, Math.floor(Math.min(...ys) / 10) * 10);
  const yTicks = niceTicks(lo, 100, small ? 2 : 5);
  const y = linearScale([lo, 100], [plot.bottom, plot.top]);
  const marks: Mark[] = gridlines(plot.left, plot.right, yTicks, (t) => [t, y(t)], 'grid', 'tf-grid');
  const xTicks = niceTicks(0, epochs, small ? 2 : 4);
  marks.push(
    ...axisMarks(x, {
      orient: 'bottom',
      at: plot.bottom,
      key: 'x',
      tickValues: xTicks,
      format: (v) => String(v),
      ...(small ? {} : { label: 'Epochs' }),
    }),
    ...axisMarks(y, {
      orient: 'left',
      at: plot.left,
      key: 'y',
      tickValues: yTicks,
      format: (v) => `${v} %`,
      ...(small ? {} : { label: 'Accuracy' }),
    }),
  );
  runs.forEach((r, i) => {
    const d = r.segments
      .map((s, j) => `${j ? 'L' : 'M'}${x(s.epoch).toFixed(1)},${y(s.accuracy * 100).toFixed(1)}`)
      .join('');
    marks.push({ kind: 'path', key: `train-${r.seed}`, class: `tc-train ${seedClass(i)}`, d });
    marks.push({
      kind: 'circle',
      key: `test-${r.seed}`,
      class: `tc-test ${seedClass(i)}`,
      cx: x(r.recipe.epochs),
      cy: y(r.accuracy * 100),
      r: small ? 3.5 : 4.5,
      title: `seed ${r.seed}: test accuracy ${formatTestAccuracy(r.accuracy)}`,
      data: { seed: r.seed, accuracy: r.accuracy },
    });
  });
  return {
    width,
    height,
    label:
      `Learning curve of ${id}: training accuracy per tenth of an epoch for seed ${runs.map((r) => r.seed).join(' and ')}, ` +
      `ending at test accuracy ${runs.map((r) => formatTestAccuracy(r.accuracy)).join(' and ')}`,
    marks,
  };
}
