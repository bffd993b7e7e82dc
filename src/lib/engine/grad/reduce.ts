/**
 * Gradients of reductions and normalisations.
 * - Softmax (from its output y, along its axis): dX = y ⊙ (dY − Σ dY ⊙ y).
 * - LayerNormalization (input kept; mean and 1/σ recomputed in float64 exactly as the forward):
 *   with x̂ = (x − μ)/σ and g = dY ⊙ scale, dX = (1/σ)(g − mean(g) − x̂ · mean(g ⊙ x̂)) per row;
 *   dScale = Σ dY ⊙ x̂ and dB = Σ dY over every broadcast axis. Its optional Mean and InvStdDev
 *   outputs are not differentiated (a gradient reaching them is refused).
 * - ReduceMean / ReduceSum: dY broadcast back over the reduced axes (÷ count for the mean).
 * - ReduceMax: to the first maximum of each reduced group, like MaxPool.
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { layerNormStats, type LayerNormGeometry, type ReduceGeometry, type SoftmaxGeometry } from '../ops/reduce.ts';
import { broadcastStrides } from '../shape-util.ts';
import { f32, sizeOf, type Tensor } from '../tensor.ts';
import { expandTo, reduceToTensor } from './reduce-to.ts';

export const softmaxGradient: Gradient<SoftmaxGeometry> = {
  keeps: { inputs: [], outputs: [0] },
  backward({ geom: g, outputs, gradOutputs }) {
    const y = outputs[0]!.data;
    const dy = gradOutputs[0]!.data;
    const dx = new Float32Array(y.length);
    const { outer, n, inner } = g;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let s = 0;
        for (let k = 0; k < n; k++) s += dy[base + k * inner] * y[base + k * inner];
        for (let k = 0; k < n; k++) {
          const j = base + k * inner;
          dx[j] = y[j] * (dy[j] - s);
        }
      }
    }
    return [f32(g.dims, dx)];
  },
};

export const layerNormGradient: Gradient<LayerNormGeometry> = {
  keeps: { inputs: [0, 1] },
  backward({ geom: g, inputs, inputMeta, gradOutputs, needs }) {
    if (gradOutputs.slice(1).some((t) => t !== undefined)) {
      throw new EngineError(
        'no-gradient',
        'LayerNormalization: gradients through the Mean/InvStdDev outputs are not supported',
        g.node.name,
      );
    }
    const x = inputs[0]!.data;
    const dy = gradOutputs[0]!.data;
    const block = g.dims.slice(g.axis);
    const sc = inputs[1] ? expandTo(inputs[1], block) : new Float64Array(g.n).fill(1);
    const dx = needs[0] ? new Float32Array(x.length) : undefined;
    const xhatDy = needs[1] ? new Float64Array(x.length) : undefined;
    const gg = new Float64Array(g.n);
    const xh = new Float64Array(g.n);
    for (let o = 0; o < g.outer; o++) {
      const base = o * g.n;
      const [m, is] = layerNormStats(x, base, g.n, g.epsilon);
      let sg = 0;
      let sgx = 0;
      for (let k = 0; k < g.n; k++) {
        xh[k] = (x[base + k] - m) * is;
        gg[k] = dy[base + k] * sc[k];
        sg += gg[k];
        sgx += gg[k] * xh[k];
        if (xhatDy) xhatDy[base + k] = dy[base + k] * xh[k];
      }
      if (dx) {
        sg /= g.n;
        sgx /= g.n;
        for (let k = 0; k < g.n; k++) dx[base + k] = is * (gg[k] - sg - xh[k] * sgx);
      }
    }
    const out: (Tensor | undefined)[] = [];
    if (dx) out[0] = f32(g.dims, dx);
    if (xhatDy) out[1] = reduceToTensor(xhatDy, g.dims, inputMeta[1]!.dims);
    if (needs[2] && inputMeta[2]) out[2] = reduceToTensor(dy, g.dims, inputMeta[2].dims);
    return out;
  },
};

function spread(g: ReduceGeometry, dy: Tensor, scale: number): Float32Array {
  const full = expandTo({ dtype: 'float32', dims: g.keptDims, data: dy.data }, g.inDims);
  const dx = new Float32Array(full.length);
  for (let i = 0; i < dx.length; i++) dx[i] = full[i] * scale;
  return dx;
}

export const reduceMeanGradient: Gradient<ReduceGeometry> = {
  inputs: [0],
  keeps: { inputs: [] },
  backward: ({ geom: g, gradOutputs }) => [
    f32(g.inDims, g.noop ? (gradOutputs[0]!.data as Float32Array) : spread(g, gradOutputs[0]!, 1 / g.count)),
  ],
};

export const reduceSumGradient: Gradient<ReduceGeometry> = {
  inputs: [0],
  keeps: { inputs: [] },
  backward: ({ geom: g, gradOutputs }) => [
    f32(g.inDims, g.noop ? (gradOutputs[0]!.data as Float32Array) : spread(g, gradOutputs[0]!, 1)),
  ],
};

export const reduceMaxGradient: Gradient<ReduceGeometry> = {
  inputs: [0],
  keeps: { inputs: [0] },
  backward({ geom: g, inputs, gradOutputs }) {
    const x = inputs[0]!.data;
    const dy = gradOutputs[0]!.data;
    if (g.noop) return [f32(g.inDims, dy as Float32Array)];
    const n = sizeOf(g.keptDims);
    const best = new Float64Array(n).fill(-Infinity);
    const arg = new Int32Array(n).fill(-1);
    const os = broadcastStrides(g.keptDims, g.inDims);
    const idx = new Array<number>(g.inDims.length).fill(0);
    let o = 0;
    for (let f = 0; f < x.length; f++) {
      if (x[f] > best[o] || arg[o] < 0) {
        best[o] = x[f];
        arg[o] = f;
      }
      for (let d = g.inDims.length - 1; d >= 0; d--) {
        o += os[d];
        if (++idx[d] < g.inDims[d]) break;
        idx[d] = 0;
        o -= os[d] * g.inDims[d];
      }
    }
    const dx = new Float32Array(x.length);
    for (let i = 0; i < n; i++) if (arg[i] >= 0) dx[arg[i]] += dy[i];
    return [f32(g.inDims, dx)];
  },
};
