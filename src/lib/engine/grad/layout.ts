/**
 * Gradients of ops that move data: relabelling (Flatten, Reshape, Squeeze, Unsqueeze, Identity:
 * dX is dY under the input's dims), Transpose (the inverse permutation), Concat (dY split),
 * Gather (dY scattered back, summed where an index repeats), Slice (scattered into zeros),
 * Pad (the inverse index map: interior for constant padding, summed for edge/reflect/wrap) and
 * Cast (float → float passes dY through). None of them needs an activation kept.
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import type { CastGeometry } from '../ops/constant.ts';
import {
  type ConcatGeometry,
  forEachPadSource,
  forEachSliceSource,
  type GatherGeometry,
  type PadGeometry,
  type SliceGeometry,
  Transpose,
  type TransposeGeometry,
} from '../ops/layout.ts';
import type { RelabelGeometry } from '../ops/reshape.ts';
import { f32, sizeOf, type Tensor } from '../tensor.ts';

const NOTHING = { inputs: [] as number[] };

/** Flatten, Reshape, Squeeze, Unsqueeze, Identity (and Dropout in inference): dX = dY relabelled. */
export const relabelGradient: Gradient<RelabelGeometry> = {
  inputs: [0],
  keeps: NOTHING,
  backward: ({ inputMeta, gradOutputs }) => [f32(inputMeta[0]!.dims, gradOutputs[0]!.data as Float32Array)],
};

export const transposeGradient: Gradient<TransposeGeometry> = {
  keeps: NOTHING,
  backward({ geom: g, gradOutputs }) {
    const inv = new Array<number>(g.perm.length);
    g.perm.forEach((p, i) => (inv[p] = i));
    const back: TransposeGeometry = { perm: inv, inDims: g.dims, dims: g.inDims, dtype: 'float32' };
    return Transpose.run(back, [gradOutputs[0]]);
  },
};

export const concatGradient: Gradient<ConcatGeometry> = {
  keeps: NOTHING,
  backward({ geom: g, inputMeta, gradOutputs, needs }) {
    const dy = gradOutputs[0]!.data;
    const outer = sizeOf(g.dims.slice(0, g.axis));
    const inner = sizeOf(g.dims.slice(g.axis + 1));
    const row = g.dims[g.axis] * inner;
    let off = 0;
    return inputMeta.map((m, slot) => {
      if (!m) return undefined;
      const chunk = m.dims[g.axis] * inner;
      const start = off;
      off += chunk;
      if (!needs[slot]) return undefined;
      const out = new Float32Array(outer * chunk);
      for (let o = 0; o < outer; o++)
        out.set((dy as Float32Array).subarray(o * row + start, o * row + start + chunk), o * chunk);
      return f32(m.dims, out);
    });
  },
};

export const gatherGradient: Gradient<GatherGeometry> = {
  inputs: [0],
  keeps: { inputs: [1] },
  backward({ geom: g, inputs, gradOutputs }) {
    const dy = gradOutputs[0]!.data;
    const idx = inputs[1]!.data;
    const outer = sizeOf(g.inDims.slice(0, g.axis));
    const inner = sizeOf(g.inDims.slice(g.axis + 1));
    const n = g.inDims[g.axis];
    const dx = new Float32Array(sizeOf(g.inDims));
    let o = 0;
    for (let a = 0; a < outer; a++) {
      for (let q = 0; q < idx.length; q++) {
        let k = Number(idx[q]);
        if (k < 0) k += n;
        const s = (a * n + k) * inner;
        for (let i = 0; i < inner; i++) dx[s + i] += dy[o + i];
        o += inner;
      }
    }
    return [f32(g.inDims, dx)];
  },
};

/**
 * The gradient of an op whose output elements copy input elements along `forEachSource` (offset
 * −1: a fill, no input): dY summed back into zeros where each element came from.
 */
function scatterBack<G extends { readonly inDims: readonly number[] }>(
  forEachSource: (g: G, visit: (inputOffset: number, flat: number) => void) => void,
): Gradient<G> {
  return {
    inputs: [0],
    keeps: NOTHING,
    backward({ geom: g, gradOutputs }) {
      const dy = gradOutputs[0]!.data;
      const dx = new Float32Array(sizeOf(g.inDims));
      forEachSource(g, (o, f) => {
        if (o >= 0) dx[o] += dy[f];
      });
      return [f32(g.inDims, dx)];
    },
  };
}

export const sliceGradient: Gradient<SliceGeometry> = scatterBack(forEachSliceSource);
export const padGradient: Gradient<PadGeometry> = scatterBack(forEachPadSource);

export const castGradient: Gradient<CastGeometry> = {
  inputs: [0],
  keeps: NOTHING,
  backward({ geom: g, inputMeta, gradOutputs }) {
    const m = inputMeta[0]!;
    if (g.to !== 'float32' && g.to !== 'float64') return [undefined];
    if (m.dtype !== 'float32' && m.dtype !== 'float64') {
      throw new EngineError('no-gradient', `Cast from ${m.dtype} carries no gradient`);
    }
    return [f32(m.dims, Float32Array.from(gradOutputs[0]!.data as ArrayLike<number>)) as Tensor];
  },
};
