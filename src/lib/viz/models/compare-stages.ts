/**
 * Side-by-side comparison of two models aligned by stage. Families cut their bodies into
 * different numbers of stages (MobileNetV1 5, EfficientNet 7, ViT 12 blocks), so stages are
 * aligned by output stride, the factor by which they have shrunk the input (/2, /4 … /32): the
 * level at which they work, which is what lets MobileNetV1's 5 stages face EfficientNet's 7.
 */
import type { LayerTable } from './layer-table.ts';
import { bySection } from './compute-breakdown.ts';

export interface StageSummary {
  readonly label: string;
  readonly kind: 'stem' | 'stage' | 'head';
  readonly inResolution: number;
  readonly outResolution: number;
  readonly channels: number;
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
}

export interface ModelSummary {
  readonly id: string;
  readonly family: string;
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  readonly stages: readonly StageSummary[];
}

export interface LevelSide {
  readonly stages: readonly StageSummary[];
  readonly params: number;
  readonly macs: number;
  readonly activationBytes: number;
  /** Output resolution at this level (the last stage's), 0 when the model has no stage here. */
  readonly resolution: number;
}

export interface AlignedLevel {
  /** 'stem', '/4', …, 'head'. */
  readonly key: string;
  readonly a: LevelSide;
  readonly b: LevelSide;
  /** b − a. */
  readonly delta: { readonly params: number; readonly macs: number; readonly activationBytes: number };
}

/** The stage summaries of a model from its layer table. */
export function stageSummaries(table: LayerTable): StageSummary[] {
  const shares = bySection(table);
  return table.sections.map((s, i) => ({
    label: s.label,
    kind: s.kind,
    inResolution: s.inResolution,
    outResolution: s.outResolution,
    channels: s.outChannels,
    params: shares[i].params,
    macs: shares[i].macs,
    activationBytes: shares[i].activationBytes,
  }));
}

/** Output stride of a stage: input side ÷ output side, rounded to a power of two (B1's 240 px gives 8² at /32). */
export function outputStride(inputResolution: number, outResolution: number): number {
  return 2 ** Math.round(Math.log2(inputResolution / outResolution));
}

export function levelKey(s: StageSummary, inputResolution: number): string {
  return s.kind === 'stage' ? `/${outputStride(inputResolution, s.outResolution)}` : s.kind;
}

function side(stages: StageSummary[]): LevelSide {
  return {
    stages,
    params: stages.reduce((t, s) => t + s.params, 0),
    macs: stages.reduce((t, s) => t + s.macs, 0),
    activationBytes: stages.reduce((t, s) => t + s.activationBytes, 0),
    resolution: stages.length ? stages[stages.length - 1].outResolution : 0,
  };
}

/** Aligns two models' stages by level: stem, each output stride present in either model (ascending), head. */
export function alignStages(a: ModelSummary, b: ModelSummary): AlignedLevel[] {
  const keyed = (m: ModelSummary) => m.stages.map((s) => ({ key: levelKey(s, m.resolution), s }));
  const ka = keyed(a);
  const kb = keyed(b);
  const strides = [...new Set([...ka, ...kb].map((x) => x.key).filter((k) => k.startsWith('/')))].sort(
    (x, y) => Number(x.slice(1)) - Number(y.slice(1)),
  );
  return ['stem', ...strides, 'head'].map((key) => {
    const sa = side(ka.filter((x) => x.key === key).map((x) => x.s));
    const sb = side(kb.filter((x) => x.key === key).map((x) => x.s));
    return {
      key,
      a: sa,
      b: sb,
      delta: {
        params: sb.params - sa.params,
        macs: sb.macs - sa.macs,
        activationBytes: sb.activationBytes - sa.activationBytes,
      },
    };
  });
}

/** A signed compact delta: '+1.2 M', '−340 k', '0'. */
export function formatDelta(v: number, format: (n: number) => string): string {
  if (v === 0) return '0';
  return `${v > 0 ? '+' : '−'}${format(Math.abs(v))}`;
}
