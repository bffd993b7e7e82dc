/**
 * Step-by-step execution: a generator that runs one node per `next()` and yields what it did
 * (inputs, outputs, MACs, elapsed ms). Each node is planned just before it runs, from the actual
 * input tensors, and its kernel reads weights at that moment, so `beforeNode` may change weight
 * data in place between runs (the zoo recalibrates BatchNorm statistics that way).
 *
 * Memory: a value is dropped once its last reader has run, unless `retain` is set (the stepping
 * UI keeps everything to show it). With `fuse`, Conv → BatchNorm → activation chains run as one
 * kernel and yield one step (see fuse.ts); runGraph fuses when intermediates are not wanted.
 */
import type { Graph, Node } from './graph.ts';
import { lastUses } from './analyze.ts';
import { EngineError } from './errors.ts';
import { findFusions, type FusedChain } from './fuse.ts';
import { Act, activateRow, NO_EPILOGUE } from './ops/activation-code.ts';
import { foldBatchNorm } from './ops/batchnorm.ts';
import { convForward } from './ops/conv-forward.ts';
import { convMacs, convOutputDims, planConvGeometry } from './ops/conv-geometry.ts';
import { UNARY } from './ops/unary.ts';
import { affineInPlace } from './ops/wasm-kernels.ts';
import { checkSupported, nodeInputs, NO_VALUE, planNode } from './plan-node.ts';
import { checkOpAttributes } from './op-attributes.ts';
import { MAX_TENSOR_ELEMENTS } from './shape-util.ts';
import { newRecyclingArena, openedArena, recycle, swapArena } from './pool.ts';
import { BYTES_PER_ELEMENT, f32, type Tensor } from './tensor.ts';

const byteSize = (t: Tensor): number => t.data.length * BYTES_PER_ELEMENT[t.dtype];

export interface Step {
  /** Index of the node in graph.nodes (for a fused chain: of its Conv). */
  index: number;
  node: Node;
  inputs: (Tensor | undefined)[];
  outputs: Tensor[];
  macs: number;
  ms: number;
  /**
   * Bytes of activations the engine holds while this step's inputs and outputs coexist (graph
   * inputs and node outputs, weights excluded): the run's measured counterpart of
   * analyze().peakLiveBytes, which is the maximum of this over an unfused, unretained run.
   */
  liveBytes: number;
  /** Nodes absorbed into this step by fusion (BatchNorm, activation), in order; absent when none. */
  fused?: Node[];
}

export interface ExecuteOptions {
  /** Keep every tensor (stepping UI); default releases each value after its last use. */
  retain?: boolean;
  /** Called before each node runs; may mutate initializer data in place. */
  beforeNode?: (node: Node, inputs: readonly (Tensor | undefined)[]) => void;
  /** Set `cancelled` to stop before the next node (throws EngineError 'cancelled'). */
  signal?: { cancelled: boolean };
  /** Run Conv → BatchNorm → activation chains as one kernel (ignored with retain or beforeNode). */
  fuse?: boolean;
  /**
   * Called just before each BatchNormalization normalises, with its inputs (X first, then γ, β,
   * running mean, running var); may write the statistics in place (the zoo calibrates them this
   * way). Unlike beforeNode it keeps fusion: in a fused chain the Conv runs first, X is its output,
   * and the BatchNorm folded from the new statistics and the activation are applied after.
   */
  beforeBatchNorm?: (node: Node, inputs: readonly (Tensor | undefined)[]) => void;
  /**
   * Reuse activation buffers within the run (ignored with retain, or while another arena is open,
   * as in a training step): each node's float32 outputs come from the graph's recycling arena (pool.ts, kept between runs), and
   * a value's buffer goes back to it once the value's last reader has run (analyze.ts lastUses) and
   * no other live value shares it (Reshape and friends may return a view of their input). A
   * yielded Step's tensors are then valid only until the generator resumes, so only callers that
   * look at each step before the next (runGraph, calibration) ask for it. Same values bit for bit:
   * every kernel writes all of its output, and recycled buffers are zeroed where a fresh one would be.
   */
  reuse?: boolean;
}

