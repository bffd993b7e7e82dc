/**
 * Learning-rate schedule: linear warmup, then cosine decay to zero (Goyal et al. 2017,
 * arXiv 1706.02677 §2.2 for the warmup; Loshchilov & Hutter 2017, arXiv 1608.03983 Eq. 5 without
 * restarts for the cosine). Step s (0-based, the s-th update) uses
 *   s < W:  lr · (s + 1) / W
 *   s ≥ W:  lr · ½ · (1 + cos(π · (s − W) / (T − W)))
 * with W warmup steps and T total steps, so the first update is not taken at lr 0 and the last
 * cosine step is above 0.
 */
export interface Schedule {
  readonly lr: number;
  readonly warmupSteps: number;
  readonly totalSteps: number;
}

export function learningRate(s: Schedule, step: number): number {
  const W = Math.min(s.warmupSteps, s.totalSteps);
  if (step < W) return (s.lr * (step + 1)) / W;
  const span = Math.max(1, s.totalSteps - W);
  const t = Math.min(step - W, span) / span;
  return s.lr * 0.5 * (1 + Math.cos(Math.PI * t));
}
