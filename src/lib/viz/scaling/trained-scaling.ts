/**
 * EfficientNet Figures 3 and 8 at small scale, from the trained tiny family: test accuracy against
 * MACs of the compound models B0, B1, … (φ = 0, 1, …) and of B0 scaled in width, depth or
 * resolution alone to the MACs of B1, B2, … (tiny.ts TINY_SINGLE_DIM), each model with both seeds.
 *
 * Which models take part is read from their ids (`tiny_efficientnet_b<φ>`,
 * `tiny_efficientnet_b0_<width|depth|res><φ>`), so a model the lead adds to the manifest later
 * (B3, resolution at φ = 2) appears with no change here. Only complete models (every seed) are
 * drawn, and at each φ the compound model is compared with each single-dimension one by the family's
 * one rule (trained-index.ts comparePair: a difference counts only beyond the larger seed spread).
 * Pure: summaries in (trained-index.ts, read at build time), chart scenes, rows and sentences out.
 */
import { comparePair, type PairResult, type TrainedSummary } from '../../family/trained-index.ts';
import { formatInt } from '../charts/number-format.ts';
import { familyChart, type FamilyChart } from '../models/trained-chart.ts';
import { formatPoints, formatTestAccuracy, pairSentence } from '../models/trained-text.ts';

export type ScalingKind = 'compound' | 'width' | 'depth' | 'resolution';

export interface ScalingRole {
  readonly kind: ScalingKind;
  readonly phi: number;
}

const COMPOUND = /^tiny_efficientnet_b(\d+)$/;
const SINGLE = /^tiny_efficientnet_b0_(width|depth|res)(\d+)$/;
const KIND_ORDER: readonly ScalingKind[] = ['compound', 'width', 'depth', 'resolution'];

/** The model's place in the scaling figure, from its id; null for any other model of the family. */
export function scalingRole(id: string): ScalingRole | null {
  const c = COMPOUND.exec(id);
  if (c) return { kind: 'compound', phi: Number(c[1]) };
  const s = SINGLE.exec(id);
  if (s) return { kind: s[1] === 'res' ? 'resolution' : (s[1] as 'width' | 'depth'), phi: Number(s[2]) };
  return null;
}

export interface ScalingModel {
  readonly id: string;
  readonly role: ScalingRole;
  /** The table's words: "B1 (depth ×1.20, width ×1.10, 37 px)", "B0 in width only, ×2.09". */
  readonly label: string;
  /** The chart's: "B1", "width ×2.09", "depth ×3.1", "57 px". */
  readonly short: string;
  readonly summary: TrainedSummary;
}

/** A multiplier as written: 2.09, 3.1 (a per-stage depth list, which the family does not use, joined by /). */
const mult = (v: number | readonly number[]): string =>
  typeof v === 'number' ? String(+v.toFixed(2)) : v.map((x) => String(+x.toFixed(2))).join('/');

function labels(s: TrainedSummary, role: ScalingRole): { label: string; short: string } {
  const spec = s.entry.spec;
  if (spec.kind !== 'cnn') throw new Error(`trained scaling: ${s.id} is not a CNN`);
  if (role.kind === 'compound') {
    const short = `B${role.phi}`;
    if (role.phi === 0) return { label: `B0 (${spec.resolution} px)`, short };
    const label = `B${role.phi} (depth ×${mult(spec.depth)}, width ×${mult(spec.width)}, ${spec.resolution} px)`;
    return { label, short };
  }
  if (role.kind === 'width')
    return { label: `B0, width only ×${mult(spec.width)}`, short: `width ×${mult(spec.width)}` };
  if (role.kind === 'depth')
    return { label: `B0, depth only ×${mult(spec.depth)}`, short: `depth ×${mult(spec.depth)}` };
  return { label: `B0, resolution only ${spec.resolution} px`, short: `${spec.resolution} px` };
}

/** The complete scaling models among the trained ones, by φ, then compound, width, depth, resolution. */
export function scalingModels(models: readonly TrainedSummary[]): ScalingModel[] {
  const out: ScalingModel[] = [];
  for (const s of models) {
    const role = scalingRole(s.id);
    if (!role || !s.complete) continue;
    out.push({ id: s.id, role, summary: s, ...labels(s, role) });
  }
  return out.sort(
    (a, b) => a.role.phi - b.role.phi || KIND_ORDER.indexOf(a.role.kind) - KIND_ORDER.indexOf(b.role.kind),
  );
}

export interface PhiComparison {
  readonly phi: number;
  readonly compound: ScalingModel;
  readonly singles: readonly ScalingModel[];
  /** The compound model against each single-dimension one, in the singles' order. */
  readonly pairs: readonly PairResult[];
  /** Each single's MACs relative to the compound model's: (macs − compound) / compound. */
  readonly macs: readonly { readonly id: string; readonly short: string; readonly relative: number }[];
}

