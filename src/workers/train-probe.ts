/**
 * What the training playground computes to look inside a network, DOM-free (Node tests drive it):
 * - `probeWeights`, sent every few progress reports while a run trains (and whenever the reader
 *   picks another layer or image): the chosen depthwise layer's output on one chosen test image
 *   (inference mode, running statistics) and every Conv/Gemm weight's gradient norm on a fixed
 *   batch of four training images. Nothing is updated.
 * - `inspectWeights`, at a pause: the same backward pass kept node by node, so the page can step
 *   through the backward pass of the chosen layer's block (each node's incoming and outgoing
 *   gradient on image 0, its weight-gradient norm), and the explanation of one depthwise weight's
 *   gradient — the products x·dL/dy whose float64 sum rounds to what the engine reported.
 */
import {
  executeBackward,
  explainWeightGradient,
  f32,
  runGraph,
  trainingForward,
  type Graph,
  type Tensor,
  type ConvWeightGradExplanation,
  type WeightGradTerm,
  type BackwardStep,
} from '~/lib/engine/index.ts';
import { makeBatch } from '~/lib/data/batches.ts';
import type { ImageSet } from '~/lib/data/fashion-mnist.ts';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { NORM } from '~/lib/viz/train/train-graph.ts';

type TrainingTape = ReturnType<typeof trainingForward>['tape'];

export interface GradNorm {
  readonly node: string;
  readonly norm: number;
}

/** One node of the backward pass, as the stepper shows it (tensors are image 0's slice). */
export interface BackwardStepView {
  readonly node: string;
  readonly opType: string;
  /** dL/d(output 0) as it arrived at this node. */
  readonly gradOut?: Tensor;
  /** dL/d(input 0) this node sends on. */
  readonly gradIn?: Tensor;
  /** ‖dL/dW‖ of this node's weight (Conv/Gemm), else null. */
  readonly weightNorm: number | null;
}

/** The chosen weight's gradient explanation (its weight, sum, reported gradient, arithmetic), its terms summarised. */
export interface Inspection extends Pick<ConvWeightGradExplanation, 'm' | 'k' | 'sum' | 'gradient' | 'accumulation'> {
  readonly step: number;
  readonly layer: string;
  readonly loss: number;
  /** L2 norm of each Conv/Gemm weight's gradient, in forward order. */
  readonly norms: readonly GradNorm[];
  /** How many terms the explanation has. */
  readonly terms: number;
  /** The largest products by magnitude. */
  readonly top: readonly WeightGradTerm[];
  /** The layer's input for image 0, [1, C, H, W]. */
  readonly activation: Tensor;
  /** The block holding `layer` (its scope, e.g. 'blocks.1.0'), and its backward steps in backward order. */
  readonly block: string;
  readonly steps: readonly BackwardStepView[];
}

export interface Probe {
  readonly step: number;
  readonly layer: string;
  /** Index of the chosen image in the test set, its label and the network's prediction for it. */
  readonly image: number;
  readonly label: number;
  readonly predicted: number;
  /** The layer's output on that image, [1, C, H, W]. */
  readonly activation: Tensor;
  /** Loss of the four-image batch the norms were taken on. */
  readonly loss: number;
  readonly norms: readonly GradNorm[];
}

/** The scope of the block a node belongs to: 'blocks.<stage>.<index>' for block nodes, else the node's own scope. */
export function blockOf(g: Graph, layer: string): string {
  const node = g.nodes.find((n) => n.name === layer);
  const scope = node?.scope || layer;
  const parts = scope.split('.');
  return parts[0] === 'blocks' && parts.length >= 3 ? parts.slice(0, 3).join('.') : scope;
}

const inBlock = (scope: string, block: string): boolean => scope === block || scope.startsWith(`${block}.`);

function image0(t: Tensor | undefined): Tensor | undefined {
  if (!t || t.dims.length === 0) return undefined;
  const per = t.dims.slice(1).reduce((a, b) => a * b, 1);
  return f32([1, ...t.dims.slice(1)], (t.data as Float32Array).slice(0, per));
}

function l2(t: Tensor): number {
  let q = 0;
  for (const v of t.data as Float32Array) q += v * v;
  return Math.sqrt(q);
}

/** dL/dW of a Conv's or Gemm's weight (its input 1) at this backward step; undefined for other ops. */
function weightGrad(st: BackwardStep): Tensor | undefined {
  return st.node.opType === 'Conv' || st.node.opType === 'Gemm' ? st.weightGrads.get(st.node.inputs[1]) : undefined;
}

function withWeights(g: Graph, weights: Record<string, Tensor>): Graph {
  return { ...g, initializers: new Map(Object.entries(weights)) };
}

