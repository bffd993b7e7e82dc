/**
 * onnxruntime-web (wasm backend, one thread) as the reference the engine is checked and timed
 * against, loaded in Node: the package's `node` export condition gives ort.node.min.mjs, which
 * finds its .wasm files beside it in node_modules. One thread keeps the comparison fair on a
 * shared 2-core machine and avoids worker threads in tests.
 */
import * as ort from 'onnxruntime-web';
import { tensor, type DType, type Tensor } from '../lib/engine/tensor.ts';

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

export type OrtSession = ort.InferenceSession;

/** Threads for the wasm backend; takes effect only before the first session (ORT starts once per process). */
export function setOrtThreads(n: number): void {
  ort.env.wasm.numThreads = n;
}

/**
 * Creates a session for model bytes on the wasm backend. Benchmarks want every graph
 * optimisation ('all', the default); reference checks that expose hundreds of intermediates as
 * outputs pass 'basic', which skips the layout passes whose planning dominates session creation.
 */
export async function ortSession(bytes: Uint8Array, optimization: 'basic' | 'all' = 'all'): Promise<OrtSession> {
  return ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: optimization,
    logSeverityLevel: 3,
  });
}

function toOrt(t: Tensor): ort.Tensor {
  const dims = [...t.dims];
  switch (t.dtype) {
    case 'float32':
      return new ort.Tensor('float32', t.data as Float32Array, dims);
    case 'float64':
      return new ort.Tensor('float64', t.data as Float64Array, dims);
    case 'int64':
      return new ort.Tensor(
        'int64',
        BigInt64Array.from(t.data as Float64Array, (v) => BigInt(v)),
        dims,
      );
    case 'int32':
      return new ort.Tensor('int32', t.data as Int32Array, dims);
    case 'int8':
      return new ort.Tensor('int8', t.data as Int8Array, dims);
    case 'uint8':
      return new ort.Tensor('uint8', t.data as Uint8Array, dims);
    case 'bool':
      return new ort.Tensor('bool', t.data as Uint8Array, dims);
  }
}

function fromOrt(t: ort.Tensor): Tensor {
  const dims = [...t.dims];
  if (t.type === 'int64')
    return tensor(
      'int64',
      dims,
      Float64Array.from(t.data as BigInt64Array, (v) => Number(v)),
    );
  const known: Record<string, DType> = {
    float32: 'float32',
    float64: 'float64',
    int32: 'int32',
    int8: 'int8',
    uint8: 'uint8',
    bool: 'bool',
  };
  const dtype = known[t.type];
  if (dtype === undefined)
    throw new Error(`onnxruntime returned a ${t.type} tensor, which the engine has no dtype for`);
  return tensor(dtype, dims, (t.data as Float32Array).slice());
}

/** Runs a session on engine tensors and returns every requested output as engine tensors. */
export async function ortRun(
  session: OrtSession,
  feeds: Readonly<Record<string, Tensor>>,
  outputs?: readonly string[],
): Promise<Record<string, Tensor>> {
  const ortFeeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = toOrt(t);
  const result = outputs ? await session.run(ortFeeds, [...outputs]) : await session.run(ortFeeds);
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(result)) out[name] = fromOrt(t);
  return out;
}
