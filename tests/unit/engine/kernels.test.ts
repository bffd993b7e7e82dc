import { describe, expect, it } from 'vitest';
import { Act, ACTIVATIONS, activateRow } from '~/lib/engine/ops/activation-code.ts';
import { jsGemm, sgemm, sgemmTransB } from '~/lib/engine/ops/sgemm.ts';
import { transpose2d, transposeInto } from '~/lib/engine/ops/transpose2d.ts';
import { wasmGemm } from '~/lib/engine/ops/wasm-gemm.ts';
import { affineInPlace, wasmKernels } from '~/lib/engine/ops/wasm-kernels.ts';
import { randomTensor } from './build-graph.ts';

/** Parameters for the rows that take them; every row of the table is tested (a new row too). */
const PARAMS: Record<string, [number, number]> = {
  Clip: [-0.5, 0.75],
  HardSwish: [1 / 6, 0.5],
  HardSigmoid: [0.2, 0.5],
};
const acts: [string, Act, number, number][] = [
  ...ACTIVATIONS.map((a, code): [string, Act, number, number] => [a.name, code, ...(PARAMS[a.name] ?? [0, 0])]),
  ['Gelu (tanh form)', Act.Gelu, 1, 0],
];

/** Index of the first element whose bits differ, or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('GEMM kernels', () => {
  it('has the WebAssembly SIMD kernels available in Node', () => {
    expect(wasmKernels()).not.toBeNull();
  });

  for (const [name, act, p0, p1] of acts) {
    it(`gives the same result in WebAssembly and JavaScript with ragged sizes and a ${name} epilogue`, () => {
      const [M, N, K] = [7, 13, 300];
      const A = randomTensor([M, K], 1).data as Float32Array;
      const B = randomTensor([K, N], 2).data as Float32Array;
      const ep = {
        scale: randomTensor([M], 3).data as Float32Array,
        shift: randomTensor([M], 4).data as Float32Array,
        act,
        p0,
        p1,
      };
      const js = new Float32Array(M * N);
      const wasm = new Float32Array(M * N);
      jsGemm(M, N, K, A, 0, K, B, 0, N, js, 0, N, ep);
      expect(wasmGemm(M, N, K, A, 0, K, B, 0, N, wasm, 0, N, ep)).toBe(true);
      for (let i = 0; i < js.length; i++) expect(wasm[i]).toBeCloseTo(js[i], 4);
    });
  }

  it('reads strided operands and writes a strided result', () => {
    const [M, N, K] = [5, 9, 40];
    const A = randomTensor([M, K + 3], 5).data as Float32Array;
    const B = randomTensor([K, N + 2], 6).data as Float32Array;
    const C = new Float32Array(M * (N + 4)).fill(7);
    sgemm(M, N, K, A, 0, K + 3, B, 0, N + 2, C, 0, N + 4);
    let s = 0;
    for (let k = 0; k < K; k++) s += A[4 * (K + 3) + k] * B[k * (N + 2) + 8];
    expect(C[4 * (N + 4) + 8]).toBeCloseTo(s, 4);
    expect(C[4 * (N + 4) + 9]).toBe(7); // untouched padding column
  });

  for (const [name, act, p0, p1] of acts) {
    it(`gives one column (gemv) bit-identical to the same column of a wider product (gemm), ${name} epilogue`, () => {
      const [M, K] = [11, 301];
      const A = randomTensor([M, K], 7).data as Float32Array;
      const B = randomTensor([K, 2], 8).data as Float32Array;
      const ep = { scale: randomTensor([M], 9).data as Float32Array, shift: null, act, p0, p1 };
      const wide = new Float32Array(M * 2);
      expect(wasmGemm(M, 2, K, A, 0, K, B, 0, 2, wide, 0, 2, ep)).toBe(true);
      // Column 0 of B, strided (ldb 2), into a strided result (ldc 3): the gather paths too.
      const one = new Float32Array(M * 3).fill(7);
      expect(wasmGemm(M, 1, K, A, 0, K, B, 0, 2, one, 0, 3, ep)).toBe(true);
      for (let i = 0; i < M; i++) {
        expect(one[3 * i]).toBe(wide[2 * i]);
        expect(one[3 * i + 1]).toBe(7);
      }
    });
  }

  it('transposes by definition, rows not a multiple of four, strided on both sides', () => {
    for (const [rows, cols] of [
      [5, 3],
      [8, 7],
      [1, 9],
      [13, 301],
    ]) {
      const src = randomTensor([rows * (cols + 2) + 1], rows).data as Float32Array;
      const dst = new Float32Array(1 + cols * (rows + 3)).fill(7);
      transposeInto(src, 1, rows, cols, cols + 2, dst, 1, rows + 3);
      const want = new Float32Array(dst.length).fill(7);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) want[1 + c * (rows + 3) + r] = src[1 + r * (cols + 2) + c];
      expect(firstDifference(dst, want)).toBe(-1);
      const dense = src.subarray(0, rows * cols);
      const t = transpose2d(dense, rows, cols);
      expect(firstDifference(transpose2d(t, cols, rows), dense)).toBe(-1);
      expect(t[cols > 1 ? rows : 0]).toBe(dense[cols > 1 ? 1 : 0]);
    }
  });

  // A linear layer's weight W = Bᵀ (Gemm transB = 1), with and without its bias: wasm products at
  // ViT-Ti's sizes, ragged ones, one column (gemv), a small one in JavaScript; W with rows wider
  // than K and offset operands. The reference is what Gemm did before: the product over a
  // transposed copy of W, then the bias added in JavaScript.
  for (const [M, N, K, ldw] of [
    [197, 576, 192, 192],
    [197, 192, 768, 768],
    [13, 301, 77, 80],
    [50, 1, 400, 400],
    [3, 5, 7, 9],
  ] as const) {
    for (const withBias of [false, true]) {
      it(`multiplies by W given transposed (${M}×${K}·(${N}×${K})ᵀ, W rows ${ldw} apart${withBias ? ', bias' : ''}) with sgemm's bits`, () => {
        const A = randomTensor([M * K + 2], 11).data as Float32Array;
        const W = randomTensor([N * ldw + 1], 12).data as Float32Array;
        const bias = withBias ? (randomTensor([N], 13).data as Float32Array) : null;
        const Wc = new Float32Array(N * K);
        for (let j = 0; j < N; j++) Wc.set(W.subarray(1 + j * ldw, 1 + j * ldw + K), j * K);
        const want = new Float32Array(M * N + 3);
        sgemm(M, N, K, A, 2, K, transpose2d(Wc, N, K), 0, N, want, 3, N);
        if (bias) for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) want[3 + i * N + j] += bias[j];
        const got = new Float32Array(M * N + 3);
        sgemmTransB(M, N, K, A, 2, K, W, 1, ldw, got, 3, N, bias);
        expect(firstDifference(got, want)).toBe(-1);
      });
    }
  }

  it('rejects a W or a bias that does not fit its buffer', () => {
    const [M, N, K] = [4, 8, 16];
    const run = (w: number, b: number): void =>
      sgemmTransB(
        M,
        N,
        K,
        new Float32Array(M * K),
        0,
        K,
        new Float32Array(w),
        0,
        K,
        new Float32Array(M * N),
        0,
        N,
        new Float32Array(b),
      );
    expect(() => run(N * K, N)).not.toThrow();
    expect(() => run(N * K - 1, N)).toThrow(RangeError);
    expect(() => run(N * K, N - 1)).toThrow(RangeError);
  });

  it('applies Clip as min(max(x, lo), hi), so hi wins when lo > hi', () => {
    const y = new Float32Array([-2, 0, 2]);
    activateRow(y, 0, 3, Act.Clip, 1, 0.5);
    expect(Array.from(y)).toEqual([0.5, 0.5, 0.5]);
  });
});

describe('affine kernel (epilogue alone)', () => {
  for (const [name, act, p0, p1] of acts) {
    it(`applies scale, shift and ${name} per channel like the scalar row, tails included`, () => {
      const [C, inner] = [3, 13]; // 13 = three f32x4 and a tail of one
      const y = randomTensor([2 * C * inner], 8).data as Float32Array;
      const scale = randomTensor([C], 9).data as Float32Array;
      const shift = randomTensor([C], 10).data as Float32Array;
      const want = y.slice();
      for (let p = 0; p < 2 * C; p++) {
        for (let i = p * inner; i < (p + 1) * inner; i++) want[i] = want[i] * scale[p % C] + shift[p % C];
        activateRow(want, p * inner, (p + 1) * inner, act, p0, p1);
      }
      expect(affineInPlace(y, C, inner, scale, shift, act, p0, p1)).toBe(true);
      for (let i = 0; i < y.length; i++) expect(y[i]).toBeCloseTo(want[i], 5);
    });
  }
});
