/**
 * Geometry of the activation-memory chart: live bytes after each layer-table row as an area,
 * section boundaries as grid lines, the peak marked. Pure: profile in, paths and ticks out.
 */
import type { MemoryProfile } from './compute-breakdown.ts';
import { formatBytes } from '../charts/number-format.ts';
import { niceStep, round1, type ChartFrame } from '../charts/scale.ts';
import type { LayerTable } from './layer-table.ts';

export interface MemoryChart extends ChartFrame {
  /** Area path (closed to the baseline) and its top line. */
  readonly area: string;
  readonly line: string;
  readonly peak: {
    readonly x: number;
    readonly y: number;
    readonly bytes: number;
    readonly row: number;
    readonly label: string;
  };
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  /** Section boundaries; `short` is '' where it would collide with the previous label. */
  readonly sections: readonly {
    readonly x: number;
    readonly label: string;
    readonly short: string;
    readonly anchor: 'start' | 'end';
    readonly labelX: number;
  }[];
}

/** Characters of a label, for a rough width (11 px text is about 7 px per character). */
const labelChars = (label: string): number => label.length;
/** Width of one character of the 11 px tick text, rounded up. */
const CHAR_W = 7.5;

export function memoryChart(profile: MemoryProfile, table: LayerTable, width = 960, height = 240): MemoryChart {
  const plot = { left: 64, top: 22, right: width - 12, bottom: height - 30 };
  const n = profile.points.length;
  const x = (i: number): number => plot.left + (n <= 1 ? 0 : (i / (n - 1)) * (plot.right - plot.left));
  // Binary units so the ticks read 4 MiB, 8 MiB like the labels.
  const MiB = 1024 * 1024;
  const unit = profile.peakBytes >= MiB ? MiB : 1024;
  const step = niceStep(profile.peakBytes / unit, 4) * unit;
  const top = Math.max(step, Math.ceil(profile.peakBytes / step) * step);
  const y = (b: number): number => plot.bottom - (b / top) * (plot.bottom - plot.top);
  const pts = profile.points.map((p, i) => `${round1(x(i))},${round1(y(p.liveBytes))}`);
  const line = `M${pts.join('L')}`;
  const area = `${line}L${round1(x(n - 1))},${plot.bottom}L${round1(x(0))},${plot.bottom}Z`;
  const peakIndex = profile.points.findIndex((p) => p.row === profile.peakRow);
  const yTicks: { y: number; label: string }[] = [];
  for (let v = 0; v <= top + 1e-6; v += step) yTicks.push({ y: round1(y(v)), label: formatBytes(v) });
  let lastLabelEnd = -Infinity;
  const sections = table.sections.map((s) => {
    const first = table.rows.findIndex((r) => r.section === s.index);
    const sx = round1(x(Math.max(0, first)));
    const short = s.kind === 'stage' ? s.label.replace(/^(stage|block) /, '') : s.label;
    // Labels are drawn from the boundary rightwards, or end at the chart's right edge when they would
    // run past it (the head); one that would start before the previous label ends is left out.
    const w = CHAR_W * labelChars(short);
    const fits = sx + 2 + w <= width - 2;
    const start = fits ? sx + 2 : width - 2 - w;
    const room = start >= lastLabelEnd + 4;
    if (room) lastLabelEnd = start + w;
    return {
      x: sx,
      label: s.label,
      short: room ? short : '',
      anchor: (fits ? 'start' : 'end') as 'start' | 'end',
      labelX: fits ? sx + 2 : width - 2,
    };
  });
  return {
    width,
    height,
    plot,
    area,
    line,
    yTicks,
    sections,
    peak: {
      x: round1(x(peakIndex)),
      y: round1(y(profile.peakBytes)),
      bytes: profile.peakBytes,
      row: profile.peakRow,
      label: `peak ${formatBytes(profile.peakBytes)}`,
    },
  };
}
