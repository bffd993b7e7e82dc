/**
 * Engine speed check (not a unit test): builds a zoo model (default MobileNetV2-1.0 at 224) with
 * seeded random weights and reports the median wall time of full runs, plus where the time goes
 * per op type. Usage: npx tsx scripts/engine-speed.ts [modelId] [runs]
 */
import { analyze, execute, runGraph, type Graph, type Tensor, tensor } from '../src/lib/engine/index.ts';
import { buildModel } from '../src/lib/models/zoo.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Declared weights → seeded values; BatchNorm variances positive, conv weights He-scaled. */
function materialize(graph: Graph): Graph {
  const r = rng(42);
  const init = new Map(graph.initializers);
  for (const [name, v] of graph.declared ?? []) {
    const dims = v.dims as number[];
    const t = tensor(v.dtype, dims);
    const d = t.data;
    const fanIn = dims.length > 1 ? dims.slice(1).reduce((a, b) => a * b, 1) : 1;
    const isVar = /var/.test(name);
    for (let i = 0; i < d.length; i++) d[i] = isVar ? 0.5 + r() : (r() * 2 - 1) * Math.sqrt(3 / fanIn);
    init.set(name, t);
  }
  return { ...graph, initializers: init, declared: new Map() };
}

const id = process.argv[2] ?? 'mobilenetv2_100';
const runs = Number(process.argv[3] ?? 15);
const graph = materialize(buildModel(id));
const inp = graph.inputs[0];
const x = tensor('float32', inp.dims as number[]);
const r = rng(7);
for (let i = 0; i < x.data.length; i++) x.data[i] = r() * 2 - 1;
const feeds: Record<string, Tensor> = { [inp.name]: x };

for (let i = 0; i < 3; i++) runGraph(graph, feeds);
// Wall time, and this process's CPU time, which other load on a shared machine inflates far less.
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  runGraph(graph, feeds);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}
const med = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
times.sort((a, b) => a - b);
console.log(
  `${id}: median ${med(times).toFixed(1)} ms wall (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)}), ` +
    `median ${med(cpu).toFixed(1)} ms CPU, over ${runs} runs`,
);

// Memory: activations held at once, measured by the engine, against the static estimate.
const peak = (fuse: boolean): number => {
  let m = 0;
  const g = execute(graph, feeds, { fuse });
  for (let s = g.next(); !s.done; s = g.next()) m = Math.max(m, s.value.liveBytes);
  return m;
};
const mb = (b: number): string => `${(b / 2 ** 20).toFixed(2)} MiB`;
console.log(
  `  peak live activations: static ${mb(analyze(graph).peakLiveBytes)}, run ${mb(peak(false))} (fused run ${mb(peak(true))})`,
);

// Per-op breakdown from one fused run (steps report their own ms).
const byOp = new Map<string, { ms: number; n: number; macs: number }>();
const gen = execute(graph, feeds, { fuse: true });
for (let s = gen.next(); !s.done; s = gen.next()) {
  const st = s.value;
  const w = st.node.inputs[1] ? graph.initializers.get(st.node.inputs[1]) : undefined;
  const key =
    st.node.opType === 'Conv' && w ? `Conv ${w.dims[2]}x${w.dims[3]}${w.dims[1] === 1 ? ' dw' : ''}` : st.node.opType;
  const e = byOp.get(key) ?? { ms: 0, n: 0, macs: 0 };
  e.ms += st.ms;
  e.n++;
  e.macs += st.macs;
  byOp.set(key, e);
}
for (const [k, e] of [...byOp].sort((a, b) => b[1].ms - a[1].ms)) {
  const rate = e.macs > 0 ? `  ${(e.macs / e.ms / 1e6).toFixed(2)} GMAC/s` : '';
  console.log(`  ${k.padEnd(16)} ${e.ms.toFixed(1).padStart(7)} ms  ×${e.n}${rate}`);
}
