/**
 * The depthwise weight gradient on the WebAssembly SIMD kernels `dwg1` / `dwg2` (wasm-kernels.ts),
 * for training: per image, the input planes are copied zero-padded (as the forward kernel reads
 * them) and the output gradient with its rows widened to a multiple of 4 (zeros past the width);
 * each tap accumulates four float32 partial sums across all images, added once at the end.
 *
 * The summation order differs from conv.ts's float64 loop (n, oy, ox), which stays the default
 * and is what explainWeightGradient repeats exactly; this one is selected by the trainer
 * (`BackwardOptions.fast`). tests/unit/grad/depthwise-fast.test.ts holds the two within float32
 * tolerance.
 */
import type { ConvGeometry } from '../ops/conv-geometry.ts';
import { copyPaddedPlanes, wasmDepthwiseFits } from '../ops/wasm-depthwise.ts';
import { wasmKernels } from '../ops/wasm-kernels.ts';

/** Floats of zeros after the last padded plane: the widest overrun of a 4-lane group (8 floats at stride 2) and then some. */
const SLACK = 64;

/** dW [C·kH·kW] of a depthwise conv (M = C, dilation 1, stride 1 or 2), or undefined where the kernel does not apply. */
export function wasmDepthwiseWeightGrad(g: ConvGeometry, x: Float32Array, dy: Float32Array): Float32Array | undefined {
  if (!wasmDepthwiseFits(g)) return undefined;
  const k = wasmKernels();
  if (!k) return undefined;
  const { N, C, H, W, kH, kW, Ho, Wo } = g;
  const Hp = H + g.padTop + g.padBottom;
  const Wp = W + g.padLeft + g.padRight;
  const kk = kH * kW;
  const Wo4 = (Wo + 3) & ~3;
  const inF = C * Hp * Wp + SLACK;
  const dyOff = inF;
  const dyF = C * Ho * Wo4;
  const accOff = dyOff + dyF;
  const stage = accOff + C * kk * 4;
  const heap = k.heap((stage + C * H * W) * 4);
  heap.fill(0, accOff, accOff + C * kk * 4);
  if (Wo4 !== Wo) heap.fill(0, dyOff, dyOff + dyF);
  const run = g.sH === 1 ? k.dwg1 : k.dwg2;
  const HWo = Ho * Wo;
  for (let n = 0; n < N; n++) {
    copyPaddedPlanes(k, g, x, n, heap, 0, inF, stage);
    const base = n * C * HWo;
    if (Wo4 === Wo) heap.set(dy.subarray(base, base + C * HWo), dyOff);
    else {
      // Only the first Wo of each Wo4-wide row are written: the rest stay the zeros filled above.
      for (let r = 0, s = base, d = dyOff; r < C * Ho; r++, s += Wo, d += Wo4)
        for (let i = 0; i < Wo; i++) heap[d + i] = dy[s + i];
    }
    run(C, 0, Hp, Wp, dyOff * 4, kH, kW, Ho, Wo4, accOff * 4);
  }
  const out = new Float32Array(C * kk);
  for (let i = 0, a = accOff; i < out.length; i++, a += 4) out[i] = heap[a] + heap[a + 1] + heap[a + 2] + heap[a + 3];
  return out;
}
