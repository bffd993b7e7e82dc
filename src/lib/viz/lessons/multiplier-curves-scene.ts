/**
 * Lesson 3's multiplier curves as kit data: each panel of curvePanels as a Scene (title, grid, the
 * axes through axisMarks, the dashed quadratic, one dot per real model), the two sliders (named
 * stops: the zoo's α and pixel values) and the read-outs. MultiplierCurves.astro
 * renders them at build time and <multiplier-curves> (multiplier-curves-element.ts) after every change.
 */
import { axisMarks, gridlines } from '../charts/axes.ts';
import { formatInt } from '../charts/number-format.ts';
import { linearScale, type LinearScale } from '../charts/scale.ts';
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { quadraticMacs, type CurvePanel, type FamilyPoint, type Tick } from './multiplier-curves.ts';

/** The zoo's MobileNetV1 grid (Howard et al. 2017, Tables 6 and 7): slider stop i is the i-th value. */
export const MULTIPLIER_WIDTHS: readonly number[] = [0.25, 0.5, 0.75, 1];
export const MULTIPLIER_RESOLUTIONS: readonly number[] = [128, 160, 192, 224];

/** The linear scale two ticks of an axis imply (a panel's axes are linear). */
function scaleThrough(ticks: readonly Tick[]): LinearScale {
  const [a, b] = [ticks[0], ticks.at(-1)!];
  return linearScale([a.value, b.value], [a.pos, b.pos]);
}

/** The tick's own label for a value (the panel decided them: "200M", "0.25", "160"). */
const labelOf = (ticks: readonly Tick[]) => (v: number) => ticks.find((t) => t.value === v)?.label ?? String(v);

export function panelScene(p: CurvePanel): Scene {
  const marks: Mark[] = [{ kind: 'text', key: 'title', class: 'title', x: p.plot.left, y: 14, text: p.title }];
  marks.push(...gridlines(p.plot.left, p.plot.right, p.yTicks, (t) => [t.value, t.pos], 'y'));
  const values = (ticks: readonly Tick[]) => ticks.map((t) => t.value);
  marks.push(
    ...axisMarks(scaleThrough(p.yTicks), {
      orient: 'left',
      at: p.plot.left,
      tickValues: values(p.yTicks),
      format: labelOf(p.yTicks),
      key: 'y',
    }),
    ...axisMarks(scaleThrough(p.xTicks), {
      orient: 'bottom',
      at: p.plot.bottom,
      tickValues: values(p.xTicks),
      format: labelOf(p.xTicks),
      label: p.xLabel,
      key: 'x',
    }),
  );
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

/** The two sliders: their stops are the zoo's real models' α and input sides, named by value. */
export function multiplierControls(width: number, resolution: number): ControlSpec[] {
  const stops = (list: readonly number[]) => ({ min: 0, max: list.length - 1, step: 1, stops: list.map(String) });
  return [
    {
      kind: 'range',
      name: 'width',
      label: 'Width multiplier α',
      value: MULTIPLIER_WIDTHS.indexOf(width),
      ...stops(MULTIPLIER_WIDTHS),
    },
    {
      kind: 'range',
      name: 'resolution',
      label: 'Resolution in px (ρ = r / 224)',
      value: MULTIPLIER_RESOLUTIONS.indexOf(resolution),
      ...stops(MULTIPLIER_RESOLUTIONS),
    },
  ];
}

export function multiplierReadouts(full: FamilyPoint, sel: FamilyPoint): Readout[] {
  return [
    { key: 'macs', label: 'MACs (engine)', value: formatInt(sel.macs) },
    { key: 'estimate', label: 'α²ρ² estimate', value: formatInt(quadraticMacs(full, sel.width, sel.resolution)) },
    { key: 'params', label: 'Parameters (engine)', value: formatInt(sel.params) },
  ];
}
