/**
 * The training forward: runs every node like execute() (unfused, so each node's own output
 * exists), with each op's training behaviour (BatchNorm on batch statistics, Dropout with a
 * seeded mask), and records on a tape what backward needs: per node its geometry, the inputs and
 * outputs its rule keeps (gradientPath decides, from the registry) and anything it saved.
 * Every other activation is released after its last reader, as execute() does.
 */
import type { Graph, Node } from '../graph.ts';
import { lastUses } from '../analyze.ts';
import { EngineError } from '../errors.ts';
import { checkRunnable } from '../execute.ts';
import type { OpDef, ValueMeta } from '../op.ts';
import { nodeInputs, NO_VALUE, planNode } from '../plan-node.ts';
import { BYTES_PER_ELEMENT, type Tensor } from '../tensor.ts';
import { gradientPath, type GradientPath } from './path.ts';
import { hashSeed } from '../random.ts';

export interface TrainingForwardOptions {
  /**
   * true: training behaviour (BatchNorm normalises with batch statistics and returns updated
   * running statistics; Dropout drops with `seed`). false: inference behaviour (running
   * statistics, no dropout) — still differentiable, e.g. for a gradient of a frozen model.
   */
  readonly training: boolean;
  /** Seed of the dropout masks (each node draws its own stream from seed and its name). Default 0. */
  readonly seed?: number;
  /** Also differentiate with respect to float graph inputs (default true; training passes false to skip dX of the stem). */
  readonly inputGrads?: boolean;
  /** Set `cancelled` to stop before the next node (throws EngineError 'cancelled'). */
  readonly signal?: { cancelled: boolean };
}

/** What one node left for backward. */
export interface TapeRecord {
  readonly index: number;
  readonly node: Node;
  readonly def: OpDef;
  readonly geom: unknown;
  /** Inputs kept for backward (and every weight/constant input); undefined elsewhere. */
  readonly inputs: readonly (Tensor | undefined)[];
  readonly inputMeta: readonly (ValueMeta | undefined)[];
  /** Outputs kept for backward; undefined elsewhere. */
  readonly outputs: readonly (Tensor | undefined)[];
  readonly outputMeta: readonly ValueMeta[];
  readonly saved: unknown;
  /** Which input slots need a gradient. */
  readonly needs: readonly boolean[];
}

export interface Tape {
  readonly graph: Graph;
  readonly training: boolean;
  readonly path: GradientPath;
  /** One record per node on the gradient path (index = node index); undefined for the others. */
  readonly records: (TapeRecord | undefined)[];
  /** Dtype and dims of every value the forward produced or was fed. */
  readonly meta: ReadonlyMap<string, ValueMeta>;
  /** Bytes of activations the tape holds for backward: kept node inputs/outputs (weights and constants excluded) plus saved state. */
  readonly keptBytes: number;
  /** Set when backward has consumed (released) the tape. */
  consumed: boolean;
}

export interface TrainingForwardResult {
  readonly tape: Tape;
  /** The graph outputs by name. */
  readonly outputs: Record<string, Tensor>;
  /**
   * New values of buffers (BatchNorm running mean/var) by initializer name, after this step
   * (training only; empty otherwise). The graph is not changed: `applyBuffers` writes them.
   */
  readonly buffers: Map<string, Tensor>;
}

const byteSize = (t: Tensor): number => t.data.length * BYTES_PER_ELEMENT[t.dtype];

/** Bytes of the typed arrays in a rule's saved state (a typed array, or an object of them). */
function savedSize(saved: unknown): number {
  if (saved === undefined || saved === null) return 0;
  if (ArrayBuffer.isView(saved)) return saved.byteLength;
  if (typeof saved === 'object') {
    let n = 0;
    for (const v of Object.values(saved as Record<string, unknown>)) if (ArrayBuffer.isView(v)) n += v.byteLength;
    return n;
  }
  return 0;
}

/** Values whose bytes do not count as activations: weights and the outputs of Constant nodes. */
export function constantValues(graph: Graph): Set<string> {
  const s = new Set<string>([...graph.initializers.keys(), ...(graph.declared?.keys() ?? [])]);
  for (const n of graph.nodes) if (n.opType === 'Constant') for (const o of n.outputs) s.add(o);
  return s;
}

/**
 * Runs the graph forward in training (or inference) mode and records the tape. Throws EngineError
 * 'no-gradient' up front, naming every op on the gradient path that has no backward rule.
 */
