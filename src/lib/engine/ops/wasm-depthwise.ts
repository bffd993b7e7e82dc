/**
 * Depthwise convolution (one input channel per output channel, dilation 1, stride 1 or 2) on the
 * WebAssembly SIMD kernels: each channel plane is copied into a zero-padded plane in the module's
 * memory, so the kernel needs no border tests, and the outputs are copied back.
 */
import type { Epilogue } from './activation-code.ts';
import type { ConvGeometry } from './conv-geometry.ts';
import { putScaleShift, splitCall, type WasmKernels, wasmKernels } from './wasm-kernels.ts';

export function wasmDepthwiseFits(g: ConvGeometry): boolean {
  return g.M === g.C && g.group === g.C && g.dH === 1 && g.dW === 1 && g.sH === g.sW && (g.sH === 1 || g.sH === 2);
}

/**
 * Image n's C planes, zero-padded to (H + pads) × (W + pads), into heap[at …]; zeroes `floats`
 * floats from `at` first (the planes and any slack after them). The image is first copied whole to
 * heap[stage …] (C·H·W floats, clear of the planes), then the kernel module's `pad` lays its rows
 * out: one typed-array set() per row from JavaScript cost about as much as the convolution.
 */
export function copyPaddedPlanes(
  k: WasmKernels,
  g: ConvGeometry,
  x: Float32Array,
  n: number,
  heap: Float32Array,
  at: number,
  floats: number,
  stage: number,
): void {
  const { C, H, W, padTop, padLeft } = g;
  const Wp = W + padLeft + g.padRight;
  const Hp = H + padTop + g.padBottom;
  const size = C * H * W;
  if (size === 0) {
    heap.fill(0, at, at + floats);
    return;
  }
  heap.set(x.subarray(n * size, (n + 1) * size), stage);
  k.pad(C, stage * 4, H, W, W, at * 4, Hp, Wp, padTop, padLeft, floats * 4);
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
  // Slack for the kernel's last group of eight (wasm-depthwise-funcs.ts): up to seven outputs past
  // the last row, whose reads reach at most 2·7 + 1 inputs past the last plane at stride 2.
  const inF = C * plane + 32;
  const wF = C * kH * kW;
  const map = Ho * Wo;
  const split = splitChannels(k, C, map * kH * kW);
  // Split, the helper's channels start eight floats past this thread's (see below), 8 more slack.
  const outF = C * map + (split < C ? 16 : 8);
  const wOff = inF;
  const sOff = wOff + wF;
  const tOff = sOff + C;
  const outOff = tOff + C;
  const stage = outOff + outF;
  const heap = k.heap((stage + C * H * W) * 4);
  copyPaddedPlanes(k, g, x, n, heap, 0, inF, stage);
  heap.set(w.subarray(0, wF), wOff);
  putScaleShift(heap, ep, C, sOff, tOff);
  const fn = g.sH === 1 ? 'dw1' : 'dw2';
  const yBase = n * C * map;
  if (split < C) {
    // The helper's channels write to their own range, eight floats past this thread's: a thread's
    // last row may spill up to seven values past its last channel, which must not land on outputs
    // the other thread has already written (on one thread the next channel overwrites them later).
    const out2 = outOff + split * map + 8;
    const args = [C - split, split * plane * 4, Hp, Wp, (wOff + split * kH * kW) * 4, kH, kW, Ho, Wo, out2 * 4];
    splitCall(k, fn, [...args, (sOff + split) * 4, (tOff + split) * 4, ep.act, ep.p0, ep.p1], () =>
      k[fn](split, 0, Hp, Wp, wOff * 4, kH, kW, Ho, Wo, outOff * 4, sOff * 4, tOff * 4, ep.act, ep.p0, ep.p1),
    );
    y.set(heap.subarray(outOff, outOff + split * map), yBase);
    y.set(heap.subarray(out2, out2 + (C - split) * map), yBase + split * map);
    return true;
  }
  k[fn](C, 0, Hp, Wp, wOff * 4, kH, kW, Ho, Wo, outOff * 4, sOff * 4, tOff * 4, ep.act, ep.p0, ep.p1);
  y.set(heap.subarray(outOff, outOff + C * map), yBase);
  return true;
}

/**
 * Multiply-adds below which a depthwise conv stays on one thread even with a helper (see
 * SPLIT_MIN_MACS in wasm-gemm.ts).
 */
const SPLIT_MIN_MACS = 1 << 16;

/**
 * Channels this thread convolves; the helper, if any, takes the rest. Channels are independent
 * and each is computed by the same code in the same order on either thread, so the output is
 * bit-identical to the one-thread run.
 */
function splitChannels(k: WasmKernels, C: number, macsPerChannel: number): number {
  if (!k.helper || C < 2 || C * macsPerChannel < SPLIT_MIN_MACS) return C;
  return Math.ceil(C / 2);
}
