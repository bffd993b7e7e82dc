/**
 * Layout of the SE cost chart: one row per stage (and one for the whole model), each with two
 * horizontal bars on a shared 0–100 % axis: the share of the stage's parameters that sit in SE
 * layers, and the share of its MACs. Pure: a ModelSECost in, rows with coordinates out.
 */
import { percent, type ModelSECost } from './se-cost.ts';
import { formatShareOf } from '../charts/number-format.ts';
import { round1 } from '../charts/scale.ts';

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
