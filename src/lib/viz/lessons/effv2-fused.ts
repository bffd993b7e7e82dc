/**
 * Fused-MBConv against MBConv, stage by stage (EfficientNetV2, Tan & Le 2021, §3.2 and Table 3).
 * The variants are written in the zoo's block-string grammar (src/lib/models/block-string.ts):
 * a stage becomes Fused-MBConv by turning its 1×1 expansion + k×k depthwise pair into one k×k
 * convolution (`ir` → `er`; MBConv1 `ds` → one k×k conv, `cn` with skip, as V2-S's first stage),
 * and back. Fused stages carry no SE and MBConv stages SE 0.25, as in V2-S (Table 4); that is also
 * the reading under which our count of Table 3's B4 variants lands within a few percent of the
 * paper's parameters (see TABLE3 below and the unit test).
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec, getModel, parseBlockString, resolveCnn, type CnnSpec } from '../../models/index.ts';
import { FUSED_BASES, FUSED_VARIANTS, fusedCount, type FusedBase, type FusedVariant } from './effv2-variants.ts';

export type BlockKind = 'fused' | 'mbconv';

/** One stage's block string as the other kind (channels, stride, kernel, expansion and repeats kept). */
export function asKind(block: string, kind: BlockKind): string {
  const d = parseBlockString(block);
  const rest = `r${d.repeats}_k${d.kernel}_s${d.stride}_e${d.expansion}_c${d.outChannels}`;
  const isFused = d.type === 'er' || d.type === 'cn';
  if (kind === 'fused') {
    if (isFused) return block;
    if (d.type === 'ds') return `cn_${rest}_skip`;
    if (d.type === 'ir') return `er_${rest}`;
  } else {
    if (!isFused) return block;
    if (d.type === 'cn' || d.expansion === 1) return `ds_${rest}_se0.25`;
    return `ir_${rest}_se0.25`;
  }
  throw new Error(
    `block string '${block}': only ds, ir, er and cn stages can be swapped between MBConv and Fused-MBConv`,
  );
}

export function kindOf(block: string): BlockKind {
  const t = parseBlockString(block).type;
  return t === 'er' || t === 'cn' ? 'fused' : 'mbconv';
}

export {
  FUSED_BASES,
  FUSED_VARIANTS,
  VARIANT_LABELS,
  fusedCount,
  type FusedBase,
  type FusedVariant,
} from './effv2-variants.ts';

function baseSpec(base: FusedBase): CnnSpec {
  const spec = getModel(FUSED_BASES[base].model).spec;
  if (spec.kind !== 'cnn') throw new Error(`${FUSED_BASES[base].model} is not a CNN`);
  return spec;
}

/** The base with its first n stages Fused-MBConv and the rest MBConv. */
export function variantSpec(base: FusedBase, variant: FusedVariant): CnnSpec {
  const spec = baseSpec(base);
  const n = fusedCount(variant, spec.arch.length);
  return { ...spec, arch: spec.arch.map((stage, i) => stage.map((b) => asKind(b, i < n ? 'fused' : 'mbconv'))) };
}

export interface Cost {
  readonly params: number;
  readonly macs: number;
}

export interface StageCost {
  /** 1-based, V2 numbering (EfficientNetV2 Table 4). */
  readonly stage: number;
  readonly blocks: number;
  /** The block string the released model uses in this stage. */
  readonly released: string;
  readonly releasedKind: BlockKind;
  readonly fused: Cost;
  readonly mbconv: Cost;
}

/** Params and MACs per stage (layers scoped `blocks.<i>.`) of a spec, counted by the engine. */
export function stageCostsOf(spec: CnnSpec): Cost[] {
  const a = analyze(buildFromSpec(spec));
  return spec.arch.map((_, i) => {
    const ls = a.layers.filter((l) => l.scope.startsWith(`blocks.${i}.`));
    return { params: ls.reduce((s, l) => s + l.params, 0), macs: ls.reduce((s, l) => s + l.macs, 0) };
  });
}

const cache = new Map<string, unknown>();
function memo<T>(key: string, f: () => T): T {
  if (!cache.has(key)) cache.set(key, f());
  return cache.get(key) as T;
}

/**
 * Each stage as Fused-MBConv and as MBConv. A stage's cost depends only on its own blocks and its
 * input shape, which the swap never changes, so two builds (all fused, all MBConv) give both columns.
 */
export function stageCosts(base: FusedBase): StageCost[] {
  return memo(`stages:${base}`, () => {
    const spec = baseSpec(base);
    const fused = stageCostsOf(variantSpec(base, 'all'));
    const mb = stageCostsOf(variantSpec(base, 'none'));
    const resolved = resolveCnn(spec).blocks;
    return spec.arch.map((stage, i) => ({
      stage: i + 1,
      blocks: resolved.filter((b) => b.stage === i).length,
      released: stage[0],
      releasedKind: kindOf(stage[0]),
      fused: fused[i],
      mbconv: mb[i],
    }));
  });
}

/** Whole-model params and MACs of a variant. */
export function variantTotals(base: FusedBase, variant: FusedVariant): Cost {
  return memo(`totals:${base}:${variant}`, () => {
    const a = analyze(buildFromSpec(variantSpec(base, variant)));
    return { params: a.params, macs: a.macs };
  });
}

/** What the stage chart needs of a base, computed at build time and shipped to the browser as JSON. */
export interface FusedData {
  readonly label: string;
  readonly stages: readonly StageCost[];
  readonly totals: Readonly<Record<FusedVariant, Cost>>;
}

export function fusedData(base: FusedBase): FusedData {
  return {
    label: FUSED_BASES[base].label,
    stages: stageCosts(base),
    totals: Object.fromEntries(FUSED_VARIANTS.map((v) => [v, variantTotals(base, v)])) as Record<FusedVariant, Cost>,
  };
}

export interface Table3Row {
  readonly variant: FusedVariant;
  readonly paramsM: number;
  readonly flopsB: number;
  readonly top1: number;
  readonly tpu: number;
  readonly v100: number;
}

/**
 * EfficientNetV2 Table 3 (EfficientNet-B4 with MBConv replaced by Fused-MBConv; FLOPs = multiply-adds,
 * throughput in training images/s per TPUv3 core and per V100 GPU). The paper's "stage 1-3" counts
 * B4's block stages from 1, as our FUSED_VARIANTS do.
 */
export const TABLE3: readonly Table3Row[] = [
  { variant: 'none', paramsM: 19.3, flopsB: 4.5, top1: 82.8, tpu: 262, v100: 155 },
  { variant: '1-3', paramsM: 20.0, flopsB: 7.5, top1: 83.1, tpu: 362, v100: 216 },
  { variant: '1-5', paramsM: 43.4, flopsB: 21.3, top1: 83.1, tpu: 327, v100: 223 },
  { variant: 'all', paramsM: 132.0, flopsB: 34.4, top1: 81.7, tpu: 254, v100: 206 },
];
