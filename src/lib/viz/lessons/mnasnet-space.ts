/**
 * MnasNet's factorised hierarchical search space (Tan et al. 2019, arXiv 1807.11626 §4.1,
 * Figure 4) over the real MnasNet-A1 (the zoo's `semnasnet_100`, Fig. 7): the network is cut into
 * seven blocks (stages); each stage searches its own ConvOp, kernel, SE ratio, skip op, output
 * filters F and layer count N, and all layers of a stage repeat one choice. MobileNetV2 is the
 * reference: N ∈ {−1, 0, +1} around its layer count, F ∈ {0.75, 1.0, 1.25} × its filters (§4.1).
 *
 * The reader's picks become timm block strings; the zoo builds the model and the engine counts
 * params and MACs per stage, so every figure is computed, never typed.
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec, makeDivisible, mnasnetSpec, parseBlockString, type CnnSpec } from '../../models/index.ts';
import { MNASNET_A1_ARCH } from '../../models/mnasnet.ts';
import { MOBILENETV2_ARCH } from '../../models/mobilenetv2.ts';

export type ConvOp = 'conv' | 'dconv' | 'mbconv3' | 'mbconv6';
export type SkipOp = 'pool' | 'identity' | 'none';

/** The per-stage options of §4.1 (ConvOp with MBConv at the expansion ratios 3 and 6 the searched models use). */
export const CONV_OPS: readonly { value: ConvOp; label: string }[] = [
  { value: 'conv', label: 'conv' },
  { value: 'dconv', label: 'dconv (depthwise separable)' },
  { value: 'mbconv3', label: 'MBConv, expansion 3' },
  { value: 'mbconv6', label: 'MBConv, expansion 6' },
];
export const KERNELS = [3, 5] as const;
export const SE_RATIOS = [0, 0.25] as const;
export const SKIP_OPS: readonly SkipOp[] = ['pool', 'identity', 'none'];
export const FILTER_FACTORS = [0.75, 1, 1.25] as const;
export const LAYER_DELTAS = [-1, 0, 1] as const;

/** Options per stage: |ConvOp| · |kernel| · |SE| · |skip| · |F| · |N|. */
export const SUB_SPACE =
  CONV_OPS.length * KERNELS.length * SE_RATIOS.length * SKIP_OPS.length * FILTER_FACTORS.length * LAYER_DELTAS.length;

/** §4.1: B blocks of S options each give S^B networks; searching each of the B·N layers alone gives S^(B·N). */
export function spaceSizes(s: number, b: number, n: number): { factorised: number; perLayer: number } {
  return { factorised: s ** b, perLayer: s ** (b * n) };
}

export interface StagePick {
  readonly op: ConvOp;
  readonly kernel: number;
  readonly se: number;
  readonly skip: SkipOp;
  readonly filters: number;
  readonly layers: number;
}

export interface StageInfo {
  readonly index: number;
  readonly stride: number;
  /** MobileNetV2's filters and layers at this stage: the reference the options are relative to. */
  readonly refFilters: number;
  readonly refLayers: number;
  readonly filterOptions: readonly number[];
  readonly layerOptions: readonly number[];
  /** What MnasNet-A1 picked. */
  readonly a1: StagePick;
}

function pickOf(block: string): StagePick {
  const d = parseBlockString(block);
  const op: ConvOp = d.type === 'ds' ? 'dconv' : d.type === 'cn' ? 'conv' : d.expansion === 3 ? 'mbconv3' : 'mbconv6';
  return {
    op,
    kernel: d.kernel,
    se: d.seRatio,
    skip: d.noskip ? 'none' : 'identity',
    filters: d.outChannels,
    layers: d.repeats,
  };
}

/** The seven stages of A1 with their options; an A1 value off the grid is added to its options (and flagged by offGrid). */
export function a1Stages(): StageInfo[] {
  return MNASNET_A1_ARCH.map(([block], i) => {
    const ref = parseBlockString(MOBILENETV2_ARCH[i][0]);
    const a1 = pickOf(block);
    const grid = FILTER_FACTORS.map((f) => makeDivisible(ref.outChannels * f, 8));
    const filterOptions = [...new Set([...grid, a1.filters])].sort((a, b) => a - b);
    const layerOptions = LAYER_DELTAS.map((dl) => ref.repeats + dl).filter((n) => n >= 1);
    return {
      index: i,
      stride: parseBlockString(block).stride,
      refFilters: ref.outChannels,
      refLayers: ref.repeats,
      filterOptions,
      layerOptions,
      a1,
    };
  });
}

/** Whether an A1 filter count is one of the ×0.75/1/1.25 options (stage 4's 112 over 96 is not). */
export function offGrid(stage: StageInfo): boolean {
  return !FILTER_FACTORS.some((f) => makeDivisible(stage.refFilters * f, 8) === stage.a1.filters);
}

/** Why a pick cannot be built by the zoo's builder, or null. */
export function unbuildable(p: StagePick): string | null {
  if (p.skip === 'pool')
    return 'the pooling skip is in the search space, but no released MnasNet uses it and the zoo has no block for it';
  if (p.op === 'conv' && p.se > 0) return 'the zoo builds SE only inside depthwise and MBConv blocks';
  return null;
}

/** A pick as a timm block string (`ir_r3_k5_s2_e3_c40_se0.25`). */
export function blockString(p: StagePick, stride: number): string {
  const head = p.op === 'conv' ? 'cn' : p.op === 'dconv' ? 'ds' : 'ir';
  const e = p.op === 'mbconv3' ? '_e3' : p.op === 'mbconv6' ? '_e6' : '';
  const se = p.se > 0 ? `_se${p.se}` : '';
  const skip =
    p.skip === 'none' && p.op !== 'conv' ? '_noskip' : p.skip === 'identity' && p.op === 'conv' ? '_skip' : '';
  return `${head}_r${p.layers}_k${p.kernel}_s${stride}${e}_c${p.filters}${se}${skip}`;
}

/** MnasNet-A1's spec with the given picks in place of its own. */
export function specWith(picks: readonly StagePick[]): CnnSpec {
  const stages = a1Stages();
  const base = mnasnetSpec('a1', 1);
  return { ...base, arch: picks.map((p, i) => [blockString(p, stages[i].stride)]) };
}

export interface StageCost {
  readonly params: number;
  readonly macs: number;
}

/** Params and MACs of each stage (timm `blocks.<i>.*`) and of the whole model, by the engine. */
export function stageCosts(spec: CnnSpec): { stages: StageCost[]; params: number; macs: number } {
  const a = analyze(buildFromSpec(spec));
  const stages = spec.arch.map((_, i) => {
    const ls = a.layers.filter((l) => l.scope.startsWith(`blocks.${i}.`));
    return { params: ls.reduce((s, l) => s + l.params, 0), macs: ls.reduce((s, l) => s + l.macs, 0) };
  });
  return { stages, params: a.params, macs: a.macs };
}

export function samePick(a: StagePick, b: StagePick): boolean {
  return (
    a.op === b.op &&
    a.kernel === b.kernel &&
    a.se === b.se &&
    a.skip === b.skip &&
    a.filters === b.filters &&
    a.layers === b.layers
  );
}
