/**
 * BatchNormalization at inference (Ioffe & Szegedy, arXiv 1502.03167 Alg. 2; ONNX
 * BatchNormalization): y = γ · (x − μ) / √(σ² + ε) + β, with each intermediate shown so the reader
 * can redo the arithmetic for one element.
 */
import type { BatchNormExplanation } from '../engine/explanation.ts';

export interface BnTerms {
  readonly centred: number;
  readonly std: number;
  readonly normalised: number;
  readonly y: number;
}

export function bnTerms(e: Pick<BatchNormExplanation, 'x' | 'mean' | 'variance' | 'epsilon' | 'gamma' | 'beta'>): BnTerms {
  const centred = e.x - e.mean;
  const std = Math.sqrt(e.variance + e.epsilon);
  const normalised = centred / std;
  return { centred, std, normalised, y: e.gamma * normalised + e.beta };
}
