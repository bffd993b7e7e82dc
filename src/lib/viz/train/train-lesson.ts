/**
 * Build-time figures of the lesson "How these networks learn", all from the engine:
 *
 * - one depthwise weight's gradient in the playground's default network, explained by the
 *   engine's explainWeightGradient (the input values and output gradients whose products sum to
 *   dL/dw, checked against the gradient the backward pass reported);
 * - the experiment pairs: a standard-conv net and the depthwise-separable net closest to it in
 *   MACs, and an inverted-residual net with and without SE.
 */
import {
  executeBackward,
  explainWeightGradient,
  f32,
  trainingForward,
  type ConvWeightGradExplanation,
} from '../../engine/index.ts';
import { softmaxCrossEntropy } from '../../train/loss.ts';
import { Rng } from '../../data/rng.ts';
import { CHOICES, DEFAULT_CONFIG, type TrainConfig } from './train-config.ts';
import { configGraph, depthwiseLayers } from './train-graph.ts';
import { configStats } from './train-stats-table.ts';
import type { ConfigStats } from './train-stats.ts';

export interface GradExample {
  readonly config: TrainConfig;
  readonly layer: string;
  readonly batch: number;
  /** Output height and width of the layer (the products per image). */
  readonly outH: number;
  readonly outW: number;
  readonly explanation: ConvWeightGradExplanation;
}

/**
 * dL/dw of the centre tap of channel `m` of the first depthwise layer, for a batch of `batch`
 * seeded inputs (uniform noise, normalised like the data) with labels 0, 1, …, at the network's
 * initial weights: the products of each output position's input value and output gradient.
 */
export function depthwiseGradExample(config: TrainConfig = DEFAULT_CONFIG, batch = 2, m = 0): GradExample {
  const g = configGraph(config);
  const layer = depthwiseLayers(g)[0];
  const R = config.resolution;
  const rng = new Rng(7);
  const x = new Float32Array(batch * R * R);
  for (let i = 0; i < x.length; i++) x[i] = (rng.next() - 0.286) / 0.353;
  const input = g.inputs[0].name;
  const logits = g.outputs[0].name;
  const { tape, outputs } = trainingForward(
    g,
    { [input]: f32([batch, 1, R, R], x) },
    { training: true, inputGrads: false },
  );
  const labels = Int32Array.from({ length: batch }, (_, i) => i % 10);
  const loss = softmaxCrossEntropy(outputs[logits].data as Float32Array, batch, 10, labels, 0);
  const gen = executeBackward(tape, { [logits]: f32(outputs[logits].dims as number[], loss.grad) }, { keepTape: true });
  for (let r = gen.next(); !r.done; r = gen.next()) {
    const s = r.value;
    if (s.node.name !== layer) continue;
    const xIn = tape.records[s.index]!.inputs[0]!;
    const dy = s.gradOutputs[0]!;
    const explanation = explainWeightGradient(
      g,
      layer,
      xIn,
      dy,
      { m, ky: 1, kx: 1 },
      s.weightGrads.get(s.node.inputs[1]),
    );
    return { config, layer, batch, outH: dy.dims[2], outW: dy.dims[3], explanation };
  }
  throw new Error(`no backward step for ${layer}`);
}

export interface Experiment {
  readonly a: { readonly config: TrainConfig; readonly stats: ConfigStats };
  readonly b: { readonly config: TrainConfig; readonly stats: ConfigStats };
}

/** A standard-conv net and the depthwise-separable net (same resolution and depth, any offered width) closest to it in MACs. */
export function equalMacsExperiment(base: TrainConfig = { ...DEFAULT_CONFIG, block: 'conv', width: 0.5 }): Experiment {
  const a = { config: base, stats: configStats(base) };
  let best: Experiment['b'] | undefined;
  for (const width of CHOICES.width)
    for (const depth of CHOICES.depth) {
      const config: TrainConfig = { ...base, block: 'dsep', width, depth };
      const stats = configStats(config);
      if (!best || Math.abs(Math.log(stats.macs / a.stats.macs)) < Math.abs(Math.log(best.stats.macs / a.stats.macs)))
        best = { config, stats };
    }
  return { a, b: best! };
}

/** The inverted-residual net without and with SE, everything else equal. */
export function seExperiment(base: TrainConfig = { ...DEFAULT_CONFIG, block: 'ir', width: 0.5 }): Experiment {
  const withSe: TrainConfig = { ...base, block: 'ir-se' };
  return { a: { config: base, stats: configStats(base) }, b: { config: withSe, stats: configStats(withSe) } };
}
