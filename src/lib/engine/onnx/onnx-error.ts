/**
 * The one error type the ONNX adapter throws. Every way a file can be wrong or beyond what the
 * engine runs maps to a code, so the CLI and the site can say what went wrong and callers can
 * tell "broken file" from "valid file we do not run".
 */
export type OnnxErrorCode =
  | 'malformed' /* bytes are not a well-formed protobuf of the expected message */
  | 'invalid-graph' /* well-formed protobuf, but the graph breaks an ONNX rule (undefined input, not topological…) */
  | 'unsupported-op' /* ops the engine's registry does not implement; every one is listed */
  | 'unsupported-dtype' /* a tensor element type outside tensor.ts's DType */
  | 'unsupported-opset' /* default-domain opset outside SUPPORTED_OPSETS */
  | 'unsupported-attribute' /* graph-, sparse- or type-valued attributes */
  | 'unsupported-type' /* sequence, map, optional or sparse values */
  | 'dynamic-shape' /* symbolic input dims and no shape given for that input */
  | 'invalid-input-shape' /* a given input shape contradicts the model */
  | 'external-data' /* weights stored in a side file */
  | 'too-large' /* over the size limit */
  | 'not-materialised'; /* export of a graph whose weights are only declared */

/** One node whose op the engine cannot run. */
export interface UnsupportedOp {
  readonly opType: string;
  readonly domain: string;
  readonly node: string;
}

/** A graph input with symbolic dims (for 'dynamic-shape'). */
export interface DynamicInput {
  readonly name: string;
  readonly dims: readonly (number | string)[];
}

export class OnnxError extends Error {
  readonly code: OnnxErrorCode;
  /** The node concerned, when there is exactly one. */
  readonly node?: string;
  /** For 'unsupported-op': every offending node, in graph order. */
  readonly unsupported?: readonly UnsupportedOp[];
  /** For 'dynamic-shape': the inputs that need a size. */
  readonly dynamic?: readonly DynamicInput[];

  constructor(
    code: OnnxErrorCode,
    message: string,
    extra: { node?: string; unsupported?: readonly UnsupportedOp[]; dynamic?: readonly DynamicInput[] } = {},
  ) {
    super(message);
    this.name = 'OnnxError';
    this.code = code;
    if (extra.node !== undefined) this.node = extra.node;
    if (extra.unsupported !== undefined) this.unsupported = extra.unsupported;
    if (extra.dynamic !== undefined) this.dynamic = extra.dynamic;
  }
}
