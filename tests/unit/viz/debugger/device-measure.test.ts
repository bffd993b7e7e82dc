import { describe, expect, it } from 'vitest';
import { latencyScatter, mergeRows, parseRows, rowsToCsv, type DeviceRow } from '~/lib/viz/debugger/device-measure.ts';

const row = (id: string, macs: number, ms: number, at = '2026-01-01T00:00:00Z', threads = 1): DeviceRow => ({
  id,
  macs,
  params: 1,
  medianMs: ms,
  threads,
  at,
});

describe('device latency rows', () => {
  it('keeps the newest measurement per model and thread count, sorted by MACs', () => {
    const merged = mergeRows(
      [row('b', 400e6, 9), row('a', 300e6, 5)],
      [row('b', 400e6, 7, '2026-02-01T00:00:00Z'), row('b', 400e6, 4, '2026-02-01T00:00:00Z', 2)],
    );
    expect(merged.map((r) => [r.id, r.medianMs, r.threads])).toEqual([
      ['a', 5, 1],
      ['b', 7, 1],
      ['b', 4, 2],
    ]);
  });

  it('parses stored JSON defensively', () => {
    expect(parseRows(null)).toEqual([]);
    expect(parseRows('not json')).toEqual([]);
    expect(parseRows('{"a":1}')).toEqual([]);
    expect(parseRows(JSON.stringify([row('a', 1, 2), { id: 'x', macs: 'many' }]))).toEqual([row('a', 1, 2)]);
  });

  it('exports CSV with a header row', () => {
    expect(rowsToCsv([row('a', 300, 1.23456)])).toBe(
      'model,macs,params,median_ms,threads,measured_at\na,300,1,1.235,1,2026-01-01T00:00:00Z\n',
    );
  });

  it('places points on log MACs and linear milliseconds', () => {
    const s = latencyScatter([row('a', 1e8, 10), row('b', 1e9, 20)], 400, 200, 20);
    const [a, b] = s.points;
    expect(b.x).toBeGreaterThan(a.x);
    expect(b.y).toBeLessThan(a.y);
    expect(s.xTicks.map((t) => t.value)).toEqual([1e8, 1e9]);
    expect(s.yTicks[0]).toEqual({ y: 180, value: 0 });
  });
});
