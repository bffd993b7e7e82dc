/**
 * NetAdapt as MobileNetV3 §4.2 runs it, as a loop a reader can step: start from a seed network;
 * at each step generate proposals that each cut the cost by at least δ = 1 % of the seed's
 * (§4.2: δ = 0.01|L|), score each, keep the best, repeat until the target. The paper's proposals
 * are "reduce the size of any expansion layer" and "reduce bottleneck in all blocks that share the
 * same bottleneck size"; this stepper makes the first kind on MobileNetV3-Large's blocks.
 *
 * Two things the page cannot do are replaced, and the lesson says so: the cost is MACs (the paper
 * measures latency on a Pixel phone), and ΔAcc, which the paper gets from fine-tuning every
 * proposal for T = 10,000 steps, is a stand-in the reader picks (share of the network's
 * parameters removed, or share of the layer's channels removed). The selection rules are the
 * paper's: NetAdapt's original "minimize the accuracy change" (Yang et al. 2018) and MobileNetV3's
 * "maximize ΔAcc / |ΔLatency|".
 */
import { makeDivisible } from '../../models/make-divisible.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export type Metric = 'ratio' | 'min-drop';
export type StandIn = 'params' | 'channels';

/** The expandable blocks of the seed (ir blocks), their fixed shape and their expansion width. */
export interface AdaptBlock {
  readonly scope: string;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
  readonly inSize: number;
  readonly outSize: number;
  readonly se: boolean;
  readonly seedMid: number;
}

export interface AdaptState {
  /** Current expansion width per block (same order as `blocks`). */
  readonly mids: readonly number[];
  readonly step: number;
}

export interface Proposal {
  readonly index: number;
  readonly scope: string;
  readonly from: number;
  readonly to: number;
  readonly dMacs: number;
  readonly dParams: number;
  /** The stand-in ΔAcc (negative: accuracy lost), in "points" of the chosen stand-in. */
  readonly dAcc: number;
  readonly score: number;
}

/** The SE width MobileNetV3 derives from an expansion width (§5.3: ¼ of it, a multiple of 8). */
export const seWidthOf = (mid: number): number => makeDivisible(mid * 0.25, 8);

/** MACs of an inverted residual with expansion `mid`: expand, depthwise, SE (on a 1×1 map), project. */
export function blockMacs(b: AdaptBlock, mid: number): number {
  const se = b.se ? 2 * mid * seWidthOf(mid) : 0;
  return (
    b.inSize ** 2 * b.inChannels * mid +
    b.outSize ** 2 * mid * b.kernel ** 2 +
    se +
    b.outSize ** 2 * mid * b.outChannels
  );
}

/** Parameters of the same block (PyTorch convention: BN weight and bias, no running statistics). */
export function blockParams(b: AdaptBlock, mid: number): number {
  const r = seWidthOf(mid);
  const se = b.se ? 2 * mid * r + mid + r : 0;
  return b.inChannels * mid + 2 * mid + mid * b.kernel ** 2 + 2 * mid + se + mid * b.outChannels + 2 * b.outChannels;
}

export function seedState(blocks: readonly AdaptBlock[]): AdaptState {
  return { mids: blocks.map((b) => b.seedMid), step: 0 };
}

export function stateMacs(blocks: readonly AdaptBlock[], s: AdaptState): number {
  return blocks.reduce((t, b, i) => t + blockMacs(b, s.mids[i]), 0);
}

export function stateParams(blocks: readonly AdaptBlock[], s: AdaptState): number {
  return blocks.reduce((t, b, i) => t + blockParams(b, s.mids[i]), 0);
}

/**
 * This step's proposals: for each block, the smallest cut of its expansion layer, in steps of 8
 * channels, that saves at least δ MACs (none when even 8 channels left would not). ΔAcc is the
 * stand-in: minus the percentage of the seed's block parameters removed, or minus the percentage
 * of the layer's channels removed. Score: ΔAcc/|ΔMACs| (in points per million MACs) for 'ratio',
 * ΔAcc for 'min-drop'; the best proposal has the highest score.
 */
