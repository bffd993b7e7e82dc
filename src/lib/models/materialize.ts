/**
 * Untrained but readable weights for a declared graph: He-normal convs and linears (He et al.,
 * arXiv 1502.01852 §2.2, std = √(2 / fan_in)), zero biases, BatchNorm γ = 1, β = 0, LayerNorm
 * 1 and 0, class token and position embeddings N(0, 0.02²) (timm's trunc_normal std). Then every
 * BatchNorm's running mean and variance are **calibrated**: the graph runs once on the reference
 * input and, just before each BatchNorm, its statistics are set from the tensor it actually
 * receives (per-channel mean; per-channel variance, floored at the tensor's), so every normalised
 * channel has zero mean and at most unit variance and activations stay readable at every depth
 * (whole-layer variance 0.25–0.9 through EfficientNet-B0). The site must say these weights
 * are untrained.
 */
import { execute, type Graph, type Node, type Tensor } from '../engine/index.ts';
import { fillNormal, hashSeed, mulberry32 } from './prng.ts';

/** How each weight is used: the first node that reads it and the input slot. */
function consumers(graph: Graph): Map<string, { node: Node; slot: number }> {
  const out = new Map<string, { node: Node; slot: number }>();
  for (const node of graph.nodes) {
    node.inputs.forEach((name, slot) => {
      if (graph.declared?.has(name) && !out.has(name)) out.set(name, { node, slot });
    });
  }
  return out;
}

function initWeight(
  name: string,
  dims: readonly number[],
  use: { node: Node; slot: number } | undefined,
  seed: number,
  tiled = false,
): Float32Array {
  const n = dims.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  const op = use?.node.opType;
  if ((op === 'Conv' || op === 'Gemm') && use!.slot === 1) {
    // Conv weight [out, in/groups, kh, kw]; Linear weight [out, in]: fan_in = product of all but the first dim.
    const fanIn = n / dims[0];
    if (!tiled || n <= TILE) return fillNormal(data, Math.sqrt(2 / fanIn), seed, name);
    fillNormal(data.subarray(0, TILE), Math.sqrt(2 / fanIn), seed, name);
    for (let have = TILE; have < n; have *= 2) data.copyWithin(have, 0, Math.min(have, n - have));
    return data;
  }
  if (op === 'BatchNormalization') {
    // slot 1 γ, 2 β, 3 mean, 4 var.
    if (use!.slot === 1 || use!.slot === 4) data.fill(1);
    return data;
  }
  if (op === 'LayerNormalization') {
    if (use!.slot === 1) data.fill(1);
    return data;
  }
  if (op === 'Concat' || op === 'Add') return fillNormal(data, 0.02, seed, name);
  return data; // biases
}

/**
 * The deterministic reference input: smooth colour gradients and blobs plus a little seeded
 * noise, with roughly zero mean and unit variance per channel like a normalised photo.
 * `resolution` gives an image [1, 3, R, R]; `dims` any [1, C, H, W] or [N, D] (tokens).
 */
export function referenceInput(resolution: number | readonly number[], seed = 0): Tensor {
  const dims = typeof resolution === 'number' ? [1, 3, resolution, resolution] : [...resolution];
  const [c, h, w] = dims.length === 4 ? [dims[1], dims[2], dims[3]] : [1, dims[0], dims[1]];
  const data = new Float32Array(c * h * w);
  const u = mulberry32(hashSeed(seed, 'reference-input'));
  for (let ch = 0; ch < c; ch++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const fx = x / w;
        const fy = y / h;
        const k = ch % 3;
        const v =
          Math.sin(2 * Math.PI * (fx * (1 + k) + fy * 0.5) + ch) +
          0.8 * Math.cos(2 * Math.PI * (fy * (2 - 0.5 * k) - fx * 0.3)) +
          0.5 * Math.sin(12 * fx * fy + ch) +
          0.3 * (u() * 2 - 1);
        data[(ch * h + y) * w + x] = v;
      }
    }
  }
  return { dtype: 'float32', dims, data };
}

/**
 * Calibration divides each channel by the larger of its own standard deviation and the whole
 * tensor's (variance floor = 1 × the tensor's variance). Normalising a channel by its own, much
 * smaller spread would amplify float32 rounding by √(tensor var / channel var) at every layer;
 * with random weights that compounds over depth until the engine and onnxruntime (which sum in
 * different orders) disagree beyond 1e-4. Measured on mobilenetv2_035 and efficientnet_b0 at
 * 96 px: floor 1e-3 → 4e-4 relative disagreement, floor 1 → 6e-5.
 */
export const VARIANCE_FLOOR = 1;

/**
 * Per channel of X [N, C, ...]: the sum of its N·inner values and the sum of their squared
 * deviations from its mean, in two passes (sums, then deviations).
 */
export function channelMoments(x: Tensor): { c: number; count: number; sums: Float64Array; devs: Float64Array } {
  const [n, c] = x.dims;
  const inner = x.dims.slice(2).reduce((a, b) => a * b, 1);
  const xs = x.data as Float32Array;
  const count = n * inner;
  const sums = new Float64Array(c);
  const devs = new Float64Array(c);
  for (let ch = 0; ch < c; ch++) {
    let s = 0;
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * inner;
      for (let i = 0; i < inner; i++) s += xs[base + i];
    }
    sums[ch] = s;
    const m = s / count;
    let s2 = 0;
    for (let b = 0; b < n; b++) {
      const base = (b * c + ch) * inner;
      for (let i = 0; i < inner; i++) s2 += (xs[base + i] - m) ** 2;
    }
    devs[ch] = s2;
  }
  return { c, count, sums, devs };
}

