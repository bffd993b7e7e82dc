/**
 * The size-table widget of the fact-check: the overview's 一般的なサイズ感 table as printed beside
 * the engine's counts, one row per model, and a dot plot of printed against computed parameters
 * on a log axis (a dumbbell per row: how far each printed figure is from the model's count).
 * Pure and light (it runs in the browser too): rows in (factcheck-size-rows.ts builds them at
 * build time from the fact-check), a Scene and read-outs out.
 */
import { scaleLog } from 'd3';
import { axisMarks } from '../charts/axes.ts';
import { formatCompact, formatSig, formatTexInt } from '../charts/number-format.ts';
import { selectControl, type ControlSpec, type Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';
import type { Verdict } from './factcheck-claim.ts';

export interface SizeRowView {
  readonly key: string;
  readonly line: number;
  readonly name: string;
  readonly model?: string;
  readonly printedParams: string;
  readonly printedMB: string;
  /** Printed figures in base units (parameters, MB). */
  readonly printedParamsValue: number;
  readonly printedMBValue: number;
  /** The engine's parameter count and fp32 megabytes, when the model exists. */
  readonly params?: number;
  readonly mb?: number;
  readonly paperParams?: { readonly value: number; readonly cite: string };
  readonly paramsVerdict: Verdict;
  readonly mbVerdict: Verdict;
  readonly paramsCause?: string;
  readonly mbCause?: string;
  /** The other row that printed the very same two figures, if any. */
  readonly duplicateOf?: string;
}

export type SizeView = 'both' | 'printed' | 'computed';
export type VerdictFilter = 'all' | Verdict;
export interface SizeState {
  /** The row whose arithmetic the formula shows (its key). */
  readonly row: string;
  readonly view: SizeView;
  readonly verdict: VerdictFilter;
  readonly highlight: boolean;
}
export const SIZE_DEFAULT: SizeState = { row: 'mobilenet-v3-large', view: 'both', verdict: 'all', highlight: true };

/** Rows the verdict filter keeps: a row stays when either of its two figures has that verdict. */
export function visibleRows(rows: readonly SizeRowView[], verdict: VerdictFilter): SizeRowView[] {
  return verdict === 'all' ? [...rows] : rows.filter((r) => r.paramsVerdict === verdict || r.mbVerdict === verdict);
}

const ROW_H = 28;
const TOP = 10;
const LABEL_W = 150;
const RIGHT = 20;
const AXIS_H = 44;

/** The dot plot: per visible row, the printed parameter count, the computed one and the gap between. */
export function sizeScene(rows: readonly SizeRowView[], state: SizeState, width = 560): Scene {
  const shown = visibleRows(rows, state.verdict);
  const values = shown.flatMap((r) => [r.printedParamsValue, r.params ?? r.printedParamsValue]);
  const lo = Math.min(1e6, ...values);
  const hi = Math.max(1e8, ...values);
  const x = scaleLog()
    .domain([10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))])
    .range([LABEL_W, width - RIGHT]);
  const height = TOP + Math.max(1, shown.length) * ROW_H + AXIS_H;
  const marks: Mark[] = [];
  shown.forEach((r, i) => {
    const y = TOP + i * ROW_H + ROW_H / 2;
    const bad = state.highlight && r.paramsVerdict !== 'correct';
    marks.push({
      kind: 'text',
      key: `name-${r.key}`,
      class: 'fc-name',
      x: LABEL_W - 8,
      y,
      text: r.name,
      anchor: 'end',
      baseline: 'middle',
    });
    const px = x(r.printedParamsValue);
    if (r.params !== undefined && state.view === 'both') {
      marks.push({
        kind: 'line',
        key: `gap-${r.key}`,
        class: bad ? 'fc-gap fc-bad' : 'fc-gap',
        x1: px,
        y1: y,
        x2: x(r.params),
        y2: y,
      });
    }
    if (state.view !== 'computed') {
      marks.push({
        kind: 'circle',
        key: `printed-${r.key}`,
        class: bad ? 'fc-printed fc-bad' : 'fc-printed',
        cx: px,
        cy: y,
        r: 6,
        title: `${r.name}: printed ${r.printedParams} parameters`,
        data: { row: r.key, value: r.printedParamsValue },
      });
    }
    if (state.view !== 'printed') {
      if (r.params !== undefined) {
        marks.push({
          kind: 'circle',
          key: `computed-${r.key}`,
          class: 'fc-computed',
          cx: x(r.params),
          cy: y,
          r: 6,
          title: `${r.name}: ${formatCompact(r.params)} parameters computed`,
          data: { row: r.key, value: r.params },
        });
      } else {
        // Beside the printed dot (or where it would be), so it never sits on a dot.
        marks.push({
          kind: 'text',
          key: `none-${r.key}`,
          class: 'fc-none',
          x: px + 10,
          y,
          text: 'no such model',
          anchor: 'start',
          baseline: 'middle',
        });
      }
    }
  });
  if (shown.length === 0) {
    marks.push({
      kind: 'text',
      key: 'empty',
      class: 'fc-none',
      x: width / 2,
      y: TOP + ROW_H / 2,
      text: 'No row has this verdict',
      anchor: 'middle',
      baseline: 'middle',
    });
  }
  marks.push(
    ...axisMarks(x, {
      orient: 'bottom',
      at: height - AXIS_H + 4,
      label: 'Parameters (log scale)',
      tickValues: x.ticks(3).filter((t) => Number.isInteger(Math.log10(t))),
      format: (v) => formatCompact(v),
    }),
  );
  const what = state.view === 'both' ? 'printed and computed' : state.view;
  return {
    width,
    height,
    label: `Parameters of the size table's ${shown.length} rows, ${what}, on a log scale`,
    marks,
  };
}

