export { makeDivisible, roundChannels, pyRound } from './make-divisible.ts';
export { parseBlockString, type Act, type BlockDef, type BlockType } from './block-string.ts';
export { decodeArch, scaleStageRepeats, type ArchDef } from './decode-arch.ts';
export type { AttnSpec, CnnSpec, Family, HeadSpec, LayoutOptions, ModelSpec, ScaleOptions, VitSpec } from './spec.ts';
export {
  resolveCnn,
  type ResolvedAttn,
  type ResolvedBlock,
  type ResolvedCnn,
  type StageConfig,
  type StageRow,
} from './resolve.ts';
export { convPads, CNN_OPSET } from './build-cnn.ts';
export { VIT_OPSET, vitTokens } from './build-vit.ts';
export { buildFromSpec, scaleSpec, stagesOf } from './build.ts';
export { materialize, referenceInput, type MaterializeOptions } from './materialize.ts';
export { MODELS, getModel, buildModel } from './zoo.ts';
export { modelStats, specStats, type ModelStats } from './stats.ts';
export type { Citation, MacsReference, ZooEntry } from './zoo-entry.ts';
export { EFFICIENTNET_SCALING, EFFICIENTNETV2_BASE_SCALING, type ScalingRow } from './scaling.ts';
export { mobilenetV1Spec, MOBILENETV1_ARCH } from './mobilenetv1.ts';
export { mobilenetV2Spec, MOBILENETV2_ARCH } from './mobilenetv2.ts';
export { mobilenetV3Spec, mobilenetV3RwSpec, type MobileNetV3Options } from './mobilenetv3.ts';
export { mnasnetSpec } from './mnasnet.ts';
export { efficientNetSpec, EFFICIENTNET_B0_ARCH } from './efficientnet.ts';
export { efficientNetV2Spec } from './efficientnetv2-spec.ts';
export { vitSpec } from './vit.ts';
export { resolveBlock } from './resolve.ts';
export { buildBlock, resolveBlockSpec } from './build-block.ts';
export type { BlockSpec, CnnBlockSpec, VitBlockSpec } from './spec.ts';
export { LESSON_BLOCKS, type LessonBlock } from './lesson-blocks.ts';
export { TINY_MODELS, getTinyModel, buildTinyModel, type TinyEntry } from './tiny.ts';
export { TINY_RESOLUTION } from './tiny-specs.ts';
export { TINY_COMPARISONS, type TinyComparison } from './tiny-comparisons.ts';
