/**
 * Two kernel threads (src/cli/kernel-threads.ts, src/lib/engine/ops/wasm-threads.ts) give the
 * same bits as one: every case is run on one thread first, then again with the worker taking half
 * of each large GEMM, depthwise conv and affine pass (always, then as in use, where the main thread takes back a
 * half the worker has not begun), and compared with Object.is element by element.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKernelThreads, type KernelThreads } from '~/cli/kernel-threads.ts';
import { int, ints, runGraph } from '~/lib/engine/index.ts';
import type { Tensor } from '~/lib/engine/tensor.ts';
import { Act } from '~/lib/engine/ops/activation-code.ts';
import { wasmGemm, wasmGemmTransB } from '~/lib/engine/ops/wasm-gemm.ts';
import { affineInPlace, wasmKernels } from '~/lib/engine/ops/wasm-kernels.ts';
import { buildModel, materialize, referenceInput } from '~/lib/models/index.ts';
import { graphOf, input, node, randomTensor } from './build-graph.ts';

const rand = (dims: number[], seed: number): Float32Array => randomTensor(dims, seed).data as Float32Array;

/** Index of the first element whose bits differ, or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** Each case returns its output; run once per thread count. */
const cases: [string, () => ArrayLike<number>][] = [];

for (const [M, N, K, act] of [
  [96, 3136, 24, Act.Clip],
  [24, 3136, 144, Act.None],
  [1280, 49, 320, Act.HardSwish],
  [197, 192, 768, Act.Gelu],
  [13, 301, 77, Act.Sigmoid],
  [16, 12544, 64, Act.None],
  [1000, 1, 1280, Act.None],
  [240, 1, 960, Act.Relu],
] as const) {
  cases.push([
    `gemm ${M}×${N}×${K}`,
    () => {
      const C = new Float32Array(M * N);
      const ep = { scale: rand([M], 3), shift: rand([M], 4), act, p0: 1 / 6, p1: 0.5 };
      expect(wasmGemm(M, N, K, rand([M, K], 1), 0, K, rand([K, N], 2), 0, N, C, 0, N, ep)).toBe(true);
      return C;
    },
  ]);
}

// W given transposed (Gemm transB = 1) with a bias per column: split by columns (qkv, fc1 of
// ViT-Ti), by rows, ragged.
for (const [M, N, K] of [
  [197, 576, 192],
  [197, 768, 192],
  [197, 192, 768],
  [13, 301, 77],
] as const) {
  cases.push([
    `gemm ${M}×${N}×${K}, W = Bᵀ, bias`,
    () => {
      const C = new Float32Array(M * N);
      expect(wasmGemmTransB(M, N, K, rand([M, K], 1), 0, K, rand([N, K], 2), 0, K, C, 0, N, rand([N], 4))).toBe(true);
      return C;
    },
  ]);
}

for (const [planes, inner, act] of [
  [1, 197 * 768 + 3, Act.Gelu],
  [96, 56 * 56, Act.HardSwish],
  [7, 12_345, Act.Sigmoid],
] as const) {
  cases.push([
    `affine pass over ${planes}×${inner} values`,
    () => {
      const y = rand([planes * inner], 8);
      expect(affineInPlace(y, planes, inner, rand([planes], 9), rand([planes], 10), act, 0.2, 0.5)).toBe(true);
      return y;
    },
  ]);
}

for (const [C, H, k, s] of [
  [144, 56, 3, 1],
  [96, 112, 3, 2],
  [672, 14, 5, 1],
  [33, 29, 5, 2],
] as const) {
  cases.push([
    `depthwise conv ${C}×${H}×${H}, ${k}×${k} stride ${s}, then ReLU`,
    () => {
      const p = k >> 1;
      const graph = graphOf({
        nodes: [
          node('Conv', ['x', 'w', 'b'], ['y'], {
            group: int(C),
            strides: ints([s, s]),
            pads: ints([p, p, p, p]),
            kernel_shape: ints([k, k]),
          }),
          node('Relu', ['y'], ['z']),
        ],
        inputs: [input('x', [1, C, H, H])],
        outputs: ['z'],
        weights: { w: randomTensor([C, 1, k, k], 6), b: randomTensor([C], 7) },
      });
      return runGraph(graph, { x: randomTensor([1, C, H, H], 5) }).z.data as Float32Array;
    },
  ]);
}

const MODELS = ['mobilenetv2_100', 'efficientnet_b0', 'vit_tiny_patch16_224'];
for (const id of MODELS) {
  cases.push([
    `whole model ${id}`,
    () => {
      const graph = materialize(buildModel(id), 1);
      const input: Tensor = referenceInput(graph.inputs[0].dims[2] as number, 1);
      return runGraph(graph, { [graph.inputs[0].name]: input })[graph.outputs[0].name].data as Float32Array;
    },
  ]);
}

describe('two kernel threads', () => {
  let one: ArrayLike<number>[] = [];

  it('runs every case on one thread', () => {
    one = cases.map(([, run]) => run());
  }, 120_000);

  for (const takeBack of [false, true]) {
    const how = takeBack ? 'late halves taken back by the main thread' : 'every half on the worker';
    describe(how, () => {
      let threads: KernelThreads | null = null;
      beforeAll(async () => {
        threads = await startKernelThreads({ takeBack });
      });
      afterAll(async () => {
        await threads?.stop();
      });

      it('starts a worker over a shared WebAssembly memory in Node', () => {
        expect(threads).not.toBeNull();
      });

      for (const [i, [name, run]] of cases.entries()) {
        it(`gives the same bits on two threads: ${name}`, () => {
          const [calls, ran] = [threads!.calls(), threads!.workerRan()];
          const two = run();
          expect(threads!.calls()).toBeGreaterThan(calls);
          if (!takeBack) expect(threads!.workerRan() - ran).toBe(threads!.calls() - calls);
          expect(firstDifference(two, one[i])).toBe(-1);
        }, 60_000);
      }

      if (!takeBack)
        it('throws here when a call traps in the worker (last: the threads stay failed)', () => {
          const helper = wasmKernels()!.helper!;
          // gemv reading A from 2 GiB on, far past the memory: an out-of-bounds trap in the worker.
          helper.start('gemv', [4, 4, 2 ** 31, 0, 0, 0, 0, 0, 0, 0]);
          expect(() => helper.join()).toThrow(/kernel worker/);
        });
    });
  }
});
