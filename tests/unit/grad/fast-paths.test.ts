/**
 * The backward fast paths give the same bits as the general loops they bypass: Mul against a
 * per-plane operand (the SE gate) against broadcast2 + reduceTo, and the inline Sigmoid / Relu
 * loops against their table rows' derivative closures.
 */
import { describe, expect, it } from 'vitest';
import { f32, type Tensor } from '~/lib/engine/index.ts';
import { ARITHMETIC_GRADIENTS } from '~/lib/engine/grad/elementwise.ts';
import { planeRun } from '~/lib/engine/grad/elementwise.ts';
import { reduceTo } from '~/lib/engine/grad/reduce-to.ts';
import { UNARY_DERIVATIVES, unaryGradient } from '~/lib/engine/grad/unary.ts';
import { ARITHMETIC_OPS, broadcast2 } from '~/lib/engine/ops/elementwise.ts';
import type { ElementwiseGeometry } from '~/lib/engine/ops/elementwise.ts';
import type { UnaryGeometry } from '~/lib/engine/ops/unary.ts';

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * 4;
  }
  return out;
}

function mulArgs(xDims: number[], gDims: number[], swap: boolean) {
  const x = f32(
    xDims,
    values(
      xDims.reduce((a, b) => a * b, 1),
      1,
    ),
  );
  const gate = f32(
    gDims,
    values(
      gDims.reduce((a, b) => a * b, 1),
      2,
    ),
  );
  const dy = f32(xDims, values(x.data.length, 3));
  const inputs: Tensor[] = swap ? [gate, x] : [x, gate];
  const geom = {
    node: { name: 'm', opType: 'Mul', inputs: ['a', 'b'], outputs: ['y'], attrs: {} },
    dims: xDims,
  } as unknown as ElementwiseGeometry;
  return { x, gate, dy, inputs, geom };
}

describe('backward fast paths', () => {
  it('planeRun finds the run of a [N, C, 1, 1] operand and refuses other broadcasts', () => {
    expect(planeRun([2, 3, 1, 1], [2, 3, 4, 5])).toBe(20);
    expect(planeRun([3, 1, 1], [1, 3, 4, 5])).toBe(20);
    expect(planeRun([3, 1, 1], [2, 3, 4, 5])).toBe(0);
    expect(planeRun([1, 3, 1, 5], [2, 3, 4, 5])).toBe(0);
  });

  for (const swap of [false, true]) {
    it(`Mul by an SE gate [N, C, 1, 1] (gate as input ${swap ? 0 : 1}): bit-identical to broadcast + reduceTo`, () => {
      const xDims = [3, 5, 6, 7];
      const gDims = [3, 5, 1, 1];
      const { x, gate, dy, inputs, geom } = mulArgs(xDims, gDims, swap);
      const out = ARITHMETIC_GRADIENTS.Mul.backward!({
        geom,
        inputs,
        inputMeta: inputs.map((t) => ({ dtype: t.dtype, dims: t.dims })),
        outputs: [],
        gradOutputs: [dy],
        needs: [true, true],
        saved: undefined,
        training: true,
      });
      const dxRef = new Float32Array(x.data.length);
      broadcast2(xDims, dy.data, dy.dims, gate.data, gate.dims, dxRef, (p, q) => p * q, 'Mul');
      const prod = new Float32Array(x.data.length);
      broadcast2(xDims, dy.data, dy.dims, x.data, x.dims, prod, (p, q) => p * q, 'Mul');
      const dgRef = reduceTo(prod, xDims, gDims);
      const [dx, dg] = swap ? [out[1]!, out[0]!] : [out[0]!, out[1]!];
      expect(dx.dims).toEqual(xDims);
      expect(dg.dims).toEqual(gDims);
      expect(Array.from(dx.data)).toEqual(Array.from(dxRef));
      expect(Array.from(dg.data)).toEqual(Array.from(dgRef));
    });
  }

  for (const op of ['Sigmoid', 'Relu']) {
    it(`${op} backward: the inline loop equals the table row's derivative bit for bit`, () => {
      const n = 1000;
      const y = values(n, 4);
      if (op === 'Sigmoid') for (let i = 0; i < n; i++) y[i] = 1 / (1 + Math.exp(-y[i]));
      const dy = values(n, 5);
      const geom = {
        node: { name: 'u', opType: op, inputs: ['x'], outputs: ['y'], attrs: {} },
        opset: 17,
        row: {},
      } as unknown as UnaryGeometry;
      const [dx] = unaryGradient(op).backward!({
        geom,
        inputs: [undefined],
        inputMeta: [{ dtype: 'float32', dims: [n] }],
        outputs: [f32([n], y)],
        gradOutputs: [f32([n], dy)],
        needs: [true],
        saved: undefined,
        training: true,
      });
      const d = UNARY_DERIVATIVES[op].d;
      const ref = new Float32Array(n);
      for (let i = 0; i < n; i++) ref[i] = dy[i] * d(y[i], 0, 0);
      expect(Array.from(dx!.data)).toEqual(Array.from(ref));
    });
  }
});

describe('Mul training forward', () => {
  for (const [name, aDims, bDims] of [
    ['same shape (SiLU)', [2, 3, 4, 5], [2, 3, 4, 5]],
    ['SE gate second', [2, 3, 4, 5], [2, 3, 1, 1]],
    ['SE gate first', [2, 3, 1, 1], [2, 3, 4, 5]],
    ['a general broadcast', [2, 3, 4, 5], [1, 3, 1, 5]],
  ] as const) {
    it(`${name}: the op's own products, bit for bit`, () => {
      const a = f32(
        [...aDims],
        values(
          aDims.reduce((x: number, y: number) => x * y, 1),
          6,
        ),
      );
      const b = f32(
        [...bDims],
        values(
          bDims.reduce((x: number, y: number) => x * y, 1),
          7,
        ),
      );
      const dims = aDims.map((d, i) => Math.max(d, bDims[i]));
      const geom = {
        node: { name: 'm', opType: 'Mul', inputs: ['a', 'b'], outputs: ['y'], attrs: {} },
        dims,
        dtype: 'float32',
      } as unknown as ElementwiseGeometry;
      const [y] = ARITHMETIC_GRADIENTS.Mul.train!(geom, [a, b], { node: geom.node, training: true, seed: 0 }).outputs;
      const [ref] = ARITHMETIC_OPS.Mul.run(geom, [a, b]);
      expect(y.dims).toEqual(dims);
      expect(Array.from(y.data)).toEqual(Array.from(ref.data));
    });
  }
});
