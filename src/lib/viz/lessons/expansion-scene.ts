/**
 * Lesson 4's expansion-ratio explorer as kit data: for one row of the build-time series (the zoo's
 * block rebuilt at expansion t, measured by the engine, expansion-cost.ts) the inverted-residual
 * diagram as marks (bottleneck-layout.ts's slabs, linear tensors hatched as in MobileNetV2 Figure 3),
 * its description and the read-outs. The component draws it at build time, <expansion-explorer>
 * after every move of the slider.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import { patternFill, type Mark, type Scene } from '../kit/marks.ts';
import { formatBytes, formatCompact, formatInt, formatShareOf } from '../charts/number-format.ts';
import { bottleneckLayout } from './bottleneck-layout.ts';
import { EXPANSION_STEPS, type BottleneckShape, type ExpansionCost } from './expansion-cost.ts';

/** One step of the series, as the element receives it (numbers only: the engine stays at build time). */
export interface ExpansionRow {
  t: number;
  mid: number;
  residual: boolean;
  outSize: number;
  macs: number;
  /** MACs of the two 1×1 convolutions (expand + project). */
  pointwise: number;
  params: number;
  expanded: number;
  peak: number;
}

export function expansionRow(c: ExpansionCost): ExpansionRow {
  return {
    t: c.t,
    mid: c.mid,
    residual: c.residual,
    outSize: c.outSize,
    macs: c.macs,
    pointwise: c.layers[0].macs + c.layers[2].macs,
    params: c.params,
    expanded: c.expandedBytes,
    peak: c.peakBytes,
  };
}

export function expansionControls(t: number): ControlSpec[] {
  return [
    {
      kind: 'range',
      name: 't',
      label: 'Expansion ratio t',
      value: t,
      min: EXPANSION_STEPS[0],
      max: EXPANSION_STEPS.at(-1),
      step: 0.5,
    },
  ];
}

export interface ExpansionView {
  scene: Scene;
  /** The diagram in words (its accessible name and the line under it). */
  desc: string;
  readouts: Readout[];
}

/**
 * The view at one row. `hatch` is the page-unique id of the hatching pattern; `maxChannels` the
 * widest expansion of the series, drawn at full height so every step's slabs are comparable.
 */
export function expansionView(
  shape: BottleneckShape,
  row: ExpansionRow,
  maxChannels: number,
  hatch: string,
): ExpansionView {
  const layout = bottleneckLayout({
    inChannels: shape.inChannels,
    mid: row.mid,
    outChannels: shape.outChannels,
    inSize: shape.size,
    outSize: row.outSize,
    kernel: shape.kernel,
    residual: row.residual,
    maxChannels,
  });
  const marks: Mark[] = [];
  if (layout.residual) marks.push({ kind: 'path', key: 'residual', class: 'residual', d: layout.residual });
  for (const s of layout.slabs) {
    const rect = { x: s.x, y: s.y, width: s.w, height: s.h, data: { id: s.id } };
    marks.push({ kind: 'rect', key: `fill-${s.id}`, class: `fill ${s.id}`, ...rect, title: s.label });
    if (s.linear) marks.push({ kind: 'rect', key: `hatch-${s.id}`, class: 'hatch', ...rect, fill: patternFill(hatch) });
    const x = s.x + s.w / 2;
    marks.push({
      kind: 'text',
      key: `ch-${s.id}`,
      class: 'ch',
      x,
      y: layout.height - 6,
      anchor: 'middle',
      text: String(s.channels),
    });
  }
  for (const e of layout.edges) {
    marks.push({ kind: 'text', key: `op-${e.to}`, class: 'op', x: e.x, y: e.y - 4, anchor: 'middle', text: e.op });
    marks.push({
      kind: 'text',
      key: `detail-${e.to}`,
      class: 'detail',
      x: e.x,
      y: e.y + 14,
      anchor: 'middle',
      text: e.detail,
    });
  }
  const desc =
    `Input ${shape.inChannels} channels, expanded to ${row.mid} channels, projected back to ${shape.outChannels}, ` +
    `at ${shape.size}×${shape.size}${row.residual ? ', with a residual connection between the narrow ends' : ''}. ` +
    'Hatched tensors had no activation applied.';
  const scene: Scene = {
    width: layout.width,
    height: layout.height,
    label: desc,
    marks,
    patterns: [
      {
        id: hatch,
        width: 6,
        height: 6,
        rotate: 45,
        marks: [{ kind: 'line', key: 'hatch', class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }],
      },
    ],
  };
  const readouts: Readout[] = [
    { key: 'mid', label: 'Expanded width', value: String(row.mid), detail: 'channels' },
    { key: 'macs', label: 'Block MACs', value: formatInt(row.macs), detail: `(${formatCompact(row.macs)})` },
    { key: 'pw-share', label: 'Share in the two 1×1 convs', value: formatShareOf(row.pointwise, row.macs) },
    { key: 'params', label: 'Parameters', value: formatInt(row.params) },
    { key: 'expanded', label: 'Expanded tensor (float32)', value: formatBytes(row.expanded) },
    { key: 'peak', label: 'Peak activations, naive schedule', value: formatBytes(row.peak) },
  ];
  return { scene, desc, readouts };
}
