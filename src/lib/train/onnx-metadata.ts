/**
 * ModelProto.metadata_props (field 14, repeated StringStringEntryProto { key = 1, value = 2 }):
 * where trained models and checkpoints carry their recipe, seed, epoch, data and preprocessing.
 * Protobuf allows a message's fields in any order and concatenated encodings merge, so the
 * entries are appended after exportOnnx's bytes instead of changing the exporter; reading scans
 * the top-level fields (decodeModel skips field 14).
 */
import protobuf from 'protobufjs/minimal.js';
import { LEN, readStringEntry, WireReader } from '../engine/onnx/wire-reader.ts';

const key = (field: number, wire: number): number => (field << 3) | wire;

/** `bytes` (a ModelProto) with `props` appended as metadata_props entries. */
export function withMetadata(bytes: Uint8Array, props: Readonly<Record<string, string>>): Uint8Array {
  const w = new protobuf.Writer();
  for (const [k, v] of Object.entries(props)) {
    w.uint32(key(14, LEN)).fork();
    w.uint32(key(1, LEN)).string(k).uint32(key(2, LEN)).string(v);
    w.ldelim();
  }
  const tail = w.finish();
  const out = new Uint8Array(bytes.length + tail.length);
  out.set(bytes);
  out.set(tail, bytes.length);
  return out;
}

/** The metadata_props of a ModelProto (later entries win on a repeated key). */
export function readMetadata(bytes: Uint8Array): Record<string, string> {
  const r = new WireReader(bytes, 'ModelProto');
  const out: Record<string, string> = {};
  while (!r.done()) {
    const [f, w] = r.key();
    if (f !== 14) {
      r.skip(w);
      continue;
    }
    const [k, v] = readStringEntry(r.message(w, f, 'metadata_props entry'));
    out[k] = v;
  }
  return out;
}
