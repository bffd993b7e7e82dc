/**
 * Seeded random streams, one per name: a stream's numbers do not depend on which other streams
 * drew before (the zoo's weight initialiser names them after weights, training-mode Dropout after
 * nodes). FNV-1a mixes seed and name; mulberry32 gives the uniforms.
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
