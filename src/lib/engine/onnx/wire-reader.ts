/**
 * A bounds-checked protobuf wire reader over protobufjs's minimal Reader.
 *
 * Every read goes through here so that a malformed or truncated file becomes an OnnxError
 * ('malformed') naming the message being read and the byte offset, never a RangeError from deep
 * inside protobufjs. Groups (wire types 3 and 4) are rejected rather than skipped: ONNX never
 * uses them, and skipping nested groups would recurse once per byte of a hostile file.
 * Nested messages are read by handing their bytes to a new WireReader, so the nesting depth is
 * bounded by the (fixed) schema, not by the input.
 */
import protobuf from 'protobufjs/minimal.js';
import { OnnxError } from './onnx-error.ts';

/** Protobuf wire types (https://protobuf.dev/programming-guides/encoding/#structure). */
export const VARINT = 0;
export const I64 = 1;
export const LEN = 2;
export const I32 = 5;

const WIRE_NAMES = ['varint', 'i64', 'len', 'sgroup', 'egroup', 'i32', 'wire type 6', 'wire type 7'];

/** A protobufjs Long (or a plain number when Long is unavailable). */
type LongLike = number | { toNumber(): number };

export class WireReader {
  private readonly r: protobuf.Reader;
  /** What is being read, for error messages (e.g. 'TensorProto "conv1.weight"'). */
  readonly what: string;
  /** Offset of this message inside the file, so messages can point at the byte. */
  private readonly base: number;

  constructor(bytes: Uint8Array, what: string, base = 0) {
    this.r = new protobuf.Reader(bytes);
    this.what = what;
    this.base = base;
  }

  get pos(): number {
    return this.r.pos;
  }

  /** True once every byte of this message has been read. */
  done(): boolean {
    return this.r.pos >= this.r.len;
  }

  fail(message: string): never {
    throw new OnnxError('malformed', `${this.what}: ${message} (at byte ${this.base + this.r.pos})`);
  }

  private guard<T>(read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof OnnxError) throw e;
      return this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /** Reads a field key; returns [field number, wire type]. */
  key(): [number, number] {
    const tag = this.guard(() => this.r.uint32());
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) this.fail('field number 0');
    if (wire === 3 || wire === 4 || wire > 5) this.fail(`field ${field} has unsupported ${WIRE_NAMES[wire]}`);
    return [field, wire];
  }

  /** Skips a field's value of the given wire type. */
  skip(wire: number): void {
    this.guard(() => {
      if (wire === VARINT) this.r.skip();
      else if (wire === I64) this.r.skip(8);
      else if (wire === I32) this.r.skip(4);
      else this.r.skip(this.r.size());
    });
  }

  private expect(wire: number, want: number, field: number): void {
    if (wire !== want) this.fail(`field ${field} is ${WIRE_NAMES[wire]}, expected ${WIRE_NAMES[want]}`);
  }

  /** A varint as a JS number (int64 beyond 2^53 rounds, which only ever affects sentinels like INT64_MAX). */
  int(wire: number, field: number): number {
    this.expect(wire, VARINT, field);
    return this.guard(() => toNumber(this.r.int64() as unknown as LongLike));
  }

  float(wire: number, field: number): number {
    this.expect(wire, I32, field);
    return this.guard(() => this.r.float());
  }

  double(wire: number, field: number): number {
    this.expect(wire, I64, field);
    return this.guard(() => this.r.double());
  }

  /** Length-delimited bytes (a view into the file, not a copy) and their offset in the file. */
  bytes(wire: number, field: number): { bytes: Uint8Array; offset: number } {
    this.expect(wire, LEN, field);
    return this.guard(() => {
      const n = this.r.size();
      const start = this.r.pos;
      this.r.skip(n);
      return { bytes: this.r.buf.subarray(start, start + n), offset: this.base + start };
    });
  }

  string(wire: number, field: number): string {
    return utf8.decode(this.bytes(wire, field).bytes);
  }

  /** An embedded message, as a reader of its own. */
  message(wire: number, field: number, what: string): WireReader {
    const { bytes, offset } = this.bytes(wire, field);
    return new WireReader(bytes, what, offset);
  }

  /** A repeated int32/int64 field, packed (LEN) or not (VARINT): appends to `out`. */
  ints(wire: number, field: number, out: number[]): void {
    if (wire === VARINT) {
      out.push(this.int(wire, field));
      return;
    }
    const sub = this.message(wire, field, this.what);
    // Each varint is at least one byte, so this loop is bounded by the field's length.
    while (!sub.done()) out.push(sub.int(VARINT, field));
  }

  /** A repeated float field, packed or not: appends to `out`. */
  floats(wire: number, field: number, out: number[]): void {
    if (wire === I32) {
      out.push(this.float(wire, field));
      return;
    }
    const { bytes } = this.bytes(wire, field);
    if (bytes.length % 4 !== 0) this.fail(`packed float field ${field} has ${bytes.length} bytes, not a multiple of 4`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length; i += 4) out.push(view.getFloat32(i, true));
  }

  /** A repeated double field, packed or not: appends to `out`. */
  doubles(wire: number, field: number, out: number[]): void {
    if (wire === I64) {
      out.push(this.double(wire, field));
      return;
    }
    const { bytes } = this.bytes(wire, field);
    if (bytes.length % 8 !== 0)
      this.fail(`packed double field ${field} has ${bytes.length} bytes, not a multiple of 8`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length; i += 8) out.push(view.getFloat64(i, true));
  }
}

function toNumber(v: LongLike): number {
  return typeof v === 'number' ? v : v.toNumber();
}

const utf8 = new TextDecoder('utf-8');

/** StringStringEntryProto { key = 1; value = 2 }. */
export function readStringEntry(r: WireReader): [string, string] {
  let k = '';
  let v = '';
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) k = r.string(w, f);
    else if (f === 2) v = r.string(w, f);
    else r.skip(w);
  }
  return [k, v];
}
