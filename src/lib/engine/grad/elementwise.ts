/**
 * Gradients of the broadcasting arithmetic (Add, Sub, Mul, Div, Pow, Sum, Max, Min) and Where:
 * the elementwise partial derivative times dY over the broadcast output, then summed back to each
 * operand's shape (reduce-to.ts) — the squeeze-and-excitation gate's gradient is the H·W sum of
 * dY·x. Max/Min send the gradient to the operand the forward picked (the first on ties, as the
 * forward's a ≥ b test does).
 */
import { EngineError } from '../errors.ts';
import type { BackwardArgs, Gradient, TrainForward } from '../op.ts';
import { ARITHMETIC_OPS, broadcast2, type ElementwiseGeometry } from '../ops/elementwise.ts';
import { f32 as f32t, sizeOf, type Tensor } from '../tensor.ts';
import { f32buf, f32bufUninit } from '../pool.ts';
import { expandTo, reduceToTensor, sameDims } from './reduce-to.ts';

type Partial = (dy: number, a: number, b: number) => number;

const twoInputs = (node: { inputs: readonly string[] }): string | undefined =>
  node.inputs.length === 2
    ? undefined
    : `the gradient is implemented for two inputs, this node has ${node.inputs.length}`;

/** dL/da and dL/db of y = f(a, b), given the partials ∂f/∂a·dy and ∂f/∂b·dy. */
function binary(args: BackwardArgs<ElementwiseGeometry>, da: Partial, db: Partial): (Tensor | undefined)[] {
  const { geom: g, inputs, inputMeta, gradOutputs, needs } = args;
  if (inputMeta.length !== 2)
    throw new EngineError(
      'no-gradient',
      `${g.node.opType} backward supports two inputs, got ${inputMeta.length}`,
      g.node.name,
    );
  const dy = gradOutputs[0]!.data;
  const a = expandTo(inputs[0]!, g.dims);
  const b = expandTo(inputs[1]!, g.dims);
  const out: (Tensor | undefined)[] = [];
  const n = sizeOf(g.dims);
  const run = (slot: number, f: Partial): void => {
    const full = new Float64Array(n);
    for (let i = 0; i < n; i++) full[i] = f(dy[i], a[i], b[i]);
    out[slot] = reduceToTensor(full, g.dims, inputMeta[slot]!.dims);
  };
  if (needs[0]) run(0, da);
  if (needs[1]) run(1, db);
  return out;
}

/** Add / Sum: dY summed to each operand. */
const addGradient: Gradient<ElementwiseGeometry> = {
  keeps: { inputs: [] },
  backward({ geom: g, inputMeta, gradOutputs, needs }) {
    const dy = gradOutputs[0]!;
    return inputMeta.map((m, i) => (needs[i] ? reduceToTensor(dy.data, g.dims, m!.dims) : undefined));
  },
};

const subGradient: Gradient<ElementwiseGeometry> = {
  keeps: { inputs: [] },
  backward({ geom: g, inputMeta, gradOutputs, needs }) {
    const dy = gradOutputs[0]!;
    const out: (Tensor | undefined)[] = [];
    if (needs[0]) out[0] = reduceToTensor(dy.data, g.dims, inputMeta[0]!.dims);
    if (needs[1]) {
      const neg = f32buf(dy.data.length);
      for (let i = 0; i < neg.length; i++) neg[i] = -dy.data[i];
      out[1] = reduceToTensor(neg, g.dims, inputMeta[1]!.dims);
    }
    return out;
  },
};

/**
 * Length of the runs over which `dims` (right-aligned to `full`) is constant, when it is a prefix
 * of `full` followed by ones — the SE gate [N, C, 1, 1] against [N, C, H, W] gives H·W; else 0.
 */
export function planeRun(dims: readonly number[], full: readonly number[]): number {
  const lead = full.length - dims.length;
  if (lead < 0) return 0;
  let k = full.length;
  while (k > lead && dims[k - lead - 1] === 1) k--;
  for (let i = 0; i < k; i++) if ((i < lead ? 1 : dims[i - lead]) !== full[i]) return 0;
  let run = 1;
  for (let i = k; i < full.length; i++) run *= full[i];
  return run;
}