/** Checks everything a run needs up front, listing every problem of a kind at once. */
export function checkRunnable(graph: Graph, feeds: Readonly<Record<string, Tensor>>): void {
  checkSupported(graph);
  // Fused chains skip planNode for their BatchNorm and activation, so their attributes are checked here.
  for (const n of graph.nodes) checkOpAttributes(n, graph.opset);
  const missing = graph.inputs
    .filter((i) => !graph.initializers.has(i.name) && feeds[i.name] === undefined)
    .map((i) => i.name);
  if (missing.length > 0)
    throw new EngineError('missing-input', `no value fed for graph inputs: ${missing.join(', ')}`);
  const used = new Set(graph.nodes.flatMap((n) => n.inputs));
  const declared = [...(graph.declared?.keys() ?? [])].filter((n) => used.has(n) && feeds[n] === undefined);
  if (declared.length > 0) {
    throw new EngineError(
      'undeclared-weight',
      `weights are declared by shape only and have no values, so the graph cannot run: ${declared.join(', ')}`,
    );
  }
}

const now = (): number => globalThis.performance.now();

/** Fusion patterns depend only on the graph's structure, so they are found once per graph object. */
const fusionCache = new WeakMap<Graph, Map<number, FusedChain>>();
function fusionsOf(graph: Graph): Map<number, FusedChain> {
  let f = fusionCache.get(graph);
  if (!f) fusionCache.set(graph, (f = findFusions(graph)));
  return f;
}

/**
 * One recycling arena per graph, kept between runs: at a run's end every intermediate buffer is
 * back on its free lists, so the next run of the same graph allocates nothing (a fresh arena per
 * run made each run allocate, zero and later collect every activation: about a fifth of a
 * MobileNet's run in profiles). The buffers live as long as the graph does.
 */
const arenaCache = new WeakMap<Graph, ReturnType<typeof newRecyclingArena>>();
function arenaOf(graph: Graph): ReturnType<typeof newRecyclingArena> {
  let a = arenaCache.get(graph);
  if (!a) arenaCache.set(graph, (a = newRecyclingArena()));
  return a;
}

/**
 * A fused chain's Conv geometry, planned once per node and reused while its inputs keep their
 * shapes and types (the attributes are the node's own): planConvGeometry parses the attributes and
 * checks every shape, a few percent of a MobileNetV3 run when it ran for every chain of every run.
 */
type Meta = { readonly dtype: string; readonly dims: readonly number[] } | undefined;
type ConvPlan = { readonly key: readonly Meta[]; readonly g: ReturnType<typeof planConvGeometry> };
const convPlans = new WeakMap<Node, ConvPlan>();
const sameMeta = (a: Meta, b: Tensor | undefined): boolean =>
  a === undefined
    ? b === undefined
    : b !== undefined &&
      a.dtype === b.dtype &&
      a.dims.length === b.dims.length &&
      a.dims.every((d, i) => d === b.dims[i]);
function convGeometryOf(graph: Graph, conv: Node, inputs: (Tensor | undefined)[]): ConvPlan['g'] {
  const p = convPlans.get(conv);
  if (p && p.key.length === inputs.length && p.key.every((m, i) => sameMeta(m, inputs[i]))) return p.g;
  const g = planConvGeometry({ node: conv, opset: graph.opset, inputs, values: inputs });
  convPlans.set(conv, { key: inputs.map((t) => t && { dtype: t.dtype, dims: [...t.dims] }), g });
  return g;
}

/** The value of a Constant node's output, evaluated out of order (fused activations need Clip bounds early). */
function constantValue(graph: Graph, name: string): Tensor | undefined {
  const node = graph.nodes.find((n) => n.opType === 'Constant' && n.outputs[0] === name);
  if (!node) return undefined;
  return planNode(graph, node, [], []).planned.constants?.[0];
}

