/**
 * The convolution cost calculator as kit data: its controls, the diagram (input, one filter,
 * output as oblique boxes from convDiagramLayout) as a Scene, and the read-outs. The component
 * renders these at build time; <conv-cost-widget> renders them again after every change.
 */
import { formatBytes, formatCompact, formatInt } from '../charts/number-format.ts';
import { boundedControls, selectControl, type ControlSpec, type Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { CONV_LIMITS, type ConvCost, type ConvLayer } from './conv-cost.ts';
import { boxFaces, convDiagramLayout } from './conv-cost-layout.ts';

const FIELDS = [
  { name: 'h', label: 'Height H' },
  { name: 'w', label: 'Width W' },
  { name: 'cin', label: 'Input channels C_in' },
  { name: 'cout', label: 'Output channels C_out' },
  { name: 'k', label: 'Kernel k' },
  { name: 'stride', label: 'Stride s' },
  { name: 'groups', label: 'Groups g' },
] as const;

export const CONV_COST_FIELDS = FIELDS.map((f) => f.name);

export function convCostControls(l: ConvLayer): ControlSpec[] {
  return [
    ...boundedControls('number', FIELDS, l, CONV_LIMITS),
    selectControl('padding', 'Padding', l.padding, { same: 'same, (k−1)/2', valid: 'valid, 0' }),
    { kind: 'toggle', name: 'bias', label: 'Bias', value: l.bias },
  ];
}

/** Each box's two text lines and their y (the boxes' common baseline is convDiagramLayout's 190). */
const BOX_TEXT = [
  ['label', 212],
  ['sublabel', 232],
] as const;

/** The diagram, trimmed to the drawing: tall boxes need more headroom than flat ones. */
export function convCostScene(l: ConvLayer, c: ConvCost): Scene {
  const layout = convDiagramLayout(l, c);
  const [, top, , height] = layout.viewBox.split(' ').map(Number) as [number, number, number, number];
  const marks: Mark[] = [];
  for (const b of layout.boxes) {
    // Scene coordinates start at the trimmed top, so every y moves up by `top`.
    const f = boxFaces({ ...b, y: Math.round((b.y - top) * 10) / 10 });
    for (const face of ['side', 'top', 'front'] as const)
      marks.push({ kind: 'path', key: `${b.id}-${face}`, class: `face ${face} ${b.id}`, d: f[face] });
    for (const [line, y] of BOX_TEXT)
      marks.push({
        kind: 'text',
        key: `${b.id}-${line}`,
        class: line,
        x: b.x + b.w / 2,
        y: y - top,
        text: b[line],
        anchor: 'middle',
      });
  }
  layout.operators.forEach((o, i) =>
    marks.push({ kind: 'text', key: `op-${i}`, class: 'op', x: o.x, y: o.y - top, text: o.text }),
  );
  const [input, kernel, output] = layout.boxes;
  return {
    width: layout.width,
    height,
    label: `Input ${input!.label}, filter ${kernel!.label}, output ${output!.label}`,
    marks,
  };
}

/** The shapes in one line of text, shown instead of the box labels on a phone. */
export function convShapesLine(l: ConvLayer, c: ConvCost): string {
  return `input ${l.h}×${l.w}×${l.cin} ∗ filter ${l.k}×${l.k}×${l.cin / l.groups} (×${l.cout}) = output ${c.hOut}×${c.wOut}×${l.cout}`;
}

export function convCostReadouts(l: ConvLayer, c: ConvCost): Readout[] {
  return [
    { key: 'shape', label: 'Output shape', value: `${c.hOut}×${c.wOut}×${l.cout}` },
    { key: 'params', label: 'Parameters', value: formatInt(c.params) },
    { key: 'macs', label: 'Multiply-adds (MACs)', value: formatInt(c.macs), detail: `(${formatCompact(c.macs)})` },
    { key: 'per-output', label: 'MACs per output value', value: formatInt(c.macsPerOutput) },
    { key: 'out-bytes', label: 'Output activations (float32)', value: formatBytes(c.outputBytes) },
  ];
}
