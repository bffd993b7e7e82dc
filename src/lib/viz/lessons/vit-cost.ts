/**
 * Cost of one Vision Transformer block against one depthwise convolution, as formulas the lesson
 * writes in KaTeX (pure; no engine). Conventions are the engine's (analyze.ts): a MAC is one
 * multiply-add of a Conv, Gemm or MatMul; biases, softmax and LayerNorm are not counted.
 *
 * ViT (arXiv 2010.11929) §3.1: an R×R image cut into P×P patches gives N = (R/P)² + 1 tokens (the
 * patches and the class token) of width D. One pre-norm block (Eq. 2–3) costs
 *   qkv projection  N·D·3D      attention logits QKᵀ  N·N·D  (H heads of N·N·D/H)
 *   output proj     N·D·D       weighted sum AV      N·N·D
 *   MLP             2·N·D·rD  (r = 4)
 * so 2N²D grows with the square of the token count and (4 + 2r)·N·D² only linearly
 * ("Attention Is All You Need" §4, Table 1: self-attention is O(n²·d) per layer).
 */

/** Tokens of a ViT at input side R with P×P patches: (⌊R/P⌋)² patches plus the class token. */
export function vitTokens(resolution: number, patch: number): number {
  const side = Math.floor(resolution / patch);
  return side * side + 1;
}

export interface VitBlockCost {
  readonly tokens: number;
  readonly dim: number;
  /** QKᵀ: N·N·D. */
  readonly qk: number;
  /** softmax(QKᵀ)·V: N·N·D. */
  readonly av: number;
  /** The fused q, k, v projection: N·D·3D. */
  readonly qkv: number;
  /** The output projection: N·D·D. */
  readonly proj: number;
  /** fc1 and fc2 of the MLP: 2·N·D·(r·D). */
  readonly mlp: number;
  /** qk + av: the part quadratic in N. */
  readonly quadratic: number;
  /** qkv + proj + mlp: the part linear in N. */
  readonly linear: number;
  readonly total: number;
}

/** MACs of one ViT block with `tokens` tokens of width `dim` and MLP ratio `mlpRatio`. */
export function vitBlockCost(tokens: number, dim: number, mlpRatio = 4): VitBlockCost {
  if (!Number.isInteger(tokens) || tokens < 1)
    throw new Error(`vitBlockCost: tokens must be a whole number ≥ 1; received ${tokens}`);
  if (!Number.isInteger(dim) || dim < 1)
    throw new Error(`vitBlockCost: dim must be a whole number ≥ 1; received ${dim}`);
  const N = tokens;
  const D = dim;
  const hidden = Math.round(D * mlpRatio);
  const qk = N * N * D;
  const av = N * N * D;
  const qkv = N * D * 3 * D;
  const proj = N * D * D;
  const mlp = 2 * N * D * hidden;
  return {
    tokens: N,
    dim: D,
    qk,
    av,
    qkv,
    proj,
    mlp,
    quadratic: qk + av,
    linear: qkv + proj + mlp,
    total: qk + av + qkv + proj + mlp,
  };
}

/**
 * Side of a feature map after one stride-2 convolution with "same"-style padding k//2 (odd k):
 * ⌊(s + 2⌊k/2⌋ − k)/2⌋ + 1 = ⌈s/2⌉, whatever the odd kernel. EfficientNet-B0 halves its map this way
 * in the stem and in the first block of four stages (timm `_efficientnet_builder.py`, symmetric padding).
 */
export function halveSide(side: number): number {
  return Math.floor((side - 1) / 2) + 1;
}

/** Side of the feature map at total stride `stride` (a power of two) for an R×R input. */
export function sideAtStride(resolution: number, stride: number): number {
  if (!Number.isInteger(Math.log2(stride)) || stride < 1)
    throw new Error(`sideAtStride: stride must be a power of two; received ${stride}`);
  let s = resolution;
  for (let t = stride; t > 1; t /= 2) s = halveSide(s);
  return s;
}

/** MACs of a k×k depthwise convolution, stride 1, on a side×side map of C channels: side²·C·k². */
export function depthwiseMacs(side: number, channels: number, k: number): number {
  return side * side * channels * k * k;
}