/**
 * Mul where one operand is constant over runs of `run` values (the SE gate): dFull = dY·gate with
 * no strided broadcast, and dGate[j] = Σ over run j of float32(dY·x), summed in float64 row by row
 * (rows of the innermost axis, `row` long) — exactly the order reduceTo uses after the products,
 * so the bits match the general path without the full-size temporary.
 */
function mulPlaneGrad(
  dy: Float32Array,
  full: Float32Array,
  plane: Float32Array,
  run: number,
  row: number,
  needFull: boolean,
  needPlane: boolean,
): [Float32Array | undefined, Float32Array | undefined] {
  const planes = plane.length;
  const dFull = needFull ? f32bufUninit(dy.length) : undefined;
  const dPlane = needPlane ? new Float32Array(planes) : undefined;
  const f32 = Math.fround;
  for (let j = 0; j < planes; j++) {
    const o = j * run;
    if (dFull) {
      const q = plane[j];
      for (let i = o; i < o + run; i++) dFull[i] = dy[i] * q;
    }
    if (dPlane) {
      let acc = 0;
      for (let r = o; r < o + run; r += row) {
        let s = 0;
        for (let i = r; i < r + row; i++) s += f32(dy[i] * full[i]);
        acc += s;
      }
      dPlane[j] = acc;
    }
  }
  return [dFull, dPlane];
}

/**
 * The training forward of Mul on float32: the two shapes a network trains with — same shape
 * (SiLU's x·sigmoid(x)) and a per-plane gate (SE) — as typed Float32 loops, the same products
 * (a·b rounded to float32) as the op's broadcast kernel, whose element access must serve every
 * dtype; anything else runs the op itself.
 */
function mulTrain(g: ElementwiseGeometry, inputs: readonly (Tensor | undefined)[]): TrainForward {
  const [a, b] = inputs;
  const n = sizeOf(g.dims);
  if (inputs.length === 2 && a && b && a.data instanceof Float32Array && b.data instanceof Float32Array) {
    const p = a.data;
    const q = b.data;
    if (p.length === n && q.length === n && sameDims(a.dims, g.dims) && sameDims(b.dims, g.dims)) {
      const y = f32bufUninit(n);
      for (let i = 0; i < n; i++) y[i] = p[i] * q[i];
      return { outputs: [f32t(g.dims, y)] };
    }
    for (const [full, plane] of [
      [a, b],
      [b, a],
    ] as const) {
      const run =
        full.data.length === n && sameDims(full.dims, g.dims) && plane.data.length > 1
          ? planeRun(plane.dims, g.dims)
          : 0;
      if (run === 0 || plane.data.length * run !== n) continue;
      const x = full.data as Float32Array;
      const s = plane.data as Float32Array;
      const y = f32bufUninit(n);
      for (let j = 0; j < s.length; j++) {
        const v = s[j];
        for (let i = j * run; i < (j + 1) * run; i++) y[i] = x[i] * v;
      }
      return { outputs: [f32t(g.dims, y)] };
    }
  }
  return { outputs: ARITHMETIC_OPS.Mul.run(g, inputs) };
}