/** y[c, i] ← act(y[c, i]·scale[c] + shift[c]) over N images of C channels of `inner` values. */
function applyEpilogue(
  y: Float32Array,
  channels: number,
  inner: number,
  scale: Float32Array,
  shift: Float32Array,
  act: Act,
  p0: number,
  p1: number,
): void {
  if (!affineInPlace(y, channels, inner, scale, shift, act, p0, p1)) {
    for (let o = 0, c = 0; o < y.length; o += inner, c = (c + 1) % channels) {
      const s = scale[c];
      const t = shift[c];
      for (let i = o; i < o + inner; i++) y[i] = y[i] * s + t;
      activateRow(y, o, o + inner, act, p0, p1);
    }
  }
}

function runChain(
  graph: Graph,
  chain: FusedChain,
  values: Map<string, Tensor>,
  beforeBatchNorm?: ExecuteOptions['beforeBatchNorm'],
): { inputs: (Tensor | undefined)[]; out: Tensor; macs: number } {
  const conv = graph.nodes[chain.conv];
  const inputs = conv.inputs.map((n) => (n === '' ? undefined : values.get(n)));
  const [x, w, b] = inputs;
  const g = convGeometryOf(graph, conv, inputs);
  let scale: Float32Array | null = null;
  let shift = b ? (b.data as Float32Array) : null;
  let p0 = 0;
  let p1 = 0;
  if (chain.act !== undefined && chain.actKind !== Act.Swish) {
    const a = graph.nodes[chain.act];
    const row = UNARY[a.opType];
    const actInputs = a.inputs.map((n) => (n === '' ? undefined : (values.get(n) ?? constantValue(graph, n))));
    if (row.params) [p0, p1] = row.params(a, graph.opset, actInputs);
  }
  if (chain.bn !== undefined && beforeBatchNorm) {
    // The BatchNorm needs its input before it is folded: run the Conv alone, let the hook see
    // (and set statistics from) its output, then fold and apply BatchNorm and activation in place.
    const bn = graph.nodes[chain.bn];
    const dims = convOutputDims(g);
    const conv = f32(dims, convForward(g, x!.data as Float32Array, w!.data as Float32Array, { ...NO_EPILOGUE, shift }));
    const bnInputs = [conv, ...bn.inputs.slice(1).map((n) => values.get(n))];
    beforeBatchNorm(bn, bnInputs);
    const p = bnInputs.slice(1, 5).map((t) => t!.data as Float32Array);
    const eps = bn.attrs.epsilon?.type === 'float' ? bn.attrs.epsilon.value : 1e-5;
    const folded = foldBatchNorm(eps, p[0], p[1], p[2], p[3], null, null);
    applyEpilogue(
      conv.data as Float32Array,
      dims[1],
      dims.slice(2).reduce((u, v) => u * v, 1),
      folded.scale!,
      folded.shift!,
      chain.actKind,
      p0,
      p1,
    );
    return { inputs, out: conv, macs: convMacs(g) };
  }
  if (chain.bn !== undefined) {
    const bn = graph.nodes[chain.bn];
    const p = bn.inputs.slice(1, 5).map((n) => values.get(n)!.data as Float32Array);
    const eps = bn.attrs.epsilon?.type === 'float' ? bn.attrs.epsilon.value : 1e-5;
    ({ scale, shift } = foldBatchNorm(eps, p[0], p[1], p[2], p[3], null, shift));
  }
  const y = convForward(g, x!.data as Float32Array, w!.data as Float32Array, {
    scale,
    shift,
    act: chain.actKind,
    p0,
    p1,
  });
  return { inputs, out: f32(convOutputDims(g), y), macs: convMacs(g) };
}

