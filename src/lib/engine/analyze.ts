/**
 * Static analysis without running: output dims, params, MACs and memory of every node, from the
 * same planners the kernels use. Works on graphs whose weights are only `declared`.
 *
 * Counting rules (published.md §1): params are the float weights a node consumes, each counted
 * once, BatchNorm running statistics excluded (PyTorch buffers); MACs come only from Conv, Gemm
 * and MatMul; FLOPs = 2 × MACs. Activation memory is output bytes; the peak live estimate holds
 * graph inputs and node outputs and releases each value after its last use (weights excluded).
 */
import type { Graph } from './graph.ts';
import { EngineError } from './errors.ts';
import type { ValueMeta } from './op.ts';
import { checkSupported, nodeInputs, planNode } from './plan-node.ts';
import { BYTES_PER_ELEMENT, sizeOf, type Tensor } from './tensor.ts';

export interface LayerStats {
  node: string;
  opType: string;
  scope: string;
  inputDims: number[][];
  outputDims: number[][];
  kernel?: number[];
  stride?: number[];
  group?: number;
  params: number;
  macs: number;
  activationBytes: number;
}

export interface Analysis {
  layers: LayerStats[];
  params: number;
  macs: number;
  /** 2 × macs (one multiply and one add per MAC). */
  flops: number;
  activationBytes: number;
  peakLiveBytes: number;
}

/** Constant folding bound: analysis evaluates nodes whose inputs are all known and this small. */
const FOLD_LIMIT = 1 << 16;

const bytesOf = (m: ValueMeta): number => sizeOf(m.dims) * BYTES_PER_ELEMENT[m.dtype];

/** Uses of each value: the index of the last node that reads it (−1 when none). */
export function lastUses(graph: Graph): Map<string, number> {
  const last = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    for (const name of n.inputs) if (name !== '') last.set(name, i);
  });
  return last;
}

export function analyze(graph: Graph, opts: { inputDims?: Record<string, number[]> } = {}): Analysis {
  checkSupported(graph);
  const metas = new Map<string, ValueMeta>();
  const values = new Map<string, Tensor>();
  const weights = new Set<string>();
  for (const [name, t] of graph.initializers) {
    metas.set(name, { dtype: t.dtype, dims: t.dims });
    values.set(name, t);
    weights.add(name);
  }
  for (const [name, v] of graph.declared ?? []) {
    const dims = v.dims.map((d) => {
      if (typeof d !== 'number') throw new EngineError('shape', `declared weight '${name}' has a symbolic dim '${d}'`);
      return d;
    });
    metas.set(name, { dtype: v.dtype, dims });
    weights.add(name);
  }
  const symbolic: string[] = [];
  for (const inp of graph.inputs) {
    if (weights.has(inp.name)) continue;
    const given = opts.inputDims?.[inp.name];
    if (given) {
      metas.set(inp.name, { dtype: inp.dtype, dims: given });
      continue;
    }
    if (inp.dims.some((d) => typeof d !== 'number')) symbolic.push(`${inp.name} [${inp.dims.join(', ')}]`);
    else metas.set(inp.name, { dtype: inp.dtype, dims: inp.dims as number[] });
  }
  if (symbolic.length > 0) {
    throw new EngineError('shape', `graph inputs have symbolic dims; give inputDims for: ${symbolic.join(', ')}`);
  }

  const last = lastUses(graph);
  const graphOutputs = new Set(graph.outputs.map((o) => o.name));
  const counted = new Set<string>();
  const layers: LayerStats[] = [];
  let live = 0;
  for (const inp of graph.inputs) if (!weights.has(inp.name)) live += bytesOf(metas.get(inp.name)!);
  let peak = live;

  graph.nodes.forEach((node, index) => {
    const inMetas = nodeInputs(node, metas, 'is not produced by any earlier node, graph input or weight');
    const inValues = node.inputs.map((name) => (name === '' ? undefined : values.get(name)));
    const { def, planned } = planNode(graph, node, inMetas, inValues);
    const outs = planned.outputs;
    node.outputs.forEach((name, i) => {
      if (name !== '' && outs[i]) metas.set(name, outs[i]);
    });
    // Values known without running (shapes, folded shape arithmetic) feed later planners.
    let consts = planned.constants;
    const allKnown = node.inputs.length > 0 && inValues.every((v, i) => v !== undefined || node.inputs[i] === '');
    if (
      !consts &&
      allKnown &&
      inMetas.every((m) => !m || sizeOf(m.dims) <= FOLD_LIMIT) &&
      outs.every((m) => sizeOf(m.dims) <= FOLD_LIMIT)
    ) {
      consts = def.run(planned.geom, inValues);
    }
    consts?.forEach((t, i) => {
      if (t && node.outputs[i]) values.set(node.outputs[i], t);
    });

    let params = 0;
    node.inputs.forEach((name, i) => {
      if (!weights.has(name) || counted.has(name) || def.buffers?.includes(i)) return;
      const m = metas.get(name)!;
      if (m.dtype !== 'float32' && m.dtype !== 'float64') return;
      counted.add(name);
      params += sizeOf(m.dims);
    });
    const activationBytes = outs.reduce((s, m) => s + bytesOf(m), 0);
    live += activationBytes;
    peak = Math.max(peak, live);
    // Release inputs read for the last time here, and outputs nobody reads.
    const released = new Set<string>();
    for (const name of node.inputs) {
      if (name === '' || weights.has(name) || graphOutputs.has(name) || released.has(name)) continue;
      if (last.get(name) === index) {
        live -= bytesOf(metas.get(name)!);
        released.add(name);
      }
    }
    node.outputs.forEach((name, i) => {
      if (name !== '' && !graphOutputs.has(name) && !last.has(name) && outs[i]) live -= bytesOf(outs[i]);
    });

    layers.push({
      node: node.name,
      opType: node.opType,
      scope: node.scope,
      inputDims: inMetas.map((m) => (m ? [...m.dims] : [])),
      outputDims: outs.map((m) => [...m.dims]),
      ...(def.describe ? def.describe(planned.geom) : {}),
      params,
      macs: def.macs ? def.macs(planned.geom) : 0,
      activationBytes,
    });
  });

  const macs = layers.reduce((s, l) => s + l.macs, 0);
  return {
    layers,
    params: layers.reduce((s, l) => s + l.params, 0),
    macs,
    flops: 2 * macs,
    activationBytes: layers.reduce((s, l) => s + l.activationBytes, 0),
    peakLiveBytes: peak,
  };
}
