/**
 * Conv's input gradient against an independent implementation: onnxruntime-web's ConvTranspose.
 * dL/dX of Y = Conv(X, W) is ConvTranspose(dL/dY, W) with the conv's strides, pads, dilations and
 * group (ONNX ConvTranspose takes W in the same [M, C/group, kH, kW] layout), and output_padding
 * restoring the rows a stride dropped. The engine's weight gradient is checked against the naive
 * loop nest in tests/unit/grad/conv-grad.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ortRun, ortSession } from '~/cli/ort-session.ts';
import { backward, int, ints, trainingForward, type Graph } from '~/lib/engine/index.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { opGraph, rand } from '../grad/grad-check.ts';

interface Case {
  x: number[];
  w: number[];
  stride: number[];
  pads: number[];
  dil: number[];
  group: number;
}

const CASES: [string, Case][] = [
  [
    'standard 3×3 stride 2 on odd size',
    { x: [2, 3, 9, 7], w: [4, 3, 3, 3], stride: [2, 2], pads: [1, 1, 1, 1], dil: [1, 1], group: 1 },
  ],
  [
    'TF SAME 5×5 stride 2 (asymmetric pads)',
    { x: [2, 3, 8, 8], w: [4, 3, 5, 5], stride: [2, 2], pads: [1, 1, 2, 2], dil: [1, 1], group: 1 },
  ],
  [
    'depthwise 3×3 stride 1',
    { x: [2, 6, 7, 6], w: [6, 1, 3, 3], stride: [1, 1], pads: [1, 1, 1, 1], dil: [1, 1], group: 6 },
  ],
  [
    'depthwise 3×3 stride 2',
    { x: [2, 5, 9, 9], w: [5, 1, 3, 3], stride: [2, 2], pads: [1, 1, 1, 1], dil: [1, 1], group: 5 },
  ],
  [
    'grouped, groups 2',
    { x: [2, 8, 6, 7], w: [6, 4, 3, 3], stride: [1, 1], pads: [0, 1, 2, 1], dil: [1, 1], group: 2 },
  ],
  ['dilation 2', { x: [1, 2, 9, 8], w: [3, 2, 3, 3], stride: [1, 1], pads: [2, 2, 2, 2], dil: [2, 2], group: 1 }],
  ['pointwise', { x: [3, 6, 5, 4], w: [7, 6, 1, 1], stride: [1, 1], pads: [0, 0, 0, 0], dil: [1, 1], group: 1 }],
];

describe('Conv input gradient vs onnxruntime-web ConvTranspose', () => {
  for (const [label, c] of CASES) {
    it(label, async () => {
      const attrs = {
        kernel_shape: ints(c.w.slice(2)),
        strides: ints(c.stride),
        pads: ints(c.pads),
        dilations: ints(c.dil),
        group: int(c.group),
      };
      const x = rand(c.x, 1);
      const w = rand(c.w, 2);
      const conv = opGraph({ op: 'Conv', inputs: ['x', 'w'], values: { x, w }, attrs });
      const { tape, outputs } = trainingForward(conv, { x, w }, { training: true });
      const dy = rand(outputs.y0.dims, 3);
      const dx = backward(tape, { y0: dy }).inputs.get('x')!;
      const [, , Ho, Wo] = dy.dims;
      const outPad = [0, 1].map(
        (i) =>
          c.x[2 + i] - (([Ho, Wo][i] - 1) * c.stride[i] - c.pads[i] - c.pads[i + 2] + c.dil[i] * (c.w[2 + i] - 1) + 1),
      );
      const t: Graph = {
        name: 'convT',
        opset: 17,
        inputs: [{ name: 'dy', dtype: 'float32', dims: dy.dims }],
        outputs: [{ name: 'dx', dtype: 'float32', dims: c.x }],
        initializers: new Map([['w', w]]),
        nodes: [
          {
            name: 't',
            opType: 'ConvTranspose',
            inputs: ['dy', 'w'],
            outputs: ['dx'],
            scope: '',
            attrs: { ...attrs, output_padding: ints(outPad) },
          },
        ],
      };
      const ref = (await ortRun(await ortSession(exportOnnx(t)), { dy })).dx;
      expect(ref.dims).toEqual(c.x);
      let worst = 0;
      for (let i = 0; i < ref.data.length; i++)
        worst = Math.max(worst, Math.abs(ref.data[i] - dx.data[i]) / (1 + Math.abs(ref.data[i])));
      // Two float32 implementations summing in different orders.
      expect(worst).toBeLessThan(1e-5);
    });
  }
});
