/**
 * Checking a reader's prediction in a predict-then-reveal question (the `Question` lesson component).
 * Pure: the component's custom element calls these with the text the reader typed and the answer
 * that was computed at build time.
 *
 * Numbers are read the way people write them: `3,612,672`, `3.6M`, `3.6 million`, `0.39 G`,
 * `1.2e6`, `1/9`, `11%`, `392 KiB`. A prediction is right when it lies within a relative
 * tolerance of the answer (|guess − answer| ≤ tolerance · |answer|, the edge included); an answer
 * of 0 uses the tolerance as an absolute distance instead.
 */

/** What an answer counts; decides how it is written out and which suffixes make sense. */
export type AnswerUnit = 'macs' | 'flops' | 'params' | 'bytes' | 'ratio' | 'pixels' | 'count' | 'macs-per-byte';

export type NumberCheck =
  | { readonly status: 'right'; readonly guess: number }
  | {
      readonly status: 'wrong';
      readonly guess: number;
      /** guess / answer (Infinity when the answer is 0 and the guess is not). */
      readonly factor: number;
      readonly direction: 'high' | 'low';
    }
  | { readonly status: 'unreadable'; readonly reason: string };

const WORD_SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  b: 1e9,
  bn: 1e9,
  g: 1e9,
  t: 1e12,
  trillion: 1e12,
};

const BYTE_SCALE: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Trailing unit words a reader may add; they carry no scale and are ignored. */
const NOISE = /\s*(macs?|madds?|multiply[- ]adds?|mult-adds|params?|parameters|weights|px|pixels?|x|×)\s*$/i;

/**
 * Reads a number the way a reader types it; null with a reason when it cannot.
 * Commas, underscores and thin spaces group digits; `k M G B T` and the words thousand, million,
 * billion scale; `%` divides by 100; `a/b` is a fraction; byte units (kB, MB, KiB, MiB…) scale.
 */
export function parseNumber(raw: string): { value: number } | { reason: string } {
  let s = raw
    .trim()
    .replace(/[\u2009\u202f\u00a0_]/g, '')
    .replace(/−/g, '-');
  if (s === '') return { reason: 'type a number first' };
  s = s.replace(NOISE, '').trim();
  let scale = 1;
  const pct = /%$/.exec(s);
  if (pct) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  const fraction = /^(-?[\d.,]+)\s*\/\s*([\d.,]+)$/.exec(s);
  if (fraction) {
    const a = plain(fraction[1]);
    const b = plain(fraction[2]);
    if (a === null || b === null) return { reason: `"${raw.trim()}" is not a fraction I can read` };
    if (b === 0) return { reason: 'a fraction cannot divide by zero' };
    return { value: (a / b) * scale };
  }
  const m = /^(-?[\d.,]*\d[\d.,]*(?:e[+-]?\d+)?)\s*([a-z]*)$/i.exec(s);
  if (!m) return { reason: `"${raw.trim()}" is not a number I can read (try 3.6M, 3,612,672 or 1/9)` };
  const base = plain(m[1]);
  if (base === null) return { reason: `"${raw.trim()}" is not a number I can read (try 3.6M, 3,612,672 or 1/9)` };
  const suffix = m[2];
  if (suffix !== '') {
    const lower = suffix.toLowerCase();
    // m and M both read as million: nobody predicts milli-MACs.
    const factor = WORD_SCALE[lower] ?? BYTE_SCALE[lower];
    if (factor === undefined)
      return { reason: `I do not know the suffix "${suffix}" (use k, M, G, or a byte unit such as MiB)` };
    scale *= factor;
  }
  return { value: base * scale };
}

/** A plain decimal with optional thousands commas and exponent; null when malformed. */
function plain(s: string): number | null {
  if (s.includes(',')) {
    // Commas only as thousands separators: 3,612,672 or 1,234.5.
    if (!/^-?\d{1,3}(,\d{3})+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** True when `guess` is within `tolerance` of `answer` (relative; absolute when the answer is 0). */
export function withinTolerance(guess: number, answer: number, tolerance: number): boolean {
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be 0 or more, got ${tolerance}`);
  const distance = Math.abs(guess - answer);
  const allowed = answer === 0 ? tolerance : tolerance * Math.abs(answer);
  // A few ulps of slack so that a tolerance edge written in decimal (e.g. 5 % of 300) is inclusive.
  return distance <= allowed + 4 * Number.EPSILON * Math.max(Math.abs(answer), Math.abs(guess), 1);
}

/** Checks a typed prediction against the computed answer. */
export function checkNumber(raw: string, answer: number, tolerance: number): NumberCheck {
  const parsed = parseNumber(raw);
  if ('reason' in parsed) return { status: 'unreadable', reason: parsed.reason };
  const guess = parsed.value;
  if (withinTolerance(guess, answer, tolerance)) return { status: 'right', guess };
  return {
    status: 'wrong',
    guess,
    factor: answer === 0 ? Infinity : guess / answer,
    direction: guess > answer ? 'high' : 'low',
  };
}

/**
 * The sentence shown for a wrong prediction: how far off, and a nudge for the classic slips
 * (counting FLOPs = 2 × MACs where Depthwise counts multiply-adds, published.md §1).
 */
export function wrongFeedback(check: Extract<NumberCheck, { status: 'wrong' }>, unit: AnswerUnit): string {
  const f = check.factor;
  let size: string;
  if (!Number.isFinite(f) || f <= 0) size = check.direction === 'high' ? 'too high' : 'too low';
  else if (f >= 1) size = `too high, about ${roundFactor(f)}× the answer`;
  else size = `too low, about 1/${roundFactor(1 / f)} of the answer`;
  let nudge = '';
  if (unit === 'macs' && Number.isFinite(f) && Math.abs(f - 2) < 0.1) {
    nudge = ' Did you count FLOPs? One multiply-add is one MAC here, not two operations.';
  }
  if (unit === 'flops' && Number.isFinite(f) && Math.abs(f - 0.5) < 0.025) {
    nudge = ' Did you give the MAC count? A FLOP counts the multiply and the add apart, so there are twice as many.';
  }
  return `Not quite: ${size}.${nudge}`;
}

function roundFactor(f: number): string {
  return f >= 10 ? String(Math.round(f)) : String(Math.round(f * 10) / 10);
}

/** Checks a picked option; `picked` is null when the reader picked nothing. */
export function checkChoice(picked: number | null, correct: number, count: number): 'right' | 'wrong' | 'none' {
  if (!Number.isInteger(correct) || correct < 0 || correct >= count) {
    throw new RangeError(`correct option ${correct} is not one of the ${count} options`);
  }
  if (picked === null) return 'none';
  return picked === correct ? 'right' : 'wrong';
}
