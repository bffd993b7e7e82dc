/**
 * A schema-light protobuf tree of an ONNX file for the fuzzer: every field kept in order as raw
 * bytes, varint or fixed value, and the fields onnx.proto declares as messages parsed into child
 * trees, so mutations can edit an attribute, a dim or an op type and re-encode a file that is
 * well-formed everywhere else. Parsing is bounded by the bytes (each field consumes at least one).
 */
import protobuf from 'protobufjs/minimal.js';

/** One field: `v` for varints (wire 0), `raw` bytes otherwise, `msg` when a LEN field parsed as a message. */
export interface Field {
  f: number;
  wire: 0 | 1 | 2 | 5;
  v?: number;
  raw?: Uint8Array;
  msg?: Message;
}

export interface Message {
  readonly type: string;
  fields: Field[];
}

/** Sub-message fields per message type (onnx.proto); the rest stay raw bytes. */
const SCHEMA: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  Model: { 7: 'Graph', 8: 'OpsetId', 14: 'Entry' },
  Graph: { 1: 'Node', 5: 'Tensor', 11: 'ValueInfo', 12: 'ValueInfo', 13: 'ValueInfo' },
  Node: { 5: 'Attribute', 9: 'Entry' },
  Attribute: { 5: 'Tensor' },
  ValueInfo: { 2: 'Type' },
  Type: { 1: 'TensorType' },
  TensorType: { 2: 'Shape' },
  Shape: { 1: 'Dim' },
  Tensor: {},
  OpsetId: {},
  Entry: {},
  Dim: {},
};

/** Parses bytes as message `type`; returns null when they are not well-formed protobuf. */
export function parseMessage(bytes: Uint8Array, type = 'Model'): Message | null {
  const r = new protobuf.Reader(bytes);
  const fields: Field[] = [];
  try {
    while (r.pos < r.len) {
      const tag = r.uint32();
      const f = tag >>> 3;
      const wire = tag & 7;
      if (f === 0) return null;
      if (wire === 0) fields.push({ f, wire: 0, v: Number(r.int64()) });
      else if (wire === 1) fields.push({ f, wire: 1, raw: bytes.slice(r.pos, (r.skip(8), r.pos)) });
      else if (wire === 5) fields.push({ f, wire: 5, raw: bytes.slice(r.pos, (r.skip(4), r.pos)) });
      else if (wire === 2) {
        const n = r.uint32();
        const start = r.pos;
        r.skip(n);
        const raw = bytes.slice(start, start + n);
        const sub = SCHEMA[type]?.[f];
        const msg = sub ? parseMessage(raw, sub) : null;
        fields.push(msg ? { f, wire: 2, raw, msg } : { f, wire: 2, raw });
      } else return null;
    }
  } catch {
    return null;
  }
  return { type, fields };
}

export function encodeMessage(m: Message): Uint8Array {
  const w = new protobuf.Writer();
  write(w, m);
  return w.finish();
}

function write(w: protobuf.Writer, m: Message): void {
  for (const fd of m.fields) {
    w.uint32((fd.f << 3) | fd.wire);
    const raw = fd.raw ?? new Uint8Array(0);
    if (fd.wire === 0) w.int64(fd.v ?? 0);
    else if (fd.wire === 5) w.fixed32(new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0, true));
    else if (fd.wire === 1) w.double(new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, true));
    else if (fd.msg) {
      w.fork();
      write(w, fd.msg);
      w.ldelim();
    } else w.bytes(raw);
  }
}

/** Every message in the tree (depth first), with its parent field, for picking mutation targets. */
export function allMessages(m: Message, out: Message[] = []): Message[] {
  out.push(m);
  for (const fd of m.fields) if (fd.wire === 2 && fd.msg) allMessages(fd.msg, out);
  return out;
}

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();
export const str = (fd: Field): string => (fd.wire === 2 && fd.raw ? utf8d.decode(fd.raw) : '');
export function setStr(fd: Field, s: string): void {
  if (fd.wire !== 2) return;
  fd.raw = utf8.encode(s);
  delete fd.msg;
}
