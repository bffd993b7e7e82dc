/**
 * The gradient of a scalar with respect to one intermediate value of a frozen graph: the forward
 * in inference mode (BatchNorm with running statistics, no dropout), then the engine's backward
 * from `seeds` until the node that produced `value` has received its summed output gradient.
 * Grad-CAM (Selvaraju et al. 2017, arXiv 1610.02391, §3 eq. 1) needs ∂y^c/∂A for a class score
 * y^c and a conv feature map A: seed the logits with the one-hot vector of class c.
 */
import { EngineError } from '../errors.ts';
import type { Graph } from '../graph.ts';
import type { Tensor } from '../tensor.ts';
import { executeBackward } from './backward.ts';
import { trainingForward } from './tape.ts';

export interface ValueGradient {
  /** ∂(Σ seed · output)/∂value, with the value's dims. */
  readonly gradient: Tensor;
  /** The graph outputs of the forward pass, by name. */
  readonly outputs: Record<string, Tensor>;
  /** How many nodes' backward rules ran (the backward stops at the value's producer). */
  readonly nodesRun: number;
}

export function valueGradient(
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  seeds: (outputs: Record<string, Tensor>) => Record<string, Tensor>,
  value: string,
): ValueGradient {
  const producer = graph.nodes.findIndex((n) => n.outputs.includes(value));
  if (producer < 0) throw new EngineError('missing-input', `no node of graph '${graph.name}' produces '${value}'`);
  const slot = graph.nodes[producer].outputs.indexOf(value);
  const { tape, outputs } = trainingForward(graph, feeds, { training: false, inputGrads: false });
  const gen = executeBackward(tape, seeds(outputs));
  let nodesRun = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) break;
    nodesRun++;
    if (r.value.index === producer) {
      const g = r.value.gradOutputs[slot];
      if (!g) break;
      return { gradient: g, outputs, nodesRun };
    }
  }
  throw new EngineError('missing-input', `no gradient reaches '${value}' from the seeds`, graph.nodes[producer].name);
}