export function trainingForward(
  graph: Graph,
  feeds: Readonly<Record<string, Tensor>>,
  opts: TrainingForwardOptions,
): TrainingForwardResult {
  checkRunnable(graph, feeds);
  const path = gradientPath(graph, { inputGrads: opts.inputGrads });
  const seed = opts.seed ?? 0;
  const values = new Map<string, Tensor>(graph.initializers);
  for (const [k, v] of Object.entries(feeds)) values.set(k, v);
  const meta = new Map<string, ValueMeta>();
  for (const [k, v] of values) meta.set(k, { dtype: v.dtype, dims: v.dims });
  const last = lastUses(graph);
  const keep = new Set<string>([...graph.outputs.map((o) => o.name), ...graph.initializers.keys()]);
  const notActivation = constantValues(graph);
  const counted = new Set<string>();
  let keptBytes = 0;
  const records: (TapeRecord | undefined)[] = new Array<TapeRecord | undefined>(graph.nodes.length);
  const buffers = new Map<string, Tensor>();
  const countKept = (name: string, t: Tensor): void => {
    if (notActivation.has(name) || counted.has(name)) return;
    counted.add(name);
    keptBytes += byteSize(t);
  };

  for (let index = 0; index < graph.nodes.length; index++) {
    if (opts.signal?.cancelled)
      throw new EngineError('cancelled', `training forward cancelled before node ${index} of ${graph.nodes.length}`);
    const node = graph.nodes[index];
    const inputs = nodeInputs(node, values, NO_VALUE);
    const { def, planned } = planNode(graph, node, inputs, inputs);
    const g = def.backward;
    let outputs: Tensor[];
    let saved: unknown;
    if (g?.train) {
      const r = g.train(planned.geom, inputs, { node, training: opts.training, seed: hashSeed(seed, node.name) });
      outputs = r.outputs;
      saved = r.saved;
      if (opts.training && r.buffers) for (const [slot, t] of r.buffers) buffers.set(node.inputs[slot], t);
    } else {
      outputs = def.run(planned.geom, inputs);
    }
    node.outputs.forEach((name, i) => {
      if (name !== '' && outputs[i]) {
        values.set(name, outputs[i]);
        meta.set(name, { dtype: outputs[i].dtype, dims: outputs[i].dims });
      }
    });
    if (path.active[index]) {
      const ki = path.keepInputs[index];
      const ko = path.keepOutputs[index];
      const recIn = inputs.map((t, i) => (t && (ki[i] || notActivation.has(node.inputs[i])) ? t : undefined));
      recIn.forEach((t, i) => t && ki[i] && countKept(node.inputs[i], t));
      const recOut = outputs.map((t, i) => (ko[i] ? t : undefined));
      recOut.forEach((t, i) => t && countKept(node.outputs[i], t));
      keptBytes += savedSize(saved);
      records[index] = {
        index,
        node,
        def,
        geom: planned.geom,
        inputs: recIn,
        inputMeta: inputs.map((t) => (t ? { dtype: t.dtype, dims: t.dims } : undefined)),
        outputs: recOut,
        outputMeta: outputs.map((t) => ({ dtype: t.dtype, dims: t.dims })),
        saved,
        needs: path.needs[index],
      };
    }
    for (const name of [...node.inputs, ...node.outputs]) {
      if (name === '' || keep.has(name)) continue;
      const l = last.get(name);
      if (l === undefined || l <= index) values.delete(name);
    }
  }
  const result: Record<string, Tensor> = {};
  for (const o of graph.outputs) {
    const t = values.get(o.name);
    if (!t) throw new EngineError('missing-input', `graph output '${o.name}' was never produced`);
    result[o.name] = t;
  }
  return {
    tape: { graph, training: opts.training, path, records, meta, keptBytes, consumed: false },
    outputs: result,
    buffers,
  };
}

/** Writes updated buffers (trainingForward's `buffers`) into the graph's initializer data in place. */
export function applyBuffers(graph: Graph, buffers: ReadonlyMap<string, Tensor>): void {
  for (const [name, t] of buffers) {
    const w = graph.initializers.get(name);
    if (!w) throw new EngineError('missing-input', `buffer '${name}' is not an initializer of graph '${graph.name}'`);
    if (w.data.length !== t.data.length)
      throw new EngineError('shape', `buffer '${name}' has ${w.data.length} elements, update has ${t.data.length}`);
    (w.data as Float32Array).set(t.data as Float32Array);
  }
}
