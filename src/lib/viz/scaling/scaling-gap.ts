/**
 * Why the actual MACs of a scaled model are not 2^φ × B0: a decomposition into factors whose
 * product is exactly actual / ideal.
 *
 * The paper's argument (§3.3): MACs ∝ d·w²·r², so with α·β²·γ² = 2 they grow by 2^φ. Three
 * things break the equality, and each is measured here:
 *  1. the coefficients: 1.2·1.1²·1.15² = 1.92, not 2 (the paper writes "≈ 2");
 *  2. the structure: not every layer grows with w² and r². A depthwise conv's MACs grow with w
 *     (one input channel per group), the stem reads 3 image channels, the classifier writes 1000
 *     classes, SE convs and the classifier run on 1×1 maps (no r²), and the stem and head do not
 *     repeat (no d). Summing each B0 layer's MACs × d^a·w^b·r^c with its own exponents gives the
 *     "continuous" model: B0 scaled exactly, with no rounding;
 *  3. the rounding: resolution to a multiple of 8, repeats by ceil per stage, channels by
 *     make_divisible (8, 10 % rule) and feature maps by ceil(H / stride). The first two are
 *     applied to the continuous model one at a time; what remains (channel rounding and the
 *     ceil of feature maps) is the last factor, so the product is exact.
 */
import type { LayerStats } from '../../engine/index.ts';
import { BASE_RESOLUTION, constraintValue, type ScaledConfig } from './scaling-config.ts';
import type { ScaledModel } from './scaling-model.ts';

/** One B0 layer with MACs: its stage (−1 outside the blocks) and how it scales. */
export interface ProfiledLayer {
  readonly macs: number;
  readonly stage: number;
  /** Exponent of w: 2 when both input-per-group and output channels scale, 1 when one does. */
  readonly wExp: 0 | 1 | 2;
  /** Exponent of r: 2 on spatial maps, 0 on 1×1 maps (SE, classifier after pooling). */
  readonly rExp: 0 | 2;
}

export interface BaseProfile {
  readonly macs: number;
  readonly layers: readonly ProfiledLayer[];
  /** B0's repeats per stage. */
  readonly repeats: readonly number[];
}

/** Profiles B0's MAC layers from its analysis: channels fixed by the data (3 in, classes out) do not scale. */
export function profileBase(layers: readonly LayerStats[], repeats: readonly number[], imageChannels = 3): BaseProfile {
  const out: ProfiledLayer[] = [];
  let total = 0;
  const classifierOut = layers.filter((l) => l.macs > 0).at(-1)?.outputDims[0][1];
  for (const l of layers) {
    if (l.macs === 0) continue;
    total += l.macs;
    const inPerGroup = l.inputDims[0][1] / (l.group ?? 1);
    const outCh = l.outputDims[0][1];
    const isClassifier = l.opType !== 'Conv';
    const inScales = inPerGroup > 1 && !(l.opType === 'Conv' && l.inputDims[0][1] === imageChannels);
    const outScales = !(isClassifier && outCh === classifierOut);
    const spatial = l.outputDims[0].length === 4 ? l.outputDims[0][2] * l.outputDims[0][3] : 1;
    const scope = l.scope;
    const stage = scope.startsWith('blocks.') ? Number(scope.slice(7, scope.indexOf('.', 7))) : -1;
    out.push({
      macs: l.macs,
      stage,
      wExp: ((inScales ? 1 : 0) + (outScales ? 1 : 0)) as 0 | 1 | 2,
      rExp: spatial > 1 ? 2 : 0,
    });
  }
  return { macs: total, layers: out, repeats };
}

/** MACs of B0 scaled without rounding; optionally with the real resolution and per-stage ceil'd depth. */
export function continuousMacs(
  base: BaseProfile,
  config: ScaledConfig,
  o: { roundedResolution?: boolean; ceilDepth?: boolean } = {},
): number {
  const r = (o.roundedResolution ? config.resolution : config.resolutionExact) / BASE_RESOLUTION;
  const depthOf = (stage: number): number => {
    if (stage < 0) return 1;
    if (!o.ceilDepth) return config.depth;
    const n = base.repeats[stage];
    return Math.ceil(n * config.depth) / n;
  };
  let sum = 0;
  for (const l of base.layers) sum += l.macs * depthOf(l.stage) * config.width ** l.wExp * r ** l.rExp;
  return sum;
}

export interface GapFactor {
  readonly id: 'constraint' | 'structure' | 'resolution' | 'depth' | 'channels';
  readonly label: string;
  readonly factor: number;
}

export interface GapExplanation {
  readonly ideal: number;
  readonly actual: number;
  readonly factors: readonly GapFactor[];
}

/** actual / (2^φ · B0) as a product of the five factors above (their product equals the ratio up to float error). */
export function explainGap(base: BaseProfile, model: ScaledModel): GapExplanation {
  const config = model.config;
  const ideal = base.macs * 2 ** config.phi;
  const formula = base.macs * constraintValue(config.coefficients) ** config.phi;
  const cont = continuousMacs(base, config);
  const contRes = continuousMacs(base, config, { roundedResolution: true });
  const contResDepth = continuousMacs(base, config, { roundedResolution: true, ceilDepth: true });
  const c = config.coefficients;
  return {
    ideal,
    actual: model.macs,
    factors: [
      {
        id: 'constraint',
        label: `α·β²·γ² = ${constraintValue(c).toFixed(4)} per unit of φ instead of 2`,
        factor: formula / ideal,
      },
      {
        id: 'structure',
        label: 'layers that do not grow with w² and r² (depthwise, stem, classifier, SE) or do not repeat',
        factor: cont / formula,
      },
      {
        id: 'resolution',
        label: `resolution ${config.resolutionExact.toFixed(1)} rounded to ${config.resolution}`,
        factor: contRes / cont,
      },
      { id: 'depth', label: 'repeats rounded up per stage (ceil)', factor: contResDepth / contRes },
      {
        id: 'channels',
        label: 'channels rounded to multiples of 8 (10 % rule) and feature maps by ceil(H / stride)',
        factor: model.macs / contResDepth,
      },
    ],
  };
}
