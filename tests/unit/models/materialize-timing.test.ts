// The two shortcuts the device-latency worker takes (materialize's calibrate: false and tiled: true)
// and the float32 fast path of the ONNX writer's raw bytes.
import { describe, expect, it } from 'vitest';
import { rawBytes } from '~/lib/engine/onnx/encode-tensor.ts';
import { buildFromSpec, getModel, materialize, type CnnSpec } from '~/lib/models/index.ts';

const spec = { ...(getModel('semnasnet_100').spec as CnnSpec), resolution: 32 };

describe('materialize for timing only', () => {
  it('calibrate: false leaves BatchNorm at mean 0, variance 1; the default calibrates them', () => {
    const g = buildFromSpec(spec);
    const bnVar = [...g.declared!.keys()].find((k) => k.endsWith('running_var'))!;
    const raw = materialize(g, 0, { calibrate: false });
    expect(Array.from(raw.initializers.get(bnVar)!.data).every((v) => v === 1)).toBe(true);
    const cal = materialize(g, 0);
    expect(Array.from(cal.initializers.get(bnVar)!.data).some((v) => v !== 1)).toBe(true);
  });

  it('tiled: weights larger than the tile repeat the first 4096 draws, which are the untiled draws', () => {
    const g = buildFromSpec(spec);
    const size = (dims: readonly (number | string)[]): number => dims.reduce<number>((a, b) => a * Number(b), 1);
    const big = [...g.declared!].find(([, info]) => size(info.dims) > 10_000)!;
    const n = size(big[1].dims);
    const fanIn = n / Number(big[1].dims[0]);
    const tiled = materialize(g, 0, { calibrate: false, tiled: true }).initializers.get(big[0])!.data as Float32Array;
    const plain = materialize(g, 0, { calibrate: false }).initializers.get(big[0])!.data as Float32Array;
    expect(tiled.length).toBe(n);
    for (let i = 0; i < n; i += 997) expect(tiled[i]).toBe(tiled[i % 4096]);
    expect(tiled[n - 1]).toBe(tiled[(n - 1) % 4096]);
    // The tile itself is He-normal as before: the same seeded draws for a 4096-long prefix.
    expect(tiled[0]).not.toBe(0);
    expect(Math.abs(tiled.slice(0, 4096).reduce((s, v) => s + v * v, 0) / 4096 - 2 / fanIn)).toBeLessThan(
      0.2 * (2 / fanIn),
    );
    expect(plain.length).toBe(n);
    for (let i = 0; i < 4096; i += 7) expect(tiled[i]).toBe(plain[i]);
  });
});

describe('rawBytes', () => {
  it('float32: little-endian IEEE bytes, the same as a DataView writes them, and a copy', () => {
    const data = new Float32Array([1, -2.5, 3.25e-8, Infinity, NaN, 0, -0]);
    const bytes = rawBytes({ dtype: 'float32', dims: [7], data });
    const want = new Uint8Array(28);
    const view = new DataView(want.buffer);
    data.forEach((v, i) => view.setFloat32(4 * i, v, true));
    expect(Array.from(bytes)).toEqual(Array.from(want));
    data[0] = 9;
    expect(new DataView(bytes.buffer).getFloat32(0, true)).toBe(1);
  });
  it('a float32 view into a larger buffer gives only its own bytes', () => {
    const buf = new Float32Array([7, 8, 9, 10]);
    const bytes = rawBytes({ dtype: 'float32', dims: [2], data: buf.subarray(1, 3) });
    expect(bytes.length).toBe(8);
    expect([0, 4].map((o) => new DataView(bytes.buffer, bytes.byteOffset).getFloat32(o, true))).toEqual([8, 9]);
  });
});
