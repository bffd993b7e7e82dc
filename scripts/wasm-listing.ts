/**
 * Writes the WAT listing of the engine's WebAssembly kernels (the relaxed-SIMD build) beside their
 * source: `npx tsx scripts/wasm-listing.ts`. tests/unit/engine/wasm-listing.test.ts fails when the
 * committed listing and the assembled module disagree.
 */
import { writeFileSync } from 'node:fs';
import { watOf } from '../src/lib/engine/ops/wasm-asm.ts';
import { kernelFuncs } from '../src/lib/engine/ops/wasm-kernel-funcs.ts';

const out = new URL('../src/lib/engine/ops/wasm-kernels.wat', import.meta.url);
writeFileSync(out, watOf(kernelFuncs(true)));
console.log(`wrote ${out.pathname}`);