/** Mul: dA = dY·B, dB = dY·A; the full-size products run in the forward's broadcast kernel. */
const mulGradient: Gradient<ElementwiseGeometry> = {
  train: (g, inputs) => mulTrain(g, inputs),
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs }) {
    const dy = gradOutputs[0]!;
    const out: (Tensor | undefined)[] = [];
    const n = sizeOf(g.dims);
    const row = g.dims.length ? g.dims[g.dims.length - 1] : 1;
    for (const [fullSlot, planeSlot] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const a = inputs[fullSlot];
      const b = inputs[planeSlot];
      if (
        !a ||
        !b ||
        !(a.data instanceof Float32Array) ||
        !(b.data instanceof Float32Array) ||
        !(dy.data instanceof Float32Array)
      )
        continue;
      if (a.data.length !== n || !sameDims(a.dims, g.dims) || b.data.length === n || b.data.length === 1) continue;
      const run = planeRun(b.dims, g.dims);
      if (run === 0 || run % row !== 0 || b.data.length * run !== n) continue;
      const [dFull, dPlane] = mulPlaneGrad(dy.data, a.data, b.data, run, row, needs[fullSlot], needs[planeSlot]);
      if (dFull) out[fullSlot] = f32t(g.dims, dFull);
      if (dPlane) out[planeSlot] = f32t(inputMeta[planeSlot]!.dims, dPlane);
      return out;
    }
    for (const [slot, other] of [
      [0, 1],
      [1, 0],
    ] as const) {
      if (!needs[slot]) continue;
      const o = inputs[other]!;
      const full = f32buf(n);
      if (o.data instanceof Float32Array && o.data.length === n && dy.data instanceof Float32Array) {
        // Same shape (the SiLU product x·sigmoid(x)): a monomorphic loop, several times faster than broadcast2's strided one.
        const p = dy.data;
        const q = o.data;
        for (let i = 0; i < n; i++) full[i] = p[i] * q[i];
      } else broadcast2(g.dims, dy.data, dy.dims, o.data, o.dims, full, (p, q) => p * q, 'Mul');
      out[slot] = reduceToTensor(full, g.dims, inputMeta[slot]!.dims);
    }
    return out;
  },
};

const divGradient: Gradient<ElementwiseGeometry> = {
  refuse: twoInputs,
  backward: (args) =>
    binary(
      args,
      (d, _a, b) => d / b,
      (d, a, b) => (-d * a) / (b * b),
    ),
};

const powGradient: Gradient<ElementwiseGeometry> = {
  refuse: twoInputs,
  backward: (args) =>
    binary(
      args,
      (d, a, b) => (b === 0 ? 0 : d * b * Math.pow(a, b - 1)),
      (d, a, b) => (a > 0 ? d * Math.pow(a, b) * Math.log(a) : 0),
    ),
};

const maxGradient: Gradient<ElementwiseGeometry> = {
  refuse: twoInputs,
  backward: (args) =>
    binary(
      args,
      (d, a, b) => (a >= b || Number.isNaN(a) ? d : 0),
      (d, a, b) => (a >= b || Number.isNaN(a) ? 0 : d),
    ),
};

const minGradient: Gradient<ElementwiseGeometry> = {
  refuse: twoInputs,
  backward: (args) =>
    binary(
      args,
      (d, a, b) => (a <= b || Number.isNaN(a) ? d : 0),
      (d, a, b) => (a <= b || Number.isNaN(a) ? 0 : d),
    ),
};

export const ARITHMETIC_GRADIENTS: Readonly<Record<string, Gradient<ElementwiseGeometry>>> = {
  Add: addGradient,
  Div: divGradient,
  Max: maxGradient,
  Min: minGradient,
  Mul: mulGradient,
  Pow: powGradient,
  Sub: subGradient,
  Sum: addGradient,
};

/** Where(cond, X, Y): dX = dOut where cond, dY = dOut elsewhere; the condition is not differentiated. */
export const whereGradient: Gradient<ElementwiseGeometry> = {
  inputs: [1, 2],
  keeps: { inputs: [0] },
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs }) {
    const dy = gradOutputs[0]!.data;
    const c = expandTo(inputs[0]!, g.dims);
    const out: (Tensor | undefined)[] = [];
    for (const slot of [1, 2]) {
      if (!needs[slot]) continue;
      const full = f32buf(dy.length);
      for (let i = 0; i < full.length; i++) full[i] = (c[i] !== 0) === (slot === 1) ? dy[i] : 0;
      out[slot] = reduceToTensor(full, g.dims, inputMeta[slot]!.dims);
    }
    return out;
  },
};

/** Ops whose outputs carry no gradient (comparisons, shapes, constants). */
export const CONSTANT_GRADIENT: Gradient<unknown> = { constant: true };
