/** Short forms for the layer table cells. */
import { formatShareOf } from '../charts/number-format.ts';

/** [1, 32, 112, 112] → '32×112²'; [1, 32, 56, 28] → '32×56×28'; [197, 192] → '197×192'. */
export function formatShape(dims: readonly number[]): string {
  const d = dims.length === 4 && dims[0] === 1 ? dims.slice(1) : dims;
  if (d.length === 3 && d[1] === d[2]) return `${d[0]}×${d[1]}²`;
  return d.join('×');
}

/** The receptive-field cell: '35 px' or 'global'. */
export function formatField(rf: number | 'global'): string {
  return rf === 'global' ? 'global' : `${rf} px`;
}

/** Share of a total as a percentage (number-format's rule: never '0 %' for a part that is not zero). */
export function formatShare(part: number, total: number): string {
  return total === 0 ? '0 %' : formatShareOf(part, total);
}
