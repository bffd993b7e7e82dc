/**
 * How a printed figure of the overview is read and compared. A figure is printed with a precision
 * (its last digit): "4.2M" means something in [4.15 M, 4.25 M). We call a printed figure correct
 * when the true value rounds to it, i.e. |printed − true| ≤ half a unit of its last digit. That is
 * the only tolerance in the fact-check; it is stated on the page.
 */

/** What a figure measures, with the unit the seed printed it in. */
export type FigureKind = 'params' | 'flops' | 'top1' | 'year' | 'size-mb' | 'resolution';

export interface PrintedFigure {
  /** The figure exactly as the seed printed it, e.g. "4.2M", "560M", "70.6%", "2017", "4.4". */
  readonly printed: string;
  /** Its value in base units: parameters, FLOPs, per cent, year, megabytes (10⁶ bytes) or pixels. */
  readonly value: number;
  /** Half a unit of the last printed digit, in the same base units. */
  readonly halfStep: number;
}

const SUFFIX: Record<string, number> = { '': 1, K: 1e3, k: 1e3, M: 1e6, G: 1e9, B: 1e9 };

/**
 * Reads a printed figure: digits with an optional decimal part, an optional SI suffix (K, M, G, B)
 * and an optional "%". Throws naming the text when it is not a figure.
 */
export function parseFigure(printed: string): PrintedFigure {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*([KkMGB]?)\s*%?\s*$/.exec(printed);
  if (!m)
    throw new Error(
      `parseFigure: "${printed}" is not a printed figure (digits, optional decimals, optional K/M/G/B suffix or %)`,
    );
  const decimals = m[2]?.length ?? 0;
  const scale = SUFFIX[m[3]];
  const mantissa = Number(`${m[1]}${m[2] ? `.${m[2]}` : ''}`);
  // Rounded to the printed decimals so 4.2 × 1e6 is exactly 4 200 000, not 4 200 000.000000001.
  const value = Math.round(mantissa * scale * 10 ** decimals) / 10 ** decimals;
  return { printed, value, halfStep: (0.5 * scale) / 10 ** decimals };
}

/** True when `actual` rounds to the printed figure at its printed precision. */
export function roundsTo(figure: PrintedFigure, actual: number): boolean {
  // A relative epsilon absorbs floating-point noise at the boundary only.
  return Math.abs(figure.value - actual) <= figure.halfStep * (1 + 1e-9);
}

/** The year of an arXiv identifier of the YYMM.NNNNN scheme (from April 2007): 1704.04861 → 2017. */
export function arxivYear(id: string): number {
  const m = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id);
  if (!m) throw new Error(`arxivYear: "${id}" is not an arXiv identifier like 1704.04861`);
  return 2000 + Number(m[1]);
}

/** Bytes per parameter of the storage formats a "model size" may mean. */
export const BYTES_PER_PARAM = { fp32: 4, fp16: 2, int8: 1 } as const;
export type Storage = keyof typeof BYTES_PER_PARAM;

/** Megabytes (10⁶ bytes) of a model's weights stored in the given format. */
export function sizeMB(params: number, storage: Storage): number {
  return (params * BYTES_PER_PARAM[storage]) / 1e6;
}
