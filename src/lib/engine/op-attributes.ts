/**
 * Every attribute and optional input/output of each registry op, as the ONNX operator spec
 * defines them for opsets 6 to 25 (onnx/docs/Operators.md and Changelog.md), and what the engine
 * does with it: honour it, or refuse the node by naming it. `checkOpAttributes` runs before each
 * op's planner, so an attribute the spec does not define, or a value the engine does not run, is
 * an EngineError('attribute') naming the node and the attribute, never a silently wrong result.
 * Value domains that need input shapes (kernel against W, axes against rank…) live in each op's
 * plan function.
 */
import type { Node } from './graph.ts';
import { EngineError } from './errors.ts';

/** Attributes the spec defines for an op at some opset in 6–25 (all honoured unless checked below). */
export const OP_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  // Add-6/Sub-6/Mul-6/Div-6/Pow-1/Less-1 carry the legacy `broadcast`/`axis` (checked below); 7+ have none.
  Add: ['axis', 'broadcast'],
  Sub: ['axis', 'broadcast'],
  Mul: ['axis', 'broadcast'],
  Div: ['axis', 'broadcast'],
  Pow: ['axis', 'broadcast'],
  Less: ['axis', 'broadcast'],
  Max: [],
  Min: [],
  Sum: [],
  Where: [],
  MatMul: [],
  Identity: [],
  Size: [],
  Erf: [],
  Exp: [],
  Neg: [],
  Reciprocal: [],
  Relu: [],
  Sigmoid: [],
  Sqrt: [],
  Tanh: [],
  HardSwish: [],
  GlobalAveragePool: [],
  GlobalMaxPool: [],
  AveragePool: ['auto_pad', 'ceil_mode', 'count_include_pad', 'dilations', 'kernel_shape', 'pads', 'strides'],
  MaxPool: ['auto_pad', 'ceil_mode', 'dilations', 'kernel_shape', 'pads', 'storage_order', 'strides'],
  BatchNormalization: ['epsilon', 'momentum', 'is_test', 'spatial', 'training_mode'],
  Cast: ['to', 'saturate', 'round_mode'],
  CastLike: ['saturate', 'round_mode'],
  Clip: ['min', 'max'],
  Concat: ['axis'],
  Constant: [
    'value',
    'sparse_value',
    'value_float',
    'value_floats',
    'value_int',
    'value_ints',
    'value_string',
    'value_strings',
  ],
  ConstantOfShape: ['value'],
  Conv: ['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides'],
  Dropout: ['is_test', 'ratio', 'seed'],
  Flatten: ['axis'],
  Gather: ['axis'],
  Gelu: ['approximate'],
  Gemm: ['alpha', 'beta', 'transA', 'transB', 'broadcast'],
  HardSigmoid: ['alpha', 'beta'],
  LayerNormalization: ['axis', 'epsilon', 'stash_type'],
  Pad: ['mode', 'pads', 'value'],
  ReduceMax: ['axes', 'keepdims', 'noop_with_empty_axes'],
  ReduceMean: ['axes', 'keepdims', 'noop_with_empty_axes'],
  ReduceSum: ['axes', 'keepdims', 'noop_with_empty_axes'],
  Reshape: ['allowzero', 'shape'],
  Shape: ['start', 'end'],
  Slice: ['axes', 'ends', 'starts'],
  Softmax: ['axis'],
  Squeeze: ['axes'],
  Transpose: ['perm'],
  Unsqueeze: ['axes'],
};

/** Most inputs and outputs each op may have (spec maximum over opsets 6–25; Sum/Max/Min/Concat are variadic). */
export const OP_ARITY: Readonly<Record<string, readonly [inputs: number, outputs: number]>> = {
  BatchNormalization: [5, 5],
  Clip: [3, 1],
  Conv: [3, 1],
  Dropout: [3, 2],
  Gemm: [3, 1],
  LayerNormalization: [3, 3],
  MaxPool: [1, 2],
  AveragePool: [1, 1],
  Pad: [4, 1],
  Reshape: [2, 1],
  Slice: [5, 1],
  Squeeze: [2, 1],
  Unsqueeze: [2, 1],
  ReduceMax: [2, 1],
  ReduceMean: [2, 1],
  ReduceSum: [2, 1],
  Where: [3, 1],
  Gather: [2, 1],
  MatMul: [2, 1],
  Transpose: [1, 1],
  Softmax: [1, 1],
  Flatten: [1, 1],
  Shape: [1, 1],
  Size: [1, 1],
  Cast: [1, 1],
  CastLike: [2, 1],
  Constant: [0, 1],
  ConstantOfShape: [1, 1],
  Identity: [1, 1],
  GlobalAveragePool: [1, 1],
  GlobalMaxPool: [1, 1],
  Add: [2, 1],
  Sub: [2, 1],
  Mul: [2, 1],
  Div: [2, 1],
  Pow: [2, 1],
  Less: [2, 1],
  Erf: [1, 1],
  Exp: [1, 1],
  Neg: [1, 1],
  Reciprocal: [1, 1],
  Relu: [1, 1],
  Sigmoid: [1, 1],
  Sqrt: [1, 1],
  Tanh: [1, 1],
  HardSwish: [1, 1],
  HardSigmoid: [1, 1],
  Gelu: [1, 1],
};

/** The elementwise binary ops: two inputs each, and (opset < 7) the legacy broadcasting attributes. */
const BINARY_OPS: readonly string[] = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Less'];

/** Inputs each op requires where it is not 1 and does not depend on the opset. */
const REQUIRED_INPUTS = new Map<string, number>([
  ['Constant', 0],
  ...[...BINARY_OPS, 'Gemm', 'MatMul', 'Conv', 'Gather', 'CastLike', 'LayerNormalization', 'Reshape'].map(
    (op) => [op, 2] as const,
  ),
  ['Where', 3],
  ['BatchNormalization', 5],
]);

