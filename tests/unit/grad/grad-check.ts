/**
 * Finite-difference gradient checks for the backward rules.
 *
 * The loss is L = Σ r·y over the checked output(s), r a fixed random tensor, summed in float64;
 * backward is seeded with dL/dy = r. Each checked element of each input is perturbed by ±eps and
 * the central difference (L(x+eps) − L(x−eps)) / 2eps compared with the analytic gradient.
 * The forward is the engine's own float32 forward in the same mode (trainingForward), so the
 * difference quotient carries float32 rounding noise of about ε_f32·Σ|r·y| / eps; callers pick
 * eps and the tolerance per op (see each test): large eps where L is linear in the perturbed
 * input (no truncation error at all), eps ≈ 1e-2 for smooth nonlinear ops (truncation O(eps²)).
 */
import { expect } from 'vitest';
import { backward, trainingForward, type Graph, type Tape, type Tensor, f32 } from '~/lib/engine/index.ts';
import type { Attrs, Node, ValueInfo } from '~/lib/engine/graph.ts';
import { mulberry32 } from '~/lib/engine/random.ts';

/** Seeded uniform [lo, hi) float32 tensor (mulberry32). */
export function rand(dims: readonly number[], seed: number, lo = -1, hi = 1): Tensor {
  const u = mulberry32(seed);
  const n = dims.reduce((p, q) => p * q, 1);
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) d[i] = lo + (hi - lo) * u();
  return f32(dims, d);
}

export interface OpCase {
  readonly op: string;
  /** Float inputs that are differentiated: graph inputs (name → tensor), in slot order with `fixed`. */
  readonly inputs: readonly (string | undefined)[];
  readonly values: Readonly<Record<string, Tensor>>;
  /** Names among `values` that are initializers (non-differentiable constants or buffers). */
  readonly constants?: readonly string[];
  readonly attrs?: Attrs;
  readonly outputs?: number;
  readonly opset?: number;
}

/** A one-node graph: differentiated values are graph inputs, constants are initializers. */
export function opGraph(c: OpCase): Graph {
  const consts = new Set(c.constants ?? []);
  const ins: ValueInfo[] = c.inputs
    .filter((n): n is string => n !== undefined && !consts.has(n))
    .map((n) => ({ name: n, dtype: c.values[n].dtype, dims: c.values[n].dims }));
  const outs = Array.from({ length: c.outputs ?? 1 }, (_, i) => `y${i}`);
  const node: Node = {
    name: `${c.op}_node`,
    opType: c.op,
    inputs: c.inputs.map((n) => n ?? ''),
    outputs: outs,
    attrs: c.attrs ?? {},
    scope: '',
  };
  return {
    name: `grad-${c.op}`,
    inputs: ins,
    outputs: outs.map((n) => ({ name: n, dtype: 'float32', dims: [] })),
    initializers: new Map([...consts].map((n) => [n, c.values[n]])),
    nodes: [node],
    opset: c.opset ?? 17,
  };
}

export interface CheckOptions {
  readonly eps: number;
  /** Pass when |analytic − numeric| ≤ atol + rtol·|numeric|. */
  readonly atol: number;
  readonly rtol: number;
  /** Elements checked per input (spread evenly; all when the input is smaller). */
  readonly samples?: number;
  readonly training?: boolean;
  readonly seed?: number;
  /** Which graph outputs enter the loss (default: all float outputs). */
  readonly lossOutputs?: readonly string[];
  /** Check only these gradients (by input or initializer name); default all. */
  readonly only?: (name: string) => boolean;
  /** Skip an element (e.g. whose perturbation crosses a kink). */
  readonly skip?: (input: string, index: number) => boolean;
  /**
   * Skip samples whose ±eps forwards put any Relu/Clip/HardSigmoid/HardSwish element on another
   * linear piece than the unperturbed forward (no derivative exists across a kink); at most half
   * the samples may be skipped.
   */
  readonly kinkAware?: boolean;
}

/**
 * Which linear piece every piecewise-linear activation is on (Relu, Clip, HardSigmoid, HardSwish),
 * as one string: a central difference is only valid when x + eps and x − eps leave it unchanged.
 */
function kinkPattern(tape: Tape): string {
  const parts: string[] = [];
  for (const rec of tape.records) {
    if (!rec) continue;
    const op = rec.node.opType;
    const v = op === 'HardSwish' ? rec.inputs[0] : rec.outputs[0];
    if (!v || !['Relu', 'Clip', 'HardSigmoid', 'HardSwish'].includes(op)) continue;
    const lo = op === 'HardSwish' ? -3 : op === 'Clip' ? Number(rec.inputs[1]?.data[0] ?? -Infinity) : 0;
    const hi =
      op === 'HardSwish'
        ? 3
        : op === 'Clip'
          ? Number(rec.inputs[2]?.data[0] ?? Infinity)
          : op === 'Relu'
            ? Infinity
            : 1;
    let code = '';
    for (let i = 0; i < v.data.length; i++) code += v.data[i] <= lo ? 'a' : v.data[i] >= hi ? 'c' : 'b';
    parts.push(code);
  }
  return parts.join('|');
}

