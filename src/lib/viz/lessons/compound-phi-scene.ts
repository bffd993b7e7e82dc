/**
 * Lesson 6's φ widget as kit data: the chart of compound-lesson-phi.ts (MACs on a log axis against
 * φ: ideal 2^φ × B0, the formula's (αβ²γ²)^φ × B0, and the built models' MACs) as marks with the
 * cursor at the chosen φ, and the read-outs of the model the zoo builds there. The component draws
 * it at build time, <compound-phi> after every move of the slider.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { formatCompact, formatInt } from '../charts/number-format.ts';
import { LESSON_PHIS, type PhiChart, type PhiNumbers } from './compound-lesson-phi.ts';

/** One φ of the slider, as the element receives it (the engine stays at build time). */
export interface PhiRow {
  phi: number;
  resolution: number;
  blocks: number;
  stem: number;
  head: number;
  params: number;
  macs: number;
  /** Built MACs ÷ ideal 2^φ × B0. */
  ratio: number;
  eq: PhiNumbers;
}

export function phiControls(phi: number): ControlSpec[] {
  return [
    {
      kind: 'range',
      name: 'phi',
      label: 'Compound coefficient φ',
      value: phi,
      min: LESSON_PHIS[0],
      max: LESSON_PHIS.at(-1),
      step: 0.1,
    },
  ];
}

export function phiReadouts(r: PhiRow): Readout[] {
  return [
    { key: 'resolution', label: 'Input', value: String(r.resolution), unit: '²' },
    { key: 'blocks', label: 'Blocks', value: String(r.blocks) },
    { key: 'channels', label: 'Stem / head channels', value: `${r.stem} / ${r.head}` },
    { key: 'params', label: 'Parameters', value: formatCompact(r.params) },
    { key: 'macs', label: 'MACs (built model)', value: formatInt(r.macs) },
    { key: 'ratio', label: 'Built ÷ ideal 2ᵠ × B0', value: `${r.ratio.toFixed(2)}×` },
  ];
}

/** The chart with the cursor and the dot at point `i` (the slider's index into LESSON_PHIS). */
export function phiScene(c: PhiChart, i: number): Scene {
  const p = c.points[i];
  if (!p) throw new RangeError(`no chart point ${i}; the chart has ${c.points.length}`);
  const { left, right, top, bottom } = c.plot;
  const marks: Mark[] = [];
  for (const t of c.yTicks) {
    marks.push({ kind: 'line', key: `y-${t.macs}`, class: 'grid', x1: left, y1: t.y, x2: right, y2: t.y });
    marks.push({
      kind: 'text',
      key: `y-${t.macs}`,
      class: 'tick',
      x: left - 6,
      y: t.y + 4,
      anchor: 'end',
      text: t.label,
    });
  }
  for (const t of c.xTicks) {
    const anchor = t.x <= left + 1 ? 'start' : 'middle';
    marks.push({ kind: 'text', key: `x-${t.phi}`, class: 'tick', x: t.x, y: bottom + 20, anchor, text: String(t.phi) });
  }
  marks.push(
    {
      kind: 'text',
      key: 'x-title',
      class: 'tick',
      x: (left + right) / 2,
      y: c.height - 2,
      anchor: 'middle',
      text: 'φ',
    },
    { kind: 'path', key: 'ideal', class: 'ideal', d: c.ideal },
    { kind: 'path', key: 'formula', class: 'formula', d: c.formula },
    { kind: 'path', key: 'actual', class: 'actual', d: c.actual },
    { kind: 'line', key: 'cursor', class: 'cursor', x1: p.x, y1: top, x2: p.x, y2: bottom },
    { kind: 'circle', key: 'dot', class: 'dot', cx: p.x, cy: p.yActual, r: 5 },
  );
  return {
    width: c.width,
    height: c.height,
    label: `MACs against φ on a log scale: the ideal 2^φ × B0, (αβ²γ²)^φ × B0 and the built models; marked at φ = ${p.phi}`,
    marks,
  };
}
