/**
 * The engine's WebAssembly SIMD kernels, assembled at load time by wasm-asm.ts (our own code, no
 * toolchain): `gemm` (4×8 register tiles, see sgemm.ts for the contract) and `gemv` (its one-column case) and `dw1` / `dw2`
 * (depthwise convolution at stride 1 / 2 over a zero-padded copy of the input, four outputs per
 * f32x4) with `pad` to lay their input out, and for training `dwg1` / `dwg2` (the depthwise weight gradient). Multiply-adds use
 * relaxed SIMD's f32x4.relaxed_madd where available. The forward kernels apply the
 * epilogue in registers: per-channel scale and shift, then any activation of the table in
 * activation-code.ts. The text listing of this module is wasm-kernels.wat beside this file
 * (`npx tsx scripts/wasm-listing.ts` regenerates it; a unit test checks it assembles to these bytes).
 * Where WebAssembly SIMD is missing, `wasmKernels()` is null and callers run the JavaScript kernels.
 * The functions are written in wasm-kernel-funcs.ts (gemm, affine, probe), wasm-depthwise-funcs.ts
 * (dw, dwg) and wasm-epilogue.ts (scale, shift, activation); this file instantiates them.
 *
 * Two threads (opt-in, wasm-threads.ts): `useKernelThreads` swaps in an instance over a shared
 * memory whose twin runs in a worker; wasm-gemm.ts, wasm-depthwise.ts and affineInPlace then give
 * the worker half of each large GEMM, depthwise conv or affine pass (`splitCall`).
 */
import type { Epilogue } from './activation-code.ts';
import { moduleOf, type SharedMemoryLimits } from './wasm-asm.ts';
import type { EpilogueArgs } from './wasm-epilogue.ts';
import { kernelFuncs } from './wasm-kernel-funcs.ts';
import type { KernelExport, KernelHelper } from './wasm-threads.ts';

// Each export's arguments in the order of its parameters (wasm-kernel-funcs.ts, wasm-depthwise-funcs.ts).
type DwgFn = (
  c: number,
  inPtr: number,
  hp: number,
  wp: number,
  dy: number,
  kh: number,
  kw: number,
  ho: number,
  wo4: number,
  acc: number,
) => void;
type AffineFn = (...args: [c: number, inner: number, ptr: number, ...ep: EpilogueArgs]) => void;
type GemmFn = (
  ...args: [m4: number, n8: number, k: number, a: number, b: number, c: number, ...ep: EpilogueArgs, nb: number]
) => void;
type GemvFn = (...args: [m4: number, k: number, a: number, x: number, c: number, ...ep: EpilogueArgs]) => void;
type DwFn = (
  ...args: [
    c: number,
    inPtr: number,
    hp: number,
    wp: number,
    wPtr: number,
    kh: number,
    kw: number,
    ho: number,
    wo: number,
    out: number,
    ...ep: EpilogueArgs,
  ]
) => void;
type PadFn = (
  c: number,
  src: number,
  h: number,
  w: number,
  sw: number,
  dst: number,
  hp: number,
  wp: number,
  top: number,
  left: number,
  zero: number,
) => void;

export interface WasmKernels {
  readonly memory: WebAssembly.Memory;
  /**
   * True when the multiply-add rounds once (relaxed SIMD fused on this machine): explain() then
   * adds exact products; false when each product is rounded to float32 before the add.
   */
  readonly fusedMultiplyAdd: boolean;
  readonly gemm: GemmFn;
  readonly gemv: GemvFn;
  readonly dw1: DwFn;
  readonly dw2: DwFn;
  readonly affine: AffineFn;
  readonly dwg1: DwgFn;
  readonly dwg2: DwgFn;
  readonly pad: PadFn;
  /** The memory as floats, re-viewed after any growth. */
  heap(bytes: number): Float32Array;
  /** The second thread's instance over the same (shared) memory; absent on the one-thread path. */
  readonly helper?: KernelHelper;
}

let kernels: WasmKernels | null | undefined;
let threaded: WasmKernels | null = null;
const instances = new WeakMap<KernelHelper, WasmKernels>();