/**
 * Sets a BatchNorm's running mean/var (inputs 3, 4) to the per-channel statistics of its input
 * X [N, C, ...], the variance floored as above. A map with a single position (batch 1, 1×1) has
 * no spatial statistics, so every channel then uses the statistics of the whole tensor.
 */
export function calibrateBatchNormStats(inputs: readonly (Tensor | undefined)[]): void {
  const mean = inputs[3]!.data as Float32Array;
  const variance = inputs[4]!.data as Float32Array;
  const xs = inputs[0]!.data as Float32Array;
  const { c, count, sums, devs } = channelMoments(inputs[0]!);
  // The whole tensor's mean and variance combine the channels' exactly (Chan et al.'s pairwise
  // formula), so need no passes of their own.
  let all = 0;
  for (let ch = 0; ch < c; ch++) all += sums[ch];
  const pooledMean = all / xs.length;
  let all2 = 0;
  for (let ch = 0; ch < c; ch++) all2 += devs[ch] + count * (sums[ch] / count - pooledMean) ** 2;
  const pooledVar = all2 / xs.length;
  for (let ch = 0; ch < c; ch++) {
    if (count < 2) {
      mean[ch] = pooledMean;
      variance[ch] = pooledVar > 0 ? pooledVar : 1;
      continue;
    }
    const m = sums[ch] / count;
    const s2 = devs[ch];
    mean[ch] = m;
    variance[ch] = Math.max(s2 / count, VARIANCE_FLOOR * pooledVar);
  }
}

/**
 * Snaps calibrated statistics to a coarse grid: variance to a power of 2^¼, mean to a multiple of
 * σ/64. The statistics come from running the engine, whose float32 results change in the last
 * bits whenever a kernel's summation order changes; on the grid they (almost always) do not, so
 * files written from them stay byte-for-byte reproducible. Outputs stay within ±9 % of unit
 * variance and σ/128 of zero mean.
 */
function snapStatistics(mean: Float32Array, variance: Float32Array): void {
  for (let c = 0; c < variance.length; c++) {
    const v = 2 ** (Math.round(4 * Math.log2(variance[c])) / 4);
    const step = Math.sqrt(v) / 64;
    variance[c] = v;
    mean[c] = Math.round(mean[c] / step) * step;
  }
}

export interface MaterializeOptions {
  /** Snap BatchNorm statistics to a coarse grid (see snapStatistics); used for committed files. */
  readonly snapStatistics?: boolean;
  /**
   * Calibrate BatchNorm on the reference input (default true). false leaves γ = 1, β = 0, mean 0,
   * var 1 for a caller that sets every BatchNorm's statistics itself right after (the debugger
   * calibrates on sample photographs: the reference pass would be a whole forward run whose
   * results are all overwritten) or that only times runs (the device-latency workers: latency does
   * not depend on the weights' values).
   */
  readonly calibrate?: boolean;
  /**
   * Draw at most `TILE` normal values per weight and repeat them to fill it (default false). For
   * timing only: a stage of tens of millions of weights otherwise spends seconds in Box–Muller
   * before the first run, and a repeated pattern costs a kernel exactly what fresh draws do.
   */
  readonly tiled?: boolean;
  /**
   * Draw each weight the first time anything reads its `data` (default false), with
   * `calibrate: false` only. The values are the same bit for bit (every weight has its own stream,
   * see prng.ts); a caller that runs the graph node by node (the debugger) then pays for a layer's
   * weights when it first reaches that layer instead of for all of them before the first step.
   */
  readonly lazy?: boolean;
}

/** A tensor whose data is made by `fill` on first read, then kept as a plain property. */
function lazyTensor(dims: number[], fill: () => Float32Array): Tensor {
  const t = { dtype: 'float32', dims } as Omit<Tensor, 'data'>;
  Object.defineProperty(t, 'data', {
    configurable: true,
    enumerable: true,
    get(): Float32Array {
      const data = fill();
      Object.defineProperty(t, 'data', { value: data, writable: true, enumerable: true, configurable: true });
      return data;
    },
  });
  return t as Tensor;
}

const TILE = 4096;

/**
 * Fills every declared weight deterministically from `seed` and calibrates BatchNorm statistics
 * on `referenceInput(inputDims, seed)`. Returns a new graph whose weights are all initializers.
 */
export function materialize(graph: Graph, seed: number, opts: MaterializeOptions = {}): Graph {
  const use = consumers(graph);
  const initializers = new Map(graph.initializers);
  const lazy = opts.lazy === true && opts.calibrate === false;
  for (const [name, info] of graph.declared ?? []) {
    const dims = info.dims as number[];
    const fill = (): Float32Array => initWeight(name, dims, use.get(name), seed, opts.tiled);
    initializers.set(name, lazy ? lazyTensor(dims, fill) : { dtype: 'float32', dims, data: fill() });
  }
  const out: Graph = { ...graph, initializers, declared: new Map() };
  if (opts.calibrate === false) return out;
  const input = graph.inputs[0];
  // Fused (Conv → BatchNorm → activation as one step, the BatchNorm folded after its statistics are set).
  const gen = execute(
    out,
    { [input.name]: referenceInput(input.dims as number[], seed) },
    {
      fuse: true,
      reuse: true,
      beforeBatchNorm: (_node, inputs) => {
        calibrateBatchNormStats(inputs);
        if (opts.snapStatistics) snapStatistics(inputs[3]!.data as Float32Array, inputs[4]!.data as Float32Array);
      },
    },
  );
  while (!gen.next().done);
  return out;
}
