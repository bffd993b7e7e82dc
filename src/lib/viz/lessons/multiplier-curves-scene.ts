/**
 * Lesson 3's multiplier curves as kit data: each panel of curvePanels as a Scene (title, grid and
 * tick labels, the dashed quadratic, one dot per real model) and the read-outs. MultiplierCurves.astro
 * renders them at build time and <multiplier-curves> (multiplier-curves-element.ts) after every change.
 */
import { formatInt } from '../charts/number-format.ts';
import type { Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { quadraticMacs, type CurvePanel, type FamilyPoint } from './multiplier-curves.ts';

/** The zoo's MobileNetV1 grid (Howard et al. 2017, Tables 6 and 7): slider stop i is the i-th value. */
export const MULTIPLIER_WIDTHS = [0.25, 0.5, 0.75, 1];
export const MULTIPLIER_RESOLUTIONS = [128, 160, 192, 224];

export function panelScene(p: CurvePanel): Scene {
  const marks: Mark[] = [{ kind: 'text', key: 'title', class: 'title', x: p.plot.left, y: 14, text: p.title }];
  for (const t of p.yTicks) {
    marks.push({
      kind: 'line',
      key: `y-${t.value}`,
      class: 'grid',
      x1: p.plot.left,
      x2: p.plot.right,
      y1: t.pos,
      y2: t.pos,
    });
    marks.push({
      kind: 'text',
      key: `y-${t.value}`,
      class: 'tick',
      x: p.plot.left - 6,
      y: t.pos + 4,
      text: t.label,
      anchor: 'end',
    });
  }
  for (const t of p.xTicks)
    marks.push({
      kind: 'text',
      key: `x-${t.value}`,
      class: 'tick',
      x: t.pos,
      y: p.plot.bottom + 16,
      text: t.label,
      anchor: 'middle',
    });
  marks.push({
    kind: 'text',
    key: 'x-label',
    class: 'axis',
    x: (p.plot.left + p.plot.right) / 2,
    y: p.height - 6,
    text: p.xLabel,
    anchor: 'middle',
  });
  marks.push({ kind: 'path', key: 'curve', class: 'curve', d: p.curve });
  for (const d of p.dots) {
    marks.push({
      kind: 'circle',
      key: d.id,
      class: d.selected ? 'dot selected' : 'dot',
      cx: d.x,
      cy: d.y,
      r: d.selected ? 6 : 4,
      data: { id: d.id },
    });
  }
  return { width: p.width, height: p.height, label: p.title, marks };
}

export function multiplierReadouts(full: FamilyPoint, sel: FamilyPoint): Readout[] {
  return [
    { key: 'macs', label: 'MACs (engine)', value: formatInt(sel.macs) },
    { key: 'estimate', label: 'α²ρ² estimate', value: formatInt(quadraticMacs(full, sel.width, sel.resolution)) },
    { key: 'params', label: 'Parameters (engine)', value: formatInt(sel.params) },
  ];
}
