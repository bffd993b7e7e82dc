/**
 * Everything the playground shows for one state, as formatted text and layouts: the build-time
 * render and the browser's live update call this same function, so the static page and the
 * updated page cannot disagree. Pure (no DOM).
 */
import { analyze } from '../../engine/index.ts';
import { buildFromSpec } from '../../models/index.ts';
import { formatBytes, formatCompact, formatInt } from '../charts/number-format.ts';
import {
  macsCurveLayout,
  scatterLayout,
  type MacsCurveLayout,
  type ScatterLayout,
  type ScatterPoint,
} from './scaling-charts.ts';
import { constraintValue, PHI_MAX, scaledConfig, type Coefficients } from './scaling-config.ts';
import type { CurvePoint } from './scaling-curve.ts';
import { diagramLayout, type DiagramFrame, type DiagramLayout } from './scaling-diagram.ts';
import { explainGap, profileBase, type BaseProfile } from './scaling-gap.ts';
import { scaledModel, type ScaledModel } from './scaling-model.ts';
import type { ReleasedModel } from './scaling-released.ts';
import { signedDiff, stageTable } from './scaling-stage-table.ts';
import type { PlaygroundState } from '../state/scaling-url.ts';

/** What does not change while φ moves: B0, its MAC profile and the diagram's frame. */
export interface PlaygroundContext {
  readonly base: ScaledModel;
  readonly profile: BaseProfile;
}

export function playgroundContext(): PlaygroundContext {
  const base = scaledModel(scaledConfig(0));
  const layers = analyze(buildFromSpec(base.config.spec)).layers;
  return {
    base,
    profile: profileBase(
      layers,
      base.stages.map((s) => s.repeats),
    ),
  };
}

/** The diagram's frame: the largest model the slider reaches with these coefficients. */
export function diagramFrame(c: Coefficients): DiagramFrame {
  const top = scaledConfig(PHI_MAX, c);
  return { maxSide: Math.ceil(top.resolution / 2), maxChannels: Math.max(1280, scaledModel(top).head) };
}

export interface CellText {
  readonly value: string;
  readonly diff: string;
  /** The unrounded value, e.g. "c·w = 21.30", empty when nothing was rounded. */
  readonly exact: string;
}

export interface StageRowView {
  readonly id: string;
  readonly label: string;
  readonly operator: string;
  readonly resolution: CellText;
  readonly channels: CellText;
  readonly repeats: CellText;
}

export interface GapRowView {
  readonly id: string;
  readonly label: string;
  readonly factor: string;
}

export interface PlaygroundView {
  /** Key → text for every number that changes (the page marks them with data-out="key"). */
  readonly text: Readonly<Record<string, string>>;
  readonly rows: readonly StageRowView[];
  readonly gap: readonly GapRowView[];
  readonly diagram: DiagramLayout;
  readonly curve: MacsCurveLayout;
  readonly scatter: ScatterLayout;
  readonly model: ScaledModel;
}

const fixed = (v: number, d: number): string => v.toFixed(d);

/** "×1.043" or "×0.960 (−4.0 %)". */
export function factorText(f: number): string {
  const pct = (f - 1) * 100;
  const sign = pct > 0.05 ? '+' : pct < -0.05 ? '−' : '±';
  return `×${f.toFixed(3)} (${sign}${Math.abs(pct).toFixed(1)} %)`;
}

export function playgroundView(
  state: PlaygroundState,
  ctx: PlaygroundContext,
  frame: DiagramFrame,
  curve: readonly CurvePoint[],
  released: readonly Pick<ReleasedModel, 'id' | 'label' | 'macs' | 'params'>[],
): PlaygroundView {
  const config = scaledConfig(state.phi, state.coefficients);
  const model = scaledModel(config);
  const base = ctx.base;
  const gap = explainGap(ctx.profile, model);
  const k = constraintValue(state.coefficients);
  const rows = stageTable(model, base).map((r) => ({
    id: r.id,
    label: r.label,
    operator: r.operator,
    resolution: { value: String(r.resolution), diff: signedDiff(r.resolution, r.baseResolution), exact: '' },
    channels: {
      value: String(r.channels),
      diff: signedDiff(r.channels, r.baseChannels),
      exact: fixed(r.channelsExact, 2),
    },
    repeats: {
      value: String(r.repeats),
      diff: signedDiff(r.repeats, r.baseRepeats),
      exact: r.repeatsExact === r.repeats ? '' : fixed(r.repeatsExact, 2),
    },
  }));
  const formulaMacs = base.macs * k ** state.phi;
  const text: Record<string, string> = {
    phi: fixed(state.phi, 1),
    depth: fixed(config.depth, 3),
    width: fixed(config.width, 3),
    resolutionExact: fixed(config.resolutionExact, 1),
    resolution: String(config.resolution),
    gammaFactor: fixed(config.resolutionExact / 224, 3),
    constraint: fixed(k, 4),
    constraintGap: `${k >= 2 ? '+' : '−'}${Math.abs(k - 2).toFixed(4)} from 2 (${k >= 2 ? '+' : '−'}${(Math.abs(k / 2 - 1) * 100).toFixed(1)} % per unit of φ)`,
    params: formatInt(model.params),
    paramsCompact: formatCompact(model.params),
    paramsRatio: `×${(model.params / base.params).toFixed(2)} B0`,
    macs: formatInt(model.macs),
    macsCompact: formatCompact(model.macs),
    macsRatio: `×${(model.macs / base.macs).toFixed(2)} B0`,
    idealMacs: formatCompact(gap.ideal),
    idealRatio: `2^${fixed(state.phi, 1)} = ×${(2 ** state.phi).toFixed(2)}`,
    formulaMacs: formatCompact(formulaMacs),
    actualVsIdeal: factorText(model.macs / gap.ideal),
    activations: formatBytes(model.activationBytes),
    peakLive: formatBytes(model.peakLiveBytes),
    blocks: String(model.blocks),
    weightsBytes: formatBytes(model.params * 4),
  };
  const current = { phi: state.phi, ideal: gap.ideal, formula: formulaMacs, actual: model.macs };
  const points: ScatterPoint[] = [
    ...released.map((r) => ({ id: r.id, label: r.label, x: r.macs, y: r.params })),
    { id: 'current', label: `φ = ${fixed(state.phi, 1)}`, x: model.macs, y: model.params },
  ];
  return {
    text,
    rows,
    gap: gap.factors.map((f) => ({ id: f.id, label: f.label, factor: factorText(f.factor) })),
    diagram: diagramLayout(model, frame),
    curve: macsCurveLayout(curve, current),
    scatter: scatterLayout(
      points,
      curve.map((p) => [p.actual, p.params] as const),
    ),
    model,
  };
}
