/**
 * Declarative model specs. A CNN spec is timm's recipe as data: block strings per stage, the
 * stem, the head, the width/depth multipliers and the rounding rule; a ViT spec is its four
 * numbers. `resolveCnn` (resolve.ts) turns a CNN spec into concrete per-block channels and sizes;
 * `buildFromSpec` (build.ts) turns either into an engine graph.
 */
import type { Act } from './block-string.ts';
import type { ArchDef } from './decode-arch.ts';

export type { Act } from './block-string.ts';

export type Family =
  'MobileNetV1' | 'MobileNetV2' | 'MobileNetV3' | 'MnasNet' | 'EfficientNet' | 'EfficientNetV2' | 'ViT';

/** Channel attention inside blocks. */
export type AttnSpec =
  /**
   * Squeeze-and-excitation. `fromExpanded`: the reduced width is taken from the expanded (mid)
   * channels (MobileNetV3, timm `se_from_exp=True`) instead of the block input (EfficientNet,
   * MnasNet: the ratio is divided by the expansion). `round`: Python round() or make_divisible(·, 8).
   * `act`: forced activation (MobileNetV3 uses ReLU); otherwise the block's own.
   */
  | {
      readonly kind: 'se';
      readonly fromExpanded: boolean;
      readonly round: 'round' | 'divisible';
      readonly gate: 'sigmoid' | 'hard_sigmoid';
      readonly act?: Act;
    }
  /** Global context (GCNet, arXiv 1904.11492), timm `GlobalContext` with fuse_scale: attention pooling → 1×1 conv → LayerNorm → act → 1×1 conv → sigmoid gate. */
  | { readonly kind: 'gc' };

export type HeadSpec =
  /** 1×1 conv + BN + act at the last feature resolution, then pool and classifier (EfficientNet, MobileNetV2, MnasNet). */
  | { readonly kind: 'conv'; readonly features: number; readonly scaling: 'round' | 'fixed' | 'at-least' }
  /** MobileNetV3's efficient head: pool first, then 1×1 conv (bias, no BN) + act, then classifier. Width never scaled. */
  | { readonly kind: 'efficient'; readonly features: number; readonly bias: boolean }
  /** No head conv: pool → classifier on the last block's channels (MobileNetV1). */
  | { readonly kind: 'none' };

export interface CnnSpec {
  readonly kind: 'cnn';
  readonly family: Family;
  /** timm block strings, one list per stage (unscaled). */
  readonly arch: ArchDef;
  /** Stem conv 3×3 stride 2; its width is scaled unless `fixed`, or unless width < `fixedBelowWidth` (MobileNetV3 `fix_stem=channel_multiplier < 0.75`). */
  readonly stem: { readonly channels: number; readonly fixed?: boolean; readonly fixedBelowWidth?: number };
  readonly head: HeadSpec;
  /** The model's default activation (block strings may override with `_nre`, `_nhs`). */
  readonly act: Act;
  readonly attn?: AttnSpec;
  /** Channel multiplier. */
  readonly width: number;
  /** Depth multiplier, or one per stage. */
  readonly depth: number | readonly number[];
  /** make_divisible's round-down limit: 0.9 (the 10 % rule) or 0 (EfficientNetV2-B*). */
  readonly roundLimit: number;
  /** 'symmetric' = PyTorch padding (k−1)/2; 'same' = TF SAME, extra pixel bottom/right (timm `tf_` models). */
  readonly padding: 'symmetric' | 'same';
  readonly bnEps: number;
  readonly resolution: number;
  readonly numClasses: number;
  /**
   * An activation after the projection conv's BN in `ds`, `ir` and `er` blocks (before the
   * residual add). Absent in every zoo model: the projection is linear (MobileNetV2 §3.2, "linear
   * bottlenecks"). Set only by the tiny family's linear-bottleneck ablation (MobileNetV2 §6.3,
   * Figure 6a: ReLU6 after the bottleneck).
   */
  readonly projectionAct?: Act;
}

export interface VitSpec {
  readonly kind: 'vit';
  readonly family: 'ViT';
  readonly patch: number;
  readonly dim: number;
  readonly depth: number;
  readonly heads: number;
  readonly mlpRatio: number;
  readonly resolution: number;
  readonly numClasses: number;
}

export type ModelSpec = CnnSpec | VitSpec;

/** One CNN block on its own, at lesson size: input [1, inChannels, R, R] → the block's output. */
export interface CnnBlockSpec {
  readonly kind: 'cnn-block';
  /** A timm block string with r1, e.g. `ir_r1_k3_s1_e4_c16_se0.25`; channels are not width-scaled. */
  readonly block: string;
  readonly inChannels: number;
  readonly resolution: number;
  readonly act: Act;
  readonly attn?: AttnSpec;
  readonly padding: 'symmetric' | 'same';
  readonly bnEps: number;
}

/** One pre-norm transformer block on its own: [tokens, dim] → [tokens, dim]. */
export interface VitBlockSpec {
  readonly kind: 'vit-block';
  readonly tokens: number;
  readonly dim: number;
  readonly heads: number;
  readonly mlpRatio: number;
}

export type BlockSpec = CnnBlockSpec | VitBlockSpec;

/**
 * How the graph is laid out, not what the architecture is (training builds with these; the
 * defaults give the zoo's graphs unchanged).
 */
export interface LayoutOptions {
  /** Image channels the stem reads (default 3; Fashion-MNIST trains with 1). */
  readonly inChannels?: number;
  /**
   * Batch dimension of the CNN input and logits (default 1): a number, or a name for a symbolic
   * dimension. When given, the global-context Reshapes copy the batch (shape entry 0) instead of
   * fixing it at 1, so one graph runs every batch size. ViT graphs keep batch 1 (their tokens are
   * a [tokens, dim] matrix); training runs them one image at a time (src/lib/train/trainer.ts).
   */
  readonly batch?: number | string;
}

/** Overrides for the scaling playground and the diagrams. */
export interface ScaleOptions {
  readonly width?: number;
  readonly depth?: number | readonly number[];
  readonly resolution?: number;
  readonly numClasses?: number;
}
