/**
 * TensorProto bytes -> Tensor (onnx.proto, message TensorProto). Data may be in raw_data
 * (little-endian, the form exporters write) or in the typed repeated fields (float_data,
 * int32_data, int64_data, double_data), which older and hand-built models use.
 *
 * All sizes are checked against the dims before anything is allocated, so a tensor that claims
 * a billion elements costs nothing to reject.
 */
import { BYTES_PER_ELEMENT, allocData, type DType, type Tensor, type TensorData } from '../tensor.ts';
import { OnnxError } from './onnx-error.ts';
import { dtypeFromOnnx, onnxDtypeName } from './onnx-dtype.ts';
import { WireReader } from './wire-reader.ts';

/** The default cap on the bytes of all tensors one file may hold: 1 GiB. */
export const DEFAULT_MAX_WEIGHT_BYTES = 1 << 30;

/** Remaining bytes tensors of one file may still take; decoding draws it down. */
export interface ByteBudget {
  remaining: number;
  readonly limit: number;
}

export function byteBudget(limit = DEFAULT_MAX_WEIGHT_BYTES): ByteBudget {
  return { remaining: limit, limit };
}

/** One decoded TensorProto: its name ('' when it has none) and value. */
export interface NamedTensor {
  readonly name: string;
  readonly tensor: Tensor;
}

/** Decodes a serialized TensorProto (e.g. a conformance case's `input_0.pb`). */
export function decodeTensor(bytes: Uint8Array, opts: { maxBytes?: number } = {}): Tensor {
  return decodeNamedTensor(bytes, opts).tensor;
}

/** Decodes a serialized TensorProto, keeping its name. */
export function decodeNamedTensor(bytes: Uint8Array, opts: { maxBytes?: number } = {}): NamedTensor {
  return readTensorProto(new WireReader(bytes, 'TensorProto'), byteBudget(opts.maxBytes));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads the TensorProto fields of `r` (field numbers from onnx.proto). */
export function readTensorProto(r: WireReader, budget: ByteBudget): NamedTensor {
  const dims: number[] = [];
  let code = 0;
  let name = '';
  let raw: Uint8Array | undefined;
  let external = false;
  let segmented = false;
  const floats: number[] = [];
  const int32s: number[] = [];
  const int64s: number[] = [];
  const doubles: number[] = [];
  let uint64Count = 0;
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1:
        r.ints(w, f, dims);
        break;
      case 2:
        code = r.int(w, f);
        break;
      case 3:
        segmented = true;
        r.skip(w);
        break;
      case 4:
        r.floats(w, f, floats);
        break;
      case 5:
        r.ints(w, f, int32s);
        break;
      case 7:
        r.ints(w, f, int64s);
        break;
      case 8:
        name = r.string(w, f);
        break;
      case 9:
        raw = r.bytes(w, f).bytes;
        break;
      case 10:
        r.doubles(w, f, doubles);
        break;
      case 11:
        uint64Count++;
        r.skip(w);
        break;
      case 13:
        external = true;
        r.skip(w);
        break;
      case 14:
        if (r.int(w, f) === 1) external = true;
        break;
      default:
        r.skip(w);
    }
  }
  const label = name ? `tensor '${name}'` : 'tensor';
  if (external) {
    throw new OnnxError(
      'external-data',
      `${label} keeps its data in an external file; only self-contained models are supported (save with all tensors inside the .onnx)`,
    );
  }
  if (segmented)
    throw new OnnxError('unsupported-type', `${label} is segmented (TensorProto.segment), which is not supported`);
  if (code === 0) throw new OnnxError('malformed', `${label} has no data_type`);
  const dtype = dtypeFromOnnx(code);
  if (dtype === undefined) {
    throw new OnnxError(
      'unsupported-dtype',
      `${label} has element type ${onnxDtypeName(code)}; supported: float32, float64, int64, int32, int8, uint8, bool`,
    );
  }
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxError('malformed', `${label} has invalid dim ${d}`);
    n *= d;
    if (n > Number.MAX_SAFE_INTEGER) throw new OnnxError('malformed', `${label} has an impossible element count`);
  }
  const byteCount = n * BYTES_PER_ELEMENT[dtype];
  if (byteCount > budget.remaining) {
    throw new OnnxError(
      'too-large',
      `${label} needs ${byteCount} bytes, over the limit of ${budget.limit} bytes for all tensors of one file`,
    );
  }
  budget.remaining -= byteCount;

  let data: TensorData;
  if (raw !== undefined) {
    if (raw.length !== byteCount) {
      throw new OnnxError(
        'malformed',
        `${label}: raw_data has ${raw.length} bytes, dims [${dims.join(', ')}] of ${dtype} need ${byteCount}`,
      );
    }
    data = fromRaw(dtype, n, raw);
  } else {
    const typed = typedField(dtype, floats, int32s, int64s, doubles);
    if (typed.values.length !== n || uint64Count > 0) {
      throw new OnnxError(
        'malformed',
        `${label}: ${typed.field} has ${typed.values.length} values, dims [${dims.join(', ')}] need ${n}`,
      );
    }
    data = allocData(dtype, n);
    if (dtype === 'bool') for (let i = 0; i < n; i++) data[i] = typed.values[i] ? 1 : 0;
    else (data as Float64Array).set(typed.values);
  }
  return { name, tensor: { dtype, dims, data } };
}

/** The typed field ONNX stores each dtype in (onnx.proto comments on TensorProto's fields). */
function typedField(
  dtype: DType,
  floats: number[],
  int32s: number[],
  int64s: number[],
  doubles: number[],
): { field: string; values: number[] } {
  switch (dtype) {
    case 'float32':
      return { field: 'float_data', values: floats };
    case 'float64':
      return { field: 'double_data', values: doubles };
    case 'int64':
      return { field: 'int64_data', values: int64s };
    default:
      return { field: 'int32_data', values: int32s };
  }
}

/** Little-endian raw bytes -> a fresh, aligned typed array (the view into the file may be unaligned). */
function fromRaw(dtype: DType, n: number, raw: Uint8Array): TensorData {
  // new Uint8Array(view) copies; Buffer#slice would not.
  const copy = new Uint8Array(raw);
  if (dtype === 'uint8') return copy;
  if (dtype === 'bool') {
    for (let i = 0; i < n; i++) copy[i] = copy[i] ? 1 : 0;
    return copy;
  }
  if (dtype === 'int8') return new Int8Array(copy.buffer);
  if (dtype === 'int64') {
    // int64 is held in a Float64Array (tensor.ts): hi * 2^32 + lo is exact below 2^53.
    const view = new DataView(copy.buffer);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = view.getInt32(8 * i + 4, true) * 4294967296 + view.getUint32(8 * i, true);
    return out;
  }
  if (LITTLE_ENDIAN) {
    if (dtype === 'float32') return new Float32Array(copy.buffer);
    if (dtype === 'float64') return new Float64Array(copy.buffer);
    return new Int32Array(copy.buffer);
  }
  const view = new DataView(copy.buffer);
  const out = allocData(dtype, n);
  for (let i = 0; i < n; i++) {
    out[i] =
      dtype === 'float32'
        ? view.getFloat32(4 * i, true)
        : dtype === 'float64'
          ? view.getFloat64(8 * i, true)
          : view.getInt32(4 * i, true);
  }
  return out;
}
