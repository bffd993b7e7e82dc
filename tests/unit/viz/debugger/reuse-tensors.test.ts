import { describe, expect, it } from 'vitest';
import { reuseTensors } from '~/lib/viz/debugger/reuse-tensors.ts';

const t = (dims: number[], v = 0) => ({
  dtype: 'float32' as const,
  dims,
  data: new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(v),
});

describe('reuseTensors', () => {
  it("puts the previous step's output object in place of the next step's input of the same name", () => {
    const x = t([1, 2, 3, 3], 1);
    const y = t([1, 2, 3, 3], 2);
    const w = t([2, 2, 1, 1], 3);
    const prev = { inputNames: ['x', 'w'], outputNames: ['y'], inputs: [x, w], outputs: [y] };
    const yAgain = t([1, 2, 3, 3], 2);
    const z = t([1, 2, 3, 3], 4);
    const r = reuseTensors(prev, { inputNames: ['y', ''], outputNames: ['z'], inputs: [yAgain, null], outputs: [z] });
    expect(r.inputs[0]).toBe(y);
    expect(r.inputs[1]).toBeNull();
    expect(r.outputs[0]).toBe(z);
  });

  it('keeps the received tensor when the name is new or the dims differ', () => {
    const a = t([1, 4]);
    const prev = { inputNames: ['q'], outputNames: ['a'], inputs: [t([1, 4])], outputs: [a] };
    const other = t([1, 2, 2]);
    const fresh = t([1, 4]);
    const r = reuseTensors(prev, {
      inputNames: ['a', 'b'],
      outputNames: ['c'],
      inputs: [other, fresh],
      outputs: [t([1])],
    });
    expect(r.inputs[0]).toBe(other);
    expect(r.inputs[1]).toBe(fresh);
  });

  it('reuses an input shared by both steps (a residual branch read twice)', () => {
    const x = t([1, 8]);
    const prev = { inputNames: ['x'], outputNames: ['y'], inputs: [x], outputs: [t([1, 8])] };
    const r = reuseTensors(prev, {
      inputNames: ['x', 'y'],
      outputNames: ['s'],
      inputs: [t([1, 8]), t([1, 8])],
      outputs: [t([1, 8])],
    });
    expect(r.inputs[0]).toBe(x);
    expect(r.inputs[1]).toBe(prev.outputs[0]);
  });
});
