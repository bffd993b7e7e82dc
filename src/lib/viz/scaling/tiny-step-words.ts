/**
 * The compound step's factors (tiny-step-factors.ts) in words and read-outs: each factor against
 * Equation 3's, and what the zoo's rounding did to the repeats, channels and map sides. Every
 * number is read from the CompoundStep; nothing here is typed.
 */
import type { Readout } from '../kit/controls.ts';
import { TINY_RESOLUTION } from '../../models/tiny-specs.ts';
import type { CompoundStep, StepFactor } from './tiny-step-factors.ts';

export const times = (v: number): string => `${v.toFixed(2)}×`;

const DIM_WORD: Record<StepFactor['dim'], string> = { depth: 'Depth', width: 'Width', resolution: 'Resolution' };
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** n as superscript digits, none for 1: α, β², γ⁴. */
const sup = (n: number): string => (n === 1 ? '' : [...String(n)].map((d) => SUP[Number(d)]).join(''));
/** Equation 3's factor of a dimension at φ: α^φ on depth, β^2φ and γ^2φ on the MACs (w², r²). */
const ruleWord = (dim: StepFactor['dim'], phi: number): string =>
  dim === 'depth' ? `α${sup(phi)}` : dim === 'width' ? `β${sup(2 * phi)}` : `γ${sup(2 * phi)}`;

/** "1 → 2 in 5 stages, 2 → 3 in 2": each distinct change of a per-stage number, with how many stages made it. */
export function stageChanges(before: readonly number[], after: readonly number[]): string {
  const counts = new Map<string, number>();
  before.forEach((b, i) => {
    const k = b === after[i] ? `${b} unchanged` : `${b} → ${after[i]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  return [...counts].map(([k, n]) => `${k} in ${n === 1 ? 'one stage' : `${n} stages`}`).join(', ');
}

/** Why a factor is what it is, from the shapes the zoo built. */
export function factorReason(step: CompoundStep, f: StepFactor): string {
  const { before: b, after: a } = f;
  if (f.dim === 'depth') {
    const nb = b.repeats.reduce((s, r) => s + r, 0);
    const na = a.repeats.reduce((s, r) => s + r, 0);
    return (
      `repeats × ${step.depth.toFixed(2)}, rounded up per stage (ceil): ${stageChanges(b.repeats, a.repeats)}; ` +
      `${nb} → ${na} blocks, ${times(na / nb)} (the stem and head do not repeat)`
    );
  }
  if (f.dim === 'width') {
    const same = b.channels.filter((c, i) => c === a.channels[i]);
    const grown = b.channels.map((c, i) => [c, a.channels[i]]).filter(([c, d]) => c !== d);
    const parts = [
      same.length ? `${same.join(', ')} stay` : '',
      grown.length ? `${grown.map(([c, d]) => `${c} → ${d}`).join(', ')}` : '',
      b.head === a.head ? `head ${b.head} stays` : `head ${b.head} → ${a.head}`,
      b.stem === a.stem ? `stem ${b.stem} stays` : `stem ${b.stem} → ${a.stem}`,
    ].filter(Boolean);
    return `channels × ${step.width.toFixed(2)}, rounded to multiples of 8 (10 % rule): ${parts.join('; ')}`;
  }
  const lastB = b.maps.at(-1)!;
  const lastA = a.maps.at(-1)!;
  return (
    `side ${TINY_RESOLUTION} × ${+(step.sideExact / TINY_RESOLUTION).toFixed(4)} = ${step.sideExact.toFixed(1)} → ` +
    `${step.side} px, (${step.side} / ${TINY_RESOLUTION})² = ${times((step.side / TINY_RESOLUTION) ** 2)}; but each ` +
    `stride-2 layer takes ceil(side / 2), so the maps go ${b.maps.join(', ')} → ${a.maps.join(', ')}: the last ` +
    `stages' ${lastB} × ${lastB} maps become ${lastA} × ${lastA}, ${times((lastA / lastB) ** 2)} the pixels`
  );
}

export interface FactorRow {
  readonly dim: StepFactor['dim'];
  readonly label: string;
  readonly rule: string;
  readonly built: string;
  readonly reason: string;
}

/** One row per factor (their product is in the read-outs). */
export function factorRows(step: CompoundStep): FactorRow[] {
  return [
    ...step.factors.map((f) => ({
      dim: f.dim,
      label: DIM_WORD[f.dim],
      rule: `${ruleWord(f.dim, step.phi)} = ${times(f.rule)}`,
      built: times(f.built),
      reason: factorReason(step, f),
    })),
  ];
}

/** The step in read-outs: B_φ / B0 built against Equation 3, then each factor. */
export function stepReadouts(step: CompoundStep): Readout[] {
  return [
    {
      key: `step${step.phi}-total`,
      label: `B${step.phi} / B0 MACs`,
      value: times(step.built),
      detail: `(Equation 3: ${times(step.rule)})`,
    },
    ...step.factors.map((f) => ({
      key: `step${step.phi}-${f.dim}`,
      label: `${DIM_WORD[f.dim]} factor`,
      value: times(f.built),
      detail: `(${ruleWord(f.dim, step.phi)} = ${times(f.rule)})`,
    })),
  ];
}

/** The step's φ in Equation 3's sense: log(built) / log(α·β²·γ²), what φ would cost as much without rounding. */
export function equivalentPhi(step: CompoundStep): number {
  return Math.log(step.built) / Math.log(step.rule ** (1 / step.phi));
}
