/**
 * Export of the layer table: CSV (RFC 4180: comma-separated, fields with commas, quotes or line
 * breaks quoted, quotes doubled) and JSON. Shapes are written as 1x32x112x112 so a CSV cell
 * never needs quoting for them.
 */
import type { LayerRow, LayerTotals } from './layer-table.ts';

export const EXPORT_COLUMNS = [
  'name',
  'op',
  'kernel',
  'stride',
  'groups',
  'input',
  'output',
  'params',
  'macs',
  'activation_bytes',
  'receptive_field',
  'section',
] as const;

/** One row as the exported cells, in EXPORT_COLUMNS order. */
export type ExportRow = readonly [
  string,
  string,
  string,
  number | '',
  number | '',
  string,
  string,
  number,
  number,
  number,
  number | 'global',
  string,
];

export function exportRow(r: LayerRow, sectionLabel: string): ExportRow {
  return [
    r.name,
    r.op,
    r.kernel ?? '',
    r.stride ?? '',
    r.groups ?? '',
    r.input.join('x'),
    r.output.join('x'),
    r.params,
    r.macs,
    r.activationBytes,
    r.rf,
    sectionLabel,
  ];
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function layersCsv(rows: readonly ExportRow[]): string {
  return [EXPORT_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** Parses the CSV written by layersCsv (used by the tests to read a download back). */
export function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

export interface LayersJson {
  readonly model: string;
  readonly note: string;
  readonly totals: LayerTotals;
  readonly layers: readonly Record<(typeof EXPORT_COLUMNS)[number], string | number>[];
}

export function layersJson(model: string, rows: readonly ExportRow[], totals: LayerTotals): string {
  const json: LayersJson = {
    model,
    note: 'Computed by Depthwise from the architecture (no trained weights): params in the PyTorch convention, MACs of Conv/Gemm/MatMul, activation bytes as float32.',
    totals,
    layers: rows.map(
      (r) => Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, r[i]])) as LayersJson['layers'][number],
    ),
  };
  return JSON.stringify(json, null, 2) + '\n';
}
