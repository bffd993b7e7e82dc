/**
 * Backward: the reverse of execute(). `executeBackward` is a generator that runs one node's
 * gradient rule per `next()`, in reverse topological order, and yields what it did; `backward`
 * drains it. Gradients that reach a value from several readers are summed in a fixed order
 * (reverse node order, then input slot), in float32, so a run is bit-for-bit repeatable.
 */
import type { Node } from '../graph.ts';
import { EngineError } from '../errors.ts';
import { f32, type Tensor } from '../tensor.ts';
import { f32bufUninit } from '../pool.ts';
import { dimsText } from '../shape-util.ts';
import type { Tape } from './tape.ts';

export interface BackwardStep {
  /** Index of the node in graph.nodes. */
  readonly index: number;
  readonly node: Node;
  /** dL/d(output i) as it arrived (summed over the output's readers); undefined where none reached. */
  readonly gradOutputs: readonly (Tensor | undefined)[];
  /** dL/d(input i) from this node (undefined for slots that need none). */
  readonly gradInputs: readonly (Tensor | undefined)[];
  /** This node's contribution to trainable weights' gradients, by initializer name. */
  readonly weightGrads: ReadonlyMap<string, Tensor>;
  readonly ms: number;
}

export interface Gradients {
  /** dL/dθ for every trainable initializer (zeros where no gradient reached it). */
  readonly params: Map<string, Tensor>;
  /** dL/dx for every differentiated graph input (zeros where none reached it). */
  readonly inputs: Map<string, Tensor>;
}

export interface BackwardOptions {
  /** Keep the tape's activations after backward (default false: each record is released once used). */
  readonly keepTape?: boolean;
  /** Set `cancelled` to stop before the next node (throws EngineError 'cancelled'). */
  readonly signal?: { cancelled: boolean };
  /**
   * Use the fast kernels (the depthwise weight gradient on WebAssembly SIMD, float32 partial sums)
   * instead of the float64 loops whose order explainWeightGradient shows. The trainer sets it; the
   * step-through views leave it off so the explanation reproduces the reported gradient exactly.
   */
  readonly fast?: boolean;
}

const now = (): number => globalThis.performance.now();

/** a + b (same dims), a new float32 tensor. */
function addTensors(a: Tensor, b: Tensor): Tensor {
  const x = a.data;
  const y = b.data;
  const out = f32bufUninit(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return f32(a.dims, out);
}

/**
 * Runs backward from `seeds` (dL/d(value) for graph outputs or any value on the gradient path,
 * each with that value's dims) one node per step. The return value has the gradients.
 */
export function* executeBackward(
  tape: Tape,
  seeds: Readonly<Record<string, Tensor>>,
  opts: BackwardOptions = {},
): Generator<BackwardStep, Gradients> {
  if (tape.consumed)
    throw new EngineError(
      'missing-input',
      'this tape was already used by backward (run trainingForward again, or pass keepTape)',
    );
  const { graph, path } = tape;
  const grads = new Map<string, Tensor>();
  for (const [name, g] of Object.entries(seeds)) {
    const m = tape.meta.get(name);
    if (!m) throw new EngineError('missing-input', `seed '${name}' is not a value of graph '${graph.name}'`);
    if (!path.requiresGrad.has(name))
      throw new EngineError('missing-input', `seed '${name}' does not depend on any trainable weight or input`);
    if (m.dims.length !== g.dims.length || m.dims.some((d, i) => d !== g.dims[i])) {
      throw new EngineError('shape', `seed '${name}' has dims ${dimsText(g.dims)}, the value has ${dimsText(m.dims)}`);
    }
    grads.set(name, g.dtype === 'float32' ? g : f32(g.dims, Float32Array.from(g.data as ArrayLike<number>)));
  }
  const trainable = new Set(path.trainable);
  const wanted = new Set([...path.trainable, ...path.inputs]);
  for (let index = graph.nodes.length - 1; index >= 0; index--) {
    const rec = tape.records[index];
    if (!rec) continue;
    if (opts.signal?.cancelled) throw new EngineError('cancelled', `backward cancelled at node ${index}`);
    const node = rec.node;
    const gradOutputs = node.outputs.map((n) => (n === '' ? undefined : grads.get(n)));
    if (gradOutputs.every((g) => g === undefined)) {
      if (!opts.keepTape) tape.records[index] = undefined;
      continue;
    }
    const t0 = now();
    const rule = rec.def.backward!.backward!;
    let gradInputs: (Tensor | undefined)[];
    try {
      gradInputs = rule({
        geom: rec.geom,
        inputs: rec.inputs,
        inputMeta: rec.inputMeta,
        outputs: rec.outputs,
        gradOutputs,
        needs: rec.needs,
        saved: rec.saved,
        training: tape.training,
        fast: opts.fast === true,
      });
    } catch (e) {
      if (e instanceof EngineError) throw e;
      throw new EngineError(
        'no-gradient',
        `backward of ${node.opType} failed: ${e instanceof Error ? e.message : String(e)}`,
        node.name,
      );
    }
    const ms = now() - t0;
    const weightGrads = new Map<string, Tensor>();
    node.inputs.forEach((name, slot) => {
      const g = gradInputs[slot];
      if (!rec.needs[slot] || !g) return;
      const m = rec.inputMeta[slot]!;
      if (
        g.data.length !== g.dims.reduce((a, b) => a * b, 1) ||
        g.dims.length !== m.dims.length ||
        g.dims.some((d, i) => d !== m.dims[i])
      ) {
        throw new EngineError(
          'shape',
          `gradient of input ${slot} is ${dimsText(g.dims)}, the input is ${dimsText(m.dims)}`,
          node.name,
        );
      }
      if (trainable.has(name)) weightGrads.set(name, g);
      const prev = grads.get(name);
      grads.set(name, prev ? addTensors(prev, g) : g);
    });
    // Output gradients are spent once their producer has run (values read again are graph inputs or weights).
    for (const n of node.outputs) if (n !== '' && !wanted.has(n)) grads.delete(n);
    if (!opts.keepTape) tape.records[index] = undefined;
    yield { index, node, gradOutputs, gradInputs, weightGrads, ms };
  }
  if (!opts.keepTape) tape.consumed = true;
  const zeros = (name: string): Tensor => {
    const m = tape.meta.get(name)!;
    return f32(m.dims, new Float32Array(m.dims.reduce((a, b) => a * b, 1)));
  };
  const params = new Map<string, Tensor>();
  for (const n of path.trainable) params.set(n, grads.get(n) ?? zeros(n));
  const inputs = new Map<string, Tensor>();
  for (const n of path.inputs) inputs.set(n, grads.get(n) ?? zeros(n));
  return { params, inputs };
}

/** Runs executeBackward to the end and returns the gradients. */
export function backward(tape: Tape, seeds: Readonly<Record<string, Tensor>>, opts: BackwardOptions = {}): Gradients {
  const gen = executeBackward(tape, seeds, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}
