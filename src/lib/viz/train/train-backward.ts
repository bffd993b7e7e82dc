/**
 * The training playground's backward stepper, as data: which way the gradient flows through one
 * block, one node at a time (the order `executeBackward` visits them, output end first), and what
 * each step says. The figures themselves (gradients, norms) come from the engine's backward pass.
 */

export interface BackwardStepInfo {
  readonly node: string;
  readonly opType: string;
  readonly gradOutDims?: readonly number[];
  readonly gradInDims?: readonly number[];
  readonly weightNorm: number | null;
}

/** The index of `layer` among the steps, or 0 when it is not one of them. */
export function stepIndexOf(steps: readonly BackwardStepInfo[], layer: string): number {
  const i = steps.findIndex((s) => s.node === layer);
  return i < 0 ? 0 : i;
}

/** The next index in direction `dir` (+1 towards the input, −1 back towards the output), clamped. */
export function moveStep(count: number, current: number, dir: 1 | -1): number {
  return Math.min(count - 1, Math.max(0, current + dir));
}

const OPS: Readonly<Record<string, string>> = {
  Conv: 'convolution: dL/dX is the output gradient convolved with the flipped kernel; dL/dW correlates the input with it',
  BatchNormalization:
    'batch normalization (training mode): the gradient is centred and rescaled by the batch statistics',
  Relu: 'ReLU: the gradient passes where the input was positive and is zero elsewhere',
  Clip: 'ReLU6: the gradient passes where 0 < input < 6',
  Add: 'residual add: the same gradient goes to both inputs',
  Mul: 'multiply: each input receives the gradient times the other input',
  Sigmoid: 'sigmoid: the gradient is scaled by σ(x)(1 − σ(x))',
  HardSigmoid: 'hard sigmoid: the gradient is scaled by 1/6 inside the linear part, zero outside',
  HardSwish: 'hard swish: the gradient is scaled by the slope of x·relu6(x + 3)/6',
  GlobalAveragePool: 'global average pool: the gradient is spread evenly over every position',
};

/** One line saying what the node does to the gradient. */
export function stepExplanation(opType: string): string {
  return OPS[opType] ?? `${opType}: its own gradient rule`;
}

/** "step 2 of 6: blocks.0.0.bn1 (BatchNormalization)". */
export function stepTitle(steps: readonly BackwardStepInfo[], i: number): string {
  const s = steps[i];
  return `Backward step ${i + 1} of ${steps.length}: ${s.node} (${s.opType})`;
}
