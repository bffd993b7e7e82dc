/**
 * How wide each family's squeeze-and-excitation bottleneck is, read from the zoo's resolved specs
 * (the same record the graph builder uses). SE always gates the expanded tensor; what differs is
 * the channel count its reduction is taken from (published.md §2.4):
 * - EfficientNet and MnasNet-A1: a quarter of the block's **input** channels (timm
 *   `se_from_exp=False`, TF `input_filters * se_ratio`), rounded to the nearest integer;
 * - MobileNetV3: a quarter of the **expanded** channels, rounded with make_divisible(·, 8)
 *   (MobileNetV3 §5.3, "fixed to be 1/4 of the number of channels in expansion layer").
 */
import { getModel, resolveCnn } from '../../models/index.ts';

export interface SEWidthRow {
  readonly stage: number;
  /** Block indices in the stage that share these widths, e.g. "0" or "1–3". */
  readonly blocks: string;
  readonly inChannels: number;
  readonly midChannels: number;
  readonly seWidth: number;
  /** The channel count the quarter is taken of. */
  readonly basis: 'input' | 'expanded';
  /** seWidth / midChannels: how hard the gate's bottleneck squeezes the tensor it gates. */
  readonly squeeze: number;
}

/** One row per run of consecutive blocks with the same (in, mid, SE width), SE blocks only. */
export function seWidths(id: string): SEWidthRow[] {
  const spec = getModel(id).spec;
  if (spec.kind !== 'cnn') throw new Error(`'${id}' is not a CNN; it has no squeeze-and-excitation`);
  const basis: SEWidthRow['basis'] = spec.attn?.kind === 'se' && spec.attn.fromExpanded ? 'expanded' : 'input';
  const rows: (SEWidthRow & { last: number })[] = [];
  for (const b of resolveCnn(spec).blocks) {
    if (!b.attn || b.attn.kind !== 'se') continue;
    const prev = rows[rows.length - 1];
    if (
      prev &&
      prev.stage === b.stage &&
      prev.last === b.index - 1 &&
      prev.inChannels === b.inChannels &&
      prev.midChannels === b.midChannels &&
      prev.seWidth === b.attn.width
    ) {
      const first = prev.blocks.split('–')[0];
      rows[rows.length - 1] = { ...prev, blocks: `${first}–${b.index}`, last: b.index };
      continue;
    }
    rows.push({
      stage: b.stage,
      blocks: String(b.index),
      last: b.index,
      inChannels: b.inChannels,
      midChannels: b.midChannels,
      seWidth: b.attn.width,
      basis,
      squeeze: b.attn.width / b.midChannels,
    });
  }
  return rows.map(({ last: _last, ...r }) => r);
}

/** Input, expanded and SE widths of one block (`blocks.<stage>.<index>`) of a zoo model. */
export function seBlockWidths(id: string, scope: string): { inChannels: number; midChannels: number; seWidth: number } {
  const spec = getModel(id).spec;
  if (spec.kind !== 'cnn') throw new Error(`'${id}' is not a CNN; it has no squeeze-and-excitation`);
  const b = resolveCnn(spec).blocks.find((x) => x.scope === scope);
  if (!b) throw new Error(`'${id}' has no block '${scope}'`);
  if (!b.attn || b.attn.kind !== 'se') throw new Error(`block '${scope}' of '${id}' has no squeeze-and-excitation`);
  return { inChannels: b.inChannels, midChannels: b.midChannels, seWidth: b.attn.width };
}
