/**
 * Re-calibrates every BatchNorm's running mean and variance on a batch of natural images (the
 * bundled samples), the way BatchNorm's running statistics summarise training data (Ioffe &
 * Szegedy, arXiv 1502.03167 §3.1). The zoo's `materialize` calibrates on a synthetic reference
 * input; on photographs that leaves late activations of untrained networks in the thousands, where
 * float32 rounding alone moves them by whole units. Calibrated on photographs they stay near unit
 * scale at every depth for any photograph. A thin adapter over the engine's `execute` hook
 * (`beforeBatchNorm` may write the statistics in place, and keeps the fused fast path), written here because the zoo keeps its own
 * calibration private.
 */
import { execute, type Graph, type Tensor } from '~/lib/engine/index.ts';

/** Per-channel mean and (biased) variance of X [N, C, ...] written into the node's mean and var inputs. */
export function setBatchNormStats(inputs: readonly (Tensor | undefined)[]): void {
  const x = inputs[0]!;
  const mean = inputs[3]!.data as Float32Array;
  const variance = inputs[4]!.data as Float32Array;
  const [n, c] = x.dims;
  const inner = x.dims.slice(2).reduce((a, b) => a * b, 1);
  const xs = x.data as Float32Array;
  const count = n * inner;
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let b = 0; b < n; b++) for (let i = 0, base = (b * c + ch) * inner; i < inner; i++) s += xs[base + i];
    const m = s / count;
    let s2 = 0;
    for (let b = 0; b < n; b++)
      for (let i = 0, base = (b * c + ch) * inner; i < inner; i++) s2 += (xs[base + i] - m) ** 2;
    mean[ch] = m;
    variance[ch] = s2 / count;
  }
}

/**
 * Runs `graph` once on `batch` ([N, 3, R, R]), setting each BatchNorm's statistics just before it runs.
 * A graph without BatchNorm (the zoo's ViT: LayerNorm only, and a fixed batch of 1 that an
 * [N, 3, R, R] batch would not fit) has nothing to calibrate and is left alone.
 */
export function calibrateBatchNorm(graph: Graph, batch: Tensor, onNode?: (index: number) => void): void {
  if (!graph.nodes.some((n) => n.opType === 'BatchNormalization')) return;
  const gen = execute(
    graph,
    { [graph.inputs[0].name]: batch },
    { fuse: true, reuse: true, beforeBatchNorm: (_node, inputs) => setBatchNormStats(inputs) },
  );
  let i = 0;
  while (!gen.next().done) onNode?.(i++);
}
