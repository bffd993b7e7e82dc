/**
 * The size table's rows for its widget, built at build time from the one fact-check (the engine's
 * counts and the verdicts), so the browser gets plain data and never loads the zoo.
 */
import { checkAll, type CheckedClaim } from './factcheck-check.ts';
import { SIZE_ROWS } from './factcheck-claims-sizes.ts';
import type { SizeRowView } from './factcheck-size-layout.ts';

/** The size table's rows with their checked claims (params and MB), from the one fact-check. */
export function sizeRowViews(rows: readonly CheckedClaim[] = checkAll()): SizeRowView[] {
  const find = (id: string): CheckedClaim => {
    const r = rows.find((x) => x.claim.id === id);
    if (!r) throw new Error(`sizeRowViews: no checked claim ${id}`);
    return r;
  };
  return SIZE_ROWS.map((row) => {
    const key = row.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const p = find(`size-params-${key}`);
    const m = find(`size-mb-${key}`);
    const twin = SIZE_ROWS.find((o) => o !== row && o.params === row.params && o.mb === row.mb);
    return {
      key,
      line: row.line,
      name: row.name,
      model: row.model,
      printedParams: row.params,
      printedMB: row.mb,
      printedParamsValue: p.printed!.value,
      printedMBValue: m.printed!.value,
      params: p.ours?.value,
      mb: m.ours?.value,
      paperParams: p.paper && { value: p.paper.value, cite: p.paper.cite },
      paramsVerdict: p.verdict,
      mbVerdict: m.verdict,
      paramsCause: p.cause,
      mbCause: m.cause,
      duplicateOf: twin?.name,
    };
  });
}
