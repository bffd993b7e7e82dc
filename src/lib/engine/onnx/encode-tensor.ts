/**
 * Tensor -> TensorProto bytes (onnx.proto, message TensorProto): dims, data_type, name and the
 * values as little-endian raw_data, the form onnxruntime and the ONNX test runner read fastest.
 */
import protobuf from 'protobufjs/minimal.js';
import { BYTES_PER_ELEMENT, type Tensor } from '../tensor.ts';
import { ONNX_DTYPE_CODE } from './onnx-dtype.ts';
import { LEN, VARINT } from './wire-reader.ts';

/** Serializes a tensor as a standalone TensorProto (the `.pb` files of the ONNX test layout). */
export function encodeTensor(t: Tensor, name = ''): Uint8Array {
  const w = new protobuf.Writer();
  writeTensorFields(w, t, name);
  return w.finish();
}

/** Writes TensorProto fields into `w` (the caller forks/ldelims when it is an embedded message). */
export function writeTensorFields(w: protobuf.Writer, t: Tensor, name: string): void {
  if (t.dims.length > 0) {
    w.uint32((1 << 3) | LEN).fork();
    for (const d of t.dims) w.int64(d);
    w.ldelim();
  }
  w.uint32((2 << 3) | VARINT).int32(ONNX_DTYPE_CODE[t.dtype]);
  if (name) w.uint32((8 << 3) | LEN).string(name);
  w.uint32((9 << 3) | LEN).bytes(rawBytes(t));
}

/** True where typed arrays store numbers little-endian (every platform browsers and Node run on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The tensor's values as little-endian bytes. */
export function rawBytes(t: Tensor): Uint8Array {
  const n = t.data.length;
  // float32 storage is already the wire format on a little-endian host: one copy of the bytes, not a
  // DataView write per value (a 40 M-weight stage took seconds the per-value way).
  if (t.dtype === 'float32' && LITTLE_ENDIAN && t.data instanceof Float32Array) {
    return new Uint8Array(t.data.buffer.slice(t.data.byteOffset, t.data.byteOffset + t.data.byteLength));
  }
  const out = new Uint8Array(n * BYTES_PER_ELEMENT[t.dtype]);
  const view = new DataView(out.buffer);
  const d = t.data;
  switch (t.dtype) {
    case 'float32':
      for (let i = 0; i < n; i++) view.setFloat32(4 * i, d[i], true);
      break;
    case 'float64':
      for (let i = 0; i < n; i++) view.setFloat64(8 * i, d[i], true);
      break;
    case 'int64':
      // Values are exact integers below 2^53 held in doubles (tensor.ts); split into two words.
      for (let i = 0; i < n; i++) {
        const hi = Math.floor(d[i] / 4294967296);
        view.setInt32(8 * i + 4, hi, true);
        view.setUint32(8 * i, d[i] - hi * 4294967296, true);
      }
      break;
    case 'int32':
      for (let i = 0; i < n; i++) view.setInt32(4 * i, d[i], true);
      break;
    case 'int8':
      for (let i = 0; i < n; i++) view.setInt8(i, d[i]);
      break;
    case 'uint8':
      out.set(d as Uint8Array);
      break;
    case 'bool':
      for (let i = 0; i < n; i++) out[i] = d[i] ? 1 : 0;
      break;
  }
  return out;
}
