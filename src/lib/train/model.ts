/**
 * The graph a training run starts from, and its batch layout.
 *
 * Zoo models train with a 1-channel stem (`inChannels: 1`) and a 10-class head: repeating a gray
 * image to 3 channels would compute the same function as a 1-channel stem whose kernel is the sum
 * of the three (conv is linear in its input channels), at 3× the stem's MACs and parameters and
 * with three weights per tap that can only ever act through their sum. A model imported from ONNX
 * keeps its stem; the batcher repeats the gray plane to its input channels (src/lib/data/batches.ts).
 *
 * Batch: zoo CNN graphs are built with a symbolic batch 'N' (global-context Reshapes copy it), so
 * one graph trains at batch N, evaluates at any batch and exports for onnxruntime-web. Graphs
 * whose batch is fixed at 1 (the zoo's ViT; some imported files) are trained one image at a time
 * with gradients summed over the batch — the same gradient as one batched pass because such a
 * graph has no batch statistics (a fixed-batch graph with BatchNorm is refused).
 */
import { analyze, EngineError, type Graph, type ValueInfo } from '../engine/index.ts';

export const BATCH_DIM = 'N';

/** The graph with dim 0 of its first input and first output relabelled (weights shared). */
export function withBatchDim(graph: Graph, batch: number | string): Graph {
  const relabel = (v: ValueInfo, i: number): ValueInfo => (i === 0 ? { ...v, dims: [batch, ...v.dims.slice(1)] } : v);
  return { ...graph, inputs: graph.inputs.map(relabel), outputs: graph.outputs.map(relabel) };
}

/** How a graph takes a batch of N images. */
export type BatchMode =
  /** One pass over [N, C, R, R]. */
  | { readonly kind: 'batched'; readonly graph: Graph }
  /** N passes over [1, C, R, R], gradients summed (fixed batch-1 graphs without BatchNorm). */
  | { readonly kind: 'per-image'; readonly graph: Graph };

/**
 * Decides how `graph` runs batches of `batch` images: a symbolic batch dim is used as is; a
 * numeric one is relabelled 'N' when the graph plans at `batch` (shapes do not fix it), else the
 * graph runs per image when it has no BatchNorm, else it is refused with the reason.
 */
export function batchMode(graph: Graph, batch: number): BatchMode {
  const input = graph.inputs[0];
  if (!input) throw new EngineError('missing-input', `graph '${graph.name}' has no input`);
  const d0 = input.dims[0];
  if (typeof d0 === 'string') return { kind: 'batched', graph };
  if (d0 === batch) return { kind: 'batched', graph: withBatchDim(graph, BATCH_DIM) };
  try {
    analyze(graph, { inputDims: { [input.name]: [batch, ...(input.dims.slice(1) as number[])] } });
    return { kind: 'batched', graph: withBatchDim(graph, BATCH_DIM) };
  } catch (e) {
    if (d0 !== 1) throw e;
    if (graph.nodes.some((n) => n.opType === 'BatchNormalization')) {
      throw new EngineError(
        'shape',
        `graph '${graph.name}' fixes its batch at 1 (${e instanceof Error ? e.message : String(e)}) and has BatchNorm, whose batch statistics need the whole batch in one pass; export it with a symbolic batch dim`,
      );
    }
    return { kind: 'per-image', graph };
  }
}

/** Input channels and side of a graph's image input [N, C, H, W]. */
export function imageInput(graph: Graph): { name: string; channels: number; resolution: number } {
  const input = graph.inputs[0];
  const [, c, h, w] = input.dims;
  if (input.dims.length !== 4 || typeof c !== 'number' || typeof h !== 'number' || h !== w) {
    throw new EngineError(
      'shape',
      `graph '${graph.name}' input '${input.name}' is [${input.dims.join(', ')}], not a square image [N, C, R, R]`,
    );
  }
  return { name: input.name, channels: c, resolution: h };
}

/** The logits output [N, K]: its name and K. */
export function logitsOutput(graph: Graph): { name: string; classes: number } {
  const out = graph.outputs[0];
  const k = out?.dims[out.dims.length - 1];
  if (!out || out.dims.length !== 2 || typeof k !== 'number') {
    throw new EngineError(
      'shape',
      `graph '${graph.name}' output must be logits [N, K], got ${out ? `[${out.dims.join(', ')}]` : 'none'}`,
    );
  }
  return { name: out.name, classes: k };
}
