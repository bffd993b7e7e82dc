/**
 * TensorProto.DataType codes (onnx.proto, enum TensorProto.DataType) and how each maps onto the
 * engine's DType. Only the seven dtypes tensor.ts defines are accepted; the rest are named so an
 * 'unsupported-dtype' error can say which type the file used.
 */
import type { DType } from '../tensor.ts';

export const ONNX_DTYPE_CODE: Readonly<Record<DType, number>> = {
  float32: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float64: 11,
};

const BY_CODE = new Map<number, DType>(Object.entries(ONNX_DTYPE_CODE).map(([d, c]) => [c, d as DType]));

const ONNX_DTYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'UNDEFINED',
  1: 'FLOAT',
  2: 'UINT8',
  3: 'INT8',
  4: 'UINT16',
  5: 'INT16',
  6: 'INT32',
  7: 'INT64',
  8: 'STRING',
  9: 'BOOL',
  10: 'FLOAT16',
  11: 'DOUBLE',
  12: 'UINT32',
  13: 'UINT64',
  14: 'COMPLEX64',
  15: 'COMPLEX128',
  16: 'BFLOAT16',
  17: 'FLOAT8E4M3FN',
  18: 'FLOAT8E4M3FNUZ',
  19: 'FLOAT8E5M2',
  20: 'FLOAT8E5M2FNUZ',
  21: 'UINT4',
  22: 'INT4',
  23: 'FLOAT4E2M1',
  24: 'FLOAT8E8M0',
  25: 'UINT2',
  26: 'INT2',
};

/** The engine dtype for an ONNX elem_type code, or undefined when the engine has none. */
export function dtypeFromOnnx(code: number): DType | undefined {
  return BY_CODE.get(code);
}

/** A readable name for an ONNX elem_type code ('FLOAT16', or 'code 99' for unknown ones). */
export function onnxDtypeName(code: number): string {
  return ONNX_DTYPE_NAMES[code] ?? `code ${code}`;
}