/**
 * One training-mode forward and backward pass on the first `images` images of `set` (weights are
 * not changed), calling `visit` for every backward step, in backward order.
 */
function backwardPass(
  graph: Graph,
  set: ImageSet,
  images: number,
  visit: (st: BackwardStep, tape: TrainingTape) => void,
): { loss: number; norms: GradNorm[] } {
  const input = graph.inputs[0].name;
  const logits = graph.outputs[0].name;
  const res = graph.inputs[0].dims[2] as number;
  const n = Math.min(images, set.count);
  const b = makeBatch(
    set,
    Int32Array.from({ length: n }, (_, i) => i),
    { ...NORM, channels: 1, resolution: res },
  );
  const { tape, outputs } = trainingForward(
    graph,
    { [input]: f32(b.dims, b.x) },
    { training: true, inputGrads: false },
  );
  const loss = softmaxCrossEntropy(outputs[logits].data as Float32Array, n, 10, b.labels, 0);
  const gen = executeBackward(tape, { [logits]: f32(outputs[logits].dims as number[], loss.grad) }, { keepTape: true });
  const norms: GradNorm[] = [];
  for (let r = gen.next(); !r.done; r = gen.next()) {
    const st = r.value;
    const wg = weightGrad(st);
    if (wg) norms.push({ node: st.node.name, norm: l2(wg) });
    visit(st, tape);
  }
  return { loss: loss.loss, norms: norms.reverse() };
}

/** See the file comment. `layer` must be a Conv of the graph (a depthwise one for the explanation). */
export function inspectWeights(
  g: Graph,
  weights: Record<string, Tensor>,
  set: ImageSet,
  o: { layer: string; m: number; ky: number; kx: number; images: number; step: number },
): Inspection {
  const graph = withWeights(g, weights);
  const block = blockOf(g, o.layer);
  const steps: BackwardStepView[] = [];
  let found: Omit<Inspection, 'step' | 'layer' | 'loss' | 'norms' | 'block' | 'steps'> | undefined;
  const { loss, norms } = backwardPass(graph, set, o.images, (st, tape) => {
    if (inBlock(st.node.scope, block)) {
      const wg = weightGrad(st);
      steps.push({
        node: st.node.name,
        opType: st.node.opType,
        gradOut: image0(st.gradOutputs[0]),
        gradIn: image0(st.gradInputs[0]),
        weightNorm: wg ? l2(wg) : null,
      });
    }
    if (st.node.name === o.layer) {
      const x = tape.records[st.index]!.inputs[0]!;
      const e = explainWeightGradient(
        graph,
        o.layer,
        x,
        st.gradOutputs[0]!,
        { m: o.m, ky: o.ky, kx: o.kx },
        st.weightGrads.get(st.node.inputs[1]),
      );
      found = {
        m: e.m,
        k: e.k,
        terms: e.terms.length,
        sum: e.sum,
        gradient: e.gradient,
        accumulation: e.accumulation,
        top: [...e.terms]
          .filter((t) => !t.padding)
          .sort((a, c) => Math.abs(c.product) - Math.abs(a.product))
          .slice(0, 8),
        activation: image0(x)!,
      };
    }
  });
  if (!found) throw new Error(`'${o.layer}' is not a layer of this network`);
  return { step: o.step, layer: o.layer, loss, norms, ...found, block, steps };
}

/** See the file comment. */
export function probeWeights(
  g: Graph,
  weights: Record<string, Tensor>,
  train: ImageSet,
  test: ImageSet,
  o: { layer: string; image: number; step: number; images?: number },
): Probe {
  const graph = withWeights(g, weights);
  const node = g.nodes.find((n) => n.name === o.layer);
  if (!node) throw new Error(`'${o.layer}' is not a layer of this network`);
  const image = Math.min(Math.max(0, Math.floor(o.image)), test.count - 1);
  const res = g.inputs[0].dims[2] as number;
  const b = makeBatch(test, Int32Array.of(image), { ...NORM, channels: 1, resolution: res });
  const all = runGraph(graph, { [g.inputs[0].name]: f32(b.dims, b.x) }, { keepAll: true });
  const logits = all[g.outputs[0].name].data as Float32Array;
  let predicted = 0;
  for (let c = 1; c < logits.length; c++) if (logits[c] > logits[predicted]) predicted = c;
  const { loss, norms } = backwardPass(graph, train, o.images ?? 4, () => {});
  return {
    step: o.step,
    layer: o.layer,
    image,
    label: test.labels[image],
    predicted,
    activation: all[node.outputs[0]],
    loss,
    norms,
  };
}
