import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { describe, expect, it } from 'vitest';
import { func, I32, moduleOf, watOf, get, add, i32c } from '~/lib/engine/ops/wasm-asm.ts';
import { kernelFuncs } from '~/lib/engine/ops/wasm-kernel-funcs.ts';

const listing = readFileSync(new URL('../../../src/lib/engine/ops/wasm-kernels.wat', import.meta.url), 'utf8');

/** The bytes wabt's wat2wasm makes of a WAT text (SIMD, relaxed SIMD and threads, for a shared memory, enabled). */
async function wat2wasm(text: string): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const features = { simd: true, relaxed_simd: true, threads: true };
  const mod = wabt.parseWat('kernels.wat', text, features);
  // wabt.js's validate reads the same features (its typings omit the argument).
  (mod as unknown as { validate(f: typeof features): void }).validate(features);
  return mod.toBinary({}).buffer;
}

describe('WebAssembly kernel listing', () => {
  it('is the committed wasm-kernels.wat (regenerate with npx tsx scripts/wasm-listing.ts)', () => {
    expect(watOf(kernelFuncs(true))).toBe(listing);
  });

  it('assembles with wabt to exactly the bytes the engine runs', async () => {
    expect(Array.from(await wat2wasm(listing))).toEqual(Array.from(moduleOf(kernelFuncs(true))));
  });

  it('also matches for the build without relaxed SIMD', async () => {
    expect(Array.from(await wat2wasm(watOf(kernelFuncs(false))))).toEqual(Array.from(moduleOf(kernelFuncs(false))));
  });

  it('declares a shared memory for two threads (limits flag 0x03, with a maximum)', async () => {
    const shared = { initial: 64, maximum: 16384 };
    expect(watOf(kernelFuncs(true), shared)).toContain('(import "env" "mem" (memory 64 16384 shared))');
    expect(Array.from(await wat2wasm(watOf(kernelFuncs(true), shared)))).toEqual(
      Array.from(moduleOf(kernelFuncs(true), shared)),
    );
  });

  it('names locals in the text and numbers them in the bytes', async () => {
    const { l, def } = func('f', { X: I32, Y: I32 }, { Z: I32 }, [I32]);
    const f = def([...get(l.Y), ...i32c(-3), ...add]);
    expect(watOf([f])).toContain('local.get $Y');
    // a wrong index in the bytes (0 instead of 1) would no longer match wabt's reading of the text
    expect(Array.from(await wat2wasm(watOf([f])))).toEqual(Array.from(moduleOf([f])));
  });
});
