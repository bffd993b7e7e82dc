/**
 * The single-dimension table of the scaling playground as data: one column for the compound model and
 * one per single-dimension match (scaling-single-dim.ts), one row per quantity with its text. The build
 * (ScalingSingle.astro) and the browser (scaling-draw.ts) both read it, so the cells are written once.
 */
import { formatCompact, formatInt } from '../charts/number-format.ts';
import type { ScaledModel } from './scaling-model.ts';
import type { SingleDimMatch } from './scaling-single-dim.ts';

export interface SingleColumn {
  /** 'compound', or the dimension scaled alone. */
  readonly id: string;
  readonly label: string;
  readonly w: number;
  readonly d: number;
  readonly r: number;
  readonly blocks: number;
  readonly params: number;
  readonly macs: number;
  /** False when the search stopped at its limit before reaching the compound model's MACs. */
  readonly reached: boolean;
}

export function singleColumns(model: ScaledModel, singles: readonly SingleDimMatch[]): SingleColumn[] {
  return [
    {
      id: 'compound',
      label: 'Compound',
      w: model.config.width,
      d: model.config.depth,
      r: model.resolution,
      blocks: model.blocks,
      params: model.params,
      macs: model.macs,
      reached: true,
    },
    ...singles.map((s) => ({
      id: s.dimension,
      label: `${s.dimension[0].toUpperCase()}${s.dimension.slice(1)} only`,
      w: s.width,
      d: s.depth,
      r: s.resolution,
      blocks: s.blocks,
      params: s.params,
      macs: s.macs,
      reached: s.reached,
    })),
  ];
}

/** The table's rows: key (data-single), label, and the cell text of a column. */
export const SINGLE_ROWS: readonly { key: string; label: string; text: (c: SingleColumn) => string }[] = [
  { key: 'w', label: 'Width w', text: (c) => c.w.toFixed(3) },
  { key: 'd', label: 'Depth d', text: (c) => c.d.toFixed(3) },
  { key: 'r', label: 'Resolution', text: (c) => String(c.r) },
  { key: 'blocks', label: 'Blocks', text: (c) => formatInt(c.blocks) },
  { key: 'params', label: 'Params', text: (c) => formatCompact(c.params) },
  { key: 'macs', label: 'MACs', text: (c) => `${formatCompact(c.macs)}${c.reached ? '' : ' (limit)'}` },
];
