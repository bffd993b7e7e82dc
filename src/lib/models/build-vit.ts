/**
 * ViT spec → engine graph, after timm `vision_transformer.py` (PatchEmbed, Attention, Block, Mlp)
 * and ViT (arXiv 2010.11929) §3.1. Batch is 1, so tokens are a [N, D] matrix and every Linear is
 * a Gemm with PyTorch's [out, in] weight; cls_token and pos_embed are stored as [1, D] and [N, D]
 * (timm's tensors have an extra leading 1; the element counts are the same).
 */
import { float, int, ints, type Graph } from '../engine/graph.ts';
import { GraphBuilder, int64s } from './graph-builder.ts';
import type { LayoutOptions, VitSpec } from './spec.ts';

/** Opset 20: the Gelu op. */
export const VIT_OPSET = 20;
/** timm ViT LayerNorm epsilon (`partial(nn.LayerNorm, eps=1e-6)`). */
const LN_EPS = 1e-6;

function layerNorm(g: GraphBuilder, x: string, scope: string, d: number): string {
  const w = g.weight(`${scope}.weight`, [d]);
  const b = g.weight(`${scope}.bias`, [d]);
  return g.op1('LayerNormalization', [x, w, b], { axis: int(-1), epsilon: float(LN_EPS) }, scope);
}

/** Number of tokens: patches plus the class token. */
export function vitTokens(spec: VitSpec): number {
  const side = Math.floor(spec.resolution / spec.patch);
  return side * side + 1;
}

/**
 * One pre-norm transformer block on [N, D] tokens (timm `Block`): x + proj(MHSA(norm1(x))), then
 * x + fc2(GELU(fc1(norm2(x)))). Attention is softmax(q·kᵀ/√d_head)·v per head (ViT Eq. 2–3,
 * "Attention Is All You Need" §3.2.1); the two matmuls are 2·N²·D MACs.
 */
export function vitBlock(
  g: GraphBuilder,
  x: string,
  s: string,
  N: number,
  D: number,
  H: number,
  hidden: number,
): string {
  const hd = D / H;
  const a = `${s}.attn`;
  const scale = g.constant('scale', { dtype: 'float32', dims: [], data: Float32Array.of(hd ** -0.5) });
  let h = layerNorm(g, x, `${s}.norm1`, D);
  h = g.linear(h, `${a}.qkv`, D, 3 * D);
  h = g.reshape(h, [N, 3, H, hd], a);
  h = g.op1('Transpose', [h], { perm: ints([1, 2, 0, 3]) }, a, 'Transpose');
  // q, k, v: rows 0, 1, 2 of the leading axis (Gather keeps it as a batch axis of 1).
  const [q, k, v] = [0, 1, 2].map((j) =>
    g.op1('Gather', [h, g.constant('index', int64s([j]))], { axis: int(0) }, a, 'Gather'),
  );
  const qs = g.op1('Mul', [q, scale], {}, a, 'Mul');
  const kt = g.op1('Transpose', [k], { perm: ints([0, 1, 3, 2]) }, a, 'Transpose');
  const logits = g.op1('MatMul', [qs, kt], {}, a, 'MatMul');
  const attn = g.op1('Softmax', [logits], { axis: int(-1) }, a, 'Softmax');
  let o = g.op1('MatMul', [attn, v], {}, a, 'MatMul');
  o = g.op1('Transpose', [o], { perm: ints([0, 2, 1, 3]) }, a, 'Transpose');
  o = g.reshape(o, [N, D], a);
  o = g.linear(o, `${a}.proj`, D, D);
  x = g.op1('Add', [x, o], {}, s, 'Add');
  let m = layerNorm(g, x, `${s}.norm2`, D);
  m = g.linear(m, `${s}.mlp.fc1`, D, hidden);
  m = g.act(m, 'gelu', `${s}.mlp.act`);
  m = g.linear(m, `${s}.mlp.fc2`, hidden, D);
  return g.op1('Add', [x, m], {}, s, 'Add');
}

/** The ViT graph; `layout.inChannels` sets the patch embedding's input channels (batch is always 1). */
export function buildVitGraph(spec: VitSpec, name: string, layout: Pick<LayoutOptions, 'inChannels'> = {}): Graph {
  const g = new GraphBuilder(name, VIT_OPSET);
  const { dim: D, heads: H, patch: P, resolution: R } = spec;
  const side = Math.floor(R / P);
  const N = side * side + 1;
  const hidden = Math.round(D * spec.mlpRatio);
  const inC = layout.inChannels ?? 3;
  let x = g.input('input', [1, inC, R, R]);
  // PatchEmbed: a P×P stride-P conv is the linear projection of flattened patches (§3.1, Eq. 1).
  x = g.conv(x, 'patch_embed.proj', { inC, outC: D, k: P, stride: P, groups: 1, bias: true, pads: [0, 0, 0, 0] });
  x = g.reshape(x, [D, side * side], 'patch_embed');
  x = g.op1('Transpose', [x], { perm: ints([1, 0]) }, 'patch_embed', 'Transpose');
  x = g.op1('Concat', [g.weight('cls_token', [1, D]), x], { axis: int(0) }, 'cls_token', 'Concat');
  x = g.op1('Add', [x, g.weight('pos_embed', [N, D])], {}, 'pos_embed', 'Add');
  for (let i = 0; i < spec.depth; i++) x = vitBlock(g, x, `blocks.${i}`, N, D, H, hidden);
  x = layerNorm(g, x, 'norm', D);
  // global_pool='token': the class token's row.
  x = g.op1('Gather', [x, g.constant('index', int64s([0]))], { axis: int(0) }, 'pool', 'Gather');
  x = g.linear(x, 'head', D, spec.numClasses);
  return g.finish([{ name: x, dtype: 'float32', dims: [1, spec.numClasses] }]);
}
