/**
 * One CNN spec from the fields a family sets. What no family changes is written once here: an
 * ImageNet-1k classifier at 224 px, width and depth 1, make_divisible's 10 % rule, PyTorch padding
 * and BN eps; `fields` overrides any of it.
 */
import type { ArchDef } from './decode-arch.ts';
import type { AttnSpec, CnnSpec, Family } from './spec.ts';

/**
 * Squeeze-and-excitation as EfficientNet, MnasNet and EfficientNetV2 use it: the reduced width is
 * taken from the block input (TF `input_filters * se_ratio`), rounded with round(), sigmoid gate.
 */
export const SE_FROM_INPUT: AttnSpec = { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' };

export function cnnSpec(
  family: Family,
  arch: ArchDef,
  fields: Pick<CnnSpec, 'stem' | 'head' | 'act'> & Partial<Omit<CnnSpec, 'kind' | 'family' | 'arch'>>,
): CnnSpec {
  return {
    kind: 'cnn',
    family,
    arch,
    width: 1,
    depth: 1,
    roundLimit: 0.9,
    ...tfLayout(false),
    resolution: 224,
    numClasses: 1000,
    ...fields,
  };
}

/** timm's `tf_` models (weights ported from TensorFlow) use TF SAME padding and BN eps 1e-3; the rest PyTorch's. */
export function tfLayout(tf = false): Pick<CnnSpec, 'padding' | 'bnEps'> {
  return tf ? { padding: 'same', bnEps: 1e-3 } : { padding: 'symmetric', bnEps: 1e-5 };
}
