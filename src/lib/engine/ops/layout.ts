/** Ops that move data without arithmetic: Transpose, Concat, Gather, Slice and Pad. */
import type { Node } from '../graph.ts';
import { attrFloat, attrInt, attrInts, attrString } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import { defineOp } from '../op.ts';
import { constInts, dimsText, normAxis, stridesOf } from '../shape-util.ts';
import { allocData, type DType, sizeOf, tensor, type Tensor, type TensorData } from '../tensor.ts';

/** Visits every index of `dims` in row-major order with its multi-index (reused array). */
export function forEachIndex(dims: readonly number[], visit: (idx: number[], flat: number) => void): void {
  const n = sizeOf(dims);
  const idx = new Array<number>(dims.length).fill(0);
  for (let f = 0; f < n; f++) {
    visit(idx, f);
    for (let d = dims.length - 1; d >= 0; d--) {
      if (++idx[d] < dims[d]) break;
      idx[d] = 0;
    }
  }
}

export interface TransposeGeometry {
  readonly perm: readonly number[];
  readonly inDims: readonly number[];
  readonly dims: readonly number[];
  readonly dtype: DType;
}

export const Transpose = defineOp<TransposeGeometry>({
  plan({ node, inputs }) {
    const x = inputs[0]!;
    const r = x.dims.length;
    const perm = attrInts(node, 'perm') ?? [...Array(r).keys()].reverse();
    if (perm.length !== r || new Set(perm).size !== r || perm.some((p) => p < 0 || p >= r)) {
      throw new EngineError(
        'attribute',
        `Transpose perm [${perm.join(', ')}] is not a permutation of rank ${r}`,
        node.name,
      );
    }
    const dims = perm.map((p) => x.dims[p]);
    return { outputs: [{ dtype: x.dtype, dims }], geom: { perm, inDims: x.dims, dims, dtype: x.dtype } };
  },
  run(g, [x]) {
    const src = x!.data;
    const out = allocData(g.dtype, src.length);
    const s = stridesOf(g.inDims);
    const ps = g.perm.map((p) => s[p]);
    const r = g.dims.length;
    if (r === 0 || out.length === 0) {
      if (out.length) out[0] = src[0];
      return [tensor(g.dtype, g.dims, out)];
    }
    // Walk the output in order; the input offset moves by the permuted strides (odometer).
    const inner = g.dims[r - 1];
    const step = ps[r - 1];
    const idx = new Array<number>(r).fill(0);
    let o = 0;
    let base = 0;
    while (o < out.length) {
      for (let j = 0, p = base; j < inner; j++, p += step) out[o++] = src[p];
      for (let d = r - 2; d >= 0; d--) {
        base += ps[d];
        if (++idx[d] < g.dims[d]) break;
        base -= ps[d] * g.dims[d];
        idx[d] = 0;
      }
    }
    return [tensor(g.dtype, g.dims, out)];
  },
});

export interface ConcatGeometry {
  readonly axis: number;
  readonly dims: readonly number[];
  readonly dtype: DType;
}

export const Concat = defineOp<ConcatGeometry>({
  plan({ node, inputs }) {
    const ins = inputs.filter((m): m is NonNullable<typeof m> => m !== undefined);
    if (ins.length === 0) throw new EngineError('missing-input', 'Concat needs inputs', node.name);
    const r = ins[0].dims.length;
    const axis = normAxis(node, attrInt(node, 'axis', r === 1 ? 0 : 1), r);
    const dims = [...ins[0].dims];
    dims[axis] = 0;
    for (const m of ins) {
      if (m.dims.length !== r || m.dims.some((d, i) => i !== axis && d !== ins[0].dims[i])) {
        throw new EngineError(
          'shape',
          `Concat inputs ${ins.map((i) => dimsText(i.dims)).join(', ')} differ off axis ${axis}`,
          node.name,
        );
      }
      dims[axis] += m.dims[axis];
    }
    return { outputs: [{ dtype: ins[0].dtype, dims }], geom: { axis, dims, dtype: ins[0].dtype } };
  },
  run(g, inputs) {
    const ins = inputs.filter((t): t is Tensor => t !== undefined);
    const out = allocData(g.dtype, sizeOf(g.dims));
    const outer = sizeOf(g.dims.slice(0, g.axis));
    const inner = sizeOf(g.dims.slice(g.axis + 1));
    const row = g.dims[g.axis] * inner;
    let off = 0;
    for (const t of ins) {
      const chunk = t.dims[g.axis] * inner;
      for (let o = 0; o < outer; o++) {
        const src = t.data.subarray(o * chunk, (o + 1) * chunk);
        (out as Float64Array).set(src as Float64Array, o * row + off);
      }
      off += chunk;
    }
    return [tensor(g.dtype, g.dims, out)];
  },
});

