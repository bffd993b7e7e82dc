/**
 * Deterministic random numbers for untrained weights: every tensor gets its own stream, seeded
 * from (seed, weight name), so a weight's values do not depend on which other weights exist or
 * on the order they are filled. mulberry32 for uniforms, Box–Muller for normals.
 */

/** 32-bit FNV-1a of a string mixed with the seed. */
export function hashSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A uniform [0, 1) generator (mulberry32). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
