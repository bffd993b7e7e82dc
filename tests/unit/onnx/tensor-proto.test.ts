import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNamedTensor, decodeTensor } from '~/lib/engine/onnx/decode-tensor.ts';
import { encodeTensor } from '~/lib/engine/onnx/encode-tensor.ts';
import { OnnxError } from '~/lib/engine/onnx/onnx-error.ts';
import { tensor, type DType } from '~/lib/engine/tensor.ts';
import { key, protobuf } from './helpers.ts';

const shared = new URL('../../../../shared/onnx-node-tests/', import.meta.url);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('TensorProto encode and decode', () => {
  const samples: [DType, number[]][] = [
    ['float32', [1.5, -2.25, 0, 3e-8]],
    ['float64', [Math.PI, -1e300]],
    ['int64', [-1, 0, 2 ** 40 + 3, -(2 ** 52)]],
    ['int32', [-7, 2147483647]],
    ['int8', [-128, 127]],
    ['uint8', [0, 255]],
    ['bool', [1, 0]],
  ];
  for (const [dtype, values] of samples) {
    it(`round-trips a ${dtype} tensor exactly, name included`, () => {
      const t = tensor(dtype, [values.length], values);
      const back = decodeNamedTensor(encodeTensor(t, 'w'));
      expect(back.name).toBe('w');
      expect(back.tensor.dtype).toBe(dtype);
      expect(back.tensor.dims).toEqual([values.length]);
      expect([...back.tensor.data]).toEqual([...t.data]);
    });
  }

  it('round-trips a scalar (dims [])', () => {
    const back = decodeTensor(encodeTensor(tensor('float32', [], [4])));
    expect(back.dims).toEqual([]);
    expect([...back.data]).toEqual([4]);
  });

  it('reads typed float_data and int64_data, packed or one value per field', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(2).uint32(key(1, 0)).int64(2); // dims unpacked
    w.uint32(key(2, 0)).int32(1);
    w.uint32(key(4, 2)).fork().float(1).float(2).float(3).ldelim();
    w.uint32(key(4, 5)).float(4);
    const t = decodeTensor(w.finish());
    expect(t.dims).toEqual([2, 2]);
    expect([...t.data]).toEqual([1, 2, 3, 4]);

    const v = new protobuf.Writer();
    v.uint32(key(1, 2)).fork().int64(3).ldelim();
    v.uint32(key(2, 0)).int32(7);
    v.uint32(key(7, 2)).fork().int64(-5).int64(0).int64(9).ldelim();
    const i = decodeTensor(v.finish());
    expect(i.dtype).toBe('int64');
    expect([...i.data]).toEqual([-5, 0, 9]);
  });

  it('decodes a conformance input file to the dims its manifest lists', () => {
    const bytes = readFileSync(new URL('node/test_add/test_data_set_0/input_0.pb', shared));
    const t = decodeTensor(bytes);
    expect(t.dtype).toBe('float32');
    expect(t.dims).toEqual([3, 4, 5]);
  });

  it('rejects raw_data whose length does not match the dims', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(4).uint32(key(2, 0)).int32(1).uint32(key(9, 2)).bytes(new Uint8Array(12));
    expect(codeOf(() => decodeTensor(w.finish()))).toBe('malformed');
  });

  it('names an unsupported element type instead of misreading it', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(1).uint32(key(2, 0)).int32(10).uint32(key(9, 2)).bytes(new Uint8Array(2));
    const bytes = w.finish();
    expect(codeOf(() => decodeTensor(bytes))).toBe('unsupported-dtype');
    expect(() => decodeTensor(bytes)).toThrow(/FLOAT16/);
  });

  it('refuses external data', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(1).uint32(key(2, 0)).int32(1).uint32(key(8, 2)).string('w').uint32(key(14, 0)).int32(1);
    expect(codeOf(() => decodeTensor(w.finish()))).toBe('external-data');
  });

  it('rejects a tensor over the byte limit before allocating it', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(1e12).uint32(key(2, 0)).int32(1).uint32(key(9, 2)).bytes(new Uint8Array(4));
    expect(codeOf(() => decodeTensor(w.finish()))).toBe('too-large');
    const small = encodeTensor(tensor('float32', [100]));
    expect(codeOf(() => decodeTensor(small, { maxBytes: 399 }))).toBe('too-large');
    expect(codeOf(() => decodeTensor(small, { maxBytes: 400 }))).toBe('no error');
  });

  it('turns truncation into a malformed-file error', () => {
    const bytes = encodeTensor(tensor('float32', [8]), 'weights');
    for (let n = 1; n < bytes.length; n++) {
      const code = codeOf(() => decodeTensor(bytes.subarray(0, n)));
      expect(['malformed', 'no error']).toContain(code);
    }
    expect(codeOf(() => decodeTensor(bytes.subarray(0, bytes.length - 1)))).toBe('malformed');
  });
});
