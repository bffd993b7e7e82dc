/** Small shape helpers shared by planners and kernels. */
import type { Node } from './graph.ts';
import { EngineError } from './errors.ts';
import type { Tensor } from './tensor.ts';

/** Row-major strides of a shape. */
export function stridesOf(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i];
  }
  return s;
}

/** Resolves a possibly negative axis against a rank (ONNX: axis in [-r, r-1]). */
export function normAxis(node: Node, axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank || !Number.isInteger(a)) {
    throw new EngineError('attribute', `axis ${axis} is out of range for rank ${rank}`, node.name);
  }
  return a;
}

/** Numpy broadcasting of several shapes (ONNX multidirectional broadcasting). */
export function broadcastDims(node: Node, shapes: readonly (readonly number[])[]): number[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const off = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i];
      const o = out[off + i];
      if (d === o || d === 1) continue;
      if (o === 1) out[off + i] = d;
      else {
        throw new EngineError(
          'shape',
          `${node.opType} cannot broadcast shapes ${shapes.map((x) => `[${x.join(', ')}]`).join(' and ')}`,
          node.name,
        );
      }
    }
  }
  return out;
}

/** Strides of `dims` viewed in an output of rank `rank` (0 where broadcast). */
export function broadcastStrides(dims: readonly number[], outDims: readonly number[]): number[] {
  const rank = outDims.length;
  const own = stridesOf(dims);
  const s = new Array<number>(rank).fill(0);
  const off = rank - dims.length;
  for (let i = 0; i < dims.length; i++) s[off + i] = dims[i] === 1 && outDims[off + i] !== 1 ? 0 : own[i];
  return s;
}

/** The contents of a constant input the planner needs (a shape, axes, pads…), as numbers. */
export function constInts(node: Node, values: readonly (Tensor | undefined)[], index: number, what: string): number[] {
  const t = values[index];
  if (t === undefined) {
    throw new EngineError(
      'shape',
      `${node.opType} needs the value of its input ${index} (${what}) to know its output shape, and it is not a constant`,
      node.name,
    );
  }
  return Array.from(t.data as ArrayLike<number>, Number);
}

/**
 * Largest tensor (elements) a run may produce: 2^28 float32 values are 1 GiB. Beyond it a
 * malformed or hostile file (pads of 10^9, a ConstantOfShape of [10^6, 10^6]) is refused while
 * planning the node, before its kernel allocates or loops. Analysis alone allocates nothing for
 * large tensors, so it accepts any safe size (the scaling lessons analyse networks at φ = 7).
 */
export const MAX_TENSOR_ELEMENTS = 2 ** 28;

/** Dims every kernel may trust: safe non-negative integers, at most `limit` elements in all. */
export function checkDims(node: Node, dims: readonly number[], what: string, limit = Number.MAX_SAFE_INTEGER): void {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0)
      throw new EngineError(
        'shape',
        `${node.opType} ${what} has an invalid dim ${d} in [${dims.join(', ')}]`,
        node.name,
      );
    n *= d;
  }
  if (n > limit) {
    throw new EngineError(
      'shape',
      `${node.opType} ${what} [${dims.join(', ')}] has ${n.toExponential(2)} elements, over the engine's limit of ${limit} per tensor`,
      node.name,
    );
  }
}

export function dimsText(d: readonly number[]): string {
  return `[${d.join(', ')}]`;
}
