/**
 * IDX files (the MNIST / Fashion-MNIST container, yann.lecun.com/exdb/mnist "FILE FORMATS"):
 * a 4-byte magic `0x00 0x00 <type> <rank>`, then `rank` big-endian uint32 dims, then the data
 * row-major. Only type 0x08 (unsigned byte) occurs in these datasets, so only it is read.
 */

export class IdxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdxError';
  }
}

export interface IdxArray {
  readonly dims: readonly number[];
  /** A view into the file's bytes (not copied). */
  readonly data: Uint8Array;
}

/** What a caller expects of a file: its rank and dims (checked before any data is read). */
export interface IdxExpectation {
  readonly dims: readonly number[];
}

/**
 * Parses IDX bytes; `what` names the file in every message. With `expect`, the rank and every
 * dim must match, so a truncated or wrong file is reported as such, not as an out-of-range read.
 */
export function parseIdx(bytes: Uint8Array, what: string, expect?: IdxExpectation): IdxArray {
  if (bytes.length < 4)
    throw new IdxError(`${what}: ${bytes.length} bytes is too short for an IDX file (corrupt or truncated)`);
  const [z0, z1, type, rank] = bytes;
  if (z0 !== 0 || z1 !== 0) {
    const magic = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new IdxError(
      `${what}: bad magic number ${magic} (an IDX file starts 00 00 08 <rank>); the file is corrupt or not IDX`,
    );
  }
  if (type !== 0x08) throw new IdxError(`${what}: element type 0x${type.toString(16)} is not unsigned byte (0x08)`);
  if (expect && rank !== expect.dims.length) {
    throw new IdxError(
      `${what}: rank ${rank} in the magic number, expected ${expect.dims.length} (magic 00 00 08 0${expect.dims.length})`,
    );
  }
  const header = 4 + 4 * rank;
  if (bytes.length < header)
    throw new IdxError(`${what}: ${bytes.length} bytes cannot hold the ${rank} dims of the header (truncated)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  if (expect && dims.some((d, i) => d !== expect.dims[i])) {
    throw new IdxError(`${what}: dims [${dims.join(', ')}], expected [${expect.dims.join(', ')}]`);
  }
  const n = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== header + n) {
    throw new IdxError(
      `${what}: ${bytes.length} bytes, expected ${header + n} (header ${header} + ${n} for dims [${dims.join(', ')}]); the file is ${bytes.length < header + n ? 'truncated' : 'longer than its header says'}`,
    );
  }
  return { dims, data: bytes.subarray(header) };
}

/** Writes IDX bytes (unsigned byte elements): tests make small files with it. */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const header = 4 + 4 * dims.length;
  const out = new Uint8Array(header + data.length);
  out.set([0, 0, 0x08, dims.length]);
  const view = new DataView(out.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, header);
  return out;
}
