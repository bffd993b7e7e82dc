/**
 * A CNN spec → concrete channels, kernels, strides, SE widths and feature-map sizes for every
 * block, following timm's EfficientNetBuilder (`_efficientnet_builder.py` `_make_block`) and
 * blocks (`_efficientnet_blocks.py`). The graph builder, the stage tables and the diagrams all
 * read this one record.
 */
import type { Act, BlockDef, BlockType } from './block-string.ts';
import { decodeArch } from './decode-arch.ts';
import { makeDivisible, pyRound, roundChannels } from './make-divisible.ts';
import type { CnnSpec } from './spec.ts';

export interface ResolvedAttn {
  readonly kind: 'se' | 'gc';
  /** Reduced width (SE conv_reduce / GC mlp_scale.fc1 output channels). */
  readonly width: number;
  readonly act: Act;
  readonly gate: 'sigmoid' | 'hard_sigmoid';
}

export interface ResolvedBlock {
  /** timm module path, `blocks.<stage>.<index>`. */
  readonly scope: string;
  readonly stage: number;
  readonly index: number;
  readonly type: BlockType;
  readonly source: string;
  readonly inChannels: number;
  /** Expanded width (ir/er: make_divisible(in × e)); in for ds/dsa; out for cn. */
  readonly midChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
  readonly stride: number;
  readonly expansion: number;
  readonly act: Act;
  readonly attn?: ResolvedAttn;
  readonly residual: boolean;
  /** Input and output feature-map side (square inputs). */
  readonly inSize: number;
  readonly outSize: number;
}

/**
 * One block string of a stage after depth scaling: a row of the paper-style table. Type, source,
 * kernel, stride (of the row's first block; later blocks use 1) and expansion are the string's own.
 */
export interface StageRow extends Pick<BlockDef, 'type' | 'source' | 'kernel' | 'stride' | 'expansion'> {
  /** Blocks after depth scaling. */
  readonly repeats: number;
  /** Expanded width of the row's first block. */
  readonly midChannels: number;
  /** Output channels after width scaling. */
  readonly outChannels: number;
  /** SE/GC reduced width of the row's first block, 0 without attention. */
  readonly attnWidth: number;
  readonly act: Act;
  readonly inputResolution: number;
  readonly outputResolution: number;
}

/**
 * One stage as a row of the stage table: type, kernel, stride, expansion and attention width of
 * its first row; repeats, output channels and sizes of the whole stage (its rows' source strings,
 * mid widths and activations may differ, so it has none); `rows` has every block string.
 */
export interface StageConfig extends Omit<StageRow, 'source' | 'midChannels' | 'act'> {
  readonly index: number;
  readonly rows: readonly StageRow[];
}

