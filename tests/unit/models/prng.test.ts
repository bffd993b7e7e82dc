import { describe, expect, it } from 'vitest';
import { fillNormal, hashSeed, mulberry32 } from '~/lib/models/prng.ts';

/** Box–Muller over the engine's closure-based mulberry32, written out independently of fillNormal's inlined copy. */
function reference(n: number, std: number, seed: number, name: string): Float32Array {
  const u = mulberry32(hashSeed(seed, name));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u())) * std;
    const t = 2 * Math.PI * u();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

describe('fillNormal', () => {
  it('is bit-identical to Box–Muller over mulberry32, for odd and even lengths and any seed', () => {
    for (const [n, seed, name] of [
      [1, 0, 'a'],
      [2, 7, 'conv.weight'],
      [1001, 0xffffffff, 'blocks.3.2.conv_pw.weight'],
      [4096, 123456789, 'x'],
    ] as const) {
      const got = fillNormal(new Float32Array(n), 0.37, seed, name);
      const want = reference(n, 0.37, seed, name);
      expect(new Uint32Array(got.buffer)).toEqual(new Uint32Array(want.buffer));
    }
  });

  it('draws roughly N(0, std²)', () => {
    const x = fillNormal(new Float32Array(20000), 2, 1, 'w');
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeGreaterThan(3.8);
    expect(variance).toBeLessThan(4.2);
  });
});
