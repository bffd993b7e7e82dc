/**
 * The backward pass of one block for the trained debugger, run in the debugger's worker on the open
 * graph (DOM-free; the e2e spec runs it in Node too): a forward pass in inference mode (BatchNorm
 * on its running statistics, as the model is evaluated), the softmax cross-entropy of the logits
 * against one class (the image's true label, or the predicted class for a drawing or upload), and
 * the engine's backward pass one node per step (src/lib/engine/grad/backward.ts) until the block's
 * input. Every node of the block comes back with its forward values and its gradients, so the page
 * can explain each element (src/lib/viz/debugger/backward-explain.ts).
 */
import { executeBackward, trainingForward, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { softmaxCrossEntropy } from '~/lib/train/loss.ts';
import { inBlock, type BackStepData, type BlockBackward } from '~/lib/viz/debugger/backward-explain.ts';
import { forwardValues } from './trained-probes.ts';

function numericAttrs(attrs: Graph['nodes'][number]['attrs']): Record<string, number | number[]> {
  const out: Record<string, number | number[]> = {};
  for (const [k, a] of Object.entries(attrs)) {
    if (a.type === 'int' || a.type === 'float') out[k] = a.type === 'float' ? Math.fround(a.value) : a.value;
    else if (a.type === 'ints') out[k] = [...a.value];
  }
  return out;
}

const copy = (t: Tensor): Tensor => ({
  dtype: 'float32',
  dims: [...t.dims],
  data: Float32Array.from(t.data as ArrayLike<number>),
});

export function blockBackward(graph: Graph, input: Tensor, block: string, label: number): BlockBackward {
  const nodes = graph.nodes.filter((n) => inBlock(n.name, block));
  if (nodes.length === 0) throw new Error(`this model has no block named ${block}`);
  const first = graph.nodes.indexOf(nodes[0]);
  const produced = new Set(nodes.flatMap((n) => n.outputs));
  const blockInput =
    nodes.flatMap((n) => n.inputs).find((v) => v && !produced.has(v) && !graph.initializers.has(v)) ?? '';
  const names = [
    ...new Set(nodes.flatMap((n) => [...n.inputs, ...n.outputs]).filter((v) => v && !graph.initializers.has(v))),
  ];
  const values = forwardValues(graph, input, names);
  const inputName = graph.inputs[0].name;
  const logitsName = graph.outputs[0].name;
  const { tape, outputs } = trainingForward(graph, { [inputName]: input }, { training: false, inputGrads: false });
  const logits = outputs[logitsName];
  const k = logits.data.length;
  if (!(Number.isInteger(label) && label >= 0 && label < k))
    throw new Error(`class ${label} is not one of the model's ${k} classes`);
  const ce = softmaxCrossEntropy(logits.data as Float32Array, 1, k, [label], 0);
  const probability = Math.exp(-ce.loss);
  const gen = executeBackward(tape, { [logitsName]: { dtype: 'float32', dims: logits.dims, data: ce.grad } });
  const steps: BackStepData[] = [];
  for (let r = gen.next(); !r.done; r = gen.next()) {
    const st = r.value;
    if (inBlock(st.node.name, block)) {
      const value = (v: string): Tensor | null => (v ? (values[v] ?? graph.initializers.get(v) ?? null) : null);
      steps.push({
        node: st.node.name,
        opType: st.node.opType,
        attrs: numericAttrs(st.node.attrs),
        inputNames: st.node.inputs,
        inputs: st.node.inputs.map((v) => {
          const t = value(v);
          return t ? copy(t) : null;
        }),
        output: copy(values[st.node.outputs[0]]),
        gradOut: copy(st.gradOutputs[0]!),
        gradIns: st.gradInputs.map((g) => (g ? copy(g) : null)),
      });
    }
    if (st.index <= first) break;
  }
  return { block, label, loss: ce.loss, probability, steps, blockInput };
}
