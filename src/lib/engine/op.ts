/**
 * What every op provides (the registry maps ONNX op types to these).
 *
 * "Geometry once, read twice": `plan` derives output dims and the node's geometry record from
 * input dims, attributes and any constant inputs; the kernel (`run`), the cost formula (`macs`),
 * the layer table (`describe`) and `explain` all read that same record.
 */
import type { Node } from './graph.ts';
import type { DType, Tensor } from './tensor.ts';
import type { Explanation } from './explanation.ts';

/** What planning knows about a value: its dtype and dims. */
export interface ValueMeta {
  readonly dtype: DType;
  readonly dims: readonly number[];
}

export interface PlanArgs {
  readonly node: Node;
  /** Default-domain opset of the graph: picks the op version (e.g. Softmax < 13 vs ≥ 13). */
  readonly opset: number;
  /** One entry per node input; undefined for an omitted optional input (''). */
  readonly inputs: readonly (ValueMeta | undefined)[];
  /** Input contents when known (constants during analysis, every input during execution). */
  readonly values: readonly (Tensor | undefined)[];
}

export interface Planned<G> {
  readonly outputs: readonly ValueMeta[];
  readonly geom: G;
  /** Output contents the planner could compute from dims alone (Shape, Size). */
  readonly constants?: readonly (Tensor | undefined)[];
}

/** Kernel/stride/group shown in the layer table. */
export interface LayerShape {
  kernel?: number[];
  stride?: number[];
  group?: number;
}

export interface OpDef<G = unknown> {
  readonly plan: (args: PlanArgs) => Planned<G>;
  /** Runs the op; reads weights from `inputs` at call time (callers may mutate them between runs). */
  readonly run: (geom: G, inputs: readonly (Tensor | undefined)[]) => Tensor[];
  /** Multiply-accumulates per published.md §1 (Conv, Gemm, MatMul); absent means 0. */
  readonly macs?: (geom: G) => number;
  readonly describe?: (geom: G) => LayerShape;
  /** Explains output element `flat` of output 0 with exactly the kernel's numbers. */
  readonly explain?: (geom: G, inputs: readonly (Tensor | undefined)[], output: Tensor, flat: number) => Explanation;
  /** Input indices that are buffers, not trained parameters (BatchNorm running mean and var). */
  readonly buffers?: readonly number[];
  /**
   * The op's gradient (grad/): attached in registry.ts. Training refuses, by name, a graph whose
   * gradient path runs through an op without one.
   */
  readonly backward?: Gradient<G>;
}

/** What a training-mode forward of one node hands to the tape. */
export interface TrainForward {
  readonly outputs: Tensor[];
  /** Anything the backward rule needs beyond inputs and outputs (BatchNorm batch statistics, a dropout mask). */
  readonly saved?: unknown;
  /** New values of buffer inputs by input slot (BatchNorm running mean/var); the graph is not mutated. */
  readonly buffers?: ReadonlyMap<number, Tensor>;
}

export interface TrainContext {
  readonly node: Node;
  /** True for a training step (BatchNorm batch statistics, dropout on); false = inference behaviour. */
  readonly training: boolean;
  /** Seed of this node's random stream (dropout), derived from the run's seed and the node name. */
  readonly seed: number;
}

export interface BackwardArgs<G> {
  readonly geom: G;
  /** Node inputs; undefined where omitted or not kept by the tape (only `keeps.inputs` and weights are). */
  readonly inputs: readonly (Tensor | undefined)[];
  /** Dtype and dims of every input (present even when the tensor was not kept). */
  readonly inputMeta: readonly (ValueMeta | undefined)[];
  /** Node outputs; undefined unless listed in `keeps.outputs`. */
  readonly outputs: readonly (Tensor | undefined)[];
  /** dL/d(output i); undefined where no gradient reaches that output (treat as zeros). */
  readonly gradOutputs: readonly (Tensor | undefined)[];
  /** Which input slots need a gradient (differentiable and on the path to a parameter or graph input). */
  readonly needs: readonly boolean[];
  readonly saved: unknown;
  readonly training: boolean;
  /**
   * Training's fast kernels where a rule has two (BackwardOptions.fast): float32 SIMD sums in
   * another order than the default float64 loop that explainWeightGradient repeats exactly.
   */
  readonly fast?: boolean;
}

/**
 * A backward rule. `constant` ops (Shape, Constant, Less…) cut the gradient path: their outputs
 * carry no gradient. Otherwise `backward` returns dL/d(input i) for each slot with needs[i] (same
 * dims as that input; undefined elsewhere), float32.
 */
export interface Gradient<G> {
  readonly constant?: boolean;
  /** Why this node's configuration has no gradient (e.g. Max over three inputs); training then refuses it by name up front. */
  readonly refuse?: (node: Node) => string | undefined;
  /** Differentiable input slots (default: every slot); others (shapes, indices, Clip bounds, buffers) get none. */
  readonly inputs?: readonly number[];
  /** Which inputs/outputs backward reads, so the tape keeps only those activations (default: inputs all, outputs none). */
  readonly keeps?: { readonly inputs?: readonly number[]; readonly outputs?: readonly number[] };
  /** Bytes of `saved` for the memory estimate, from input dims (BatchNorm: 2·C floats). */
  readonly savedBytes?: (inputDims: readonly (readonly number[] | undefined)[]) => number;
  /** A forward that differs in training (BatchNorm batch statistics, Dropout) or must save extra state. */
  readonly train?: (geom: G, inputs: readonly (Tensor | undefined)[], ctx: TrainContext) => TrainForward;
  readonly backward?: (args: BackwardArgs<G>) => (Tensor | undefined)[];
}

/** Attaches a gradient to an op (registry.ts). */
export function withGradient<G>(def: OpDef<unknown>, backward: Gradient<G>): OpDef<unknown> {
  return { ...def, backward: backward as Gradient<unknown> };
}

/** Erases the geometry type so differently-typed ops sit in one table. */
export function defineOp<G>(def: OpDef<G>): OpDef<unknown> {
  return def as OpDef<unknown>;
}
