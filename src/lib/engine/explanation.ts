/**
 * Pure data describing how one output element was computed, for the step-through views.
 * Every number is the one the kernel used; the UI only draws it.
 */

/** One tap of a Conv window: input channel and spatial position (may lie in the padding). */
export interface ConvTap {
  /** Input channel read by this tap. */
  readonly c: number;
  /** Spatial position in the input ([y, x] for 2-D, [x] for 1-D); may be outside it when `padding`. */
  readonly pos: readonly number[];
  /** Kernel offset ([ky, kx] or [kx]). */
  readonly k: readonly number[];
  /** True when the tap falls in the zero padding (x is then 0). */
  readonly padding: boolean;
  readonly x: number;
  readonly w: number;
  readonly product: number;
}

export interface ConvExplanation {
  readonly kind: 'conv';
  readonly node: string;
  readonly variant: 'depthwise' | 'pointwise' | 'grouped' | 'standard';
  /** Output position: batch, channel and spatial ([y, x] or [x]). */
  readonly n: number;
  readonly c: number;
  readonly pos: readonly number[];
  readonly group: number;
  readonly taps: readonly ConvTap[];
  /** Sum of the products, accumulated in the kernel's order and arithmetic. */
  readonly sum: number;
  /**
   * The kernel's arithmetic: 'float64' (JavaScript), 'float32' (WebAssembly SIMD, each product
   * rounded then added) or 'float32-fma' (fused multiply-add: exact products, one rounding per step).
   */
  readonly accumulation: 'float32' | 'float32-fma' | 'float64';
  readonly bias: number;
  /** The output tensor's value (float32): exactly fround(sum + bias). */
  readonly value: number;
}

export interface PoolTap {
  readonly pos: readonly number[];
  readonly padding: boolean;
  /** Input value (undefined for padding taps, which pooling skips or counts as 0). */
  readonly x?: number;
}

export interface PoolExplanation {
  readonly kind: 'pool';
  readonly node: string;
  readonly mode: 'max' | 'average';
  readonly n: number;
  readonly c: number;
  readonly pos: readonly number[];
  readonly taps: readonly PoolTap[];
  /** Divisor of an average (count_include_pad decides whether padding taps count). */
  readonly count: number;
  readonly value: number;
}

export interface BatchNormExplanation {
  readonly kind: 'batchnorm';
  readonly node: string;
  readonly c: number;
  readonly x: number;
  readonly mean: number;
  readonly variance: number;
  readonly epsilon: number;
  readonly gamma: number;
  readonly beta: number;
  readonly y: number;
}

export interface UnaryExplanation {
  readonly kind: 'unary';
  readonly node: string;
  /** ONNX op type, e.g. 'HardSwish'. */
  readonly fn: string;
  /** The formula shown beside the numbers, e.g. 'x · relu6(x + 3) / 6'. */
  readonly formula: string;
  readonly x: number;
  readonly y: number;
}

/** Mul whose second operand is broadcast per channel: squeeze-and-excitation scaling. */
export interface ScaleExplanation {
  readonly kind: 'scale';
  readonly node: string;
  readonly x: number;
  readonly gate: number;
  readonly y: number;
}

export interface BinaryExplanation {
  readonly kind: 'binary';
  readonly node: string;
  readonly op: string;
  readonly a: number;
  readonly b: number;
  readonly y: number;
}

export type Explanation =
  ConvExplanation | PoolExplanation | BatchNormExplanation | UnaryExplanation | ScaleExplanation | BinaryExplanation;

/**
 * One term of a convolution weight gradient: an input value times the output gradient it met. The
 * input side is a forward tap's (`pos` may lie in the padding: x is then 0 and the term is skipped).
 */
export interface WeightGradTerm extends Pick<ConvTap, 'pos' | 'padding' | 'x'> {
  /** Batch index. */
  readonly n: number;
  /** Output position ([y, x] or [x]) whose gradient this is. */
  readonly out: readonly number[];
  /** dL/dY at (n, m, out). */
  readonly dy: number;
  readonly product: number;
}

/**
 * dL/dW[m, c, ky, kx] of a Conv, as the sum over batch and output positions of x · dL/dY: the
 * numbers the backward kernel used. Not part of `Explanation` (that union explains forward outputs).
 */
export interface ConvWeightGradExplanation extends Pick<ConvExplanation, 'node' | 'variant' | 'group'> {
  readonly kind: 'conv-weight-grad';
  /** Output channel of the weight. */
  readonly m: number;
  /** Input channel (absolute index into X's channels) the weight reads. */
  readonly c: number;
  /** Kernel offset ([ky, kx] or [kx]). */
  readonly k: ConvTap['k'];
  /** Every (n, output position) in the kernel's order: n, then y, then x. Padding terms included, marked. */
  readonly terms: readonly WeightGradTerm[];
  /** Sum of the products in float64, in the terms' order. */
  readonly sum: number;
  /**
   * How the backward kernel summed: 'float64' (JavaScript loops: `sum` rounds to the gradient
   * exactly) or 'float32' (GEMM on WebAssembly SIMD: another order, equal within float32 rounding).
   */
  readonly accumulation: Exclude<ConvExplanation['accumulation'], 'float32-fma'>;
  /** The gradient the backward pass reported (float32). */
  readonly gradient: number;
}