export interface GatherGeometry {
  readonly node: Node;
  readonly axis: number;
  readonly inDims: readonly number[];
  readonly idxDims: readonly number[];
  readonly dims: readonly number[];
  readonly dtype: DType;
}

export const Gather = defineOp<GatherGeometry>({
  plan({ node, inputs }) {
    const [x, i] = inputs;
    if (!x || !i) throw new EngineError('missing-input', 'Gather needs data and indices', node.name);
    const axis = normAxis(node, attrInt(node, 'axis', 0), x.dims.length);
    const dims = [...x.dims.slice(0, axis), ...i.dims, ...x.dims.slice(axis + 1)];
    return {
      outputs: [{ dtype: x.dtype, dims }],
      geom: { node, axis, inDims: x.dims, idxDims: i.dims, dims, dtype: x.dtype },
    };
  },
  run(g, [x, ind]) {
    const outer = sizeOf(g.inDims.slice(0, g.axis));
    const inner = sizeOf(g.inDims.slice(g.axis + 1));
    const n = g.inDims[g.axis];
    const idx = ind!.data;
    const src = x!.data;
    const out = allocData(g.dtype, sizeOf(g.dims));
    let o = 0;
    for (let a = 0; a < outer; a++) {
      for (let q = 0; q < idx.length; q++) {
        let k = Number(idx[q]);
        if (k < 0) k += n;
        if (k < 0 || k >= n)
          throw new EngineError('shape', `Gather index ${idx[q]} is out of range for axis of ${n}`, g.node.name);
        const s = (a * n + k) * inner;
        (out as Float64Array).set((src as Float64Array).subarray(s, s + inner), o);
        o += inner;
      }
    }
    return [tensor(g.dtype, g.dims, out)];
  },
});

export interface SliceGeometry {
  readonly inDims: readonly number[];
  readonly starts: readonly number[];
  readonly steps: readonly number[];
  readonly dims: readonly number[];
  readonly dtype: DType;
}

/** Slice-10+ (starts, ends, axes, steps as inputs) and Slice-1 (attributes), clamped like numpy. */
export const Slice = defineOp<SliceGeometry>({
  plan({ node, inputs, values, opset }) {
    const x = inputs[0]!;
    const r = x.dims.length;
    const useAttrs = opset < 10;
    const get = (i: number, name: string): number[] | undefined =>
      useAttrs ? attrInts(node, name) : inputs.length > i && inputs[i] ? constInts(node, values, i, name) : undefined;
    const starts = get(1, 'starts');
    const ends = get(2, 'ends');
    if (!starts || !ends) throw new EngineError('missing-input', 'Slice needs starts and ends', node.name);
    const axes = (get(3, 'axes') ?? starts.map((_, i) => i)).map((a) => normAxis(node, a, r));
    const steps = get(4, 'steps') ?? starts.map(() => 1);
    if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
      throw new EngineError(
        'shape',
        `Slice starts, ends, axes and steps must have one entry per sliced axis; got ${starts.length}, ${ends.length}, ${axes.length}, ${steps.length}`,
        node.name,
      );
    }
    if (new Set(axes).size !== axes.length)
      throw new EngineError('attribute', `Slice axes [${axes.join(', ')}] repeat an axis`, node.name);
    const st = new Array<number>(r).fill(0);
    const sp = new Array<number>(r).fill(1);
    const dims = [...x.dims];
    axes.forEach((a, i) => {
      const d = x.dims[a];
      const step = steps[i];
      if (step === 0) throw new EngineError('attribute', 'Slice step must not be 0', node.name);
      let s = starts[i] < 0 ? starts[i] + d : starts[i];
      let e = ends[i] < 0 ? ends[i] + d : ends[i];
      if (step > 0) {
        s = Math.min(Math.max(s, 0), d);
        e = Math.min(Math.max(e, 0), d);
        dims[a] = Math.max(0, Math.ceil((e - s) / step));
      } else {
        s = Math.min(Math.max(s, -1), d - 1);
        e = Math.min(Math.max(e, -1), d - 1);
        dims[a] = Math.max(0, Math.ceil((s - e) / -step));
      }
      st[a] = s;
      sp[a] = step;
    });
    return {
      outputs: [{ dtype: x.dtype, dims }],
      geom: { inDims: x.dims, starts: st, steps: sp, dims, dtype: x.dtype },
    };
  },
  run(g, [x]) {
    const out = allocData(g.dtype, sizeOf(g.dims));
    forEachSliceSource(g, (o, f) => (out[f] = x!.data[o]));
    return [tensor(g.dtype, g.dims, out)];
  },
});

/**
 * Visits every output element of a Slice with the input offset it copies: shared by the kernel
 * and its gradient, which scatters dY back along the same map.
 */
