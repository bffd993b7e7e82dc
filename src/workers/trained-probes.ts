/**
 * The trained models' extra views, run in the debugger's worker on the open graph: Grad-CAM's two
 * tensors (the feature map from a plain forward, its gradient from the engine's backward,
 * src/lib/engine/grad/value-gradient.ts) and full forward runs of other inputs that return chosen
 * values (the SE gates of two images). Neither touches the stepper's own run.
 */
import { execute, valueGradient, type Graph, type Tensor } from '~/lib/engine/index.ts';

/** Every value named in `names` after one forward run of `input`. */
export function forwardValues(graph: Graph, input: Tensor, names: readonly string[]): Record<string, Tensor> {
  const want = new Set(names);
  const out: Record<string, Tensor> = {};
  const gen = execute(graph, { [graph.inputs[0].name]: input }, { retain: true });
  for (;;) {
    const r = gen.next();
    if (r.done) {
      for (const [k, v] of Object.entries(r.value)) if (want.has(k)) out[k] = v;
      break;
    }
    r.value.node.outputs.forEach((o, i) => {
      const t = r.value.outputs[i];
      if (want.has(o) && t) out[o] = t;
    });
  }
  const missing = names.filter((n) => !(n in out));
  if (missing.length) throw new Error(`the run produced no value named ${missing.join(', ')}`);
  return out;
}

export function gradCamTensors(
  graph: Graph,
  input: Tensor,
  value: string,
  classIndex: number,
): { activation: Tensor; gradient: Tensor; logits: Tensor } {
  const logitsName = graph.outputs[0].name;
  const activation = forwardValues(graph, input, [value])[value];
  const { gradient, outputs } = valueGradient(
    graph,
    { [graph.inputs[0].name]: input },
    (outs) => {
      const l = outs[logitsName];
      if (classIndex < 0 || classIndex >= l.data.length)
        throw new Error(`class ${classIndex} is not one of the model's ${l.data.length} classes`);
      const seed = new Float32Array(l.data.length);
      seed[classIndex] = 1;
      return { [logitsName]: { dtype: 'float32', dims: l.dims, data: seed } };
    },
    value,
  );
  return { activation, gradient, logits: outputs[logitsName] };
}
