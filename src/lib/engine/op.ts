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
}

/** Erases the geometry type so differently-typed ops sit in one table. */
export function defineOp<G>(def: OpDef<G>): OpDef<unknown> {
  return def as OpDef<unknown>;
}
