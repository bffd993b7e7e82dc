/**
 * Grad-CAM (Selvaraju et al. 2017, "Grad-CAM: Visual Explanations from Deep Networks via
 * Gradient-based Localization", arXiv 1610.02391, §3): for class c and a conv feature map A with
 * K channels of size H × W,
 *   α_k^c = (1 / HW) Σ_i Σ_j ∂y^c / ∂A^k_ij                     (eq. 1, global-average-pooled gradients)
 *   L^c   = ReLU(Σ_k α_k^c A^k)                                   (eq. 2)
 * The gradient comes from the engine's backward pass (src/lib/engine/grad/value-gradient.ts); this
 * file is the arithmetic on the two tensors and the choice of A, pure and DOM-free.
 */
export interface MapLike {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number>;
}

export interface GradCam {
  readonly height: number;
  readonly width: number;
  /** L^c, row-major H × W (float64), ≥ 0. */
  readonly map: Float64Array;
  /** α^c, one weight per channel. */
  readonly weights: Float64Array;
  readonly max: number;
  readonly min: number;
}

export function gradCam(activation: MapLike, gradient: MapLike): GradCam {
  const d = activation.dims;
  if (d.length !== 4 || d[0] !== 1)
    throw new Error(`Grad-CAM needs a conv feature map [1, K, H, W]; this value is [${d.join(', ')}]`);
  if (gradient.dims.length !== 4 || gradient.dims.some((x, i) => x !== d[i]))
    throw new Error(`the gradient is [${gradient.dims.join(', ')}], the feature map [${d.join(', ')}]`);
  const [, K, H, W] = d;
  const plane = H * W;
  const weights = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let p = 0; p < plane; p++) s += gradient.data[k * plane + p];
    weights[k] = s / plane;
  }
  const map = new Float64Array(plane);
  for (let k = 0; k < K; k++) {
    const a = weights[k];
    if (a === 0) continue;
    for (let p = 0; p < plane; p++) map[p] += a * activation.data[k * plane + p];
  }
  let max = 0;
  let min = Infinity;
  for (let p = 0; p < plane; p++) {
    map[p] = Math.max(0, map[p]);
    max = Math.max(max, map[p]);
    min = Math.min(min, map[p]);
  }
  return { height: H, width: W, map, weights, max, min };
}

export interface CamNode {
  readonly opType: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly outputDims: readonly (readonly number[])[];
}

const spatial = (n: CamNode): number => {
  const d = n.outputDims[0];
  return d && d.length === 4 ? d[2] * d[3] : 0;
};

/**
 * The feature map Grad-CAM reads: the input of the last global average pool (the classifier's
 * pool, after every SE squeeze), i.e. the last conv block's output before pooling (§3: "the last
 * convolutional layer"), or null when the model has no 4-D map there (a ViT pools tokens).
 */
export function gradCamLayer(nodes: readonly CamNode[]): string | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (nodes[i].opType !== 'GlobalAveragePool') continue;
    const input = nodes[i].inputs[0];
    const producer = nodes.find((n) => n.outputs.includes(input));
    return producer && spatial(producer) > 1 ? input : null;
  }
  return null;
}

/**
 * The maps a reader may choose, finest first: the output of the last node at each larger spatial
 * size (the end of each resolution stage), then gradCamLayer's. Earlier maps are finer but see less
 * of the class (§3 uses the last one, "the best compromise between high-level semantics and
 * detailed spatial information").
 */
export function gradCamLayers(nodes: readonly CamNode[]): string[] {
  const last = gradCamLayer(nodes);
  if (!last) return [];
  const end = nodes.findIndex((n) => n.outputs.includes(last));
  const lastSize = spatial(nodes[end]);
  const bySize = new Map<number, string>();
  for (let i = 0; i < end; i++) {
    const a = spatial(nodes[i]);
    if (a > lastSize) bySize.set(a, nodes[i].outputs[0]);
  }
  return [...[...bySize.entries()].sort((a, b) => b[0] - a[0]).map(([, v]) => v), last];
}
