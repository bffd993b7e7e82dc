/**
 * The read-outs of the fact-check's claim list: how many claims the filters keep, and how many of
 * each verdict among them. Pure and light (runs in the browser on the verdict summary).
 */
import type { Readout } from '../kit/controls.ts';
import { VERDICTS, type Section, type Verdict } from './factcheck-claim.ts';

export interface ClaimSummary {
  readonly verdict: Verdict;
  readonly section: Section;
}

/** Claims kept by a verdict filter and a section filter ('all' keeps everything). */
export function filterClaims(rows: readonly ClaimSummary[], verdict: string, section: string): ClaimSummary[] {
  return rows.filter(
    (r) => (verdict === 'all' || r.verdict === verdict) && (section === 'all' || r.section === section),
  );
}

export function claimListReadouts(rows: readonly ClaimSummary[], verdict: string, section: string): Readout[] {
  const kept = filterClaims(rows, verdict, section);
  // The per-verdict counts follow the section filter only, so they say what the verdict filter would find.
  const inSection = filterClaims(rows, 'all', section);
  return [
    { key: 'shown', label: 'Claims shown', value: `${kept.length} of ${rows.length}` },
    ...VERDICTS.map((v) => ({
      key: v,
      label: v[0].toUpperCase() + v.slice(1),
      value: String(inSection.filter((r) => r.verdict === v).length),
    })),
  ];
}
