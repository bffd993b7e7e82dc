/**
 * Deterministic random numbers for untrained weights: every tensor gets its own stream, seeded
 * from (seed, weight name), so a weight's values do not depend on which other weights exist or
 * on the order they are filled. mulberry32 for uniforms, Box–Muller for normals.
 */

import { hashSeed, mulberry32 } from '../engine/random.ts';

export { hashSeed, mulberry32 };

/** Fills `out` with N(0, std²) samples from the stream for (seed, name). */
export function fillNormal(out: Float32Array, std: number, seed: number, name: string): Float32Array {
  const u = mulberry32(hashSeed(seed, name));
  for (let i = 0; i < out.length; i += 2) {
    // Box–Muller; 1 − u avoids log(0).
    const r = Math.sqrt(-2 * Math.log(1 - u())) * std;
    const t = 2 * Math.PI * u();
    out[i] = r * Math.cos(t);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(t);
  }
  return out;
}
