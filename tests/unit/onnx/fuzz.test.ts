import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importOnnx } from '~/lib/engine/onnx/import-onnx.ts';
import { decodeTensor } from '~/lib/engine/onnx/decode-tensor.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { OnnxError } from '~/lib/engine/onnx/onnx-error.ts';
import { EngineError } from '~/lib/engine/errors.ts';
import { analyze, runGraph, tensor } from '~/lib/engine/index.ts';
import { prng, smallCnn } from './helpers.ts';

const shared = new URL('../../../../shared/onnx-node-tests/', import.meta.url);
const seeds: [string, Uint8Array][] = [
  ['small_cnn', exportOnnx(smallCnn())],
  ...[
    'node/test_conv_with_autopad_same',
    'node/test_layer_normalization_4d_axis0_expanded',
    'pytorch-converted/test_Conv2d_depthwise_strided',
    'pytorch-converted/test_ReflectionPad2d',
    'node/test_gelu_tanh_2_expanded',
  ].map((p): [string, Uint8Array] => [p, new Uint8Array(readFileSync(new URL(`${p}/model.onnx`, shared)))]),
];

/**
 * 'ok' when the bytes import, analyse and run, the error code when any step throws a typed error;
 * anything else fails the test. Analysis and a run on zero inputs are included because the site
 * analyses every model a reader opens and then runs it (runs are skipped above 64 MiB of
 * activations to keep the test fast).
 */
function outcome(bytes: Uint8Array, what: string): string {
  try {
    const graph = importOnnx(bytes, { maxWeightBytes: 1 << 26 });
    const stats = analyze(graph);
    if (stats.activationBytes < 1 << 26) {
      runGraph(graph, Object.fromEntries(graph.inputs.map((i) => [i.name, tensor(i.dtype, i.dims as number[])])));
    }
    return 'ok';
  } catch (e) {
    if ((e instanceof OnnxError || e instanceof EngineError) && e.message.length > 10) return e.code;
    throw new Error(
      `${what}: expected a typed error, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
    );
  }
}

describe('malformed ONNX input', () => {
  it('the valid seed models import and analyse', () => {
    for (const [name, bytes] of seeds) expect(outcome(bytes, name)).toBe('ok');
  });

  it('every truncation of a valid model imports or throws a typed error', () => {
    const rand = prng(11);
    const codes = new Set<string>();
    for (const [name, bytes] of seeds) {
      for (let k = 0; k < 30; k++) {
        const n = Math.floor(rand() * bytes.length);
        codes.add(outcome(bytes.subarray(0, n), `${name} cut at ${n}`));
      }
    }
    expect(codes.has('malformed')).toBe(true);
  });

  it('random bytes never crash the importer or the tensor decoder', () => {
    const rand = prng(22);
    for (let k = 0; k < 150; k++) {
      const bytes = new Uint8Array(1 + Math.floor(rand() * 2000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      expect(outcome(bytes, `random #${k}`)).not.toBe('ok');
      try {
        decodeTensor(bytes, { maxBytes: 1 << 26 });
      } catch (e) {
        if (!(e instanceof OnnxError)) throw e;
      }
    }
  });

  it('mutated models (flipped, overwritten, inserted and deleted bytes) import or throw a typed error', () => {
    const rand = prng(33);
    const codes = new Map<string, number>();
    for (let k = 0; k < 300; k++) {
      const [name, original] = seeds[k % seeds.length];
      let bytes = Uint8Array.from(original);
      const edits = 1 + Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * bytes.length);
        const kind = Math.floor(rand() * 4);
        if (kind === 0) bytes[at] ^= 1 << Math.floor(rand() * 8);
        else if (kind === 1) bytes[at] = Math.floor(rand() * 256);
        else if (kind === 2)
          bytes = Uint8Array.from([...bytes.subarray(0, at), Math.floor(rand() * 256), ...bytes.subarray(at)]);
        else bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + 1)]);
      }
      const code = outcome(bytes, `${name} mutation #${k}`);
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // Both outcomes occur: some edits only touch values, most break the structure.
    expect(codes.get('ok') ?? 0).toBeGreaterThan(0);
    expect(codes.get('malformed') ?? 0).toBeGreaterThan(0);
  });
});
