/**
 * explainWeightGradient(): how one element of a Conv weight's gradient was summed — for each image
 * and output position, the input value the weight multiplied in the forward pass and the output
 * gradient that came back there. This is the picture of "the gradient of a depthwise filter tap is
 * the correlation of its input plane with the output gradient plane".
 */
import type { Graph } from '../graph.ts';
import { EngineError } from '../errors.ts';
import type { ConvWeightGradExplanation, WeightGradTerm } from '../explanation.ts';
import { type ConvGeometry, convInputTap, planConvGeometry } from '../ops/conv-geometry.ts';
import type { Tensor } from '../tensor.ts';
import { convWeightGrad, weightGradAccumulation } from './conv.ts';

/** A weight element by its coordinates (m = output channel, c = channel within the group). */
export interface WeightPosition {
  m: number;
  c?: number;
  ky?: number;
  kx: number;
}

function weightFlat(g: ConvGeometry, at: number | WeightPosition): [number, number, number, number] {
  const Cg = g.C / g.group;
  const size = g.M * Cg * g.kH * g.kW;
  let flat: number;
  if (typeof at === 'number') flat = at;
  else {
    const { m, c = 0, ky = 0, kx } = at;
    if (m < 0 || m >= g.M || c < 0 || c >= Cg || ky < 0 || ky >= g.kH || kx < 0 || kx >= g.kW) {
      throw new EngineError(
        'explain',
        `weight position [${m}, ${c}, ${ky}, ${kx}] is outside [${g.M}, ${Cg}, ${g.kH}, ${g.kW}]`,
        g.node,
      );
    }
    flat = ((m * Cg + c) * g.kH + ky) * g.kW + kx;
  }
  if (!Number.isInteger(flat) || flat < 0 || flat >= size)
    throw new EngineError('explain', `weight index ${flat} is outside the weight (${size} elements)`, g.node);
  const kx = flat % g.kW;
  const ky = Math.floor(flat / g.kW) % g.kH;
  const c = Math.floor(flat / (g.kW * g.kH)) % Cg;
  const m = Math.floor(flat / (g.kW * g.kH * Cg));
  return [m, c, ky, kx];
}

/**
 * Explains dL/dW at `at` for Conv node `nodeName`, from the node's input X (the tape's) and the
 * gradient of its output (a BackwardStep's gradOutputs[0]). `reported` is the weight gradient the
 * backward pass gave (a step's weightGrads); without it the backward kernel is run for this node.
 */
export function explainWeightGradient(
  graph: Graph,
  nodeName: string,
  x: Tensor,
  gradOutput: Tensor,
  at: number | WeightPosition,
  reported?: Tensor,
): ConvWeightGradExplanation {
  const node = graph.nodes.find((n) => n.name === nodeName);
  if (!node) throw new EngineError('explain', `no node named '${nodeName}'`);
  if (node.opType !== 'Conv')
    throw new EngineError('explain', `weight gradients are explained for Conv, not ${node.opType}`, node.name);
  const w = graph.initializers.get(node.inputs[1]);
  if (!w) throw new EngineError('explain', `weight '${node.inputs[1]}' has no value`, node.name);
  const g = planConvGeometry({ node, opset: graph.opset, inputs: [x, w], values: [x, w] });
  if (!(x.data instanceof Float32Array) || !(gradOutput.data instanceof Float32Array)) {
    throw new EngineError('dtype', 'X and dY must be float32', node.name);
  }
  if (gradOutput.data.length !== g.N * g.M * g.Ho * g.Wo) {
    throw new EngineError(
      'explain',
      `dY has ${gradOutput.data.length} elements, the Conv output ${g.N * g.M * g.Ho * g.Wo}`,
      node.name,
    );
  }
  const [m, ci, ky, kx] = weightFlat(g, at);
  const Cg = g.C / g.group;
  const c = Math.floor(m / (g.M / g.group)) * Cg + ci;
  const xs = x.data;
  const dy = gradOutput.data;
  const terms: WeightGradTerm[] = [];
  let sum = 0;
  for (let n = 0; n < g.N; n++) {
    for (let oy = 0; oy < g.Ho; oy++) {
      for (let ox = 0; ox < g.Wo; ox++) {
        const tap = convInputTap(g, xs, n, c, oy, ox, ky, kx);
        const d = dy[((n * g.M + m) * g.Ho + oy) * g.Wo + ox];
        const product = tap.x * d;
        if (!tap.padding) sum += product;
        terms.push({ n, out: g.rank === 1 ? [ox] : [oy, ox], ...tap, dy: d, product });
      }
    }
  }
  const flat = ((m * Cg + ci) * g.kH + ky) * g.kW + kx;
  const gradient = reported ? Number(reported.data[flat]) : convWeightGrad(g, xs, dy)[flat];
  return {
    kind: 'conv-weight-grad',
    node: node.name,
    variant: g.variant,
    m,
    c,
    k: g.rank === 1 ? [kx] : [ky, kx],
    group: g.group,
    terms,
    sum,
    accumulation: weightGradAccumulation(g),
    gradient,
  };
}
