/** Runs a whole graph to the end (fusing Conv → BatchNorm → activation unless intermediates are kept). */
import type { Graph } from './graph.ts';
import { execute } from './execute.ts';
import type { Tensor } from './tensor.ts';

/**
 * Returns the graph outputs by name; with keepAll also every fed and computed value (no fusion
 * then, so each node's own output is there).
 */
export function runGraph(
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  opts: { keepAll?: boolean } = {},
): Record<string, Tensor> {
  const all: Record<string, Tensor> = { ...feeds };
  const gen = execute(graph, feeds, {
    retain: opts.keepAll === true,
    fuse: opts.keepAll !== true,
    reuse: opts.keepAll !== true,
  });
  for (;;) {
    const r = gen.next();
    if (r.done) return opts.keepAll ? { ...all, ...r.value } : r.value;
    if (opts.keepAll) {
      r.value.node.outputs.forEach((name, i) => {
        if (name !== '' && r.value.outputs[i]) all[name] = r.value.outputs[i];
      });
    }
  }
}
