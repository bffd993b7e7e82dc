/**
 * The engine's side of the ViT-vs-CNN lesson (build time): graphs built by the zoo builder at a
 * given input side (and, for ViT-Ti, patch size), counted by `analyze`. The widgets show these
 * numbers beside the formulas of `vit-cost.ts`; the unit tests hold the two to each other.
 */
import { analyze, type Analysis, type LayerStats } from '../../engine/index.ts';
import { buildFromSpec, getModel, type VitSpec } from '../../models/index.ts';
import { closestMatch } from './vit-match.ts';

/** The zoo ids this lesson compares (DeiT's ViT-Ti/16 and EfficientNet-B0). */
export const VIT_ID = 'vit_tiny_patch16_224';
export const CNN_ID = 'efficientnet_b0';
/** Patch sizes the lesson offers: those of ViT-B/8 (DINO), ViT-B/16 and ViT-B/32, all EfficientNet strides. */
export const PATCHES = [8, 16, 32] as const;
export type Patch = (typeof PATCHES)[number];

export function vitTinySpec(patch: number = 16): VitSpec {
  const spec = getModel(VIT_ID).spec;
  if (spec.kind !== 'vit') throw new Error(`${VIT_ID} is not a ViT spec`);
  return { ...spec, patch };
}

const cache = new Map<string, Analysis>();
function cached(key: string, make: () => Analysis): Analysis {
  let a = cache.get(key);
  if (!a) cache.set(key, (a = make()));
  return a;
}

/** `analyze` of ViT-Ti with P×P patches at R×R. */
export function vitAnalysis(resolution: number, patch: number = 16): Analysis {
  return cached(`vit|${resolution}|${patch}`, () =>
    analyze(buildFromSpec(vitTinySpec(patch), { resolution, name: VIT_ID })),
  );
}

/** `analyze` of EfficientNet-B0 at R×R. */
export function cnnAnalysis(resolution: number): Analysis {
  return cached(`cnn|${resolution}`, () => analyze(buildFromSpec(getModel(CNN_ID).spec, { resolution, name: CNN_ID })));
}

const within = (l: LayerStats, scope: string) => l.scope === scope || l.scope.startsWith(`${scope}.`);
const sum = (ls: readonly LayerStats[]) => ls.reduce((s, l) => s + l.macs, 0);

export interface VitBlockMeasure {
  readonly tokens: number;
  /** The two MatMuls of blocks.0.attn (QKᵀ and AV). */
  readonly quadratic: number;
  /** The Gemms of blocks.0 (qkv, proj, fc1, fc2). */
  readonly linear: number;
  readonly patchEmbed: number;
  readonly modelMacs: number;
  readonly modelParams: number;
}

/** ViT-Ti's first block and patch embedding, as the engine counts them. */
export function measureVit(resolution: number, patch: number = 16): VitBlockMeasure {
  const a = vitAnalysis(resolution, patch);
  const block = a.layers.filter((l) => within(l, 'blocks.0'));
  const qk = a.layers.find((l) => l.node === 'blocks.0.attn.MatMul');
  if (!qk) throw new Error('measureVit: no blocks.0.attn.MatMul in the ViT graph');
  return {
    tokens: qk.inputDims[0][2],
    quadratic: sum(block.filter((l) => l.opType === 'MatMul')),
    linear: sum(block.filter((l) => l.opType === 'Gemm')),
    patchEmbed: sum(a.layers.filter((l) => l.node === 'patch_embed.proj')),
    modelMacs: a.macs,
    modelParams: a.params,
  };
}

/**
 * The EfficientNet-B0 block the lesson sets beside a ViT with P×P patches: the last stride-1
 * depthwise conv whose map is at total stride P (the CNN's feature map with one cell per patch),
 * found in B0 at 224 so the choice never depends on the slider.
 */
export function comparatorBlock(patch: number): string {
  const a = cnnAnalysis(224);
  const side = 224 / patch;
  const dws = a.layers.filter(
    (l) => l.opType === 'Conv' && (l.group ?? 1) > 1 && l.stride?.[0] === 1 && l.outputDims[0][2] === side,
  );
  const last = dws.at(-1);
  if (!last) throw new Error(`comparatorBlock: EfficientNet-B0 has no stride-1 depthwise conv at stride ${patch}`);
  return last.scope.replace(/\.conv_dw$/, '');
}

export interface CnnBlockMeasure {
  readonly block: string;
  readonly side: number;
  readonly channels: number;
  readonly k: number;
  readonly depthwise: number;
  /** The whole MBConv block (expand, depthwise, SE, project). */
  readonly blockMacs: number;
  readonly modelMacs: number;
  readonly modelParams: number;
}

/** The comparator block of EfficientNet-B0 at R×R, as the engine counts it. */
export function measureCnn(resolution: number, patch: number = 16): CnnBlockMeasure {
  const block = comparatorBlock(patch);
  const a = cnnAnalysis(resolution);
  const dw = a.layers.find((l) => l.node === `${block}.conv_dw`);
  if (!dw || !dw.kernel) throw new Error(`measureCnn: no ${block}.conv_dw in EfficientNet-B0`);
  return {
    block,
    side: dw.outputDims[0][2],
    channels: dw.outputDims[0][1],
    k: dw.kernel[0],
    depthwise: dw.macs,
    blockMacs: sum(a.layers.filter((l) => within(l, block))),
    modelMacs: a.macs,
    modelParams: a.params,
  };
}

/** ViT-Ti's input sides for the matched-MACs search: multiples of its patch, 16 to 448. */
export const MATCH_RESOLUTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => 16 * (i + 1));

/** ViT-Ti (patch 16) at every side of MATCH_RESOLUTIONS, as the engine counts it. */
export function vitCurve(): { resolution: number; macs: number; params: number }[] {
  return MATCH_RESOLUTIONS.map((resolution) => {
    const a = vitAnalysis(resolution, 16);
    return { resolution, macs: a.macs, params: a.params };
  });
}

/** One column of the matched comparison: a model at one input side, from the engine. */
export interface ModelAt {
  readonly id: string;
  readonly resolution: number;
  readonly params: number;
  readonly macs: number;
}

export function cnnAt(resolution = 224): ModelAt {
  const a = cnnAnalysis(resolution);
  return { id: CNN_ID, resolution, params: a.params, macs: a.macs };
}

export function vitAt(resolution: number): ModelAt {
  const a = vitAnalysis(resolution, 16);
  return { id: VIT_ID, resolution, params: a.params, macs: a.macs };
}

/** The side at which ViT-Ti's MACs come closest to EfficientNet-B0's at 224, and how close (gap = ratio − 1). */
export function matchedVit() {
  const target = cnnAt(224);
  const m = closestMatch(vitCurve(), target.macs);
  return { ...m, target };
}