export interface ResolvedCnn {
  readonly spec: CnnSpec;
  readonly stem: { readonly outChannels: number; readonly inSize: number; readonly outSize: number; readonly act: Act };
  readonly blocks: readonly ResolvedBlock[];
  readonly stages: readonly StageConfig[];
  /** Head conv width (0 without a head conv) and the classifier's input width. */
  readonly head: {
    readonly kind: CnnSpec['head']['kind'];
    readonly features: number;
    readonly size: number;
    readonly act: Act;
  };
  readonly classifierIn: number;
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

function stemWidth(spec: CnnSpec): number {
  const { channels, fixed, fixedBelowWidth } = spec.stem;
  if (fixed || (fixedBelowWidth !== undefined && spec.width < fixedBelowWidth)) return channels;
  return roundChannels(channels, spec.width, 8, undefined, spec.roundLimit);
}

function attnFor(
  spec: Pick<CnnSpec, 'attn'>,
  type: BlockType,
  seRatio: number,
  expansion: number,
  channels: number,
  act: Act,
): ResolvedAttn | undefined {
  const a = spec.attn;
  if (!a || !seRatio || type === 'cn') return undefined;
  if (a.kind === 'gc') {
    // timm builds GlobalContext(mid, rd_ratio=se/exp) (se_from_exp=False), and GlobalContext rounds
    // with make_divisible(·, divisor 1, round_limit 0): nearest integer, halves up.
    const ratio = seRatio / expansion;
    return { kind: 'gc', width: makeDivisible(channels * ratio, 1, undefined, 0), act, gate: 'sigmoid' };
  }
  // timm `_make_block`: without se_from_exp the ratio is divided by the expansion, so the width is
  // (input channels × ratio), as in TF `input_filters * se_ratio`.
  const ratio = a.fromExpanded ? seRatio : seRatio / expansion;
  const v = channels * ratio;
  const width = a.round === 'round' ? pyRound(v) : makeDivisible(v);
  return { kind: 'se', width, act: a.act ?? act, gate: a.gate };
}

/**
 * One block: the stage's first block strides; channels are scaled and rounded; the expanded width
 * is make_divisible(in × e) from the already-rounded input (timm `_efficientnet_blocks.py`).
 */
export function resolveBlock(
  spec: Pick<CnnSpec, 'width' | 'roundLimit' | 'act' | 'attn'>,
  d: BlockDef,
  stage: number,
  index: number,
  inCh: number,
  size: number,
): ResolvedBlock {
  const stride = index === 0 ? d.stride : 1;
  const outCh = roundChannels(d.outChannels, spec.width, 8, undefined, spec.roundLimit);
  const act = d.act ?? spec.act;
  const mid = d.type === 'ir' || d.type === 'er' ? makeDivisible(inCh * d.expansion) : d.type === 'cn' ? outCh : inCh;
  const attn = attnFor(spec, d.type, d.seRatio, d.expansion, mid, act);
  const residual =
    d.type === 'cn' ? d.skip && stride === 1 && inCh === outCh : !d.noskip && stride === 1 && inCh === outCh;
  return {
    scope: `blocks.${stage}.${index}`,
    stage,
    index,
    type: d.type,
    source: d.source,
    inChannels: inCh,
    midChannels: mid,
    outChannels: outCh,
    kernel: d.kernel,
    stride,
    expansion: d.expansion,
    act,
    attn,
    residual,
    inSize: size,
    outSize: ceilDiv(size, stride),
  };
}

/** Resolves every block of a CNN spec. */
export function resolveCnn(spec: CnnSpec): ResolvedCnn {
  const round = (c: number): number => roundChannels(c, spec.width, 8, undefined, spec.roundLimit);
  const stemOut = stemWidth(spec);
  const stemOutSize = ceilDiv(spec.resolution, 2);
  const stages = decodeArch(spec.arch, spec.depth);
  const blocks: ResolvedBlock[] = [];
  const stageConfigs: StageConfig[] = [];
  let inCh = stemOut;
  let size = stemOutSize;
  stages.forEach((defs, s) => {
    const rows: StageRow[] = [];
    const stageIn = size;
    defs.forEach((d, i) => {
      const b = resolveBlock(spec, d, s, i, inCh, size);
      const { stride, midChannels: mid, outChannels: outCh, act, attn, outSize } = b;
      blocks.push(b);
      const last = rows[rows.length - 1];
      if (last && last.source === d.source && i > 0 && defs[i - 1] === d) {
        rows[rows.length - 1] = { ...last, repeats: last.repeats + 1, outputResolution: outSize };
      } else {
        rows.push({
          type: d.type,
          source: d.source,
          repeats: 1,
          kernel: d.kernel,
          stride,
          expansion: d.expansion,
          midChannels: mid,
          outChannels: outCh,
          attnWidth: attn?.width ?? 0,
          act,
          inputResolution: size,
          outputResolution: outSize,
        });
      }
      inCh = outCh;
      size = outSize;
    });
    const first = rows[0];
    stageConfigs.push({
      index: s,
      type: first.type,
      repeats: defs.length,
      kernel: first.kernel,
      stride: first.stride,
      expansion: first.expansion,
      outChannels: inCh,
      attnWidth: first.attnWidth,
      inputResolution: stageIn,
      outputResolution: size,
      rows,
    });
  });
  const h = spec.head;
  let features = 0;
  if (h.kind === 'conv') {
    features =
      h.scaling === 'fixed'
        ? h.features
        : h.scaling === 'round'
          ? round(h.features)
          : Math.max(h.features, round(h.features));
  } else if (h.kind === 'efficient') {
    features = h.features;
  }
  return {
    spec,
    stem: { outChannels: stemOut, inSize: spec.resolution, outSize: stemOutSize, act: spec.act },
    blocks,
    stages: stageConfigs,
    head: { kind: h.kind, features, size: h.kind === 'efficient' ? 1 : size, act: spec.act },
    classifierIn: h.kind === 'none' ? inCh : features,
  };
}
