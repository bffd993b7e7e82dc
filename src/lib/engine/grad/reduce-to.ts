/**
 * The adjoint of broadcasting: a gradient of the broadcast output summed back over every axis an
 * input was broadcast along (numpy rules: right-aligned; size-1 or missing axes), in float64.
 * This is how the SE gate [N, C, 1, 1] gets dL/dgate from dL/d(x·gate) [N, C, H, W].
 */
import { broadcastStrides } from '../shape-util.ts';
import { f32, sizeOf, type Tensor, type TensorData } from '../tensor.ts';

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Sums `src` (dims `from`) down to dims `to` (which broadcast to `from`). Returns `src` itself when equal. */
export function reduceTo(src: TensorData, from: readonly number[], to: readonly number[]): Float32Array {
  if (sameDims(from, to) && src instanceof Float32Array) return src;
  const n = sizeOf(to);
  const acc = new Float64Array(n);
  if (sameDims(from, to)) {
    for (let i = 0; i < n; i++) acc[i] = src[i];
  } else if (n === 1) {
    let s = 0;
    for (let i = 0; i < src.length; i++) s += src[i];
    acc[0] = s;
  } else {
    // Collapse to the view of `to` inside `from` (0 strides on broadcast axes), odometer over `from`,
    // with the innermost axis as a tight loop.
    const os = broadcastStrides(to, from);
    const r = from.length;
    const inner = from[r - 1];
    const step = os[r - 1];
    const idx = new Array<number>(r).fill(0);
    let o = 0;
    for (let f = 0; f < src.length; f += inner) {
      if (step === 0) {
        let s = 0;
        for (let i = 0; i < inner; i++) s += src[f + i];
        acc[o] += s;
      } else {
        for (let i = 0; i < inner; i++) acc[o + i * step] += src[f + i];
      }
      for (let d = r - 2; d >= 0; d--) {
        o += os[d];
        if (++idx[d] < from[d]) break;
        idx[d] = 0;
        o -= os[d] * from[d];
      }
    }
  }
  return Float32Array.from(acc);
}

/** reduceTo as a tensor with dims `to`. */
export function reduceToTensor(src: TensorData, from: readonly number[], to: readonly number[]): Tensor {
  return f32(to, reduceTo(src, from, to));
}

/** Expands `t` to `dims` by broadcasting (a copy; float64 values preserved as numbers). */
export function expandTo(t: Tensor, dims: readonly number[]): Float64Array {
  const out = new Float64Array(sizeOf(dims));
  if (sameDims(t.dims, dims)) {
    for (let i = 0; i < out.length; i++) out[i] = t.data[i];
    return out;
  }
  const s = broadcastStrides(t.dims, dims);
  const r = dims.length;
  const idx = new Array<number>(r).fill(0);
  let o = 0;
  for (let f = 0; f < out.length; f++) {
    out[f] = t.data[o];
    for (let d = r - 1; d >= 0; d--) {
      o += s[d];
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
      o -= s[d] * dims[d];
    }
  }
  return out;
}
