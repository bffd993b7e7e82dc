/**
 * Seeded random streams for training-mode ops (Dropout): each node draws from its own stream,
 * seeded from (run seed, node name), so a mask does not depend on which other nodes drew before.
 * FNV-1a for the seed, mulberry32 for the uniforms (the zoo's initialiser uses the same pair).
 */

/** 32-bit FNV-1a of the node name mixed with the seed. */
export function nodeSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Uniform [0, 1) numbers (mulberry32). */
export function uniforms(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
