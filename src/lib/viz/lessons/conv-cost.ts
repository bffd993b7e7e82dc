/**
 * The arithmetic of one 2-D convolution layer: output shape, parameters and multiply-accumulates.
 * Shared by the cost widget, the inline figures of the lessons and their tests.
 *
 * Output size (ONNX Conv spec, and PyTorch's Conv2d docs):
 *   H_out = floor((H + 2p - d(k - 1) - 1) / s) + 1
 * Cost (published.md §1 convention, as torchvision reports it): every output element of every
 * output channel sums (C_in / groups) · k² products, so
 *   MACs = H_out · W_out · C_out · (C_in / groups) · k²,   params = C_out · (C_in / groups) · k² (+ C_out bias).
 */
export type Padding = 'same' | 'valid';

export interface ConvLayer {
  h: number;
  w: number;
  cin: number;
  cout: number;
  k: number;
  stride: number;
  groups: number;
  padding: Padding;
  bias: boolean;
}

export interface ConvCost {
  hOut: number;
  wOut: number;
  pad: number;
  /** Products summed for one output element: (C_in / groups) · k². */
  macsPerOutput: number;
  params: number;
  macs: number;
  /** float32 bytes of the input and output activations. */
  inputBytes: number;
  outputBytes: number;
}

export const CONV_LIMITS = {
  h: { min: 1, max: 1024 },
  w: { min: 1, max: 1024 },
  cin: { min: 1, max: 4096 },
  cout: { min: 1, max: 4096 },
  k: { min: 1, max: 11 },
  stride: { min: 1, max: 4 },
  groups: { min: 1, max: 4096 },
} as const;

/** Why a layer is not a valid convolution, in words a reader can act on; null when it is valid. */
export function convProblem(l: ConvLayer): string | null {
  for (const [key, { min, max }] of Object.entries(CONV_LIMITS)) {
    const v = l[key as keyof typeof CONV_LIMITS];
    if (!Number.isInteger(v)) return `${key} must be a whole number (got ${v})`;
    if (v < min || v > max) return `${key} must be between ${min} and ${max} (got ${v})`;
  }
  if (l.cin % l.groups !== 0) return `groups (${l.groups}) must divide the input channels (${l.cin})`;
  if (l.cout % l.groups !== 0) return `groups (${l.groups}) must divide the output channels (${l.cout})`;
  const pad = l.padding === 'same' ? Math.floor((l.k - 1) / 2) : 0;
  if (l.h + 2 * pad < l.k || l.w + 2 * pad < l.k)
    return `the ${l.k}×${l.k} kernel is larger than the padded ${l.h}×${l.w} input`;
  return null;
}

/** Output shape, params and MACs of a valid layer (see `convProblem`). */
export function convCost(l: ConvLayer): ConvCost {
  const problem = convProblem(l);
  if (problem) throw new RangeError(problem);
  // 'same' here is PyTorch's symmetric (k - 1) / 2, which keeps H_out = ceil(H / s) for odd k.
  const pad = l.padding === 'same' ? Math.floor((l.k - 1) / 2) : 0;
  const hOut = Math.floor((l.h + 2 * pad - l.k) / l.stride) + 1;
  const wOut = Math.floor((l.w + 2 * pad - l.k) / l.stride) + 1;
  const macsPerOutput = (l.cin / l.groups) * l.k * l.k;
  const params = l.cout * macsPerOutput + (l.bias ? l.cout : 0);
  return {
    hOut,
    wOut,
    pad,
    macsPerOutput,
    params,
    macs: hOut * wOut * l.cout * macsPerOutput,
    inputBytes: 4 * l.h * l.w * l.cin,
    outputBytes: 4 * hOut * wOut * l.cout,
  };
}