/** At each φ ≥ 1 whose compound model and at least one single-dimension model are trained: the comparison. */
export function phiComparisons(models: readonly ScalingModel[]): PhiComparison[] {
  const out: PhiComparison[] = [];
  const phis = [...new Set(models.map((m) => m.role.phi))].filter((p) => p >= 1);
  for (const phi of phis) {
    const compound = models.find((m) => m.role.phi === phi && m.role.kind === 'compound');
    const singles = models.filter((m) => m.role.phi === phi && m.role.kind !== 'compound');
    if (!compound || singles.length === 0) continue;
    const ref = compound.summary.macs;
    out.push({
      phi,
      compound,
      singles,
      pairs: singles.map((s) => comparePair(compound.summary, s.summary)),
      macs: singles.map((s) => ({ id: s.id, short: s.short, relative: (s.summary.macs - ref) / ref })),
    });
  }
  return out;
}

/** A relative difference as a signed per cent with one decimal: +0.2 %, −6.8 %. */
export function signedPercent(r: number): string {
  const v = (Math.abs(r) * 100).toFixed(1);
  return `${r < 0 && v !== '0.0' ? '−' : '+'}${v} %`;
}

/** The pair in words, with the models' short names. */
export function pairWords(c: PhiComparison, p: PairResult): string {
  const name = (id: string | null) =>
    id === null ? null : id === c.compound.id ? c.compound.short : (c.singles.find((s) => s.id === id)?.short ?? id);
  return pairSentence({ ...p, a: name(p.a)!, b: name(p.b)!, better: name(p.better) });
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** φ's result in one sentence: which single-dimension models compound scaling beats, ties or loses to. */
export function phiHeadline(c: PhiComparison): string {
  const names = (ps: PairResult[]) => listWords(ps.map((p) => c.singles.find((s) => s.id === p.b)!.short));
  const beats = c.pairs.filter((p) => p.exceeds && p.better === p.a);
  const loses = c.pairs.filter((p) => p.exceeds && p.better === p.b);
  const ties = c.pairs.filter((p) => !p.exceeds);
  const B = c.compound.short;
  const parts: string[] = [];
  if (beats.length) parts.push(`${B} beats ${names(beats)}`);
  if (loses.length) parts.push(`${names(loses)} ${loses.length === 1 ? 'beats' : 'beat'} ${B}`);
  if (ties.length) parts.push(`${names(ties)} ${ties.length === 1 ? 'is' : 'are'} within the seed spread of ${B}`);
  const all = beats.length === c.pairs.length;
  return (
    `φ = ${c.phi}: ${parts.join('; ')}` +
    (all ? ' — compound scaling wins at this cost, as in EfficientNet Figure 8.' : '.')
  );
}

/** How close the MACs match: "width ×2.09 +0.2 %, depth ×3.1 +9.4 %, 57 px +1.0 % of B1's MACs". */
export function macsMatch(c: PhiComparison): string {
  return `${c.macs.map((m) => `${m.short} ${signedPercent(m.relative)}`).join(', ')} of ${c.compound.short}'s MACs`;
}

/**
 * The table: one row per model, φ ascending. A single-dimension model's "matched to" cell says how
 * far its MACs are from the compound model of its φ (empty for the compound models themselves).
 */
export function scalingRows(models: readonly ScalingModel[]): { id: string; cells: string[] }[] {
  return models.map((m) => {
    const ref =
      m.role.kind === 'compound' ? null : models.find((c) => c.role.phi === m.role.phi && c.role.kind === 'compound');
    const s = m.summary;
    return {
      id: m.id,
      cells: [
        String(m.role.phi),
        m.label,
        formatInt(s.macs),
        ref ? `${ref.short} ${signedPercent((s.macs - ref.summary.macs) / ref.summary.macs)}` : '',
        ...s.runs.map((r) => formatTestAccuracy(r.accuracy)),
        formatTestAccuracy(s.mean),
        formatPoints(s.spread, false),
      ],
    };
  });
}

export function scalingHeader(models: readonly ScalingModel[]): string[] {
  return [
    'φ',
    'Model',
    'MACs',
    'MACs matched to',
    ...(models[0]?.summary.runs ?? []).map((r) => `Seed ${r.seed}`),
    'Mean',
    'Seed spread',
  ];
}

/**
 * The chart, wide and narrow: the /models/ family chart (trained-chart.ts) on these models, with
 * short labels (`unlabelled` holds model ids; `short` of each ScalingModel names them).
 */
export function scalingCharts(models: readonly ScalingModel[]): { wide: FamilyChart; narrow: FamilyChart } {
  const summaries = models.map((m) => m.summary);
  const short = new Map(models.map((m) => [m.id, m.short]));
  const label = (id: string) => short.get(id) ?? id;
  return {
    wide: familyChart(summaries, { width: 640, height: 380, label }),
    narrow: familyChart(summaries, { width: 330, height: 400, label }),
  };
}
