/**
 * MobileNetV3 §5.3 "Large squeeze-and-excite": every SE bottleneck is 1/4 of the block's expansion
 * layer (make_divisible(·, 8), timm `se_from_exp=True`), where MnasNet took 1/4 of the block input.
 * Per SE block of a zoo model: the widths from the resolved spec and the SE's parameters and MACs
 * from the engine's analysis of the zoo graph (se-cost.ts), with what the input-based rule of
 * MnasNet §4.1 would give for the same block, by the same count (two 1×1 convs with bias).
 */
import { analyze } from '../../engine/index.ts';
import { buildModel, getModel, pyRound, resolveCnn } from '../../models/index.ts';
import { blockSECost } from './se-cost.ts';

export interface SEBlockRow {
  readonly scope: string;
  readonly inChannels: number;
  readonly midChannels: number;
  /** The SE bottleneck the zoo builds (a quarter of midChannels, rounded to a multiple of 8). */
  readonly seWidth: number;
  readonly seParams: number;
  readonly seMacs: number;
  readonly blockParams: number;
  readonly blockMacs: number;
  /** MnasNet's rule for the same block: a quarter of the block input, rounded (timm `se_from_exp=False`). */
  readonly inputRuleWidth: number;
  readonly inputRuleParams: number;
}

/** SE parameters of a C → r → C excitation: two 1×1 convs with bias on a 1×1 map. */
export function seParams(c: number, r: number): number {
  return 2 * c * r + c + r;
}

export function seBlocks(id: string): SEBlockRow[] {
  const spec = getModel(id).spec;
  if (spec.kind !== 'cnn') throw new Error(`'${id}' is not a CNN`);
  const layers = analyze(buildModel(id)).layers;
  return resolveCnn(spec)
    .blocks.filter((b) => b.attn?.kind === 'se')
    .map((b) => {
      const c = blockSECost(layers, b.scope);
      const inputRuleWidth = Math.max(1, pyRound(b.inChannels * 0.25));
      return {
        scope: b.scope,
        inChannels: b.inChannels,
        midChannels: b.midChannels,
        seWidth: c.reduced,
        seParams: c.seParams,
        seMacs: c.seMacs,
        blockParams: c.blockParams,
        blockMacs: c.blockMacs,
        inputRuleWidth,
        inputRuleParams: seParams(b.midChannels, inputRuleWidth),
      };
    });
}

export interface SETotals {
  readonly seParams: number;
  readonly seMacs: number;
  readonly inputRuleParams: number;
  readonly blocks: number;
}

export function seTotals(rows: readonly SEBlockRow[]): SETotals {
  return {
    seParams: rows.reduce((s, r) => s + r.seParams, 0),
    seMacs: rows.reduce((s, r) => s + r.seMacs, 0),
    inputRuleParams: rows.reduce((s, r) => s + r.inputRuleParams, 0),
    blocks: rows.length,
  };
}
