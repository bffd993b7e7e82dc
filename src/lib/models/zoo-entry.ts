/**
 * A zoo entry: a timm model id, its spec, and the published figures carried beside it as cited
 * data, never as the model's own numbers (those are computed from the graph).
 */
import type { LabelSet } from './class-labels.ts';
import type { Family, ModelSpec } from './spec.ts';

/** One published figure set, with where it was published. */
export interface Citation {
  readonly source: string;
  readonly top1?: number;
  /** Parameters (absolute count). */
  readonly params?: number;
  /** Multiply-accumulates per image (absolute count) as that source counts them. */
  readonly macs?: number;
  readonly resolution?: number;
  readonly note?: string;
}

/** The reference the zoo test holds computed MACs to, and why any gap is allowed. */
export interface MacsReference {
  readonly value: number;
  readonly source: string;
  /** Allowed relative difference. */
  readonly tolerance: number;
  readonly reason: string;
}

export interface ZooEntry {
  /** timm model name (with timm's pretrained tag for the 21k heads, e.g. `tf_efficientnetv2_s.in21k`). */
  readonly id: string;
  readonly family: Family;
  readonly spec: ModelSpec;
  /** timm's parameter count as printed to two decimals (millions), from its results CSVs; absent when timm has no such model. */
  readonly timmParamsM?: number;
  /** The exact integer where one is published for an identical architecture, with its source. */
  readonly exactParams?: { readonly value: number; readonly source: string };
  readonly macsReference?: MacsReference;
  /**
   * For a model that differs from another only in its classifier (the 21k heads): that model's id.
   * Its parameters must then be the other's plus (Δclasses) × (features + 1).
   */
  readonly headOf?: string;
  readonly published: readonly Citation[];
  /** The class list its head indexes (~/lib/models/class-labels.ts); absent: ImageNet-1k for a 1,000-way head, else unnamed. */
  readonly labels?: LabelSet;
}

export const TIMM_BENCH =
  'timm results/benchmark-infer-amp-nchw-pt291-cu128-4090.csv (param_count, infer_gmacs: profiler, counts BN and pooling too)';
export const TIMM_TOP1 = 'timm results/results-imagenet.csv';
export const TORCHVISION = 'torchvision weight metadata (num_params, _ops in GMACs)';

export const TIMM_PROFILER_REASON =
  'timm prints its profiler GMACs to 2 decimals and the profiler also counts BN, activations and pooling';

/**
 * Tolerance for timm's profiler GMACs: printed to 2 decimals (±0.005 G) and counting BN,
 * activations and pooling on top of conv + linear (1–6 %, published.md §1).
 */
function timmGmacsTolerance(gmacs: number): number {
  return 0.005 / gmacs + 0.06;
}

/** timm's benchmark figures for a model: parameters (millions, as printed) and GMACs at `resolution`. */
export function timmBench(paramsM: number, gmacs: number, resolution: number): Citation {
  return { source: TIMM_BENCH, params: paramsM * M, macs: gmacs * 1e9, resolution };
}

/** timm's benchmark GMACs as the MACs reference, within the profiler's rounding and extra counts. */
export function timmMacsReference(gmacs: number, reason = TIMM_PROFILER_REASON): MacsReference {
  return { value: gmacs * 1e9, source: TIMM_BENCH, tolerance: timmGmacsTolerance(gmacs), reason };
}

/**
 * A zoo row checked against timm: `cited` first, then timm's benchmark parameters and GMACs (the
 * MACs reference unless `extra` gives another) and, when given, timm's top-1.
 */
export function timmRow(
  family: Family,
  id: string,
  spec: ModelSpec,
  timm: { readonly paramsM: number; readonly gmacs: number; readonly top1?: number },
  cited: readonly Citation[] = [],
  extra: Partial<ZooEntry> = {},
): ZooEntry {
  const published = [...cited, timmBench(timm.paramsM, timm.gmacs, spec.resolution)];
  if (timm.top1 !== undefined) published.push({ source: TIMM_TOP1, top1: timm.top1, resolution: spec.resolution });
  return {
    id,
    family,
    spec,
    timmParamsM: timm.paramsM,
    macsReference: timmMacsReference(timm.gmacs),
    published,
    ...extra,
  };
}

export const M = 1e6;
export const G = 1e9;
