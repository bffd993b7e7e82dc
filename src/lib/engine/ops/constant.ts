/** Ops that make or convert whole tensors: Constant, ConstantOfShape, Shape, Size, Cast, CastLike. */
import { attrInt } from '../attrs.ts';
import { EngineError } from '../errors.ts';
import { defineOp } from '../op.ts';
import { checkDims, constInts, MAX_TENSOR_ELEMENTS } from '../shape-util.ts';
import { allocData, type DType, f32, sizeOf, tensor, type Tensor } from '../tensor.ts';

/** ONNX TensorProto.DataType codes the engine holds. */
const DTYPE_CODES: Readonly<Record<number, DType>> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  6: 'int32',
  7: 'int64',
  9: 'bool',
  11: 'float64',
};

interface ValueGeometry {
  readonly value: Tensor;
}

function constantValue(node: import('../graph.ts').Node): Tensor {
  const [name, a] = Object.entries(node.attrs)[0] ?? [];
  if (!a) throw new EngineError('attribute', 'Constant needs a value attribute', node.name);
  switch (name) {
    case 'value':
      if (a.type === 'tensor') return a.value;
      break;
    case 'value_float':
      if (a.type === 'float') return f32([], [a.value]);
      break;
    case 'value_floats':
      if (a.type === 'floats') return f32([a.value.length], a.value);
      break;
    case 'value_int':
      if (a.type === 'int') return tensor('int64', [], [a.value]);
      break;
    case 'value_ints':
      if (a.type === 'ints') return tensor('int64', [a.value.length], a.value);
      break;
  }
  throw new EngineError('attribute', `Constant attribute '${name}' (${a.type}) is not supported`, node.name);
}

export const Constant = defineOp<ValueGeometry>({
  plan({ node }) {
    const value = constantValue(node);
    return { outputs: [{ dtype: value.dtype, dims: value.dims }], geom: { value }, constants: [value] };
  },
  run: (g) => [g.value],
});

interface FillGeometry {
  readonly dims: readonly number[];
  readonly fill: Tensor;
}

/** Fills `dims` with the value attribute's one element; planning allocates nothing (the shape may be large). */
function filled(g: FillGeometry): Tensor {
  const data = allocData(g.fill.dtype, sizeOf(g.dims));
  (data as Float64Array).fill(Number(g.fill.data[0]));
  return tensor(g.fill.dtype, g.dims, data);
}

/** Largest ConstantOfShape output made a planning-time constant (shape arithmetic is tiny). */
const FILL_CONSTANT_LIMIT = 1 << 16;

export const ConstantOfShape = defineOp<FillGeometry>({
  plan({ node, values }) {
    const dims = constInts(node, values, 0, 'shape');
    checkDims(node, dims, 'output', MAX_TENSOR_ELEMENTS);
    const a = node.attrs.value;
    const fill = a && a.type === 'tensor' ? a.value : f32([1], [0]);
    if (fill.data.length !== 1)
      throw new EngineError(
        'attribute',
        `ConstantOfShape attribute 'value' must hold one element, got ${fill.data.length}`,
        node.name,
      );
    const geom = { dims, fill };
    return {
      outputs: [{ dtype: fill.dtype, dims }],
      geom,
      ...(sizeOf(dims) <= FILL_CONSTANT_LIMIT ? { constants: [filled(geom)] } : {}),
    };
  },
  run: (g) => [filled(g)],
});

/** Shape-15+: start/end slice the dims (negative counts from the end, clamped). */
export const Shape = defineOp<ValueGeometry>({
  plan({ node, inputs }) {
    const d = inputs[0]!.dims;
    const r = d.length;
    const clamp = (v: number): number => Math.min(r, Math.max(0, v < 0 ? v + r : v));
    const start = clamp(attrInt(node, 'start', 0));
    const end = clamp(attrInt(node, 'end', r));
    const dims = d.slice(start, Math.max(start, end));
    const value = tensor('int64', [dims.length], dims);
    return { outputs: [{ dtype: 'int64', dims: [dims.length] }], geom: { value }, constants: [value] };
  },
  run: (g) => [g.value],
});

export const Size = defineOp<ValueGeometry>({
  plan({ inputs }) {
    const value = tensor('int64', [], [sizeOf(inputs[0]!.dims)]);
    return { outputs: [{ dtype: 'int64', dims: [] }], geom: { value }, constants: [value] };
  },
  run: (g) => [g.value],
});

export interface CastGeometry {
  readonly to: DType;
}

function cast(x: Tensor, to: DType): Tensor {
  const out = allocData(to, x.data.length);
  const src = x.data;
  if (to === 'bool') for (let i = 0; i < src.length; i++) out[i] = src[i] ? 1 : 0;
  else if (to === 'float32' || to === 'float64') for (let i = 0; i < src.length; i++) out[i] = src[i];
  else for (let i = 0; i < src.length; i++) out[i] = Math.trunc(src[i]);
  return tensor(to, x.dims, out);
}

export const Cast = defineOp<CastGeometry>({
  plan({ node, inputs }) {
    const code = attrInt(node, 'to', 1);
    const to = DTYPE_CODES[code];
    if (!to) throw new EngineError('dtype', `Cast to ONNX data type ${code} is not supported`, node.name);
    return { outputs: [{ dtype: to, dims: inputs[0]!.dims }], geom: { to } };
  },
  run: (g, [x]) => [cast(x!, g.to)],
});

export const CastLike = defineOp<CastGeometry>({
  plan({ node, inputs }) {
    const [x, like] = inputs;
    if (!x || !like) throw new EngineError('missing-input', 'CastLike needs input and target_type', node.name);
    return { outputs: [{ dtype: like.dtype, dims: x.dims }], geom: { to: like.dtype } };
  },
  run: (g, [x]) => [cast(x!, g.to)],
});
