/**
 * Dropout (Srivastava et al. 2014, inverted form as in PyTorch and the ONNX spec): in training each
 * element is kept with probability 1 − ratio and scaled by 1/(1 − ratio); the mask comes from the
 * node's own seeded stream (../random.ts), so a step is repeatable. Ratio: the `ratio` input
 * (Dropout-12+) or attribute (earlier), default 0.5. In inference Y = X. dX = dY·mask/(1 − ratio).
 */
import { attrFloat } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import type { Gradient } from '../op.ts';
import type { RelabelGeometry } from '../ops/reshape.ts';
import { f32, sizeOf, tensor, type Tensor } from '../tensor.ts';
import { mulberry32 } from '../random.ts';

interface Saved {
  /** 1 = kept; undefined in inference (everything kept, no scaling). */
  readonly mask?: Uint8Array;
  readonly scale: number;
}

export const dropoutGradient: Gradient<RelabelGeometry> = {
  inputs: [0],
  keeps: { inputs: [] },
  savedBytes: (dims) => sizeOf(dims[0] ?? []),
  train(g, inputs, ctx) {
    const x = inputs[0]!;
    const n = sizeOf(g.dims);
    const ratioInput = inputs[1];
    const ratio =
      ratioInput && ratioInput.data.length > 0 ? Number(ratioInput.data[0]) : attrFloat(ctx.node, 'ratio', 0.5);
    if (!(ratio >= 0 && ratio < 1))
      throw new EngineError('attribute', `Dropout ratio must be in [0, 1), got ${ratio}`, ctx.node.name);
    const maskOut = (m: Uint8Array): Tensor[] => (g.mask ? [tensor('bool', g.dims, m)] : []);
    if (!ctx.training || ratio === 0) {
      const saved: Saved = { scale: 1 };
      return { outputs: [tensor(g.dtype, g.dims, x.data), ...maskOut(new Uint8Array(n).fill(1))], saved };
    }
    const u = mulberry32(ctx.seed);
    const mask = new Uint8Array(n);
    const scale = 1 / (1 - ratio);
    const src = x.data;
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      if (u() >= ratio) {
        mask[i] = 1;
        y[i] = src[i] * scale;
      }
    }
    const saved: Saved = { mask, scale };
    return { outputs: [f32(g.dims, y), ...maskOut(mask)], saved };
  },
  backward({ geom: g, gradOutputs, saved }) {
    const { mask, scale } = saved as Saved;
    const dy = gradOutputs[0]!.data;
    if (!mask) return [f32(g.dims, dy as Float32Array)];
    const dx = new Float32Array(dy.length);
    for (let i = 0; i < dx.length; i++) if (mask[i]) dx[i] = dy[i] * scale;
    return [f32(g.dims, dx)];
  },
};
