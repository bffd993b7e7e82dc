/**
 * Ops that only relabel dims and share the input's data: Flatten, Reshape, Squeeze, Unsqueeze,
 * Identity and Dropout (inference: Y = X, optional mask of ones). No kernel writes in place, so
 * sharing a buffer is safe.
 */
import { attrInt, attrInts } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import { defineOp, type PlanArgs } from '../op.ts';
import { constInts, dimsText, normAxis } from '../shape-util.ts';
import { sizeOf, tensor, type DType } from '../tensor.ts';

export interface RelabelGeometry {
  readonly dims: readonly number[];
  readonly dtype: DType;
  /** Dropout's optional mask output. */
  readonly mask: boolean;
}

function relabel(planDims: (args: PlanArgs) => number[]) {
  return defineOp<RelabelGeometry>({
    plan(args) {
      const x = args.inputs[0];
      if (!x) throw new EngineError('missing-input', `${args.node.opType} needs input data`, args.node.name);
      const dims = planDims(args);
      if (sizeOf(dims) !== sizeOf(x.dims)) {
        throw new EngineError(
          'shape',
          `${args.node.opType} cannot turn ${dimsText(x.dims)} into ${dimsText(dims)}`,
          args.node.name,
        );
      }
      const mask = args.node.opType === 'Dropout' && args.node.outputs.length > 1 && args.node.outputs[1] !== '';
      const outputs = mask
        ? [
            { dtype: x.dtype, dims },
            { dtype: 'bool' as const, dims },
          ]
        : [{ dtype: x.dtype, dims }];
      // Relabelling a known constant gives a known constant (shape arithmetic in expanded graphs).
      const v = args.values[0];
      const constants = v ? [tensor(x.dtype, dims, v.data)] : undefined;
      return { outputs, geom: { dims, dtype: x.dtype, mask }, constants };
    },
    run(g, [x]) {
      const y = tensor(g.dtype, g.dims, x!.data);
      return g.mask ? [y, tensor('bool', g.dims, new Uint8Array(sizeOf(g.dims)).fill(1))] : [y];
    },
  });
}

export const Flatten = relabel(({ node, inputs }) => {
  const d = inputs[0]!.dims;
  // Flatten's axis ranges over [−r, r]: axis r puts every dim in the first factor.
  const axis = attrInt(node, 'axis', 1);
  const a = axis < 0 ? axis + d.length : axis;
  if (a < 0 || a > d.length)
    throw new EngineError('attribute', `Flatten axis ${axis} is out of range for rank ${d.length}`, node.name);
  return [sizeOf(d.slice(0, a)), sizeOf(d.slice(a))];
});

/** Reshape-5+: shape as an input; 0 copies the input dim (unless allowzero), −1 is inferred. */
export const Reshape = relabel(({ node, inputs, values }) => {
  const d = inputs[0]!.dims;
  const shape = inputs.length > 1 ? constInts(node, values, 1, 'shape') : attrInts(node, 'shape');
  if (!shape) throw new EngineError('missing-input', 'Reshape needs a shape', node.name);
  const allowZero = attrInt(node, 'allowzero', 0) === 1;
  if (shape.some((s) => !Number.isSafeInteger(s) || s < -1))
    throw new EngineError('shape', `Reshape shape ${dimsText(shape)} has an entry below −1`, node.name);
  if (shape.filter((s) => s === -1).length > 1)
    throw new EngineError('shape', `Reshape shape ${dimsText(shape)} has more than one −1`, node.name);
  if (allowZero && shape.includes(0) && shape.includes(-1))
    throw new EngineError('shape', `Reshape shape ${dimsText(shape)} with allowzero has both 0 and −1`, node.name);
  if (!allowZero && shape.some((s, i) => s === 0 && i >= d.length))
    throw new EngineError(
      'shape',
      `Reshape shape ${dimsText(shape)} copies a dim (0) beyond the input's rank ${d.length}`,
      node.name,
    );
  const out = shape.map((s, i) => (s === 0 && !allowZero ? d[i] : s));
  const minus = out.indexOf(-1);
  if (minus >= 0) {
    const known = sizeOf(out.filter((_, i) => i !== minus));
    out[minus] = known === 0 ? 0 : sizeOf(d) / known;
    if (!Number.isInteger(out[minus])) {
      throw new EngineError(
        'shape',
        `Reshape cannot infer −1 turning ${dimsText(d)} into ${dimsText(shape)}`,
        node.name,
      );
    }
  }
  return out;
});

function axesOf(args: PlanArgs): number[] | undefined {
  // Squeeze/Unsqueeze-13 take axes as an input; earlier versions as an attribute.
  if (args.inputs.length > 1 && args.inputs[1]) return constInts(args.node, args.values, 1, 'axes');
  return attrInts(args.node, 'axes');
}

export const Squeeze = relabel((args) => {
  const d = args.inputs[0]!.dims;
  const axes = axesOf(args);
  if (!axes) return d.filter((x) => x !== 1);
  const set = new Set(axes.map((a) => normAxis(args.node, a, d.length)));
  if (set.size !== axes.length)
    throw new EngineError('attribute', `Squeeze axes [${axes.join(', ')}] repeat an axis`, args.node.name);
  for (const a of set) {
    if (d[a] !== 1) throw new EngineError('shape', `Squeeze axis ${a} of ${dimsText(d)} is not 1`, args.node.name);
  }
  return d.filter((_, i) => !set.has(i));
});

export const Unsqueeze = relabel((args) => {
  const d = args.inputs[0]!.dims;
  const axes = axesOf(args);
  if (!axes) throw new EngineError('missing-input', 'Unsqueeze needs axes', args.node.name);
  const rank = d.length + axes.length;
  const set = new Set(axes.map((a) => normAxis(args.node, a, rank)));
  if (set.size !== axes.length)
    throw new EngineError('attribute', `Unsqueeze axes [${axes.join(', ')}] repeat an axis`, args.node.name);
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < rank; i++) out.push(set.has(i) ? 1 : d[j++]);
  return out;
});

export const Identity = relabel(({ inputs }) => [...inputs[0]!.dims]);
export const Dropout = relabel(({ node, inputs, values }) => {
  // Dropout-12+: a training_mode input that is true asks for random dropping, which inference does not do.
  const training = values[2];
  if (inputs[2] && (!training || training.data.length !== 1 || Number(training.data[0]) !== 0)) {
    throw new EngineError(
      'attribute',
      `Dropout input 'training_mode' must be a constant false; the engine runs inference only`,
      node.name,
    );
  }
  return [...inputs[0]!.dims];
});