/** Inputs each op requires (present and not ''), by opset where it changed (Pad-11, Slice-10 moved attributes to inputs). */
export function requiredInputs(opType: string, opset: number): number {
  if (opType === 'Pad') return opset >= 11 ? 2 : 1;
  if (opType === 'Slice') return opset >= 10 ? 3 : 1;
  return REQUIRED_INPUTS.get(opType) ?? 1;
}

function refuse(node: Node, message: string): never {
  throw new EngineError('attribute', `${node.opType} ${message}`, node.name);
}

const intOf = (node: Node, name: string): number | undefined => {
  const a = node.attrs[name];
  return a && a.type === 'int' ? a.value : undefined;
};

/** Checks a node's attributes and arity against the table; throws EngineError naming what it refuses. */
export function checkOpAttributes(node: Node, opset: number): void {
  const known = OP_ATTRIBUTES[node.opType];
  if (!known) return;
  for (const name of Object.keys(node.attrs)) {
    if (!known.includes(name))
      refuse(node, `has attribute '${name}', which the ONNX spec does not define for ${node.opType} (opsets 6–25)`);
  }
  const arity = OP_ARITY[node.opType];
  if (arity) {
    if (node.inputs.length > arity[0])
      refuse(node, `has ${node.inputs.length} inputs; the spec allows at most ${arity[0]}`);
    if (node.outputs.length > arity[1])
      refuse(node, `has ${node.outputs.length} outputs; the spec allows at most ${arity[1]}`);
  }
  const need = requiredInputs(node.opType, opset);
  const missing =
    node.inputs.slice(0, need).length < need
      ? node.inputs.length
      : node.inputs.slice(0, need).findIndex((x) => x === '');
  if (missing >= 0)
    throw new EngineError(
      'missing-input',
      `${node.opType} needs ${need} input${need > 1 ? 's' : ''}; input ${missing} is missing`,
      node.name,
    );
  if (node.outputs.length === 0 || node.outputs[0] === '') refuse(node, 'has no first output');
  const bool01 = (name: string): void => {
    const v = intOf(node, name);
    if (v !== undefined && v !== 0 && v !== 1) refuse(node, `attribute '${name}' must be 0 or 1, got ${v}`);
  };
  if (BINARY_OPS.includes(node.opType)) {
    // Legacy broadcasting (opset < 7) aligns B at `axis`; numpy broadcasting equals it only for a suffix alignment, which the planner checks.
    bool01('broadcast');
    if (node.attrs.axis !== undefined)
      refuse(
        node,
        `attribute 'axis' (legacy broadcasting of opset < 7, aligning B at an axis other than the last) is not supported`,
      );
  }
  switch (node.opType) {
    case 'MaxPool': {
      bool01('ceil_mode');
      bool01('storage_order');
      // Indices in column-major order (storage_order = 1) are not produced.
      if (intOf(node, 'storage_order') === 1 && node.outputs.length > 1 && node.outputs[1] !== '') {
        refuse(
          node,
          `attribute 'storage_order' = 1 (column-major Indices) is not supported; the engine writes row-major Indices (storage_order 0)`,
        );
      }
      break;
    }
    case 'AveragePool':
      bool01('ceil_mode');
      bool01('count_include_pad');
      break;
    case 'BatchNormalization': {
      bool01('training_mode');
      if (intOf(node, 'training_mode') === 1)
        refuse(node, `attribute 'training_mode' = 1 is not supported: the engine runs inference only`);
      if (opset < 9 && intOf(node, 'spatial') === 0)
        refuse(node, `attribute 'spatial' = 0 (per-activation statistics) is not supported`);
      if (intOf(node, 'is_test') === 0 && opset < 7)
        refuse(node, `attribute 'is_test' = 0 (training) is not supported: the engine runs inference only`);
      if (node.outputs.slice(1).some((o) => o !== ''))
        refuse(node, `outputs beyond Y (running or saved statistics, produced in training mode) are not supported`);
      break;
    }
    case 'Clip':
      if (opset >= 11 && (node.attrs.min !== undefined || node.attrs.max !== undefined)) {
        refuse(
          node,
          `attributes 'min'/'max' belong to Clip-6; from opset 11 the bounds are the optional inputs min and max`,
        );
      }
      break;
    case 'Dropout':
      if (intOf(node, 'is_test') === 0)
        refuse(node, `attribute 'is_test' = 0 (training) is not supported: the engine runs inference only`);
      break;
    case 'Gelu': {
      const a = node.attrs.approximate;
      if (a && (a.type !== 'string' || (a.value !== 'none' && a.value !== 'tanh')))
        refuse(node, `attribute 'approximate' must be 'none' or 'tanh'`);
      break;
    }
    case 'Gemm':
      bool01('transA');
      bool01('transB');
      bool01('broadcast');
      break;
    case 'Reshape':
      bool01('allowzero');
      break;
    case 'ReduceMax':
    case 'ReduceMean':
    case 'ReduceSum':
      bool01('keepdims');
      bool01('noop_with_empty_axes');
      break;
    case 'LayerNormalization': {
      const st = intOf(node, 'stash_type');
      if (st !== undefined && st !== 1)
        refuse(node, `attribute 'stash_type' = ${st} is not supported (only 1, float32 statistics)`);
      break;
    }
    case 'Constant': {
      const n = Object.keys(node.attrs).length;
      if (n !== 1) refuse(node, `needs exactly one value attribute, got ${n}`);
      break;
    }
  }
}
