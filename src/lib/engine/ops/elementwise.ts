/**
 * Broadcasting elementwise ops (ONNX multidirectional broadcasting, numpy rules): the arithmetic
 * table (Add, Sub, Mul, Div, Pow, Max, Min, Sum), the comparison Less and the selection Where.
 * Dims where every operand is either contiguous or broadcast are collapsed first, so the inner
 * loop is as long as possible (a whole H·W plane for squeeze-and-excitation scaling).
 */
import type { Node } from '../graph.ts';
import { EngineError } from '../errors.ts';
import type { BinaryExplanation, ScaleExplanation } from '../explanation.ts';
import { defineOp, type OpDef, type ValueMeta } from '../op.ts';
import { broadcastDims, broadcastStrides } from '../shape-util.ts';
import { allocData, type DType, sizeOf, tensor, type Tensor, type TensorData } from '../tensor.ts';

const INTEGER: ReadonlySet<DType> = new Set(['int64', 'int32', 'int8', 'uint8']);

type Fn2 = (a: number, b: number) => number;

/** Binary arithmetic rows; integer Div truncates toward zero like the ONNX reference. */
export const ARITHMETIC: Readonly<Record<string, { symbol: string; fn: Fn2; intFn?: Fn2 }>> = {
  Add: { symbol: '+', fn: (a, b) => a + b },
  Div: { symbol: '/', fn: (a, b) => a / b, intFn: (a, b) => Math.trunc(a / b) },
  Max: { symbol: 'max', fn: (a, b) => (a >= b || Number.isNaN(a) ? a : b) },
  Min: { symbol: 'min', fn: (a, b) => (a <= b || Number.isNaN(a) ? a : b) },
  Mul: { symbol: '·', fn: (a, b) => a * b },
  Pow: { symbol: '^', fn: Math.pow },
  Sub: { symbol: '−', fn: (a, b) => a - b },
  Sum: { symbol: '+', fn: (a, b) => a + b },
};

/**
 * out[i] = f(a[ia], b[ib]) over the broadcast output. Adjacent dims are merged while both
 * operands stay contiguous (or both broadcast) across them.
 */
export function broadcast2(
  outDims: readonly number[],
  a: TensorData,
  aDims: readonly number[],
  b: TensorData,
  bDims: readonly number[],
  out: TensorData,
  f: Fn2,
  code: string,
): void {
  const sa0 = broadcastStrides(aDims, outDims);
  const sb0 = broadcastStrides(bDims, outDims);
  const dims: number[] = [];
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < outDims.length; i++) {
    if (outDims[i] === 1) continue;
    const k = dims.length - 1;
    if (k >= 0 && sa[k] === sa0[i] * outDims[i] && sb[k] === sb0[i] * outDims[i]) {
      dims[k] *= outDims[i];
      sa[k] = sa0[i];
      sb[k] = sb0[i];
    } else {
      dims.push(outDims[i]);
      sa.push(sa0[i]);
      sb.push(sb0[i]);
    }
  }
  if (dims.length === 0) {
    dims.push(1);
    sa.push(0);
    sb.push(0);
  }
  const r = dims.length;
  const inner = dims[r - 1];
  const ia = sa[r - 1];
  const ib = sb[r - 1];
  const outer = sizeOf(dims) / inner;
  const idx = new Array<number>(r).fill(0);
  let pa = 0;
  let pb = 0;
  let o = 0;
  for (let q = 0; q < outer; q++) {
    let x = pa;
    let y = pb;
    if (ib === 0 && ia === 1 && (code === 'Mul' || code === 'Add')) {
      // One operand constant along the row (squeeze-and-excitation's per-channel gate, a bias):
      // hoisted, so the loop reads one array. Same arithmetic, same results.
      const v = b[y];
      const end = x + inner;
      if (code === 'Mul') for (; x < end; x++) out[o++] = a[x] * v;
      else for (; x < end; x++) out[o++] = a[x] + v;
    } else if (code === 'Add') for (let i = 0; i < inner; i++, x += ia, y += ib) out[o++] = a[x] + b[y];
    else if (code === 'Mul') for (let i = 0; i < inner; i++, x += ia, y += ib) out[o++] = a[x] * b[y];
    else if (code === 'Sub') for (let i = 0; i < inner; i++, x += ia, y += ib) out[o++] = a[x] - b[y];
    else for (let i = 0; i < inner; i++, x += ia, y += ib) out[o++] = f(a[x], b[y]);
    // Odometer over the outer dims.
    for (let d = r - 2; d >= 0; d--) {
      pa += sa[d];
      pb += sb[d];
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
      pa -= sa[d] * dims[d];
      pb -= sb[d] * dims[d];
    }
  }
}

export interface ElementwiseGeometry {
  readonly node: Node;
  readonly dims: readonly number[];
  readonly dtype: DType;
}

function checkSameType(node: Node, ins: readonly (ValueMeta | undefined)[]): ValueMeta[] {
  const present = ins.map((m, i) => {
    if (!m) throw new EngineError('missing-input', `${node.opType} input ${i} is missing`, node.name);
    return m;
  });
  for (const m of present) {
    if (m.dtype !== present[0].dtype) {
      throw new EngineError(
        'dtype',
        `${node.opType} inputs must share a dtype, got ${present.map((p) => p.dtype).join(' and ')}`,
        node.name,
      );
    }
  }
  return present;
}

