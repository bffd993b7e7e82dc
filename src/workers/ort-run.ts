/**
 * onnxruntime-web inside the debugger worker: the wasm files come from this site's /ort/ (copied
 * there by scripts/ort-assets.mjs, never a CDN); threads when the page is cross-origin isolated
 * (COOP/COEP, see astro.config.mjs), one thread otherwise. Loaded only when the reader asks for it.
 */
import type { Graph, Tensor, ValueInfo } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/index.ts';

type Ort = typeof import('onnxruntime-web/wasm');
let ortPromise: Promise<Ort> | undefined;

export function threadsFor(isolated: boolean, cores: number | undefined): number {
  return isolated ? Math.max(1, Math.min(4, cores ?? 1)) : 1;
}

export async function loadOrt(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-web/wasm').then((ort) => {
    ort.env.wasm.wasmPaths = '/ort/';
    ort.env.wasm.numThreads = threadsFor(
      globalThis.crossOriginIsolated === true,
      globalThis.navigator?.hardwareConcurrency,
    );
    ort.env.logLevel = 'error';
    return ort;
  });
  return ortPromise;
}

export async function ortThreads(): Promise<number> {
  const ort = await loadOrt();
  return ort.env.wasm.numThreads ?? 1;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time of `runs` runs (after one warm-up) of `graph` on `input` in onnxruntime-web. */
export async function ortLatency(
  graph: Graph,
  input: Tensor,
  runs: number,
): Promise<{ medianMs: number; runsMs: number[]; threads: number }> {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(exportOnnx(graph), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  try {
    const feeds = { [graph.inputs[0].name]: new ort.Tensor('float32', input.data as Float32Array, [...input.dims]) };
    await session.run(feeds);
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await session.run(feeds);
      runsMs.push(performance.now() - t0);
    }
    return { medianMs: median(runsMs), runsMs, threads: ort.env.wasm.numThreads ?? 1 };
  } finally {
    await session.release();
  }
}

/**
 * Every float32 node output in onnxruntime-web, by exposing each as an extra graph output (a
 * model's outputs may name any value in the graph, ONNX IR spec "Graphs"). Returns ORT's values.
 */
export async function ortIntermediates(
  graph: Graph,
  input: Tensor,
  engineValues: ReadonlyMap<string, Tensor>,
): Promise<Record<string, Float32Array>> {
  const ort = await loadOrt();
  const inputNames = new Set(graph.inputs.map((i) => i.name));
  const outputs: ValueInfo[] = [];
  const seen = new Set<string>();
  for (const node of graph.nodes) {
    if (node.opType === 'Constant') continue;
    const name = node.outputs[0];
    const t = engineValues.get(name);
    if (!t || t.dtype !== 'float32' || inputNames.has(name) || seen.has(name)) continue;
    seen.add(name);
    outputs.push({ name, dtype: 'float32', dims: [...t.dims] });
  }
  const session = await ort.InferenceSession.create(exportOnnx({ ...graph, outputs }), {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  try {
    const feeds = { [graph.inputs[0].name]: new ort.Tensor('float32', input.data as Float32Array, [...input.dims]) };
    const result = await session.run(feeds);
    const out: Record<string, Float32Array> = {};
    for (const [name, t] of Object.entries(result)) out[name] = t.data as Float32Array;
    return out;
  } finally {
    await session.release();
  }
}

/** Seeded stand-in values of n elements for an input of each dtype ortOnBytes feeds (any other: float32). */
const STAND_INS = {
  int64: (n: number) => BigInt64Array.from({ length: n }, (_, i) => BigInt(i % 3)),
  int32: (n: number) => Int32Array.from({ length: n }, (_, i) => i % 3),
  bool: (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 2),
  uint8: (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251),
  float32: (n: number) => Float32Array.from({ length: n }, (_, i) => ((i * 7919) % 101) / 50 - 1),
};

/**
 * A file the engine cannot run, in onnxruntime-web alone: every input filled with seeded values of
 * its dtype and shape, the median over `runs` runs, and each output's shape and first values.
 */
export async function ortOnBytes(
  bytes: Uint8Array,
  inputs: Record<string, { dtype: string; dims: number[] }>,
  runs: number,
): Promise<{ medianMs: number; threads: number; outputs: { name: string; dims: number[]; first: number[] }[] }> {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: ['wasm'],
    graphOptimizationLevel: 'all',
  });
  try {
    const feeds: Record<string, InstanceType<typeof ort.Tensor>> = {};
    for (const [name, { dtype, dims }] of Object.entries(inputs)) {
      const type = Object.hasOwn(STAND_INS, dtype) ? (dtype as keyof typeof STAND_INS) : 'float32';
      const data = STAND_INS[type](dims.reduce((a, b) => a * b, 1));
      feeds[name] = new ort.Tensor(type, data, dims);
    }
    let result = await session.run(feeds);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      result = await session.run(feeds);
      times.push(performance.now() - t0);
    }
    const outputs = Object.entries(result).map(([name, t]) => ({
      name,
      dims: [...t.dims].map(Number),
      first: Array.from(t.data as ArrayLike<number | bigint>)
        .slice(0, 5)
        .map(Number),
    }));
    return { medianMs: median(times), threads: ort.env.wasm.numThreads ?? 1, outputs };
  } finally {
    await session.release();
  }
}
