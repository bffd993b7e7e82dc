/**
 * What squeeze-and-excitation gates do per class, measured on a trained network (Hu et al.,
 * "Squeeze-and-Excitation Networks", arXiv 1709.01507, §7.2 "Role of Excitation", Figure 6: in a
 * trained SE-ResNet-50 the gates of early blocks are nearly the same for every class, while the
 * later blocks' gates become class-specific).
 *
 * For every SE block of a graph (a `<block>.se.gate` Sigmoid or HardSigmoid node, as the zoo's
 * builder names them) this runs a labelled image set through the engine and returns each class's
 * mean gate per channel and one number for how much of the gates' variation the class explains:
 * the correlation ratio η² = SS_between / SS_total of each channel's gate over the images, averaged
 * over the block's channels. η² is 0 when the gate of a channel does not depend on the class and 1
 * when the class alone determines it. Everything is accumulated in float64.
 */
import { makeBatch, type Preprocess } from '../data/batches.ts';
import type { ImageSet } from '../data/fashion-mnist.ts';
import { f32, runGraph, type Graph } from '../engine/index.ts';
import { batchMode, imageInput } from '../train/model.ts';

export interface BlockGates {
  /** The block's scope, e.g. `blocks.3.1`. */
  readonly scope: string;
  readonly channels: number;
  /** classMeans[class][channel]: the mean gate of that class's images. */
  readonly classMeans: readonly (readonly number[])[];
  /** Mean gate per channel over all images. */
  readonly mean: readonly number[];
  /** η² of each channel (0 when a channel's gate never varies). */
  readonly eta2: readonly number[];
  /** Mean of eta2 over the channels. */
  readonly specificity: number;
}

const GATE_OPS = new Set(['Sigmoid', 'HardSigmoid']);

/** The gate nodes of a graph's SE blocks, in graph order: [block scope, output name]. */
export function gateOutputs(graph: Graph): { scope: string; output: string }[] {
  return graph.nodes
    .filter((n) => GATE_OPS.has(n.opType) && n.scope?.endsWith('.se.gate'))
    .map((n) => ({ scope: n.scope!.slice(0, -'.se.gate'.length), output: n.outputs[0] }));
}

/** Per-class gate statistics of every SE block of `source` over `set` (all its images). */
export function classGates(
  source: Graph,
  set: ImageSet,
  norm: Pick<Preprocess, 'mean' | 'std'>,
  opts: { batch?: number } = {},
): BlockGates[] {
  const gates = gateOutputs(source);
  if (gates.length === 0) throw new Error(`model '${source.name}' has no squeeze-and-excitation gates`);
  const mode = batchMode(source, opts.batch ?? 100);
  const batch = mode.kind === 'batched' ? (opts.batch ?? 100) : 1;
  const graph = mode.graph;
  const { name: input, channels, resolution } = imageInput(graph);
  const pre: Preprocess = { ...norm, channels, resolution };
  const K = set.classes.length;
  const perClass = new Float64Array(K);
  // Sums per block: [class][channel] sums, and per channel the sum of squares over all images.
  const sums: Float64Array[] = [];
  const squares: Float64Array[] = [];
  const widths: number[] = [];
  for (let start = 0; start < set.count; start += batch) {
    const n = Math.min(batch, set.count - start);
    const b = makeBatch(
      set,
      Int32Array.from({ length: n }, (_, i) => start + i),
      pre,
    );
    const values = runGraph(graph, { [input]: f32(b.dims, b.x) }, { keepAll: true });
    for (let i = 0; i < n; i++) perClass[b.labels[i]]++;
    gates.forEach((g, gi) => {
      const t = values[g.output];
      if (!t) throw new Error(`the run kept no value for '${g.output}'`);
      const data = t.data as Float32Array;
      const C = data.length / n;
      if (gi === widths.length) {
        widths.push(C);
        sums.push(new Float64Array(K * C));
        squares.push(new Float64Array(C));
      }
      const s = sums[gi];
      const q = squares[gi];
      for (let i = 0; i < n; i++) {
        const row = b.labels[i] * C;
        for (let c = 0; c < C; c++) {
          const v = data[i * C + c];
          s[row + c] += v;
          q[c] += v * v;
        }
      }
    });
  }
  const N = set.count;
  return gates.map((g, gi) => {
    const C = widths[gi];
    const s = sums[gi];
    const classMeans = Array.from({ length: K }, (_, k) =>
      Array.from({ length: C }, (_, c) => (perClass[k] ? s[k * C + c] / perClass[k] : NaN)),
    );
    const mean = Array.from({ length: C }, (_, c) => {
      let t = 0;
      for (let k = 0; k < K; k++) t += s[k * C + c];
      return t / N;
    });
    const eta2 = mean.map((m, c) => {
      const total = squares[gi][c] - N * m * m;
      let between = -N * m * m;
      for (let k = 0; k < K; k++) if (perClass[k]) between += (s[k * C + c] * s[k * C + c]) / perClass[k];
      // A channel whose gate is the same for every image explains nothing.
      return total > 1e-12 * N ? Math.min(1, Math.max(0, between / total)) : 0;
    });
    return {
      scope: g.scope,
      channels: C,
      classMeans,
      mean,
      eta2,
      specificity: eta2.reduce((a, v) => a + v, 0) / C,
    };
  });
}
