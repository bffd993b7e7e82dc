/**
 * The graph IR every part of Depthwise shares: the zoo builds it from a spec, the ONNX adapter
 * imports and exports it, the engine analyses and runs it, the diagrams and tables read it.
 *
 * Values are named (as in ONNX); nodes are kept in topological order; each node carries a scope
 * path (`blocks.3.1.se.conv_reduce`) so execution can step by op, by block or by stage.
 */
import type { DType, Tensor } from './tensor.ts';

/** A typed attribute value. Types follow ONNX AttributeProto so export is lossless (Clip's min=0 is a float, not an int). */
export type Attr =
  | { readonly type: 'int'; readonly value: number }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'ints'; readonly value: readonly number[] }
  | { readonly type: 'floats'; readonly value: readonly number[] }
  | { readonly type: 'strings'; readonly value: readonly string[] }
  | { readonly type: 'tensor'; readonly value: Tensor };

export type Attrs = Readonly<Record<string, Attr>>;

export interface Node {
  /** Unique node name (ONNX NodeProto.name; generated when the file has none). */
  readonly name: string;
  /** ONNX op type, e.g. 'Conv'. */
  readonly opType: string;
  /** ONNX domain; '' (or absent) is the default ai.onnx domain. */
  readonly domain?: string;
  /** Input value names; '' marks an omitted optional input. */
  readonly inputs: readonly string[];
  /** Output value names. */
  readonly outputs: readonly string[];
  readonly attrs: Attrs;
  /** Dotted module path, e.g. 'blocks.3.1.se.conv_reduce'; '' when unknown. */
  readonly scope: string;
}

/** A graph input or output: name, dtype and shape (a string for a symbolic dimension). */
export interface ValueInfo {
  readonly name: string;
  readonly dtype: DType;
  readonly dims: readonly (number | string)[];
}

export interface Graph {
  readonly name: string;
  /** Graph inputs that are not initializers. */
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  /** Constant tensors (weights), by value name. */
  readonly initializers: ReadonlyMap<string, Tensor>;
  /**
   * Weights declared by dtype and shape but not materialised: the zoo builds analysis-only graphs
   * (shapes, params, MACs) without allocating EfficientNet-B7's 66 M random floats. A name is in
   * `initializers` or here, never both; running a graph needs every weight materialised.
   */
  readonly declared?: ReadonlyMap<string, ValueInfo>;
  /** Nodes in topological order. */
  readonly nodes: readonly Node[];
  /** Default-domain opset version the graph was written for. */
  readonly opset: number;
}

/** Attribute constructors, so builders write `{ group: int(32), pads: ints([1, 1, 1, 1]) }`. */
export const int = (value: number): Attr => ({ type: 'int', value });
export const float = (value: number): Attr => ({ type: 'float', value });
export const str = (value: string): Attr => ({ type: 'string', value });
export const ints = (value: readonly number[]): Attr => ({ type: 'ints', value });
export const floats = (value: readonly number[]): Attr => ({ type: 'floats', value });
export const tensorAttr = (value: Tensor): Attr => ({ type: 'tensor', value });
