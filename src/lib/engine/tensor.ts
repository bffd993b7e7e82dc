/**
 * Tensors: a dtype, dims (NCHW for images) and a flat row-major typed array.
 *
 * int64 values are held in a Float64Array: every int64 an ONNX model of ours carries (shapes,
 * axes, indices) is far below 2^53, so doubles hold them exactly and no bigint arithmetic leaks
 * into kernels. The ONNX adapter converts at the edge.
 */
import { f32data } from './pool.ts';

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'uint8' | 'int8' | 'bool';

export type TensorData = Float32Array | Float64Array | Int32Array | Uint8Array | Int8Array;

export interface Tensor {
  readonly dtype: DType;
  readonly dims: readonly number[];
  readonly data: TensorData;
}

/** Number of elements of a shape (1 for a scalar, []). */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** Bytes per element as stored in ONNX and as counted for activation memory. */
export const BYTES_PER_ELEMENT: Readonly<Record<DType, number>> = {
  float32: 4,
  float64: 8,
  int64: 8,
  int32: 4,
  uint8: 1,
  int8: 1,
  bool: 1,
};

/** The typed array that holds a dtype (int64 in a Float64Array, bool in a Uint8Array). */
export function allocData(dtype: DType, n: number): TensorData {
  switch (dtype) {
    case 'float32':
      return f32data(n);
    case 'float64':
    case 'int64':
      return new Float64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int8':
      return new Int8Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
  }
}

/** Builds a tensor, checking that data length matches dims. */
export function tensor(dtype: DType, dims: readonly number[], data?: TensorData | ArrayLike<number>): Tensor {
  const n = sizeOf(dims);
  let d: TensorData;
  if (data === undefined) d = allocData(dtype, n);
  else if (ArrayBuffer.isView(data)) d = data as TensorData;
  else {
    d = allocData(dtype, n);
    (d as Float64Array).set(data as ArrayLike<number>);
  }
  if (d.length !== n) {
    throw new RangeError(`tensor: dims [${dims.join(', ')}] need ${n} elements, data has ${d.length}`);
  }
  return { dtype, dims: [...dims], data: d };
}

/** A float32 tensor. */
export function f32(dims: readonly number[], data?: Float32Array | ArrayLike<number>): Tensor {
  return tensor(
    'float32',
    dims,
    data instanceof Float32Array ? data : data === undefined ? undefined : Float32Array.from(data),
  );
}
