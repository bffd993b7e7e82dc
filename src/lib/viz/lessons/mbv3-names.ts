/**
 * A decoder of timm's MobileNetV3 model names, `[tf_]mobilenetv3_<large|small>[_minimal]_<NNN>` or
 * `mobilenetv3_rw`, with an optional pretrained tag after a dot (timm's `model.tag` convention,
 * `mobilenetv3.py` default_cfgs). Each decoded part is checked against the zoo's spec for that id,
 * so a decoder that misreads a name fails its tests instead of teaching the wrong thing.
 */
import { resolveCnn } from '../../models/resolve.ts';
import { getModel } from '../../models/zoo.ts';
import type { CnnSpec } from '../../models/spec.ts';

export interface NamePart {
  /** The characters of the name this part covers. */
  readonly text: string;
  readonly meaning: string;
  /** What the zoo's spec says for this part (the check), e.g. "padding: same, BN eps 0.001". */
  readonly check: string;
  readonly ok: boolean;
}

export interface DecodedName {
  readonly name: string;
  /** The zoo entry the name resolves to (the base id; the 21k tag has its own entry). */
  readonly zooId: string;
  readonly parts: readonly NamePart[];
  readonly size: 'large' | 'small';
  readonly width: number;
  readonly minimal: boolean;
  readonly tf: boolean;
  readonly rw: boolean;
  readonly tag?: string;
}

const NAME = /^(tf_)?mobilenetv3_(?:(rw)|(large|small)(_minimal)?_(\d{3}))(?:\.([a-z0-9_]+))?$/;

/** What each word of a pretrained tag means (timm's tag names; MIIL = the ImageNet-21K-P release, Ridnik et al. 2021). */
const TAG_WORDS: Record<string, string> = {
  in1k: 'trained on ImageNet-1k',
  in21k: 'trained on ImageNet-21K-P (11,221 classes)',
  miil: 'weights from Alibaba MIIL (the ImageNet-21K-P paper)',
  ra: "timm's RandAugment recipe",
  rmsp: "timm's RMSProp recipe",
  lamb: "timm's LAMB-optimizer recipe",
  ft: 'then fine-tuned',
};

function tagMeaning(tag: string): string {
  const words = tag.split('_');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'ft' && words[i + 1] === 'in1k') {
      out.push('then fine-tuned on ImageNet-1k');
      i++;
      continue;
    }
    const m = TAG_WORDS[w];
    if (!m)
      throw new Error(
        `unknown word '${w}' in the pretrained tag '${tag}'; known: ${Object.keys(TAG_WORDS).join(', ')}`,
      );
    out.push(m);
  }
  return out.join(', ');
}

/** Decodes a timm MobileNetV3 name; throws a message saying what was expected when it is not one. */
export function decodeName(raw: string): DecodedName {
  const name = raw.trim();
  const m = NAME.exec(name);
  if (!m) {
    throw new Error(
      `'${raw}' is not a timm MobileNetV3 name: expected [tf_]mobilenetv3_large|small[_minimal]_NNN or mobilenetv3_rw, optionally .tag (e.g. tf_mobilenetv3_large_075.in1k)`,
    );
  }
  const [, tfPre, rwPart, sizePart, minimalPart, digits, tag] = m;
  const base = name.split('.')[0];
  const zooId = tag === 'miil_in21k' ? name : base;
  const entry = getModel(zooId);
  const spec = entry.spec as CnnSpec;
  const tf = Boolean(tfPre);
  const rw = Boolean(rwPart);
  const size = (sizePart ?? 'large') as 'large' | 'small';
  const minimal = Boolean(minimalPart);
  const width = digits ? Number(digits) / 100 : 1;
  const headFeatures = spec.head.kind === 'efficient' ? spec.head.features : NaN;
  const blocks = resolveCnn(spec).blocks;
  const seBlocks = blocks.filter((b) => b.attn).length;
  const kernels = [...new Set(blocks.map((b) => b.kernel))].filter((k) => k > 1).sort();
  const hswish = blocks.filter((b) => b.act === 'hard_swish').length;
  const bnecks = blocks.filter((b) => b.type !== 'cn').length;
  const parts: NamePart[] = [];
  parts.push(
    tf
      ? {
          text: 'tf_',
          meaning: "ported from TensorFlow's weights: TF 'SAME' padding and BatchNorm ε = 0.001",
          check: `padding ${spec.padding}, BN ε ${spec.bnEps}`,
          ok: spec.padding === 'same' && spec.bnEps === 1e-3,
        }
      : {
          text: '(no tf_)',
          meaning: 'trained in PyTorch: symmetric padding',
          check: `padding ${spec.padding}`,
          ok: spec.padding === 'symmetric',
        },
  );
  parts.push({
    text: 'mobilenetv3',
    meaning: 'the family (Howard et al. 2019)',
    check: `family ${spec.family}`,
    ok: spec.family === 'MobileNetV3',
  });
  if (rw) {
    parts.push({
      text: '_rw',
      meaning:
        "Ross Wightman's own version, written before the paper's code was out: Large, first block without skip, head conv without bias",
      check: `head bias ${spec.head.kind === 'efficient' ? spec.head.bias : '—'}, ${headFeatures} features`,
      ok: spec.head.kind === 'efficient' && !spec.head.bias && headFeatures === 1280,
    });
  } else {
    parts.push({
      // The block count is the zoo's (every block but the final 1×1 conv); the widths are Tables 1 and 2.
      text: `_${size}`,
      meaning: `MobileNetV3-${size === 'large' ? 'Large (Table 1)' : 'Small (Table 2)'}: ${bnecks} bneck blocks, ${size === 'large' ? 1280 : 1024}-wide last layer`,
      check: `${headFeatures} features in the last layer`,
      ok: headFeatures === (size === 'large' ? 1280 : 1024),
    });
    if (minimal) {
      parts.push({
        text: '_minimal',
        meaning: 'no SE, no hard-swish (ReLU everywhere), 3×3 kernels only',
        check: `${seBlocks} SE blocks, ${hswish} hard-swish blocks, kernels ${kernels.join(', ')}`,
        ok: seBlocks === 0 && hswish === 0 && kernels.join() === '3',
      });
    }
    parts.push({
      text: `_${digits}`,
      meaning: `width multiplier ${width}`,
      check: `width ${spec.width}`,
      ok: spec.width === width,
    });
  }
  if (tag) {
    parts.push({
      text: `.${tag}`,
      meaning: `pretrained weights: ${tagMeaning(tag)}`,
      check: `${spec.numClasses} classes in the zoo's head`,
      ok: spec.numClasses === (tag === 'miil_in21k' ? 11221 : 1000),
    });
  }
  return { name, zooId, parts, size, width, minimal, tf, rw, tag };
}

/** The names the decoder is shown with: the seed overview's timm names, in its order. */
export const SEED_NAMES = [
  'mobilenetv3_large_100.ra_in1k',
  'mobilenetv3_large_100.miil_in21k',
  'mobilenetv3_large_100.miil_in21k_ft_in1k',
  'mobilenetv3_rw.rmsp_in1k',
  'mobilenetv3_small_050.lamb_in1k',
  'mobilenetv3_small_075.lamb_in1k',
  'mobilenetv3_small_100.lamb_in1k',
  'tf_mobilenetv3_large_075.in1k',
  'tf_mobilenetv3_large_100.in1k',
  'tf_mobilenetv3_large_minimal_100.in1k',
  'tf_mobilenetv3_small_075.in1k',
  'tf_mobilenetv3_small_100.in1k',
  'tf_mobilenetv3_small_minimal_100.in1k',
] as const;
