/**
 * The NetAdapt stepper of the MobileNetV3 lesson on the kit: its two selects, and the whole view of
 * a step (the loop rerun from the seed: scene, read-outs, this step's best proposals as table rows)
 * from the pure loop in mbv3-netadapt.ts. The build and the browser both call `netAdaptView`.
 */
import { selectControl, type ControlSpec, type Readout } from '../kit/controls.ts';
import type { Scene } from '../kit/marks.ts';
import { formatInt, formatShare } from '../charts/number-format.ts';
import {
  adaptScene,
  proposals,
  runSteps,
  seedState,
  stateMacs,
  type AdaptBlock,
  type Metric,
  type StandIn,
} from './mbv3-netadapt.ts';

export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  ratio: 'MobileNetV3: max ΔAcc / |ΔMACs|',
  'min-drop': 'NetAdapt: smallest accuracy drop',
};
export const STANDIN_LABELS: Readonly<Record<StandIn, string>> = {
  channels: "share of the layer's channels cut",
  params: "share of the network's parameters cut",
};

export function netAdaptControls(metric: Metric = 'ratio', standIn: StandIn = 'channels'): ControlSpec[] {
  return [
    selectControl('metric', 'Selection rule', metric, METRIC_LABELS),
    selectControl('standin', 'ΔAcc stand-in', standIn, STANDIN_LABELS),
  ];
}

export interface NetAdaptView {
  /** Steps actually taken (fewer than asked when no proposal is left). */
  readonly step: number;
  readonly scene: Scene;
  readonly readouts: Readout[];
  /** The five best proposals: [block scope, "from→to", ΔMACs, ΔAcc stand-in, score]; the first is applied next. */
  readonly rows: [string, string, string, string, string][];
}

const sig = (v: number): string => v.toFixed(3).replace('-', '−');

/** δ of MobileNetV3 §4.2, in MACs: 1 % of the seed's block MACs. */
export function deltaOf(blocks: readonly AdaptBlock[]): number {
  return 0.01 * stateMacs(blocks, seedState(blocks));
}

export function netAdaptView(
  blocks: readonly AdaptBlock[],
  steps: number,
  metric: Metric,
  standIn: StandIn,
): NetAdaptView {
  const seedMacs = stateMacs(blocks, seedState(blocks));
  const delta = deltaOf(blocks);
  const { state, picks } = runSteps(blocks, steps, metric, standIn);
  const macs = stateMacs(blocks, state);
  const ps = proposals(blocks, state, delta, metric, standIn);
  return {
    step: state.step,
    scene: adaptScene(blocks, state, picks[picks.length - 1]),
    readouts: [
      { key: 'step', label: 'Step', value: String(state.step) },
      { key: 'macs', label: 'Block MACs', value: formatInt(macs) },
      { key: 'share', label: "Of the seed's", value: formatShare(macs / seedMacs) },
      { key: 'delta', label: 'δ (1 % of the seed)', value: `${formatInt(delta)} MACs` },
      { key: 'count', label: 'Proposals this step', value: String(ps.length) },
    ],
    rows: ps.slice(0, 5).map((p) => [p.scope, `${p.from}→${p.to}`, formatInt(p.dMacs), sig(p.dAcc), sig(p.score)]),
  };
}