/** The read-outs under the plot: rows shown, wrong figures among them, the worst factor. */
export function sizeReadouts(rows: readonly SizeRowView[], state: SizeState): Readout[] {
  const shown = visibleRows(rows, state.verdict);
  const wrong = shown.reduce(
    (n, r) => n + (r.paramsVerdict === 'wrong' ? 1 : 0) + (r.mbVerdict === 'wrong' ? 1 : 0),
    0,
  );
  const factors = shown
    .filter((r) => r.params !== undefined)
    .map((r) => Math.max(r.params! / r.printedParamsValue, r.printedParamsValue / r.params!));
  return [
    { key: 'rows', label: 'Rows shown', value: `${shown.length} of ${rows.length}` },
    { key: 'wrong', label: 'Wrong figures', value: String(wrong) },
    {
      key: 'worst',
      label: 'Worst parameter count off by',
      value: factors.length ? `×${formatSig(Math.max(...factors))}` : '—',
    },
  ];
}

const texText = (s: string): string => s.replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`);

/**
 * The chosen row's arithmetic as TeX: its fp32 size from the engine's parameter count, beside what
 * the overview printed, and how far the printed parameter count is from the computed one.
 */
export function sizeTex(row: SizeRowView): string {
  const name = `\\text{${texText(row.name)}}`;
  if (row.params === undefined || row.mb === undefined) {
    return `${name}:\\ \\text{no such model (printed ${texText(row.printedParams)}, ${texText(row.printedMB)} MB)}`;
  }
  const ratio = row.params / row.printedParamsValue;
  return (
    `${name}:\\quad 4\\,\\text{B} \\times ${formatTexInt(row.params)} = ${formatSig(row.mb)}\\,\\text{MB}` +
    ` \\;\\text{(printed ${texText(row.printedMB)})},\\qquad` +
    ` \\frac{${formatTexInt(row.params)}}{${formatTexInt(row.printedParamsValue)}} = ${formatSig(ratio)}`
  );
}

/** The table's controls: which figures to show, which verdicts, the highlight, and the row to work out. */
export function sizeControls(rows: readonly SizeRowView[], state: SizeState): ControlSpec[] {
  return [
    selectControl('view', 'Show', state.view, { both: 'both', printed: 'as printed', computed: 'as computed' }),
    selectControl('verdict', 'Verdict', state.verdict, {
      all: 'all rows',
      wrong: 'wrong',
      misleading: 'misleading',
      correct: 'correct',
    }),
    { kind: 'toggle', name: 'highlight', label: 'Highlight what is wrong', value: state.highlight },
    {
      kind: 'select',
      name: 'row',
      label: 'Work out',
      value: state.row,
      options: rows.map((r) => ({ value: r.key, label: r.name })),
    },
  ];
}
