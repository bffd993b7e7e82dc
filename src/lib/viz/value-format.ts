/** Numbers in the debugger's detail views: significant digits, no exponent for everyday magnitudes, a true minus sign. */
export function formatValue(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e6 ? Number(v.toPrecision(digits)).toString() : v.toExponential(digits - 1);
  return s.replace(/-/g, '−');
}

/** Reads back a number formatted by formatValue (for tests that compare what the page shows). */
export function parseValue(s: string): number {
  const t = s.trim().replace(/−/g, '-');
  if (t === '∞') return Infinity;
  if (t === '-∞') return -Infinity;
  return Number(t);
}
