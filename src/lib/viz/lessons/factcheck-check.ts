/**
 * The fact-check itself: every claim of the overview with the value our zoo computes, the
 * published value, the verdict and its likely cause. Verdicts of printed figures are computed:
 *
 *   correct       the true value rounds to the printed figure (|printed − true| ≤ half its last digit);
 *                 for "FLOPs", the true FLOPs are 2 × the engine's MACs; for "MB", fp32 weights.
 *   misleading    it rounds from something narrower or older: the MACs labelled FLOPs, an fp16/int8
 *                 size, or an outdated published figure of the same model.
 *   wrong         none of that: another model's figure, a model that does not exist, or no source.
 *   unverifiable  nothing computed or published to check it against.
 *
 * The truth is the engine's count when the zoo has the model (parameters, MACs, sizes, input
 * size), otherwise the cited figure (top-1 accuracy, year from the arXiv identifier).
 */
import { getModel, MODELS, specStats } from '../../models/index.ts';
import { formatCompact, formatInt, formatSig } from '../charts/number-format.ts';
import type { Claim, FigureClaim, PaperRef, Verdict } from './factcheck-claim.ts';
import { COMPARE_CLAIMS } from './factcheck-claims-compare.ts';
import { NOTES_CLAIMS } from './factcheck-claims-notes.ts';
import { SIZE_CLAIMS, TIMM_CLAIMS } from './factcheck-claims-sizes.ts';
import { TEXT_CLAIMS } from './factcheck-claims-text.ts';
import { computeEvidence, type Evidence } from './factcheck-evidence.ts';
import { arxivYear, parseFigure, roundsTo, sizeMB, type PrintedFigure } from './factcheck-figures.ts';

/** Every claim, in the order of the overview. */
export const CLAIMS: readonly Claim[] = [
  ...TEXT_CLAIMS,
  ...COMPARE_CLAIMS,
  ...SIZE_CLAIMS,
  ...TIMM_CLAIMS,
  ...NOTES_CLAIMS,
];

export interface PaperFigure {
  readonly value: number;
  readonly cite: string;
}

export interface CheckedClaim {
  readonly claim: Claim;
  readonly verdict: Verdict;
  /** The printed figure read into base units (figure claims). */
  readonly printed?: PrintedFigure;
  /** The engine's value the figure is checked against, and how it reads. */
  readonly ours?: { readonly value: number; readonly text: string };
  readonly paper?: PaperFigure & { readonly text: string };
  /** How far off a wrong figure is: the larger of truth/printed and printed/truth. */
  readonly factor?: number;
  readonly cause?: string;
  readonly evidence: readonly Evidence[];
  /** Zoo models whose figure rounds to the printed one (possibly coincidences). */
  readonly sameFigure: readonly string[];
}

const DEFAULT_SOURCE = 'paper (arXiv';

/** The published figure a PaperRef names: from a zoo entry's cited data, or given with its citation. */
export function resolvePaper(ref: PaperRef): PaperFigure {
  if ('arxiv' in ref) return { value: arxivYear(ref.arxiv), cite: `arXiv ${ref.arxiv}` };
  if ('value' in ref) return { value: ref.value, cite: ref.cite };
  const source = ref.source ?? DEFAULT_SOURCE;
  const c = getModel(ref.from).published.find((p) => p.source.includes(source) && p[ref.field] !== undefined);
  if (!c)
    throw new Error(`resolvePaper: zoo entry ${ref.from} cites no ${ref.field} from a source containing "${source}"`);
  return { value: c[ref.field]!, cite: c.source };
}

const statsCache = new Map<string, { params: number; macs: number; resolution: number }>();
/** Parameters, MACs and input size of a zoo model at its own resolution, computed once per build. */
export function zooFigures(id: string): { params: number; macs: number; resolution: number } {
  let s = statsCache.get(id);
  if (!s) {
    const e = getModel(id);
    const st = specStats(e.spec);
    s = { params: st.params, macs: st.macs, resolution: e.spec.resolution };
    statsCache.set(id, s);
  }
  return s;
}

function oursOf(c: FigureClaim): { value: number; text: string; alt: { value: number; why: string }[] } | undefined {
  if (!c.model) return undefined;
  const z = zooFigures(c.model);
  switch (c.kind) {
    case 'params':
      return { value: z.params, text: `${formatInt(z.params)} (${formatCompact(z.params)})`, alt: [] };
    case 'flops':
      return {
        value: 2 * z.macs,
        text: `${formatCompact(z.macs)} MACs = ${formatCompact(2 * z.macs)} FLOPs`,
        alt: [{ value: z.macs, why: 'the multiply-adds, labelled FLOPs (FLOPs = 2 × MACs)' }],
      };
    case 'size-mb': {
      const [f32, f16, i8] = [sizeMB(z.params, 'fp32'), sizeMB(z.params, 'fp16'), sizeMB(z.params, 'int8')];
      return {
        value: f32,
        text: `${formatSig(f32)} MB fp32 · ${formatSig(f16)} fp16 · ${formatSig(i8)} int8`,
        alt: [
          { value: f16, why: 'the fp16 size; the table does not say so' },
          { value: i8, why: 'the int8 size; the table does not say so' },
        ],
      };
    }
    case 'resolution':
      return { value: z.resolution, text: `${z.resolution} px (evaluation size)`, alt: [] };
    default:
      return undefined;
  }
}