/**
 * The module's bytes: relaxed SIMD's multiply-add where the engine has it (Chrome ≥ 114, Node ≥ 20),
 * else plain SIMD; null where neither validates. A fresh copy is backed by a plain ArrayBuffer,
 * which is what the WebAssembly API types ask for.
 */
function kernelBytes(shared?: SharedMemoryLimits): Uint8Array<ArrayBuffer> | null {
  if (typeof WebAssembly === 'undefined') return null;
  const build = (fma: boolean): Uint8Array<ArrayBuffer> => new Uint8Array(moduleOf(kernelFuncs(fma), shared));
  let bytes = build(true);
  if (!WebAssembly.validate(bytes)) bytes = build(false);
  return WebAssembly.validate(bytes) ? bytes : null;
}

/** The compiled kernels, or null where WebAssembly SIMD is unavailable. */
export function wasmKernels(): WasmKernels | null {
  if (threaded) return threaded;
  if (kernels !== undefined) return kernels;
  try {
    const bytes = kernelBytes();
    if (!bytes) return (kernels = null);
    kernels = instantiate(new WebAssembly.Module(bytes), new WebAssembly.Memory({ initial: 64 }));
  } catch {
    kernels = null;
  }
  return kernels;
}

/**
 * Pages of the shared memory: it cannot be moved once shared, so the engine reserves its maximum
 * up front (address space, not RAM); 1 GiB holds the largest GEMM of the zoo's models many times.
 */
export const SHARED_LIMITS: SharedMemoryLimits = { initial: 64, maximum: 16384 };

/**
 * The kernel module declaring a shared memory, and that memory, for a second thread: null where
 * WebAssembly SIMD, shared memory or SharedArrayBuffer is unavailable (e.g. a page that is not
 * cross-origin isolated, where SharedArrayBuffer is withheld).
 */
export function sharedKernelModule(): { module: WebAssembly.Module; memory: WebAssembly.Memory } | null {
  try {
    if (typeof SharedArrayBuffer === 'undefined') return null;
    const bytes = kernelBytes(SHARED_LIMITS);
    if (!bytes) return null;
    const memory = new WebAssembly.Memory({ ...SHARED_LIMITS, shared: true });
    return { module: new WebAssembly.Module(bytes), memory };
  } catch {
    return null;
  }
}

/**
 * Runs the kernels on two threads from here on: this thread's instance of `module` over `memory`
 * (from sharedKernelModule) and `helper`, the worker's instance of the same module over the same
 * memory. Null goes back to the one-thread kernels. The adapter that made the worker (the CLI's
 * kernel-threads.ts, the engine worker) calls this; ops only see the kernels.
 */
export function useKernelThreads(
  threads: { module: WebAssembly.Module; memory: WebAssembly.Memory; helper: KernelHelper } | null,
): void {
  if (!threads) {
    threaded = null;
    return;
  }
  // One instance per helper, so switching back and forth (the bench's one-thread runs) is free.
  threaded = instances.get(threads.helper) ?? instantiate(threads.module, threads.memory, threads.helper);
  instances.set(threads.helper, threaded);
}

/**
 * Runs `fn(...there)` on the helper while `here()` runs on this thread, and returns when both are
 * done: if the helper had not begun its part by then, this thread runs it too (wasm-threads.ts).
 * Callers split only independent outputs, so the result is the same either way.
 */
export function splitCall(k: WasmKernels, fn: KernelExport, there: readonly number[], here: () => void): void {
  if (!k.helper) throw new Error('splitCall needs the two-thread kernels');
  k.helper.start(fn, there);
  here();
  if (!k.helper.join()) (k[fn] as (...args: number[]) => void)(...there);
}