export function forEachSliceSource(g: SliceGeometry, visit: (inputOffset: number, flat: number) => void): void {
  const s = stridesOf(g.inDims);
  forEachIndex(g.dims, (idx, f) => {
    let o = 0;
    for (let d = 0; d < idx.length; d++) o += (g.starts[d] + idx[d] * g.steps[d]) * s[d];
    visit(o, f);
  });
}

export interface PadGeometry {
  readonly node: Node;
  readonly mode: 'constant' | 'reflect' | 'edge' | 'wrap';
  readonly inDims: readonly number[];
  readonly begin: readonly number[];
  readonly dims: readonly number[];
  readonly dtype: DType;
  readonly attrValue: number;
}

/**
 * Visits every output element of a Pad with the input offset it copies (−1 for the constant fill):
 * shared by the kernel and its gradient, which sums dY back along the same map.
 */
export function forEachPadSource(g: PadGeometry, visit: (inputOffset: number, flat: number) => void): void {
  const s = stridesOf(g.inDims);
  const r = g.dims.length;
  forEachIndex(g.dims, (idx, f) => {
    let o = 0;
    for (let d = 0; d < r; d++) {
      const n = g.inDims[d];
      let i = idx[d] - g.begin[d];
      if (i < 0 || i >= n) {
        if (g.mode === 'constant') {
          o = -1;
          break;
        }
        if (g.mode === 'edge') i = i < 0 ? 0 : n - 1;
        else if (g.mode === 'wrap') i = ((i % n) + n) % n;
        else {
          // reflect: mirror without repeating the edge (period 2n − 2).
          const p = 2 * n - 2;
          i = p === 0 ? 0 : ((i % p) + p) % p;
          if (i >= n) i = p - i;
        }
      }
      o += i * s[d];
    }
    visit(o, f);
  });
}

/** Pad-2 (pads/value attributes) and Pad-11+ (pads, constant_value, axes inputs). Negative pads crop. */
export const Pad = defineOp<PadGeometry>({
  plan({ node, inputs, values, opset }) {
    const x = inputs[0]!;
    const r = x.dims.length;
    const raw = opset < 11 ? attrInts(node, 'pads') : constInts(node, values, 1, 'pads');
    if (!raw) throw new EngineError('missing-input', 'Pad needs pads', node.name);
    const axes =
      opset >= 18 && inputs.length > 3 && inputs[3]
        ? constInts(node, values, 3, 'axes').map((a) => normAxis(node, a, r))
        : [...Array(r).keys()];
    if (raw.length !== 2 * axes.length) {
      throw new EngineError('shape', `Pad has ${raw.length} pads for ${axes.length} axes`, node.name);
    }
    const begin = new Array<number>(r).fill(0);
    const end = new Array<number>(r).fill(0);
    axes.forEach((a, i) => {
      begin[a] = raw[i];
      end[a] = raw[i + axes.length];
    });
    const mode = attrString(node, 'mode', 'constant');
    if (mode !== 'constant' && mode !== 'reflect' && mode !== 'edge' && mode !== 'wrap') {
      throw new EngineError('attribute', `Pad mode '${mode}' is not supported`, node.name);
    }
    const dims = x.dims.map((d, i) => d + begin[i] + end[i]);
    if (dims.some((d) => d < 0))
      throw new EngineError('shape', `Pad pads [${raw.join(', ')}] crop ${dimsText(x.dims)} below zero`, node.name);
    if (mode !== 'constant' && x.dims.some((d, i) => d === 0 && dims[i] > 0)) {
      throw new EngineError('shape', `Pad mode '${mode}' cannot pad an empty axis of ${dimsText(x.dims)}`, node.name);
    }
    if (mode === 'reflect' && x.dims.some((d, i) => (begin[i] > 0 || end[i] > 0) && (begin[i] >= d || end[i] >= d))) {
      throw new EngineError(
        'attribute',
        `Pad mode 'reflect' needs pads smaller than each padded axis; pads [${raw.join(', ')}] on ${dimsText(x.dims)}`,
        node.name,
      );
    }
    return {
      outputs: [{ dtype: x.dtype, dims }],
      geom: { node, mode, inDims: x.dims, begin, dims, dtype: x.dtype, attrValue: attrFloat(node, 'value', 0) },
    };
  },
  run(g, inputs) {
    const x = inputs[0]!;
    const value =
      g.node.attrs.value !== undefined || inputs.length < 3 || !inputs[2] ? g.attrValue : Number(inputs[2].data[0]);
    const out: TensorData = allocData(g.dtype, sizeOf(g.dims));
    forEachPadSource(g, (o, f) => (out[f] = o < 0 ? value : x.data[o]));
    return [tensor(g.dtype, g.dims, out)];
  },
});