function paperText(c: FigureClaim, p: PaperFigure): string {
  switch (c.kind) {
    case 'params':
      return `${formatCompact(p.value)} parameters`;
    case 'flops':
      return `${formatCompact(p.value)} multiply-adds`;
    case 'top1':
      return `${p.value} %`;
    case 'year':
      return `${p.value}`;
    case 'resolution':
      return `${p.value} px`;
    case 'size-mb':
      return `${formatSig(p.value)} MB`;
  }
}

/** Zoo models whose own figure of this kind rounds to the printed one. */
function sameFigureInZoo(c: FigureClaim, f: PrintedFigure): string[] {
  if (c.kind !== 'params' && c.kind !== 'flops' && c.kind !== 'size-mb') return [];
  const hits: string[] = [];
  for (const m of MODELS) {
    if (m.id === c.model || m.headOf) continue;
    const z = zooFigures(m.id);
    if (c.kind === 'params' && roundsTo(f, z.params)) hits.push(`${m.id} (${formatCompact(z.params)} parameters)`);
    if (c.kind === 'flops' && roundsTo(f, z.macs)) hits.push(`${m.id} (${formatCompact(z.macs)} MACs)`);
    if (c.kind === 'flops' && roundsTo(f, 2 * z.macs)) hits.push(`${m.id} (${formatCompact(2 * z.macs)} FLOPs)`);
    if (c.kind === 'size-mb' && roundsTo(f, sizeMB(z.params, 'fp32')))
      hits.push(`${m.id} (${formatSig(sizeMB(z.params, 'fp32'))} MB fp32)`);
  }
  return hits;
}

function checkFigure(c: FigureClaim): CheckedClaim {
  const raw = parseFigure(c.printed);
  const printed: PrintedFigure = c.scale
    ? { printed: raw.printed, value: raw.value * c.scale, halfStep: raw.halfStep * c.scale }
    : raw;
  const ours = oursOf(c);
  const pf = c.paper ? resolvePaper(c.paper) : undefined;
  const paper = pf ? { ...pf, text: paperText(c, pf) } : undefined;
  const base = {
    claim: c,
    printed,
    ours: ours && { value: ours.value, text: ours.text },
    paper,
    evidence: [] as Evidence[],
  };
  const truth = ours?.value ?? paper?.value;
  const factorOf = (t: number) => Math.max(t / printed.value, printed.value / t);
  if (c.noSuchModel)
    return { ...base, verdict: 'wrong', cause: c.noSuchModel, sameFigure: sameFigureInZoo(c, printed) };
  if (truth === undefined)
    return {
      ...base,
      verdict: 'unverifiable',
      cause: c.cause ?? 'nothing computed or published to check it against',
      sameFigure: [],
    };
  if (roundsTo(printed, truth)) return { ...base, verdict: 'correct', sameFigure: [] };
  const alt = ours?.alt.find((a) => roundsTo(printed, a.value));
  if (alt) return { ...base, verdict: 'misleading', cause: alt.why, sameFigure: [] };
  for (const e of c.explains ?? []) {
    if (roundsTo(printed, resolvePaper(e.paper).value))
      return { ...base, verdict: e.verdict, cause: e.label, factor: factorOf(truth), sameFigure: [] };
  }
  return {
    ...base,
    verdict: 'wrong',
    factor: factorOf(truth),
    cause: c.cause ?? 'matches no computed or published figure of this model',
    sameFigure: sameFigureInZoo(c, printed),
  };
}

/** One claim checked. */
export function checkClaim(c: Claim): CheckedClaim {
  if (c.type === 'figure') return checkFigure(c);
  return {
    claim: c,
    verdict: c.verdict,
    cause: c.verdict === 'correct' ? undefined : c.reason,
    evidence: (c.evidence ?? []).map(computeEvidence),
    sameFigure: [],
  };
}

let checked: readonly CheckedClaim[] | undefined;
/** Every claim checked, computed once per build. */
export function checkAll(): readonly CheckedClaim[] {
  checked ??= CLAIMS.map(checkClaim);
  return checked;
}

/** How many claims got each verdict. */
export function verdictCounts(rows: readonly CheckedClaim[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { correct: 0, wrong: 0, misleading: 0, unverifiable: 0 };
  for (const r of rows) out[r.verdict]++;
  return out;
}
