/** Reductions and normalisations: ReduceMean, ReduceMax, ReduceSum, Softmax, LayerNormalization. */
import type { Node } from '../graph.ts';
import { attrFloat, attrInt, attrInts } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import { defineOp, type OpDef } from '../op.ts';
import { broadcastDims, broadcastStrides, constInts, normAxis } from '../shape-util.ts';
import { allocData, type DType, f32, sizeOf, tensor, type Tensor } from '../tensor.ts';

export interface ReduceGeometry {
  readonly inDims: readonly number[];
  /** Output dims with reduced axes kept as 1 (the iteration view). */
  readonly keptDims: readonly number[];
  readonly dims: readonly number[];
  readonly dtype: DType;
  readonly count: number;
  readonly noop: boolean;
}

type ReduceKind = 'mean' | 'max' | 'sum';

/** The version from which each reduction takes axes as an input instead of an attribute. */
const AXES_INPUT_SINCE: Readonly<Record<ReduceKind, number>> = { mean: 18, max: 18, sum: 13 };

function reduceOp(kind: ReduceKind): OpDef<unknown> {
  return defineOp<ReduceGeometry>({
    plan({ node, inputs, values, opset }) {
      const x = inputs[0]!;
      const r = x.dims.length;
      const axesRaw =
        opset >= AXES_INPUT_SINCE[kind]
          ? inputs.length > 1 && inputs[1]
            ? constInts(node, values, 1, 'axes')
            : undefined
          : attrInts(node, 'axes');
      const keep = attrInt(node, 'keepdims', 1) === 1;
      const noopEmpty = attrInt(node, 'noop_with_empty_axes', 0) === 1;
      if ((!axesRaw || axesRaw.length === 0) && noopEmpty) {
        return {
          outputs: [{ dtype: x.dtype, dims: x.dims }],
          geom: { inDims: x.dims, keptDims: x.dims, dims: x.dims, dtype: x.dtype, count: 1, noop: true },
        };
      }
      const axes = new Set(
        (axesRaw && axesRaw.length > 0 ? axesRaw : [...Array(r).keys()]).map((a) => normAxis(node, a, r)),
      );
      const keptDims = x.dims.map((d, i) => (axes.has(i) ? 1 : d));
      const dims = keep ? keptDims : x.dims.filter((_, i) => !axes.has(i));
      const count = sizeOf(x.dims.filter((_, i) => axes.has(i)));
      return {
        outputs: [{ dtype: x.dtype, dims }],
        geom: { inDims: x.dims, keptDims, dims, dtype: x.dtype, count, noop: false },
      };
    },
    run(g, [x]) {
      if (g.noop) return [x!];
      const n = sizeOf(g.keptDims);
      const acc = new Float64Array(n).fill(kind === 'max' ? -Infinity : 0);
      const os = broadcastStrides(g.keptDims, g.inDims);
      const src = x!.data;
      const idx = new Array<number>(g.inDims.length).fill(0);
      let o = 0;
      for (let f = 0; f < src.length; f++) {
        const v = src[f];
        if (kind === 'max') {
          if (v > acc[o] || Number.isNaN(v)) acc[o] = v;
        } else acc[o] += v;
        for (let d = g.inDims.length - 1; d >= 0; d--) {
          o += os[d];
          if (++idx[d] < g.inDims[d]) break;
          idx[d] = 0;
          o -= os[d] * g.inDims[d];
        }
      }
      const out = allocData(g.dtype, n);
      for (let i = 0; i < n; i++) out[i] = kind === 'mean' ? acc[i] / g.count : acc[i];
      return [tensor(g.dtype, g.dims, out)];
    },
  });
}

export const ReduceMax = reduceOp('max');
export const ReduceMean = reduceOp('mean');
export const ReduceSum = reduceOp('sum');

export interface SoftmaxGeometry {
  readonly dims: readonly number[];
  readonly outer: number;
  readonly n: number;
  readonly inner: number;
}

/**
 * Softmax-1/-11 flatten the input to 2-D at `axis` (default 1) and normalise each row;
 * Softmax-13 normalises along `axis` (default −1) only.
 */
export const Softmax = defineOp<SoftmaxGeometry>({
  plan({ node, inputs, opset }) {
    const d = inputs[0]!.dims;
    const r = d.length;
    if (opset < 13) {
      const axis = normAxis(node, attrInt(node, 'axis', 1), r);
      return {
        outputs: [{ dtype: 'float32', dims: d }],
        geom: { dims: d, outer: sizeOf(d.slice(0, axis)), n: sizeOf(d.slice(axis)), inner: 1 },
      };
    }
    const axis = normAxis(node, attrInt(node, 'axis', -1), r);
    return {
      outputs: [{ dtype: 'float32', dims: d }],
      geom: { dims: d, outer: sizeOf(d.slice(0, axis)), n: d[axis], inner: sizeOf(d.slice(axis + 1)) },
    };
  },
  run(g, [x]) {
    const src = x!.data as Float32Array;
    const y = new Float32Array(src.length);
    const { outer, n, inner } = g;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let m = -Infinity;
        for (let k = 0; k < n; k++) m = Math.max(m, src[base + k * inner]);
        let s = 0;
        for (let k = 0; k < n; k++) {
          const e = Math.exp(src[base + k * inner] - m);
          y[base + k * inner] = e;
          s += e;
        }
        const r = 1 / s;
        for (let k = 0; k < n; k++) y[base + k * inner] *= r;
      }
    }
    return [f32(g.dims, y)];
  },
});