function arithmeticOp(opType: string): OpDef<unknown> {
  const row = ARITHMETIC[opType];
  return defineOp<ElementwiseGeometry>({
    plan({ node, inputs }) {
      // Pow's exponent may have another numeric type (ONNX Pow-12+).
      const ins =
        opType === 'Pow'
          ? inputs.map((m, i) => {
              if (!m) throw new EngineError('missing-input', `Pow input ${i} is missing`, node.name);
              return m;
            })
          : checkSameType(node, inputs);
      if (ins.length === 0) throw new EngineError('missing-input', `${opType} needs at least one input`, node.name);
      const dims = broadcastDims(
        node,
        ins.map((m) => m.dims),
      );
      return { outputs: [{ dtype: ins[0].dtype, dims }], geom: { node, dims, dtype: ins[0].dtype } };
    },
    run(g, inputs) {
      const fn = INTEGER.has(g.dtype) && row.intFn ? row.intFn : row.fn;
      let acc = inputs[0]!;
      if (inputs.length === 1) {
        const copy = allocData(g.dtype, acc.data.length);
        for (let i = 0; i < copy.length; i++) copy[i] = acc.data[i];
        return [tensor(g.dtype, acc.dims, copy)];
      }
      for (let k = 1; k < inputs.length; k++) {
        const b = inputs[k]!;
        const dims = broadcastDims(g.node, [acc.dims, b.dims]);
        const out = allocData(g.dtype, sizeOf(dims));
        broadcast2(dims, acc.data, acc.dims, b.data, b.dims, out, fn, INTEGER.has(g.dtype) ? '' : opType);
        acc = tensor(g.dtype, dims, out);
      }
      return [acc];
    },
    explain(g, inputs, output, flat): ScaleExplanation | BinaryExplanation {
      const [a, b] = [inputs[0]!, inputs[1]!];
      const pick = (t: Tensor): number => {
        // Map the output index back through broadcasting.
        const s = broadcastStrides(t.dims, g.dims);
        let rem = flat;
        let off = 0;
        for (let d = g.dims.length - 1; d >= 0; d--) {
          off += (rem % g.dims[d]) * s[d];
          rem = Math.floor(rem / g.dims[d]);
        }
        return Number(t.data[off]);
      };
      const y = Number(output.data[flat]);
      // Mul by a per-channel tensor (N×C×1×1 against N×C×H×W) is squeeze-and-excitation scaling.
      const perChannel =
        opType === 'Mul' &&
        b.dims.length === a.dims.length &&
        b.dims.length >= 3 &&
        b.dims.slice(2).every((d) => d === 1) &&
        a.dims.slice(2).some((d) => d !== 1);
      if (perChannel) return { kind: 'scale', node: g.node.name, x: pick(a), gate: pick(b), y };
      return { kind: 'binary', node: g.node.name, op: opType, a: pick(a), b: pick(b), y };
    },
  });
}

export const ARITHMETIC_OPS: Readonly<Record<string, OpDef<unknown>>> = Object.fromEntries(
  Object.keys(ARITHMETIC).map((k) => [k, arithmeticOp(k)]),
);

export const Less = defineOp<ElementwiseGeometry>({
  plan({ node, inputs }) {
    const ins = checkSameType(node, inputs);
    const dims = broadcastDims(
      node,
      ins.map((m) => m.dims),
    );
    return { outputs: [{ dtype: 'bool', dims }], geom: { node, dims, dtype: 'bool' } };
  },
  run(g, [a, b]) {
    const out = allocData('bool', sizeOf(g.dims));
    broadcast2(g.dims, a!.data, a!.dims, b!.data, b!.dims, out, (x, y) => (x < y ? 1 : 0), '');
    return [tensor('bool', g.dims, out)];
  },
});

export const Where = defineOp<ElementwiseGeometry>({
  plan({ node, inputs }) {
    const [c, x, y] = inputs;
    if (!c || !x || !y) throw new EngineError('missing-input', 'Where needs condition, X and Y', node.name);
    checkSameType(node, [x, y]);
    const dims = broadcastDims(node, [c.dims, x.dims, y.dims]);
    return { outputs: [{ dtype: x.dtype, dims }], geom: { node, dims, dtype: x.dtype } };
  },
  run(g, [c, x, y]) {
    // Where(c, x, y) = c·x + (1−c)·y would turn NaN/Inf into NaN, so select in two passes instead.
    const n = sizeOf(g.dims);
    const cond = new Uint8Array(n);
    broadcast2(g.dims, c!.data, c!.dims, new Uint8Array(1), [], cond, (a) => (a ? 1 : 0), '');
    const xs = allocData(g.dtype, n);
    const ys = allocData(g.dtype, n);
    broadcast2(g.dims, x!.data, x!.dims, new Uint8Array(1), [], xs, (a) => a, '');
    broadcast2(g.dims, y!.data, y!.dims, new Uint8Array(1), [], ys, (a) => a, '');
    for (let i = 0; i < n; i++) if (!cond[i]) xs[i] = ys[i];
    return [tensor(g.dtype, g.dims, xs)];
  },
});
