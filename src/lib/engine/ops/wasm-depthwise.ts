/**
 * Depthwise convolution (one input channel per output channel, dilation 1, stride 1 or 2) on the
 * WebAssembly SIMD kernels: each channel plane is copied into a zero-padded plane in the module's
 * memory, so the kernel needs no border tests, and the outputs are copied back.
 */
import type { Epilogue } from './activation-code.ts';
import type { ConvGeometry } from './conv-geometry.ts';
import { wasmKernels } from './wasm-kernels.ts';

export function wasmDepthwiseFits(g: ConvGeometry): boolean {
  return g.M === g.C && g.group === g.C && g.dH === 1 && g.dW === 1 && g.sH === g.sW && (g.sH === 1 || g.sH === 2);
}

/**
 * Image n's C planes, zero-padded to (H + pads) × (W + pads), into heap[at …]; zeroes `floats`
 * floats from `at` first (the planes and any slack after them).
 */
export function copyPaddedPlanes(
  g: ConvGeometry,
  x: Float32Array,
  n: number,
  heap: Float32Array,
  at: number,
  floats: number,
): void {
  const { C, H, W, padTop, padLeft } = g;
  const Wp = W + padLeft + g.padRight;
  const plane = (H + padTop + g.padBottom) * Wp;
  const xBase = n * C * H * W;
  // Zero the padded planes in one memset, then copy the rows in (short rows element by element:
  // a typed-array set() call costs more than copying a few floats).
  heap.fill(0, at, at + floats);
  for (let c = 0; c < C; c++) {
    const src0 = xBase + c * H * W;
    let d = at + c * plane + padTop * Wp + padLeft;
    for (let iy = 0; iy < H; iy++, d += Wp) {
      const s = src0 + iy * W;
      if (W >= 32) heap.set(x.subarray(s, s + W), d);
      else for (let i = 0; i < W; i++) heap[d + i] = x[s + i];
    }
  }
}

/** Runs image n of a depthwise conv; returns false (doing nothing) without WebAssembly SIMD. */
export function wasmDepthwise(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  y: Float32Array,
  n: number,
  ep: Epilogue,
): boolean {
  const k = wasmKernels();
  if (!k) return false;
  const { C, H, W, kH, kW, Ho, Wo } = g;
  const Hp = H + g.padTop + g.padBottom;
  const Wp = W + g.padLeft + g.padRight;
  const plane = Hp * Wp;
  const inF = C * plane + 16;
  const wF = C * kH * kW;
  const outF = C * Ho * Wo + 4;
  const wOff = inF;
  const sOff = wOff + wF;
  const tOff = sOff + C;
  const outOff = tOff + C;
  const heap = k.heap((outOff + outF) * 4);
  copyPaddedPlanes(g, x, n, heap, 0, inF);
  heap.set(w.subarray(0, wF), wOff);
  if (ep.scale) heap.set(ep.scale.subarray(0, C), sOff);
  else heap.fill(1, sOff, sOff + C);
  if (ep.shift) heap.set(ep.shift.subarray(0, C), tOff);
  else heap.fill(0, tOff, tOff + C);
  const run = g.sH === 1 ? k.dw1 : k.dw2;
  run(C, 0, Hp, Wp, wOff * 4, kH, kW, Ho, Wo, outOff * 4, sOff * 4, tOff * 4, ep.act, ep.p0, ep.p1);
  const yBase = n * C * Ho * Wo;
  y.set(heap.subarray(outOff, outOff + C * Ho * Wo), yBase);
  return true;
}
