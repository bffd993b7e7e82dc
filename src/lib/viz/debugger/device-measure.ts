/**
 * "This device": latency of zoo models in onnxruntime-web on the reader's machine, plotted against
 * MACs (MnasNet's point, Tan et al. 2019 §1: MACs are a poor proxy for latency). Rows are kept in
 * localStorage as JSON; this module merges, serialises and lays them out, without touching storage.
 */
export interface DeviceRow {
  readonly id: string;
  readonly macs: number;
  readonly params: number;
  readonly medianMs: number;
  readonly threads: number;
  /** ISO time of the measurement. */
  readonly at: string;
}

export const STORAGE_KEY = 'depthwise.device-latency.v1';

/** The newest measurement per (model, threads) pair, sorted by MACs. */
export function mergeRows(old: readonly DeviceRow[], fresh: readonly DeviceRow[]): DeviceRow[] {
  const by = new Map<string, DeviceRow>();
  for (const r of [...old, ...fresh]) {
    const k = `${r.id}@${r.threads}`;
    const prev = by.get(k);
    if (!prev || prev.at <= r.at) by.set(k, r);
  }
  return [...by.values()].sort((a, b) => a.macs - b.macs || a.id.localeCompare(b.id));
}

/** Parses stored JSON, keeping only well-formed rows (storage may hold anything). */
export function parseRows(json: string | null): DeviceRow[] {
  if (!json) return [];
  try {
    const raw = JSON.parse(json) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (r): r is DeviceRow =>
        r !== null &&
        typeof r === 'object' &&
        typeof r.id === 'string' &&
        [r.macs, r.params, r.medianMs, r.threads].every((v) => typeof v === 'number' && Number.isFinite(v)) &&
        typeof r.at === 'string',
    );
  } catch {
    return [];
  }
}

export function rowsToCsv(rows: readonly DeviceRow[]): string {
  const head = 'model,macs,params,median_ms,threads,measured_at';
  return (
    [head, ...rows.map((r) => [r.id, r.macs, r.params, r.medianMs.toFixed(3), r.threads, r.at].join(','))].join('\n') +
    '\n'
  );
}

export interface ScatterPoint {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly row: DeviceRow;
}

/** Points on a log-MACs × linear-ms plot of width × height inside `pad`; ticks at powers of ten. */
export function latencyScatter(
  rows: readonly DeviceRow[],
  width: number,
  height: number,
  pad = 36,
): {
  points: ScatterPoint[];
  xTicks: { x: number; value: number }[];
  yTicks: { y: number; value: number }[];
} {
  if (rows.length === 0) return { points: [], xTicks: [], yTicks: [] };
  const lx = rows.map((r) => Math.log10(Math.max(1, r.macs)));
  let x0 = Math.floor(Math.min(...lx) * 2) / 2;
  let x1 = Math.ceil(Math.max(...lx) * 2) / 2;
  if (x1 - x0 < 0.5) {
    x0 -= 0.25;
    x1 += 0.25;
  }
  const y1 = Math.max(...rows.map((r) => r.medianMs)) * 1.1 || 1;
  const X = (l: number): number => pad + ((l - x0) / (x1 - x0)) * (width - 2 * pad);
  const Y = (v: number): number => height - pad - (v / y1) * (height - 2 * pad);
  const xTicks: { x: number; value: number }[] = [];
  for (let e = Math.ceil(x0); e <= x1; e++) xTicks.push({ x: X(e), value: 10 ** e });
  const step = 10 ** Math.floor(Math.log10(y1 / 2));
  const yTicks: { y: number; value: number }[] = [];
  for (let v = 0; v <= y1; v += step * (y1 / step > 10 ? 5 : y1 / step > 5 ? 2 : 1)) yTicks.push({ y: Y(v), value: v });
  return { points: rows.map((r, i) => ({ id: r.id, x: X(lx[i]), y: Y(r.medianMs), row: r })), xTicks, yTicks };
}