/** Forward loss L = Σ r·y in float64 (and the activation pattern when asked). */
function loss(
  graph: Graph,
  feeds: Record<string, Tensor>,
  r: Record<string, Tensor>,
  o: CheckOptions,
): [number, string] {
  const { outputs, tape } = trainingForward(graph, feeds, { training: o.training ?? false, seed: o.seed ?? 7 });
  let s = 0;
  for (const [k, rt] of Object.entries(r)) {
    const y = outputs[k].data;
    for (let i = 0; i < y.length; i++) s += y[i] * rt.data[i];
  }
  return [s, o.kinkAware ? kinkPattern(tape) : ''];
}

/**
 * Checks every differentiated input (graph inputs) of `graph` against central differences;
 * returns the worst |analytic − numeric| for reporting. Graph inputs are `feeds`.
 */
export function gradCheck(
  graph: Graph,
  feeds: Record<string, Tensor>,
  o: CheckOptions,
): { worst: number; checked: number } {
  const { tape, outputs } = trainingForward(graph, feeds, { training: o.training ?? false, seed: o.seed ?? 7 });
  const pattern = o.kinkAware ? kinkPattern(tape) : '';
  let skipped = 0;
  const names =
    o.lossOutputs ??
    graph.outputs.map((x) => x.name).filter((n) => outputs[n].dtype === 'float32' || outputs[n].dtype === 'float64');
  const r: Record<string, Tensor> = {};
  names.forEach((n, i) => (r[n] = rand(outputs[n].dims, 1000 + i)));
  const grads = backward(tape, r);
  let worst = 0;
  let checked = 0;
  let largest = 0;
  const all = new Map<string, Tensor>([...grads.inputs, ...grads.params]);
  for (const [name, g] of all) {
    if (o.only && !o.only(name)) continue;
    const isInput = name in feeds;
    const base = isInput ? feeds[name] : graph.initializers.get(name)!;
    const n = base.data.length;
    const k = Math.min(n, o.samples ?? 12);
    for (let j = 0; j < k; j++) {
      const i = k === n ? j : Math.floor(((j + 0.5) * n) / k);
      if (o.skip?.(name, i)) continue;
      const data = base.data as Float32Array;
      const keep = data[i];
      data[i] = keep + o.eps;
      const hi = data[i];
      const [lp, pp] = loss(graph, feeds, r, o);
      data[i] = keep - o.eps;
      const lo = data[i];
      const [lm, pm] = loss(graph, feeds, r, o);
      data[i] = keep;
      if (pp !== pattern || pm !== pattern) {
        skipped++;
        continue;
      }
      // The step actually taken (x ± eps rounds in float32).
      const num = (lp - lm) / (hi - lo);
      const ana = g.data[i];
      const err = Math.abs(ana - num);
      worst = Math.max(worst, err);
      largest = Math.max(largest, Math.abs(num));
      checked++;
      if (err > o.atol + o.rtol * Math.abs(num)) {
        expect.fail(`${graph.name}: d/d${name}[${i}] analytic ${ana} vs numeric ${num} (|Δ| ${err.toExponential(2)})`);
      }
    }
  }
  // A check where every gradient is zero would pass anything.
  expect(checked).toBeGreaterThan(0);
  expect(largest, 'all numeric gradients are zero').toBeGreaterThan(1e-3);
  expect(skipped, 'samples skipped at kinks').toBeLessThanOrEqual(checked);
  if (process.env.GRAD_REPORT)
    console.log(
      `${graph.name}: ${checked} checked (${skipped} skipped at kinks), worst |Δ| ${worst.toExponential(2)}, largest |g| ${largest.toExponential(2)}`,
    );
  return { worst, checked };
}

/** A float64 copy (unary and broadcasting ops run in float64, so their checks need no float32 slack). */
export function f64(t: Tensor): Tensor {
  return { dtype: 'float64', dims: t.dims, data: Float64Array.from(t.data as Float32Array) };
}

/** Checks a one-node op; with `float64`, the differentiated inputs are fed as float64 tensors. */
export function checkOp(c: OpCase, o: CheckOptions & { float64?: boolean }): { worst: number; checked: number } {
  const consts = new Set(c.constants ?? []);
  const values = { ...c.values };
  if (o.float64) for (const n of c.inputs) if (n !== undefined && !consts.has(n)) values[n] = f64(values[n]);
  const g = opGraph({ ...c, values });
  const feeds: Record<string, Tensor> = {};
  for (const n of c.inputs) if (n !== undefined && !consts.has(n)) feeds[n] = values[n];
  return gradCheck(g, feeds, o);
}
