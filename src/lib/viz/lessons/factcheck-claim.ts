/**
 * The shape of one checked claim of the overview (../shared/seed/, Japanese). A claim is either a
 * printed figure, whose verdict is computed from the zoo or a cited paper value
 * (factcheck-check.ts), or a sentence, whose verdict is a reading with its reason and citation,
 * backed where possible by evidence the engine computes (factcheck-evidence.ts).
 */
import type { FigureKind } from './factcheck-figures.ts';

export type Verdict = 'correct' | 'wrong' | 'unverifiable' | 'misleading';
export const VERDICTS: readonly Verdict[] = ['correct', 'wrong', 'misleading', 'unverifiable'];

/** Where in the overview: its running text, the comparison table, the size table, the two timm tables, the footnotes. */
export type Section = 'text' | 'comparison' | 'size' | 'timm' | 'notes';
export const SECTIONS: Record<Section, string> = {
  text: 'running text',
  comparison: 'comparison table (モデルの比較表)',
  size: 'size table (一般的なサイズ感)',
  timm: 'timm tables',
  notes: 'footnotes and closing comparison',
};

/** A published figure: a value taken from a zoo entry's cited data, or given here with its citation. */
export type PaperRef =
  | { readonly from: string; readonly field: 'top1' | 'params' | 'macs'; readonly source?: string }
  | { readonly value: number; readonly cite: string }
  | { readonly arxiv: string };

/** Another published figure the printed one may equal, which then explains it. */
export interface Explanation {
  readonly paper: PaperRef;
  /** What that figure is, e.g. 'the "Mnas-small" model of the MobileNetV3 paper'. */
  readonly label: string;
  /** misleading: an outdated or narrower figure of the same model; wrong: another model's figure. */
  readonly verdict: 'misleading' | 'wrong';
}

/** A figure the engine computes from a zoo model's graph, shown beside a sentence claim. */
export type EvidenceSpec =
  | { readonly of: 'stat'; readonly model: string; readonly stat: 'params' | 'macs' }
  | { readonly of: 'se-blocks'; readonly model: string }
  | { readonly of: 'dw-blocks'; readonly model: string }
  | { readonly of: 'dw-kernel'; readonly model: string; readonly k: number }
  | { readonly of: 'pooling'; readonly model: string }
  | { readonly of: 'se-share'; readonly model: string }
  | { readonly of: 'fused-se'; readonly model: string }
  | { readonly of: 'params-at'; readonly model: string; readonly resolution: number }
  | { readonly of: 'macs-at'; readonly model: string; readonly resolution: number }
  | { readonly of: 'separable-ratio'; readonly c: number; readonly k: number }
  | { readonly of: 'family-params'; readonly family: string; readonly pick: 'min' | 'max' };

interface ClaimBase {
  readonly id: string;
  readonly section: Section;
  /** 1-based line of the seed file the quote is on. */
  readonly line: number;
  /** A table column or row label, when the quote alone does not say which cell. */
  readonly cell?: string;
  /** The seed's words, exactly as written (Japanese); a substring of that line. */
  readonly quote: string;
  /** Zoo ids the claim is about, linked to their model pages. */
  readonly models: readonly string[];
}

export interface FigureClaim extends ClaimBase {
  readonly type: 'figure';
  /** The figure as printed, a substring of the quote. */
  readonly printed: string;
  /** Multiplies the printed number into base units, for columns whose header carries the unit (Params (M)). */
  readonly scale?: number;
  readonly kind: FigureKind;
  /** The zoo id whose computed value checks it (params, FLOPs, size, resolution). */
  readonly model?: string;
  /** The published value it is checked against, with its citation. */
  readonly paper?: PaperRef;
  /** Published figures of other or older models it may have been copied from. */
  readonly explains?: readonly Explanation[];
  /** Set when the row names a model that does not exist: the verdict is then wrong, for this reason. */
  readonly noSuchModel?: string;
  /** The likely cause when it is wrong and nothing in `explains` matches. */
  readonly cause?: string;
}

export interface TextClaim extends ClaimBase {
  readonly type: 'text';
  readonly verdict: Verdict;
  /** Why, in one or two sentences, with the paper's words where they settle it. */
  readonly reason: string;
  readonly cite: string;
  readonly evidence?: readonly EvidenceSpec[];
}

export type Claim = FigureClaim | TextClaim;