/** Mean and 1/√(variance + ε) of x[base, base + n): one LayerNormalization row (forward and backward). */
export function layerNormStats(
  x: ArrayLike<number>,
  base: number,
  n: number,
  epsilon: number,
): [mean: number, invStd: number] {
  let m = 0;
  for (let k = 0; k < n; k++) m += x[base + k];
  m /= n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (x[base + k] - m) ** 2;
  v /= n;
  return [m, 1 / Math.sqrt(v + epsilon)];
}

export interface LayerNormGeometry {
  readonly node: Node;
  readonly dims: readonly number[];
  readonly statDims: readonly number[];
  readonly axis: number;
  readonly outer: number;
  readonly n: number;
  readonly epsilon: number;
  readonly outputs: number;
}

/** LayerNormalization-17: normalise over dims[axis:], then scale and shift (broadcast to X). */
export const LayerNormalization = defineOp<LayerNormGeometry>({
  plan({ node, inputs }) {
    const x = inputs[0];
    if (!x || !inputs[1]) throw new EngineError('missing-input', 'LayerNormalization needs X and Scale', node.name);
    const r = x.dims.length;
    const axis = normAxis(node, attrInt(node, 'axis', -1), r);
    // Scale and B broadcast to X's normalised dims [axis:] (unidirectionally), or the kernel would read past them.
    const block = x.dims.slice(axis);
    for (const [k, m] of [
      [1, inputs[1]],
      [2, inputs[2]],
    ] as const) {
      if (!m) continue;
      const b = m.dims.length <= block.length ? broadcastDims(node, [m.dims, block]) : [];
      if (b.length !== block.length || b.some((d, i) => d !== block[i])) {
        throw new EngineError(
          'shape',
          `LayerNormalization ${k === 1 ? 'Scale' : 'B'} [${m.dims.join(', ')}] does not broadcast to the normalised dims [${block.join(', ')}]`,
          node.name,
        );
      }
    }
    const statDims = x.dims.map((d, i) => (i < axis ? d : 1));
    const outputs = node.outputs.filter((o) => o !== '').length;
    const metas = [
      { dtype: 'float32' as const, dims: x.dims },
      { dtype: 'float32' as const, dims: statDims },
      { dtype: 'float32' as const, dims: statDims },
    ].slice(0, Math.max(1, node.outputs.length));
    return {
      outputs: metas,
      geom: {
        node,
        dims: x.dims,
        statDims,
        axis,
        outer: sizeOf(x.dims.slice(0, axis)),
        n: sizeOf(x.dims.slice(axis)),
        epsilon: attrFloat(node, 'epsilon', 1e-5),
        outputs,
      },
    };
  },
  run(g, [x, scale, bias]) {
    const src = x!.data as Float32Array;
    const y = new Float32Array(src.length);
    const mean = new Float32Array(g.outer);
    const inv = new Float32Array(g.outer);
    // Scale and B broadcast to the normalised shape dims[axis:] only (ONNX LayerNormalization), so
    // expand them once to one block of n values.
    const block = g.dims.slice(g.axis);
    const expand = (t: Tensor | undefined, fill: number): Float32Array => {
      const e = new Float32Array(g.n).fill(fill);
      if (!t) return e;
      const st = broadcastStrides(t.dims, block);
      for (let k = 0; k < g.n; k++) {
        let rem = k;
        let off = 0;
        for (let d = block.length - 1; d >= 0; d--) {
          const i = rem % block[d];
          rem = (rem - i) / block[d];
          off += i * st[d];
        }
        e[k] = Number(t.data[off]);
      }
      return e;
    };
    const sc = expand(scale, 1);
    const bi = expand(bias, 0);
    for (let o = 0; o < g.outer; o++) {
      const base = o * g.n;
      const [m, is] = layerNormStats(src, base, g.n, g.epsilon);
      mean[o] = m;
      inv[o] = is;
      for (let k = 0; k < g.n; k++) y[base + k] = (src[base + k] - m) * is * sc[k] + bi[k];
    }
    const outs: Tensor[] = [f32(g.dims, y), f32(g.statDims, mean), f32(g.statDims, inv)];
    return outs.slice(0, Math.max(1, g.node.outputs.length));
  },
});
