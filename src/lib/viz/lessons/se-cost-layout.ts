/**
 * Layout of the SE cost chart: one row per stage (and one for the whole model), each with two
 * horizontal bars on a shared 0–100 % axis: the share of the stage's parameters that sit in SE
 * layers, and the share of its MACs. Pure: a ModelSECost in, rows with coordinates out.
 */
import { percent, type ModelSECost } from './se-cost.ts';
import { formatCompact, formatInt, formatShareOf } from '../charts/number-format.ts';
import type { Readout } from '../kit/controls.ts';
import { round1 } from '../charts/scale.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export interface SEShareRow {
  /** "Stage 3", or "Total" for the whole model. */
  readonly label: string;
  readonly stage: number | null;
  readonly blocks: number;
  readonly paramsPct: number;
  readonly macsPct: number;
  /** "12 %", or "< 0.1 %" for a share that is not zero but rounds to it. */
  readonly paramsLabel: string;
  readonly macsLabel: string;
  readonly seParams: number;
  readonly y: number;
  readonly paramsW: number;
  readonly macsW: number;
}

export interface SEShareLayout {
  readonly width: number;
  readonly height: number;
  /** x where bars start (labels sit left of it). */
  readonly x0: number;
  /** Bar length for 100 %. */
  readonly span: number;
  readonly rowHeight: number;
  readonly rows: readonly SEShareRow[];
  readonly ticks: readonly { readonly pct: number; readonly x: number }[];
}

/** A share for a bar label (number-format's formatShare: never "0 %" for a part that is not zero). */
export function shareLabel(part: number, whole: number): string {
  return formatShareOf(part, whole);
}

export function seShareLayout(cost: ModelSECost, width = 560, rowHeight = 34): SEShareLayout {
  const x0 = 120;
  const span = width - x0 - 70;
  const top = 24;
  const row = (
    label: string,
    stage: number | null,
    blocks: number,
    seParams: number,
    params: number,
    seMacs: number,
    macs: number,
  ) => ({
    label,
    stage,
    blocks,
    seParams,
    paramsPct: percent(seParams, params),
    macsPct: percent(seMacs, macs),
    paramsLabel: shareLabel(seParams, params),
    macsLabel: shareLabel(seMacs, macs),
  });
  const stages = cost.stages.map((s) =>
    row(`Stage ${s.stage}`, s.stage, s.blocks, s.seParams, s.params, s.seMacs, s.macs),
  );
  const all = row(
    'Total',
    null,
    stages.reduce((a, s) => a + s.blocks, 0),
    cost.seParams,
    cost.params,
    cost.seMacs,
    cost.macs,
  );
  const rows = [...stages, all].map((r, i) => ({
    ...r,
    y: top + i * rowHeight + (r.stage === null ? 8 : 0),
    paramsW: round1((span * r.paramsPct) / 100),
    macsW: round1((span * r.macsPct) / 100),
  }));
  const height = rows[rows.length - 1].y + rowHeight + 6;
  const ticks = [0, 25, 50, 75, 100].map((pct) => ({ pct, x: round1(x0 + (span * pct) / 100) }));
  return { width, height, x0, span, rowHeight, rows, ticks };
}

/**
 * The chart as marks: gridlines at the ticks, then per row its label and two bars (parameters
 * above, MACs below) with their share written after each bar. A MACs bar is never thinner than
 * half a unit, so a share that rounds to zero still shows where it would start.
 */
export function seShareScene(l: SEShareLayout, label: string): Scene {
  const marks: Mark[] = [];
  for (const t of l.ticks) {
    marks.push({ kind: 'line', key: `tick-${t.pct}`, class: 'tick', x1: t.x, y1: 19, x2: t.x, y2: l.height - 4 });
    marks.push({
      kind: 'text',
      key: `tick-${t.pct}`,
      class: 'tick-label',
      x: t.x,
      y: 15,
      anchor: 'middle',
      text: `${t.pct} %`,
    });
  }
  for (const r of l.rows) {
    const k = r.stage === null ? 'total' : String(r.stage);
    const macsW = Math.max(r.macsW, 0.5);
    const data = { row: k };
    marks.push(
      {
        kind: 'text',
        key: `label-${k}`,
        class: r.stage === null ? 'label total' : 'label',
        x: l.x0 - 8,
        y: r.y + 16,
        anchor: 'end',
        text: r.label,
        data,
      },
      { kind: 'rect', key: `p-${k}`, class: 'p', x: l.x0, y: r.y + 2, width: r.paramsW, height: 12, data },
      { kind: 'rect', key: `m-${k}`, class: 'm', x: l.x0, y: r.y + 16, width: macsW, height: 12, data },
      { kind: 'text', key: `vp-${k}`, class: 'v p', x: l.x0 + r.paramsW + 5, y: r.y + 12, text: r.paramsLabel, data },
      { kind: 'text', key: `vm-${k}`, class: 'v m', x: l.x0 + macsW + 5, y: r.y + 27, text: r.macsLabel, data },
    );
  }
  return { width: l.width, height: l.height, label, marks };
}

/** One model of the chart's picker, as the build hands it to the browser. */
export interface SECostEntry {
  readonly id: string;
  readonly name: string;
  readonly layout: SEShareLayout;
  readonly params: number;
  readonly seParams: number;
  readonly macs: number;
  readonly seMacs: number;
}

export function seCostEntry(id: string, name: string, cost: ModelSECost): SECostEntry {
  const { params, seParams, macs, seMacs } = cost;
  return { id, name, layout: seShareLayout(cost), params, seParams, macs, seMacs };
}

/** The numbers of the sentence under the chart ("SE holds … of … parameters (…) but only …"). */
export function seCostReadouts(e: SECostEntry): Readout[] {
  return [
    { key: 'se-params', label: 'SE parameters', value: formatInt(e.seParams) },
    { key: 'params', label: 'Parameters', value: formatInt(e.params) },
    { key: 'params-pct', label: 'SE share of parameters', value: formatShareOf(e.seParams, e.params) },
    { key: 'se-macs', label: 'SE MACs', value: formatCompact(e.seMacs) },
    { key: 'macs', label: 'MACs', value: formatCompact(e.macs) },
    { key: 'macs-pct', label: 'SE share of MACs', value: formatShareOf(e.seMacs, e.macs) },
  ];
}

/** The chart of one model, named in words for a screen reader. */
export function seCostScene(e: SECostEntry): Scene {
  const v = Object.fromEntries(seCostReadouts(e).map((r) => [r.key, r.value]));
  return seShareScene(
    e.layout,
    `${e.name}: SE holds ${v['params-pct']} of the parameters and ${v['macs-pct']} of the MACs, stage by stage`,
  );
}