function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory, helper?: KernelHelper): WasmKernels {
  const e = new WebAssembly.Instance(module, { env: { mem: memory } }).exports;
  // (1 + 2⁻¹²)² − 1 is 2⁻¹¹ + 2⁻²⁴ exactly; a product rounded to float32 first loses the 2⁻²⁴.
  const a = 1 + 2 ** -12;
  const fusedMultiplyAdd = (e.probe as (a: number, b: number, c: number) => number)(a, a, -1) !== 2 ** -11;
  let view = new Float32Array(memory.buffer);
  return {
    helper,
    memory,
    fusedMultiplyAdd,
    gemm: e.gemm as GemmFn,
    gemv: e.gemv as GemvFn,
    dw1: e.dw1 as DwFn,
    dw2: e.dw2 as DwFn,
    affine: e.affine as AffineFn,
    dwg1: e.dwg1 as DwgFn,
    dwg2: e.dwg2 as DwgFn,
    pad: e.pad as PadFn,
    heap(need) {
      if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
      // After growth an unshared memory's buffer is a new one (the old detached); a shared
      // memory's getter also hands out a new SharedArrayBuffer object, the old keeping its length.
      if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
      return view;
    },
  };
}

/**
 * Lays out an epilogue's per-row (per-channel) scale and shift for `rows` rows at floats s0 and t0
 * of `heap`: 1 and 0 where the epilogue has none, since the kernels always read both.
 */
export function putScaleShift(heap: Float32Array, ep: Epilogue, rows: number, s0: number, t0: number): void {
  if (ep.scale) heap.set(ep.scale.subarray(0, rows), s0);
  else heap.fill(1, s0, s0 + rows);
  if (ep.shift) heap.set(ep.shift.subarray(0, rows), t0);
  else heap.fill(0, t0, t0 + rows);
}

/**
 * Values below which an affine pass stays on one thread: the same bound as the GEMM's
 * SPLIT_MIN_MACS (wasm-gemm.ts), since handing half over costs some microseconds whatever the
 * work; not tuned separately (ViT-Ti's GELUs, 151 K values each, are well above it).
 */
const SPLIT_MIN_VALUES = 1 << 16;

/**
 * How affineInPlace shares `planes` × `inner` values at 0 with the helper: this thread runs the
 * first `planes` planes of `inner` values each; `there` is the helper's part, [planes, inner, first
 * float], always the last planes (or, for one plane, its last values, from a multiple of 4 so both
 * halves keep the kernel's four-lane steps aligned). Each value's result depends on nothing but the
 * value and its plane's scale and shift, and the one-lane tail runs the four-lane code on a splat,
 * so where the cut falls changes no bit.
 */
function splitAffine(
  k: WasmKernels,
  planes: number,
  inner: number,
): { planes: number; inner: number; there?: [number, number, number] } {
  if (!k.helper || planes * inner < SPLIT_MIN_VALUES) return { planes, inner };
  if (planes === 1) {
    const half = Math.ceil(inner / 8) * 4;
    return { planes, inner: half, there: [1, inner - half, half] };
  }
  const here = Math.ceil(planes / 2);
  return { planes: here, inner, there: [planes - here, inner, here * inner] };
}

/**
 * y[c·inner + i] ← act(y·scale[c] + shift[c]) in place, channel c cycling over `channels` (N images
 * of C channels), on the WebAssembly kernel; false (doing nothing) where it is unavailable.
 */
export function affineInPlace(
  y: Float32Array,
  channels: number,
  inner: number,
  scale: Float32Array,
  shift: Float32Array,
  act: number,
  p0: number,
  p1: number,
): boolean {
  const k = wasmKernels();
  if (!k) return false;
  const planes = y.length / inner;
  const sOff = y.length;
  const tOff = sOff + planes;
  const heap = k.heap((tOff + planes) * 4);
  heap.set(y, 0);
  for (let p = 0; p < planes; p += channels) {
    heap.set(scale.subarray(0, channels), sOff + p);
    heap.set(shift.subarray(0, channels), tOff + p);
  }
  const split = splitAffine(k, planes, inner);
  const here = (): void => k.affine(split.planes, split.inner, 0, sOff * 4, tOff * 4, act, p0, p1);
  if (split.there) {
    const [c, n, at] = split.there;
    splitCall(k, 'affine', [c, n, at * 4, (sOff + planes - c) * 4, (tOff + planes - c) * 4, act, p0, p1], here);
  } else here();
  y.set(heap.subarray(0, y.length));
  return true;
}