export function* execute(
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  opts: ExecuteOptions = {},
): Generator<Step, Record<string, Tensor>> {
  checkRunnable(graph, feeds);
  const values = new Map<string, Tensor>(graph.initializers);
  for (const [k, v] of Object.entries(feeds)) values.set(k, v);
  const last = lastUses(graph);
  const keep = new Set<string>([...graph.outputs.map((o) => o.name), ...graph.initializers.keys()]);
  const chains = opts.fuse && !opts.retain && !opts.beforeNode ? fusionsOf(graph) : new Map<number, FusedChain>();
  const absorbed = new Set<number>();
  for (const c of chains.values()) for (const a of c.absorbed) absorbed.add(a);
  const weights = new Set(graph.initializers.keys());
  const arena = opts.reuse && !opts.retain && !openedArena() ? arenaOf(graph) : undefined;
  // The arena outlives the run, so it may own the buffer of a tensor fed in (an output of an
  // earlier run): the caller holds that one, so it is never recycled here.
  const fed = new Set(Object.values(feeds).map((t) => t.data.buffer));
  // Live values per buffer: a buffer is recycled only when no value still holds it.
  const holders = new Map<ArrayBufferLike, number>();
  const hold = (t: Tensor, by: number): void => {
    const n = (holders.get(t.data.buffer) ?? 0) + by;
    if (n > 0) holders.set(t.data.buffer, n);
    else {
      holders.delete(t.data.buffer);
      if (arena && !fed.has(t.data.buffer)) recycle(arena, t.data);
    }
  };
  /** Runs a kernel with the recycling arena open (plain allocation without one). */
  const inArena = <T>(fn: () => T): T => {
    if (!arena) return fn();
    const prev = swapArena(arena);
    try {
      return fn();
    } finally {
      swapArena(prev);
    }
  };
  let live = 0;
  for (const [k, v] of Object.entries(feeds)) if (!weights.has(k)) live += byteSize(v);
  const store = (name: string, t: Tensor): void => {
    const old = values.get(name);
    if (old && !weights.has(name)) live -= byteSize(old);
    if (arena) {
      if (old && !weights.has(name)) hold(old, -1);
      hold(t, 1);
    }
    values.set(name, t);
    live += byteSize(t);
  };
  const release = (names: readonly string[], upTo: number): void => {
    if (opts.retain) return;
    for (const name of names) {
      if (name === '' || keep.has(name)) continue;
      const l = last.get(name);
      const t = values.get(name);
      if (t && (l === undefined || l <= upTo)) {
        values.delete(name);
        live -= byteSize(t);
        if (arena && !weights.has(name)) hold(t, -1);
      }
    }
  };

  for (let index = 0; index < graph.nodes.length; index++) {
    if (absorbed.has(index)) continue;
    if (opts.signal?.cancelled)
      throw new EngineError('cancelled', `run cancelled before node ${index} of ${graph.nodes.length}`);
    const node = graph.nodes[index];
    const chain = chains.get(index);
    if (chain) {
      const t0 = now();
      const { inputs, out, macs } = inArena(() => runChain(graph, chain, values, opts.beforeBatchNorm));
      const ms = now() - t0;
      const lastNode = graph.nodes[chain.last];
      store(lastNode.outputs[0], out);
      const fused = chain.absorbed.map((i) => graph.nodes[i]);
      yield { index, node, inputs, outputs: [out], macs, ms, liveBytes: live, fused };
      for (const f of [node, ...fused]) release(f.inputs, chain.last);
      release(lastNode.outputs, chain.last);
      continue;
    }
    const inputs = nodeInputs(node, values, NO_VALUE);
    opts.beforeNode?.(node, inputs);
    if (node.opType === 'BatchNormalization') opts.beforeBatchNorm?.(node, inputs);
    let macs = 0;
    const t0 = now();
    const outputs = inArena(() => {
      const { def, planned } = planNode(graph, node, inputs, inputs, MAX_TENSOR_ELEMENTS);
      macs = def.macs ? def.macs(planned.geom) : 0;
      return def.run(planned.geom, inputs);
    });
    const ms = now() - t0;
    node.outputs.forEach((name, i) => {
      if (name !== '' && outputs[i]) store(name, outputs[i]);
    });
    yield { index, node, inputs, outputs, macs, ms, liveBytes: live };
    release(node.inputs, index);
    release(node.outputs, index);
  }
  const result: Record<string, Tensor> = {};
  for (const o of graph.outputs) {
    const t = values.get(o.name);
    if (!t) throw new EngineError('missing-input', `graph output '${o.name}' was never produced`);
    result[o.name] = t;
  }
  return result;
}
