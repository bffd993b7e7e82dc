/**
 * Forward vs forward+backward time of the engine on an MBConv+SE block and a tiny EfficientNet
 * (medians of repeated runs; the machine is shared, so read ratios, not absolute times).
 * Run: npx tsx scripts/grad-timing.ts [--batch 64] [--reps 5]
 */
import {
  backward,
  runGraph,
  trainingForward,
  trainingMemory,
  type Graph,
  type Tensor,
} from '../src/lib/engine/index.ts';
import { buildBlock, buildModel, materialize } from '../src/lib/models/index.ts';

const arg = (k: string, d: number): number => {
  const i = process.argv.indexOf(k);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const batch = arg('--batch', 64);
const reps = arg('--reps', 5);

function input(dims: number[]): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const d = new Float32Array(n);
  for (let i = 0; i < n; i++) d[i] = Math.sin(i * 12.9898) * 0.5;
  return { dtype: 'float32', dims, data: d };
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function time(label: string, g: Graph, dims: number[]): void {
  const x = input(dims);
  const out = g.outputs[0].name;
  const inf: number[] = [];
  const fwd: number[] = [];
  const bwd: number[] = [];
  let keptBytes = 0;
  for (let r = 0; r < reps + 1; r++) {
    let t = performance.now();
    runGraph(g, { input: x });
    const a = performance.now() - t;
    t = performance.now();
    const { tape, outputs } = trainingForward(g, { input: x }, { training: true, inputGrads: false });
    const b = performance.now() - t;
    keptBytes = tape.keptBytes;
    const seed = {
      dtype: 'float32' as const,
      dims: outputs[out].dims,
      data: new Float32Array(outputs[out].data.length).fill(1 / outputs[out].data.length),
    };
    t = performance.now();
    backward(tape, { [out]: seed });
    const c = performance.now() - t;
    if (r > 0) {
      inf.push(a);
      fwd.push(b);
      bwd.push(c);
    }
  }
  const [i, f, bk] = [median(inf), median(fwd), median(bwd)];
  const est = trainingMemory(g, dims[0], { inputGrads: false });
  console.log(
    `${label} batch ${dims[0]}: inference forward (fused) ${i.toFixed(1)} ms, training forward ${f.toFixed(1)} ms, backward ${bk.toFixed(1)} ms; ` +
      `(fwd+bwd)/inference ${((f + bk) / i).toFixed(2)}×, (fwd+bwd)/training fwd ${((f + bk) / f).toFixed(2)}×, ` +
      `${((dims[0] * 1000) / (f + bk)).toFixed(0)} images/s; kept ${(keptBytes / 2 ** 20).toFixed(1)} MiB (estimate ${(est.keptBytes / 2 ** 20).toFixed(1)} MiB)`,
  );
}

const mb = materialize(
  buildBlock({
    kind: 'cnn-block',
    block: 'ir_r1_k3_s1_e4_c16_se0.25',
    inChannels: 16,
    resolution: 16,
    act: 'swish',
    attn: { kind: 'se', fromExpanded: false, round: 'round', gate: 'sigmoid' },
    padding: 'symmetric',
    bnEps: 1e-5,
  }),
  1,
);
time('MBConv+SE block (16 ch, e4, 16×16)', mb, [batch, 16, 16, 16]);
const net = materialize(buildModel('efficientnet_b0', { width: 0.25, depth: 0.2, resolution: 32, numClasses: 10 }), 1);
time('tiny EfficientNet (b0 w0.25 d0.2, 32 px)', net, [batch, 3, 32, 32]);
