/**
 * What squeeze-and-excitation costs, stage by stage, read from the engine's analysis of a zoo
 * model. SE layers are the nodes under a block's `se` scope (`blocks.<s>.<b>.se…`, timm's module
 * path): a global average pool, two 1×1 convolutions with bias on a 1×1 map, the gate and the
 * channel-wise multiply. Only the two convolutions have parameters and MACs (published.md §1).
 */
import { analyze, type LayerStats } from '../../engine/index.ts';
import { buildModel, getModel } from '../../models/index.ts';
import { formatShareOf, formatTexInt } from '../charts/number-format.ts';

export interface StageSECost {
  /** Stage index (timm `blocks.<stage>`). */
  readonly stage: number;
  readonly blocks: number;
  readonly params: number;
  readonly seParams: number;
  readonly macs: number;
  readonly seMacs: number;
}

export interface ModelSECost {
  readonly id: string;
  readonly stages: readonly StageSECost[];
  /** The whole model, stem, head and classifier included. */
  readonly params: number;
  readonly macs: number;
  readonly seParams: number;
  readonly seMacs: number;
}

/** True for a layer inside a block's squeeze-and-excitation module. */
export function isSELayer(scope: string): boolean {
  const parts = scope.split('.');
  return parts[0] === 'blocks' && parts[3] === 'se';
}

/** Groups analysed layers by stage and splits each stage's params and MACs into SE and the rest. */
export function seCostFromLayers(id: string, layers: readonly LayerStats[]): ModelSECost {
  const byStage = new Map<
    number,
    { blocks: Set<string>; params: number; seParams: number; macs: number; seMacs: number }
  >();
  let params = 0;
  let macs = 0;
  let seParams = 0;
  let seMacs = 0;
  for (const l of layers) {
    params += l.params;
    macs += l.macs;
    const se = isSELayer(l.scope);
    if (se) {
      seParams += l.params;
      seMacs += l.macs;
    }
    const parts = l.scope.split('.');
    if (parts[0] !== 'blocks' || parts.length < 3) continue;
    const stage = Number(parts[1]);
    const s = byStage.get(stage) ?? { blocks: new Set<string>(), params: 0, seParams: 0, macs: 0, seMacs: 0 };
    s.blocks.add(parts[2]);
    s.params += l.params;
    s.macs += l.macs;
    if (se) {
      s.seParams += l.params;
      s.seMacs += l.macs;
    }
    byStage.set(stage, s);
  }
  const stages = [...byStage.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([stage, s]) => ({
      stage,
      blocks: s.blocks.size,
      params: s.params,
      seParams: s.seParams,
      macs: s.macs,
      seMacs: s.seMacs,
    }));
  return { id, stages, params, macs, seParams, seMacs };
}

/** SE cost of a zoo model at its own resolution (static analysis of the declared graph: instant, no weights). */
export function modelSECost(id: string): ModelSECost {
  getModel(id);
  return seCostFromLayers(id, analyze(buildModel(id)).layers);
}

/** Share as a percentage with one decimal, for tables and bars. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0;
}

export interface BlockSECost {
  readonly scope: string;
  /** Channels SE gates and its reduced width. */
  readonly channels: number;
  readonly reduced: number;
  readonly seParams: number;
  readonly seMacs: number;
  readonly blockParams: number;
  readonly blockMacs: number;
}

/** The SE layers of one block (e.g. `blocks.5.1`) against the whole block. */
export function blockSECost(layers: readonly LayerStats[], scope: string): BlockSECost {
  const inBlock = layers.filter((l) => l.scope === scope || l.scope.startsWith(`${scope}.`));
  const reduce = inBlock.find((l) => l.opType === 'Conv' && l.scope === `${scope}.se.conv_reduce`);
  if (!reduce) throw new Error(`block '${scope}' has no squeeze-and-excitation`);
  const se = inBlock.filter((l) => isSELayer(l.scope));
  const total = (ls: readonly LayerStats[], k: 'params' | 'macs') => ls.reduce((s, l) => s + l[k], 0);
  return {
    scope,
    channels: reduce.inputDims[0][1],
    reduced: reduce.outputDims[0][1],
    seParams: total(se, 'params'),
    seMacs: total(se, 'macs'),
    blockParams: total(inBlock, 'params'),
    blockMacs: total(inBlock, 'macs'),
  };
}

/** KaTeX: the SE parameters and MACs of a block with its numbers (two 1×1 convs with bias on a 1×1 map). */
export function seBlockTex(b: BlockSECost): string {
  const C = b.channels;
  const r = b.reduced;
  return (
    `\\begin{aligned}\\text{params}_\\text{SE} &= 2\\cdot ${C}\\cdot ${r} + ${C} + ${r} = ${formatTexInt(b.seParams)} &&(${percentText(b.seParams, b.blockParams)}\\text{ of the block})\\\\` +
    `\\text{MACs}_\\text{SE} &= 2\\cdot ${C}\\cdot ${r} = ${formatTexInt(b.seMacs)} &&(${percentText(b.seMacs, b.blockMacs)}\\text{ of the block})\\end{aligned}`
  );
}

function percentText(part: number, whole: number): string {
  return formatShareOf(part, whole).replace(' %', '\\,\\%').replace('< ', '<');
}
