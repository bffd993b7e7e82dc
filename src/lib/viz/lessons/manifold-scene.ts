/**
 * Lesson 4's ReLU-manifold experiment (MobileNetV2 Figure 1, relu-manifold.ts) as kit data: the
 * input spiral and its round trip through n dimensions as two scenes, the output panel's title and
 * the summary's numbers. The component draws it at build time, <bottleneck-manifold> after every
 * change of n, the ReLU switch or the random matrix.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { MANIFOLD_DIMS, reluRoundTrip, spiral, toPanel, type ManifoldResult, type Pt } from './relu-manifold.ts';

/** The side of each square panel, in SVG units. */
export const PANEL = 220;

export interface ManifoldState {
  n: number;
  relu: boolean;
  seed: number;
}

export function manifoldControls(s: ManifoldState): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'n',
      label: 'Dimensions n',
      value: String(s.n),
      options: MANIFOLD_DIMS.map((d) => ({ value: String(d), label: String(d) })),
    },
    { kind: 'toggle', name: 'relu', label: 'Apply ReLU', value: s.relu },
  ];
}

export interface ManifoldView {
  input: Scene;
  output: Scene;
  /** The output panel's title between "After T" and ", then T⁺". */
  title: string;
  /** lost, total, lost-pct and n, written into the summary sentence. */
  readouts: Readout[];
}

/** Each panel shows the origin's axes; the output panel is scaled to fit what came back. */
function panel(label: string, pts: readonly Pt[], curveClass: string, extra: Mark[]): Scene {
  const h = PANEL / 2;
  return {
    width: PANEL,
    height: PANEL,
    label,
    marks: [
      { kind: 'line', key: 'x-axis', class: 'axis', x1: 0, y1: h, x2: PANEL, y2: h },
      { kind: 'line', key: 'y-axis', class: 'axis', x1: h, y1: 0, x2: h, y2: PANEL },
      { kind: 'path', key: 'curve', class: curveClass, d: `M${pts.map(([x, y]) => `${x},${y}`).join('L')}` },
      ...extra,
    ],
  };
}

/** The data extent of the output panel: at least the input's, with a 5 % margin. */
function extentOf(r: ManifoldResult): number {
  return Math.max(1.15, ...r.output.map(([x, y]) => 1.05 * Math.max(Math.abs(x), Math.abs(y))));
}

export function manifoldView(s: ManifoldState): ManifoldView {
  const input = spiral();
  const r = reluRoundTrip(s.n, s.relu, s.seed, input);
  const out = toPanel(r.output, PANEL, extentOf(r));
  const dots: Mark[] = out.map(([cx, cy], i) => ({
    kind: 'circle',
    key: String(i),
    class: r.lost[i] ? 'lost' : 'kept',
    cx,
    cy,
    r: 2.2,
  }));
  const pct = Math.round((100 * r.lostCount) / input.length);
  const title = s.relu ? `, ReLU in ${s.n} dimensions` : ` in ${s.n} dimensions (no ReLU)`;
  return {
    input: panel('The input spiral, two and a half turns around the origin', toPanel(input, PANEL), 'curve', []),
    output: panel(
      `The spiral after T${title}, then T⁺: ${r.lostCount} of ${input.length} points can no longer be recovered`,
      out,
      'curve faint',
      dots,
    ),
    title,
    readouts: [
      { key: 'lost', label: 'Points lost', value: String(r.lostCount) },
      { key: 'total', label: 'Points', value: String(input.length) },
      { key: 'lost-pct', label: 'Share lost (%)', value: String(pct) },
      { key: 'n', label: 'Dimensions', value: String(s.n) },
    ],
  };
}
