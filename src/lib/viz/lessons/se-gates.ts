/**
 * Runs one real squeeze-and-excitation block in the engine and reads what its three steps
 * produce, channel by channel (Hu et al., §3.1 squeeze, §3.2 excitation, scale):
 * - squeeze: the global average of each channel of the tensor entering SE;
 * - excite: the gate, sigmoid(W₂ act(W₁ z + b₁) + b₂), one number in (0, 1) per channel;
 * - scale: the average of each channel after multiplying by its gate.
 * Because the gate is one number per channel, mean(x · g) = g · mean(x): the scaled average is
 * exactly the squeezed one times the gate, which the tests check.
 *
 * The block is EfficientNet-B0's first (timm `blocks.0.0`: 3×3 depthwise on 32 channels → SE with
 * 8 reduced channels → 1×1 conv to 16), built by the zoo behind its stem on a 224×224 input, with
 * the zoo's deterministic **untrained** weights (`materialize`): the gates show the mechanism, not
 * what a trained network has learned.
 */
import { runGraph, type Graph, type Tensor } from '../../engine/index.ts';
import { buildFromSpec, efficientNetSpec, materialize, referenceInput, type CnnSpec } from '../../models/index.ts';

export interface GateRun {
  readonly scope: string;
  readonly channels: number;
  readonly seWidth: number;
  readonly resolution: number;
  readonly seed: number;
  readonly squeeze: readonly number[];
  readonly gates: readonly number[];
  readonly scaled: readonly number[];
}

export const SE_BLOCK_SCOPE = 'blocks.0.0.se';

/** EfficientNet-B0 cut after its first block: stem + blocks.0.0, no head (classifier on 16 channels). */
export function firstBlockSpec(resolution = 224): CnnSpec {
  const b0 = efficientNetSpec(1, 1, resolution);
  return { ...b0, arch: [b0.arch[0]], head: { kind: 'none' }, numClasses: 10 };
}

function outputOf(graph: Graph, values: Record<string, Tensor>, opType: string, scope: string): Float32Array {
  const node = graph.nodes.find((n) => n.opType === opType && n.scope === scope);
  if (!node) throw new Error(`no ${opType} node under '${scope}' in the built block`);
  const t = values[node.outputs[0]];
  if (!t) throw new Error(`the run kept no value for '${node.outputs[0]}'`);
  return t.data as Float32Array;
}

function channelMeans(data: Float32Array, channels: number): number[] {
  const inner = data.length / channels;
  return Array.from({ length: channels }, (_, c) => {
    let s = 0;
    for (let i = 0; i < inner; i++) s += data[c * inner + i];
    return s / inner;
  });
}

/** Materialises the block with `seed`, runs it on the reference input for `seed`, and returns the three steps. */
export function runSEBlock(seed = 0, resolution = 224): GateRun {
  const graph = materialize(buildFromSpec(firstBlockSpec(resolution)), seed);
  const values = runGraph(graph, { input: referenceInput(resolution, seed) }, { keepAll: true });
  const squeeze = Array.from(outputOf(graph, values, 'GlobalAveragePool', SE_BLOCK_SCOPE));
  const gates = Array.from(outputOf(graph, values, 'Sigmoid', `${SE_BLOCK_SCOPE}.gate`));
  const channels = gates.length;
  const scaled = channelMeans(outputOf(graph, values, 'Mul', SE_BLOCK_SCOPE), channels);
  const reduce = graph.nodes.find((n) => n.opType === 'Conv' && n.scope === `${SE_BLOCK_SCOPE}.conv_reduce`)!;
  const w = graph.initializers.get(reduce.inputs[1])!;
  return { scope: SE_BLOCK_SCOPE, channels, seWidth: w.dims[0], resolution, seed, squeeze, gates, scaled };
}
