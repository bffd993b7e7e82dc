/**
 * Deterministic random numbers for untrained weights: every tensor gets its own stream, seeded
 * from (seed, weight name), so a weight's values do not depend on which other weights exist or
 * on the order they are filled. mulberry32 for uniforms, Box–Muller for normals.
 */

import { hashSeed, mulberry32 } from '../engine/random.ts';

export { hashSeed, mulberry32 };

/**
 * Fills `out` with N(0, std²) samples from the stream for (seed, name). mulberry32 is inlined
 * here (the same arithmetic as engine/random.ts, bit for bit: tests/unit/models/prng.test.ts
 * compares them): a closure call per uniform made this loop twice as slow, and it fills every
 * weight of a model (12 M for EfficientNet-B3), the largest part of materialising one.
 */
export function fillNormal(out: Float32Array, std: number, seed: number, name: string): Float32Array {
  let a = hashSeed(seed, name) | 0;
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    // Two mulberry32 uniforms u1, u2 (int32 wrap-around as in `>>> 0`: only the low 32 bits matter).
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u1 = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    a = (a + 0x6d2b79f5) | 0;
    t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u2 = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    // Box–Muller; 1 − u avoids log(0).
    const r = Math.sqrt(-2 * Math.log(1 - u1)) * std;
    const th = 2 * Math.PI * u2;
    out[i] = r * Math.cos(th);
    if (i + 1 < n) out[i + 1] = r * Math.sin(th);
  }
  return out;
}
