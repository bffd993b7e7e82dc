/**
 * BatchNormalization at inference (Ioffe & Szegedy, arXiv 1502.03167 Alg. 2; ONNX
 * BatchNormalization): y = γ · (x − μ) / √(σ² + ε) + β, with each intermediate shown so the reader
 * can redo the arithmetic for one element.
 */
import type { BatchNormExplanation } from '../../engine/explanation.ts';

export interface BnTerms {
  readonly centred: number;
  readonly std: number;
  readonly normalised: number;
  readonly y: number;
}

export function bnTerms(
  e: Pick<BatchNormExplanation, 'x' | 'mean' | 'variance' | 'epsilon' | 'gamma' | 'beta'>,
): BnTerms {
  const centred = e.x - e.mean;
  const std = Math.sqrt(e.variance + e.epsilon);
  const normalised = centred / std;
  // y as the kernel computes it (batchnorm.ts, foldBatchNorm): γ/√(σ² + ε) and β − μ·γ/√(σ² + ε)
  // stored as float32, then x·a + b rounded to float32. The textbook form above can differ from it
  // in the seventh significant digit, which the view shows.
  const a = Math.fround(e.gamma / std);
  const b = Math.fround(a * (0 - e.mean) + e.beta);
  return { centred, std, normalised, y: Math.fround(e.x * a + b) };
}
