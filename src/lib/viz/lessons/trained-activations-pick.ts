/**
 * What the activation figure shows of a trained tiny model (trained-activations.ts): which layers
 * (the stem's output, then the last output at each smaller map size; for a ViT, whose tokens keep
 * one grid, the patch embedding and every block), which channels (those whose maps vary most over
 * space, averaged over the figure's images: a flat map says nothing about where the network
 * looks), and the top classes of the logits. Pure: graphs and tensors in, choices out.
 */
import { analyze, type Graph, type Tensor } from '../../engine/index.ts';

export interface LayerNode {
  readonly name: string;
  readonly opType: string;
  readonly output: string;
}

/** Side of the square grid an output [1, C, H, W] or tokens [1, T, D] (T = s² or 1 + s²) lie on, or 0. */
export function gridSide(dims: readonly number[]): number {
  if (dims.length === 4 && dims[0] === 1 && dims[2] === dims[3] && dims[2] > 1) return dims[2];
  // Tokens [T, D] or [1, T, D] (the zoo's ViT drops the batch of one inside its blocks).
  const tokens = dims.length === 3 && dims[0] === 1 ? dims.slice(1) : dims.length === 2 ? dims : null;
  if (tokens) {
    for (const t of [tokens[0], tokens[0] - 1]) {
      const s = Math.round(Math.sqrt(t));
      if (s > 1 && s * s === t) return s;
    }
  }
  return 0;
}

/** Stem and head norms and activations belong to their convolution's layer (timm's names). */
const SAME_LAYER: Record<string, string> = { bn1: 'conv_stem', act1: 'conv_stem', bn2: 'conv_head', act2: 'conv_head' };
/** Ops that only move values: their output repeats a layer already shown. */
const MOVES = new Set(['Transpose', 'Reshape', 'Flatten', 'Concat', 'Gather', 'Squeeze', 'Unsqueeze', 'Identity']);

/** The layer a node belongs to: "blocks.3" for blocks, else the first part of its scope ("conv_stem"). */
const group = (scope: string): string => {
  const parts = scope.split('.');
  return parts[0] === 'blocks' ? parts.slice(0, 2).join('.') : (SAME_LAYER[parts[0]] ?? parts[0]);
};

/** The layers the figure offers, input to output (at most `max`). */
export function activationLayerNodes(graph: Graph, max = 5): LayerNode[] {
  const dims = new Map(analyze(graph).layers.map((l) => [l.node, l.outputDims[0] ?? []]));
  // The last node of each layer whose output lies on a grid (constants, with no scope, skipped).
  const scoped = graph.nodes.filter((n) => n.scope);
  const ends: (LayerNode & { side: number })[] = [];
  // Within a layer, the last node that computes (a trailing Transpose repeats its values).
  let computed: (typeof scoped)[number] | null = null;
  scoped.forEach((n, i) => {
    const g = group(n.scope);
    if (!MOVES.has(n.opType)) computed = n;
    if (g !== group(scoped[i + 1]?.scope ?? '')) {
      const end = computed;
      computed = null;
      if (!end) return;
      const side = gridSide(dims.get(end.name) ?? []);
      if (side > 0) ends.push({ name: end.name, opType: end.opType, output: end.outputs[0], side });
    }
  });
  if (ends.length === 0) throw new Error(`model '${graph.name}' has no layer output on a square grid to show`);
  const sides = [...new Set(ends.map((e) => e.side))];
  let chosen: typeof ends;
  if (sides.length >= 3) {
    // The first layer (the stem), then the last layer at each smaller size.
    chosen = [ends[0], ...sides.slice(1).map((s) => ends.filter((e) => e.side === s).at(-1)!)];
  } else {
    chosen = ends;
  }
  if (chosen.length > max) chosen = [...chosen.slice(0, max - 1), chosen.at(-1)!];
  return chosen.map(({ name, opType, output }) => ({ name, opType, output }));
}

/** An output as maps: [1, C, H, W] → C maps of H·W; tokens [T, D] or [1, T, D] → D maps on the patch grid (a class token dropped). */
export function channelMaps(t: Tensor): { side: number; channels: number; maps: Float32Array[] } {
  const d = t.dims.map(Number);
  const side = gridSide(d);
  if (side === 0) throw new Error(`an output [${d.join(', ')}] does not lie on a square grid`);
  const data = t.data as Float32Array;
  const hw = side * side;
  if (d.length === 4) {
    return { side, channels: d[1], maps: Array.from({ length: d[1] }, (_, c) => data.slice(c * hw, (c + 1) * hw)) };
  }
  const [T, D] = d.slice(-2);
  const skip = T - hw;
  return {
    side,
    channels: D,
    maps: Array.from({ length: D }, (_, c) => Float32Array.from({ length: hw }, (_, p) => data[(skip + p) * D + c])),
  };
}

/**
 * The `k` channels whose maps vary most over space (mean of max − min over the images), ascending
 * by channel, each with its range over all images.
 */
export function pickChannels(
  perImage: readonly (readonly Float32Array[])[],
  k: number,
): { channel: number; lo: number; hi: number }[] {
  const C = perImage[0].length;
  const score = Array.from({ length: C }, (_, c) => {
    let s = 0;
    for (const maps of perImage) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of maps[c]) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      s += hi - lo;
    }
    return s / perImage.length;
  });
  return score
    .map((s, c) => [s, c] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, Math.min(k, C))
    .map(([, c]) => c)
    .sort((a, b) => a - b)
    .map((c) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const maps of perImage)
        for (const v of maps[c]) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      return { channel: c, lo, hi };
    });
}

/** The `k` most probable classes of one image's logits, with softmax probabilities (computed in float64). */
export function softmaxTop(logits: ArrayLike<number>, k: number): { cls: number; p: number }[] {
  const xs = Array.from(logits);
  const m = Math.max(...xs);
  const e = xs.map((v) => Math.exp(v - m));
  const z = e.reduce((a, v) => a + v, 0);
  return e
    .map((v, cls) => ({ cls, p: v / z }))
    .sort((a, b) => b.p - a.p || a.cls - b.cls)
    .slice(0, k)
    .map(({ cls, p }) => ({ cls, p: Math.round(p * 1e4) / 1e4 }));
}
