/**
 * timm's EfficientNetV2 weight names, decoded: `<architecture>.<pretrained tag>`. The names are
 * those of timm's EfficientNetV2 list (timm `efficientnet.py` default_cfgs); parameters are the
 * zoo's, counted by the engine, never copied from a table.
 *
 * - `tf_` prefix: weights ported from the TensorFlow release (google/automl efficientnetv2); the
 *   zoo builds them with TF "SAME" padding and BN eps 1e-3 (src/lib/models/efficientnetv2.ts).
 * - `_rw_`: Ross Wightman's own variants trained in timm (`rw_t`, `rw_s`, `rw_m`); `gc_` swaps SE
 *   for global-context attention.
 * - tags: `in1k` trained on ImageNet-1k; `in21k` trained on ImageNet-21k and kept with its
 *   21,843-class classifier; `in21k_ft_in1k` pretrained on 21k then fine-tuned on 1k, so back to
 *   1,000 classes (EfficientNetV2 §5.2: 15 epochs of fine-tuning); `ra2`/`agc` name timm's
 *   recipes (RandAugment recipe 2; adaptive gradient clipping).
 */
import { getModel, specStats } from '../../models/index.ts';

export const TIMM_V2_NAMES = [
  'efficientnetv2_rw_t.ra2_in1k',
  'gc_efficientnetv2_rw_t.agc_in1k',
  'efficientnetv2_rw_s.ra2_in1k',
  'efficientnetv2_rw_m.agc_in1k',
  'tf_efficientnetv2_b0.in1k',
  'tf_efficientnetv2_b1.in1k',
  'tf_efficientnetv2_b2.in1k',
  'tf_efficientnetv2_b3.in1k',
  'tf_efficientnetv2_b3.in21k',
  'tf_efficientnetv2_b3.in21k_ft_in1k',
  'tf_efficientnetv2_s.in1k',
  'tf_efficientnetv2_s.in21k',
  'tf_efficientnetv2_s.in21k_ft_in1k',
  'tf_efficientnetv2_m.in1k',
  'tf_efficientnetv2_m.in21k',
  'tf_efficientnetv2_m.in21k_ft_in1k',
  'tf_efficientnetv2_l.in1k',
  'tf_efficientnetv2_l.in21k',
  'tf_efficientnetv2_l.in21k_ft_in1k',
  'tf_efficientnetv2_xl.in21k',
  'tf_efficientnetv2_xl.in21k_ft_in1k',
] as const;

export interface DecodedName {
  readonly name: string;
  readonly arch: string;
  readonly tag: string;
  readonly source: 'TensorFlow port' | 'trained in timm';
  readonly attention: 'SE' | 'global context';
  readonly pretrain: 'ImageNet-1k' | 'ImageNet-21k';
  readonly classes: number;
  readonly fineTuned: boolean;
  /** The zoo model whose parameters the name has (the 21k-head entry for `in21k`). */
  readonly zooId: string;
  readonly params: number;
}

export function decodeName(name: string): DecodedName {
  const m = /^((?:gc_)?(?:tf_)?efficientnetv2_[a-z0-9_]+)\.([a-z0-9_]+)$/.exec(name);
  if (!m)
    throw new Error(
      `'${name}' is not a timm EfficientNetV2 name (expected <architecture>.<tag>, e.g. tf_efficientnetv2_s.in21k)`,
    );
  const [, arch, tag] = m;
  const in21k = /(^|_)in21k$/.test(tag);
  const fineTuned = /in21k_ft_in1k$/.test(tag);
  if (!in21k && !/in1k$/.test(tag))
    throw new Error(`'${name}': unknown pretrained tag '${tag}' (expected in1k, in21k or in21k_ft_in1k)`);
  const zooId = in21k ? `${arch}.in21k` : arch;
  const entry = getModel(zooId);
  return {
    name,
    arch,
    tag,
    source: arch.includes('tf_') ? 'TensorFlow port' : 'trained in timm',
    attention: arch.startsWith('gc_') ? 'global context' : 'SE',
    pretrain: in21k || fineTuned ? 'ImageNet-21k' : 'ImageNet-1k',
    classes: entry.spec.numClasses,
    fineTuned,
    zooId,
    params: specStats(entry.spec).params,
  };
}

/** The extra parameters a 21k classifier carries over the 1k one: (features + 1) × (21,843 − 1,000) for a linear head on `features` channels. */
export function headDifference(arch: string): number {
  return decodeName(`${arch}.in21k`).params - decodeName(`${arch}.in1k`).params;
}
