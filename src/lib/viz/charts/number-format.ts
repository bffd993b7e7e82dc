/**
 * The one place that decides how a number reads on the site, built on d3-format. Precision follows
 * magnitude, so numbers printed side by side read alike:
 *
 *   formatInt(3612672)          '3,612,672'
 *   formatCompact(385814752)    '386 M'      three significant digits, SI suffix (k, M, G, T)
 *   formatShare(0.276)          '27.6 %'     one decimal from 1 % up ('12.0 %', '27.6 %'),
 *   formatShare(0.000316)       '0.032 %'    two significant digits below 1 %,
 *   formatShare(1e-7)           '< 0.001 %'  and never '0 %' for a share that is not zero
 *   formatAccuracy(57.918)      '57.9 %'     cited top-1 accuracies, one decimal whatever the source printed
 *   formatMs(228.8)             '229 ms'     three significant digits
 *   formatSig(1.9203)           '1.92'       three significant digits, no trailing zeros
 *   formatTexInt(462422016)     '462{,}422{,}016'   formatInt for KaTeX, whose comma would otherwise be spaced as punctuation
 */
import { format } from 'd3';

const intFormat = format(',.0f');
const siFormat = format('.3~s');
const sigFormat = format('.3~r');
const sig2Format = format('.2r');
const fixed1 = format('.1f');

/** A true minus sign, as typeset text uses (d3 prints U+2212 already; this covers numbers built by hand). */
const minus = (s: string): string => s.replace(/-/g, '−');

/** Exact integer with thousands separators: 3,612,672. */
export function formatInt(n: number): string {
  return minus(intFormat(Math.round(n)).replace(/−/g, '-'));
}

/** A whole number for KaTeX source: thousands separators in braces, so they stay tight (1{,}234). */
export function formatTexInt(n: number): string {
  return Math.round(n).toLocaleString('en-US').replace(/,/g, '{,}');
}

/** Compact with an SI suffix and three significant digits: 3.61 M, 386 M, 1.23 G; below 1,000 the whole number. */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1000) return formatInt(n);
  const s = siFormat(n).replace(/−/g, '-');
  const m = /^(-?[\d.]+)([kMGTP])$/.exec(s);
  return minus(m ? `${m[1]} ${m[2]}` : s);
}

/** Bytes in binary units with three significant digits: 392 KiB, 1.53 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${formatInt(v)} B` : `${formatSig(v)} ${units[i]}`;
}

/** Three significant digits without trailing zeros: 1.92, 0.113, 8.4, 12,300. */
export function formatSig(v: number): string {
  if (v === 0) return '0';
  return minus(sigFormat(v).replace(/−/g, '-'));
}

/**
 * A share of a whole (0.276 for 27.6 %) as a percentage whose precision follows its size: one
 * decimal from 1 % up, two significant digits below, '< 0.001 %' for the smallest, and '0 %' only
 * for a share that is exactly zero.
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share === 0) return '0 %';
  const p = Math.abs(share * 100);
  const sign = share < 0 ? '−' : '';
  if (p < 0.001) return `< ${sign}0.001 %`;
  if (p < 1) return `${sign}${sig2Format(p)} %`;
  return `${sign}${fixed1(p)} %`;
}

/** `part` of `whole` as a percentage (formatShare); '–' when the whole is zero. */
export function formatShareOf(part: number, whole: number): string {
  return whole === 0 ? '–' : formatShare(part / whole);
}

/** A signed relative difference: +3.68 %, −0.26 %, +0.0012 % (two decimals, two significant digits below 0.01 %). */
export function formatDelta(d: number): string {
  if (d === 0) return '0 %';
  const p = Math.abs(d * 100);
  const body = p >= 0.01 ? format('.2f')(p) : sig2Format(p);
  return `${d > 0 ? '+' : '−'}${body} %`;
}

/** A cited top-1 accuracy in per cent, one decimal (timm prints three, the papers one). */
export function formatAccuracy(percent: number): string {
  return `${fixed1(percent)} %`;
}

/** Milliseconds with three significant digits, seconds from 1,000 ms: 0.84 ms, 12.3 ms, 229 ms, 1.23 s. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${formatSig(ms / 1000)} s`;
  return `${formatSig(ms)} ms`;
}

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
