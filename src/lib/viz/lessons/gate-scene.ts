/**
 * Lesson 5's squeeze → excite → scale step-through as kit data: for one run of EfficientNet-B0's
 * first SE block (se-gates.ts, run by the engine at build time) three rows of bars, one bar per
 * channel (gate-bars.ts): the squeezed averages, the gates, and the scaled averages with the
 * squeezed ones outlined behind them, each with a sentence of its range. The component draws it at
 * build time, <gate-stepper> when the reader picks another input.
 */
import type { ControlSpec, Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import { gateBars, type BarsLayout } from './gate-bars.ts';

/** What the browser needs of a run: the three vectors. */
export interface GateRunData {
  seed: number;
  squeeze: readonly number[];
  gates: readonly number[];
  scaled: readonly number[];
}

export type GateRowKey = 'squeeze' | 'gates' | 'scaled';

/** The step line's text at each step (0: nothing revealed yet). */
export const GATE_STEPS = ['Before SE', 'Step 1 of 3: squeeze', 'Step 2 of 3: excite', 'Step 3 of 3: scale'];

const W = 640;
const H = 120;

export interface GateRow {
  key: GateRowKey;
  title: string;
  scene: Scene;
}

export function gateControls(seeds: readonly number[], seed: number): ControlSpec[] {
  return [
    {
      kind: 'select',
      name: 'seed',
      label: 'Input image',
      value: String(seed),
      options: seeds.map((s) => ({ value: String(s), label: `Reference input ${s + 1}` })),
    },
  ];
}

/** The averages' shared range over every run, so switching inputs does not rescale the rows. */
export function averageDomain(runs: readonly GateRunData[]): [number, number] {
  const all = runs.flatMap((r) => [...r.squeeze, ...r.scaled]);
  return [Math.min(0, ...all), Math.max(...all.map(Math.abs))];
}

function barsScene(key: GateRowKey, label: string, l: BarsLayout, ghost?: BarsLayout): Scene {
  const marks: Mark[] = l.ticks.map((t) => ({
    kind: 'line',
    key: `tick-${t.value}`,
    class: t.value === 0 ? 'zero' : 'grid',
    x1: 0,
    y1: t.y,
    x2: l.width,
    y2: t.y,
  }));
  for (const b of ghost?.bars ?? [])
    marks.push({ kind: 'rect', key: `ghost-${b.channel}`, class: 'ghost', x: b.x, y: b.y, width: b.w, height: b.h });
  for (const b of l.bars)
    marks.push({
      kind: 'rect',
      key: `bar-${b.channel}`,
      class: b.negative ? `bar ${key} neg` : `bar ${key}`,
      x: b.x,
      y: b.y,
      width: b.w,
      height: b.h,
      data: { channel: b.channel, value: b.value.toFixed(4) },
    });
  return { width: l.width, height: l.height, label, marks };
}

const fmt = (v: number) => v.toFixed(2);
const range = (a: readonly number[]) => `from ${fmt(Math.min(...a))} to ${fmt(Math.max(...a))}`;
const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;

export function gateView(run: GateRunData, domain: readonly [number, number]): { rows: GateRow[]; stats: Readout[] } {
  const opts = { width: W, height: H, domain };
  const squeeze = gateBars(run.squeeze, opts);
  const stats: Readout[] = [
    { key: 'squeeze-stat', label: 'Squeeze', value: `Averages ${range(run.squeeze)}.` },
    { key: 'gates-stat', label: 'Excite', value: `Gates ${range(run.gates)}, mean ${fmt(mean(run.gates))}.` },
    {
      key: 'scaled-stat',
      label: 'Scale',
      value: `Scaled averages ${range(run.scaled)}: each is its squeezed average times its gate.`,
    },
  ];
  const rows: GateRow[] = [
    {
      key: 'squeeze',
      title: '1 · Squeeze: the average of each channel',
      scene: barsScene('squeeze', stats[0].value, squeeze),
    },
    {
      key: 'gates',
      title: '2 · Excite: the gate of each channel, between 0 and 1',
      scene: barsScene(
        'gates',
        stats[1].value,
        gateBars(run.gates, { width: W, height: H, domain: [0, 1], ticks: [0, 0.5, 1] }),
      ),
    },
    {
      key: 'scaled',
      title: '3 · Scale: each channel times its gate (outline: before)',
      scene: barsScene('scaled', stats[2].value, gateBars(run.scaled, opts), squeeze),
    },
  ];
  return { rows, stats };
}
