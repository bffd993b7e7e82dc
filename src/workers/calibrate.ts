/**
 * Re-calibrates every BatchNorm's running mean and variance on a batch of natural images (the
 * bundled samples), the way BatchNorm's running statistics summarise training data (Ioffe &
 * Szegedy, arXiv 1502.03167 §3.1). The zoo's `materialize` calibrates on a synthetic reference
 * input; on photographs that leaves late activations of untrained networks in the thousands, where
 * float32 rounding alone moves them by whole units. Calibrated on photographs they stay near unit
 * scale at every depth for any photograph. A thin adapter over the engine's `execute` hook
 * (`beforeBatchNorm` may write the statistics in place, and keeps the fused fast path), with the
 * zoo's per-channel moments (materialize.ts) but without its variance floor.
 */
import { execute, type Graph, type Tensor } from '~/lib/engine/index.ts';
import { channelMoments } from '~/lib/models/materialize.ts';

/** Per-channel mean and (biased) variance of X [N, C, ...] written into the node's mean and var inputs. */
export function setBatchNormStats(inputs: readonly (Tensor | undefined)[]): void {
  const mean = inputs[3]!.data as Float32Array;
  const variance = inputs[4]!.data as Float32Array;
  const { c, count, sums, devs } = channelMoments(inputs[0]!);
  for (let ch = 0; ch < c; ch++) {
    mean[ch] = sums[ch] / count;
    variance[ch] = devs[ch] / count;
  }
}

/**
 * Runs `graph` once on `batch` ([N, 3, R, R]), setting each BatchNorm's statistics just before it runs.
 * A graph without BatchNorm (the zoo's ViT: LayerNorm only, and a fixed batch of 1 that an
 * [N, 3, R, R] batch would not fit) has nothing to calibrate and is left alone.
 */
export function calibrateBatchNorm(graph: Graph, batch: Tensor): void {
  lazyCalibration(graph, batch).finish();
}

/** A calibration pass run as far as the caller needs it (see lazyCalibration). */
export interface LazyCalibration {
  /** Runs the pass until every BatchNorm at node index ≤ `index` has its statistics. */
  upTo(index: number): void;
  /** Runs the pass to its end. */
  finish(): void;
  /** Runs one more step of the pass; false once it has ended. */
  advance(): boolean;
  /** True once every BatchNorm has its statistics. */
  readonly done: boolean;
}

/**
 * The same pass as calibrateBatchNorm, run on demand: a BatchNorm's statistics depend only on the
 * nodes before it, so a stepper that calls `upTo(i)` before running node i sees exactly the weights
 * the whole pass would have left (bit for bit), while "Load model" no longer waits for a forward
 * run of the whole batch; the pass's cost is spread over the steps (each pays its nodes on the batch)
 * and anything that needs the whole graph calls `finish()` first.
 */
export function lazyCalibration(graph: Graph, batch: Tensor): LazyCalibration {
  // BatchNorms get their statistics in node order (fused chains are consecutive), so a count says how far the pass is.
  const bns = graph.nodes.flatMap((n, i) => (n.opType === 'BatchNormalization' ? [i] : []));
  let set = 0;
  let gen: Generator<unknown> | undefined =
    bns.length === 0
      ? undefined
      : execute(
          graph,
          { [graph.inputs[0].name]: batch },
          {
            fuse: true,
            reuse: true,
            beforeBatchNorm: (_node, inputs) => {
              setBatchNormStats(inputs);
              set++;
            },
          },
        );
  const c: LazyCalibration = {
    get done() {
      return gen === undefined;
    },
    advance() {
      if (!gen) return false;
      // Past the last BatchNorm the rest of the pass would set nothing: drop it (and its activations).
      if (gen.next().done || set === bns.length) gen = undefined;
      return gen !== undefined;
    },
    upTo(index) {
      while (gen && set < bns.length && bns[set] <= index) c.advance();
    },
    finish() {
      while (c.advance());
    },
  };
  return c;
}
