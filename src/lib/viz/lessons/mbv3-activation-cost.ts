/**
 * The cost argument of MobileNetV3 §5.2 ("the sigmoid function is much more expensive to compute on
 * mobile devices"), counted on this site's engine: the instructions its WebAssembly kernels run to
 * apply an activation to four lanes as they store a convolution's output (wasm-kernels.ts). The
 * sigmoid needs eˣ (range reduction, a degree-6 polynomial, exponent bits) and a division; the hard
 * versions are a multiply, an add and a clamp.
 */
import { activationListing } from '../../engine/ops/wasm-epilogue.ts';

export interface OpCount {
  /** Vector arithmetic instructions on four lanes (f32x4/i32x4 add, sub, mul, div, min, max, nearest, shifts, conversions). */
  readonly arithmetic: number;
  /** Of which divisions. */
  readonly divisions: number;
  /** Every instruction, local reads and writes included. */
  readonly total: number;
}

/** Counts the engine's SIMD code for one activation row: cost per four elements. */
export function opCount(row: string): OpCount {
  const code = activationListing(row);
  const arith = code.filter((t) => /^(f32x4|i32x4)\.(?!splat|extract_lane|const)/.test(t));
  return { arithmetic: arith.length, divisions: arith.filter((t) => t === 'f32x4.div').length, total: code.length };
}
