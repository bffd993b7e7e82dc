/**
 * Lesson 2's sliding-window figure as kit data: the controls, one Scene per input channel (the
 * padded grid with the selected output pixel's taps lit), the output pixels the reader picks from,
 * and the read-outs. ConvWindow.astro renders these at build time and conv-window-element.ts
 * renders the same values again after every change, so the figure's geometry lives only here and
 * in windowLayout (lesson-window.ts).
 */
import { formatInt } from '../charts/number-format.ts';
import { boundedControls, type ControlSpec, type Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import {
  macsPerOutputPixel,
  WINDOW_LIMITS,
  windowLayout,
  type WindowGeometry,
  type WindowLayout,
} from './lesson-window.ts';

/** The geometry fields the reader moves (channels is fixed by the lesson). */
export const WINDOW_CONTROLS = [
  { name: 'size', label: 'Input size H = W' },
  { name: 'k', label: 'Kernel k' },
  { name: 'stride', label: 'Stride s' },
  { name: 'pad', label: 'Padding p' },
  { name: 'dilation', label: 'Dilation d' },
] as const;

export function windowControls(g: WindowGeometry): ControlSpec[] {
  return boundedControls('range', WINDOW_CONTROLS, g, WINDOW_LIMITS);
}

/**
 * One input channel's padded grid. Cells are keyed by input coordinates, so changing the padding
 * or size keeps the cells that still exist; a cell is `pad` outside the input and `tap` when the
 * selected output pixel reads it.
 */
export function channelScene(g: WindowGeometry, layout: WindowLayout, channel: number): Scene {
  const marks: Mark[] = layout.input.map((cell) => ({
    kind: 'rect',
    key: `${cell.y},${cell.x}`,
    class: `cell${cell.padding ? ' pad' : ''}${cell.tap >= 0 ? ' tap' : ''}`,
    x: cell.px + 1,
    y: cell.py + 1,
    width: layout.cell - 2,
    height: layout.cell - 2,
    rx: 2,
  }));
  return {
    width: layout.gridSide,
    height: layout.gridSide,
    label: `Input channel ${channel + 1}, ${g.size}×${g.size} with ${g.pad} padding`,
    marks,
  };
}

/** The output pixels as the buttons the reader picks from, row by row. */
export interface OutputPixel {
  readonly oy: number;
  readonly ox: number;
  readonly label: string;
  readonly selected: boolean;
}

export function outputPixels(layout: WindowLayout): OutputPixel[] {
  const n = layout.outSize;
  return Array.from({ length: n * n }, (_, i) => {
    const oy = Math.floor(i / n);
    const ox = i % n;
    return {
      oy,
      ox,
      label: `output row ${oy}, column ${ox}`,
      selected: oy === layout.selected.oy && ox === layout.selected.ox,
    };
  });
}

export function windowReadouts(g: WindowGeometry, layout: WindowLayout): Readout[] {
  const per = macsPerOutputPixel(g);
  const n = layout.outSize;
  return [
    { key: 'out-size', label: 'Output size', value: `${n}×${n}` },
    { key: 'per-pixel', label: 'MACs per output pixel', value: formatInt(per) },
    { key: 'total', label: 'MACs, this filter', value: formatInt(per * n * n) },
    {
      key: 'pad-taps',
      label: 'Window taps on padding',
      value: `${layout.taps.filter((t) => t.padding).length} of ${layout.taps.length}`,
    },
  ];
}

/** Everything the figure shows for a geometry and a selected output pixel. */
export function windowView(g: WindowGeometry, oy: number, ox: number) {
  const layout = windowLayout(g, oy, ox);
  return {
    layout,
    scenes: Array.from({ length: g.channels }, (_, c) => channelScene(g, layout, c)),
    pixels: outputPixels(layout),
    readouts: windowReadouts(g, layout),
  };
}
