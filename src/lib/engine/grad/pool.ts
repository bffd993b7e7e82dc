/**
 * Pooling gradients. Average: each output's gradient spread evenly over the taps its divisor
 * counted (count_include_pad as in the forward; padding taps themselves receive nothing).
 * GlobalAveragePool: dY / (H·W) everywhere. Max (and GlobalMaxPool): the whole gradient goes to
 * the tap that won, and on ties to the FIRST maximum in scan order (row-major over the window) —
 * the forward's strict `v > acc` picks it, and PyTorch's max_pool2d backward does the same.
 */
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import { forEachTap, type PoolGeometry, unravel } from '../ops/pool.ts';
import { f32, sizeOf, type Tensor } from '../tensor.ts';
import { f32buf } from '../pool.ts';

function isGlobal(g: PoolGeometry): boolean {
  return (
    g.outSpatial.every((d) => d === 1) &&
    g.kernel.every((k, i) => k === g.inSpatial[i]) &&
    g.padBegin.every((p) => p === 0) &&
    g.padEnd.every((p) => p === 0)
  );
}

function averageGrad(g: PoolGeometry, dy: Float32Array): Float32Array {
  const inPlane = sizeOf(g.inSpatial);
  const plane = sizeOf(g.outSpatial);
  const dx = f32buf(g.N * g.C * inPlane);
  if (isGlobal(g)) {
    for (let p = 0; p < g.N * g.C; p++) {
      const v = dy[p] / inPlane;
      dx.fill(v, p * inPlane, (p + 1) * inPlane);
    }
    return dx;
  }
  const acc = new Float64Array(inPlane);
  for (let p = 0; p < g.N * g.C; p++) {
    acc.fill(0);
    for (let o = 0; o < plane; o++) {
      const out = unravel(o, g.outSpatial);
      let count = 0;
      forEachTap(g, out, (_pos, inside, inPadded) => {
        if (g.countIncludePad ? inPadded : inside) count++;
      });
      const share = dy[p * plane + o] / count;
      forEachTap(g, out, (_pos, inside, _inPadded, flat) => {
        if (inside) acc[flat] += share;
      });
    }
    for (let i = 0; i < inPlane; i++) dx[p * inPlane + i] = acc[i];
  }
  return dx;
}

function maxGrad(g: PoolGeometry, x: Float32Array, dy: Float32Array): Float32Array {
  const inPlane = sizeOf(g.inSpatial);
  const plane = sizeOf(g.outSpatial);
  const dx = f32buf(g.N * g.C * inPlane);
  const acc = new Float64Array(inPlane);
  for (let p = 0; p < g.N * g.C; p++) {
    acc.fill(0);
    const xo = p * inPlane;
    for (let o = 0; o < plane; o++) {
      let best = -Infinity;
      let arg = -1;
      forEachTap(g, unravel(o, g.outSpatial), (_pos, inside, _inPadded, flat) => {
        if (inside && x[xo + flat] > best) {
          best = x[xo + flat];
          arg = flat;
        }
      });
      if (arg >= 0) acc[arg] += dy[p * plane + o];
    }
    for (let i = 0; i < inPlane; i++) dx[xo + i] = acc[i];
  }
  return dx;
}

export const averagePoolGradient: Gradient<PoolGeometry> = {
  keeps: { inputs: [] },
  backward({ geom: g, gradOutputs }) {
    return [f32([g.N, g.C, ...g.inSpatial], averageGrad(g, gradOutputs[0]!.data as Float32Array))];
  },
};

export const maxPoolGradient: Gradient<PoolGeometry> = {
  keeps: { inputs: [0] },
  backward({ geom: g, inputs, gradOutputs }) {
    const x = inputs[0];
    if (!x || !(x.data instanceof Float32Array))
      throw new EngineError('dtype', 'MaxPool backward needs its float32 input', g.node);
    return [f32([g.N, g.C, ...g.inSpatial], maxGrad(g, x.data, gradOutputs[0]!.data as Float32Array)) as Tensor];
  },
};