export function proposals(
  blocks: readonly AdaptBlock[],
  s: AdaptState,
  delta: number,
  metric: Metric,
  standIn: StandIn,
): Proposal[] {
  const total = stateParams(blocks, { mids: blocks.map((b) => b.seedMid), step: 0 });
  const out: Proposal[] = [];
  blocks.forEach((b, i) => {
    const from = s.mids[i];
    const base = blockMacs(b, from);
    for (let to = from - 8; to >= 8; to -= 8) {
      const dMacs = blockMacs(b, to) - base;
      if (-dMacs < delta) continue;
      const dParams = blockParams(b, to) - blockParams(b, from);
      const dAcc = standIn === 'params' ? (100 * dParams) / total : (-100 * (from - to)) / from;
      const score = metric === 'ratio' ? dAcc / (Math.abs(dMacs) / 1e6) : dAcc;
      out.push({ index: i, scope: b.scope, from, to, dMacs, dParams, dAcc, score });
      break;
    }
  });
  return out.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** One NetAdapt step: apply the best proposal (the first after sorting); null when none is left. */
export function adaptStep(
  blocks: readonly AdaptBlock[],
  s: AdaptState,
  delta: number,
  metric: Metric,
  standIn: StandIn,
): { state: AdaptState; picked: Proposal } | null {
  const ps = proposals(blocks, s, delta, metric, standIn);
  if (ps.length === 0) return null;
  const picked = ps[0];
  const mids = s.mids.slice();
  mids[picked.index] = picked.to;
  return { state: { mids, step: s.step + 1 }, picked };
}

/** Runs `steps` steps from the seed (what the stepper shows after that many presses). */
export function runSteps(
  blocks: readonly AdaptBlock[],
  steps: number,
  metric: Metric,
  standIn: StandIn,
): { state: AdaptState; picks: Proposal[] } {
  const delta = 0.01 * stateMacs(blocks, seedState(blocks));
  let state = seedState(blocks);
  const picks: Proposal[] = [];
  for (let k = 0; k < steps; k++) {
    const r = adaptStep(blocks, state, delta, metric, standIn);
    if (!r) break;
    state = r.state;
    picks.push(r.picked);
  }
  return { state, picks };
}

export const ADAPT_PLOT = { width: 560, height: 220, left: 8, bottom: 24, top: 8 } as const;

/** One bar per block: the seed's expansion width as an outline, the current width filled, the last pick marked. */
export function adaptScene(blocks: readonly AdaptBlock[], s: AdaptState, last?: Proposal): Scene {
  const { width, height, left, bottom, top } = ADAPT_PLOT;
  const max = Math.max(...blocks.map((b) => b.seedMid));
  const slot = (width - left) / blocks.length;
  const h = (v: number): number => (v / max) * (height - top - bottom);
  const marks: Mark[] = [];
  blocks.forEach((b, i) => {
    const x = left + i * slot + 2;
    const w = slot - 4;
    marks.push({
      kind: 'rect',
      key: `seed${i}`,
      class: 'mbv3-bar removed',
      x,
      y: height - bottom - h(b.seedMid),
      width: w,
      height: h(b.seedMid),
      title: `${b.scope}: seed expansion ${b.seedMid}`,
    });
    marks.push({
      kind: 'rect',
      key: `cur${i}`,
      class: last?.index === i ? 'mbv3-bar pooled' : 'mbv3-bar',
      x,
      y: height - bottom - h(s.mids[i]),
      width: w,
      height: h(s.mids[i]),
      title: `${b.scope}: expansion ${s.mids[i]} of ${b.seedMid}`,
      data: { mid: s.mids[i] },
    });
  });
  marks.push({
    kind: 'text',
    key: 'lab0',
    class: 'mbv3-tick',
    x: left,
    y: height - 6,
    text: 'first block',
    anchor: 'start',
  });
  marks.push({
    kind: 'text',
    key: 'lab1',
    class: 'mbv3-tick',
    x: width,
    y: height - 6,
    text: 'last block',
    anchor: 'end',
  });
  return {
    width,
    height,
    marks,
    label: `Expansion widths of MobileNetV3-Large's ${blocks.length} inverted-residual blocks after ${s.step} NetAdapt steps: ${s.mids.join(', ')}`,
  };
}
