/**
 * ModelProto bytes -> the graph IR (graph.ts), in three steps kept in their own files: the wire
 * level (read-model.ts), the ONNX rules on values, types and ops (validate-graph.ts), and single
 * definition plus topological order (order-nodes.ts). Every violation is an OnnxError; nothing
 * here asks the engine which ops it runs unless `isSupported` is given (importOnnx gives it).
 */
import type { Graph } from '../graph.ts';
import { OnnxError, type UnsupportedOp } from './onnx-error.ts';
import { byteBudget } from './decode-tensor.ts';
import { readModel } from './read-model.ts';
import {
  checkGivenShapes,
  checkStatic,
  inputInfo,
  nameNodes,
  outputInfo,
  unsupportedError,
  unsupportedNodes,
} from './validate-graph.ts';
import { orderNodes } from './order-nodes.ts';

export { shortestFloat32 } from './read-model.ts';

/** Default-domain opsets the importer accepts: opset 6 (the oldest the conformance cases use) to 25. */
export const SUPPORTED_OPSETS = { min: 6, max: 25 } as const;

export interface DecodeOptions {
  /** Static shapes for graph inputs whose dims are symbolic (e.g. a batch dim 'N'). */
  readonly inputShapes?: Readonly<Record<string, readonly number[]>>;
  /** The same by position among the graph inputs that are not initializers (e.g. from the input files of a run). */
  readonly inputShapesInOrder?: readonly (readonly number[] | undefined)[];
  /** Cap on the bytes of all tensors in the file (initializers and tensor attributes); default 1 GiB. */
  readonly maxWeightBytes?: number;
  /** Which ops can run; when given, every node outside it is listed in one 'unsupported-op' error. */
  readonly isSupported?: (opType: string, domain: string) => boolean;
}

/** What the file says about itself, beyond the graph. */
export interface ModelInfo {
  readonly irVersion: number;
  readonly producer: string;
  readonly producerVersion: string;
  /** Opset per domain ('' is ai.onnx). */
  readonly opsets: Readonly<Record<string, number>>;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface DecodedModel {
  readonly graph: Graph;
  readonly info: ModelInfo;
  /** Nodes outside `isSupported` (empty when it was not given). */
  readonly unsupported: readonly UnsupportedOp[];
}

/**
 * Decodes a model and lists its unsupported nodes instead of throwing for them, so a viewer can
 * still show everything else (shapes, opset, producer, op counts, weights). Throws OnnxError for
 * everything else that is wrong.
 */
export function decodeModelInfo(bytes: Uint8Array, opts: DecodeOptions = {}, throwUnsupported = false): DecodedModel {
  const raw = readModel(bytes, byteBudget(opts.maxWeightBytes));
  // IR version 3 introduced opset_import; before it the default opset is 1 (onnx/docs/Versioning.md).
  const opset = raw.opsets.get('') ?? 1;
  if (opset < SUPPORTED_OPSETS.min || opset > SUPPORTED_OPSETS.max) {
    throw new OnnxError(
      'unsupported-opset',
      `model uses default-domain opset ${opset} (IR version ${raw.irVersion}); supported opsets are ${SUPPORTED_OPSETS.min}–${SUPPORTED_OPSETS.max}`,
    );
  }
  const g = raw.graph;
  const named = nameNodes(g.nodes);
  const unsupported = opts.isSupported ? unsupportedNodes(named, opts.isSupported) : [];
  if (throwUnsupported && unsupported.length > 0) throw unsupportedError(unsupported);
  const skip = new Set(unsupported.map((u) => u.node));
  // Ops with subgraphs (If, Loop, Scan) are listed as unsupported above; this only fires for an
  // op the engine knows whose attribute is not representable.
  const odd = g.nodes.findIndex((n, i) => n.unrepresentable !== undefined && !skip.has(named[i].name));
  if (odd >= 0) {
    throw new OnnxError(
      'unsupported-attribute',
      `node '${named[odd].name}' (${named[odd].opType}): ${g.nodes[odd].unrepresentable}, which the engine does not support (control flow and sparse tensors are out of scope)`,
      { node: named[odd].name },
    );
  }
  // Before IR version 4 every initializer was also listed as a graph input; those are weights, not inputs.
  const graphInputs = g.inputs
    .filter((v) => !g.initializers.has(v.name))
    .map((v, i) => inputInfo(v, opts.inputShapes?.[v.name] ?? opts.inputShapesInOrder?.[i]));
  checkGivenShapes(
    graphInputs.map((v) => v.name),
    opts.inputShapes,
  );
  checkStatic(graphInputs);
  const graphOutputs = g.outputs.map(outputInfo);
  const nodes = orderNodes(named, graphInputs, g.initializers, graphOutputs);
  const graph: Graph = {
    name: g.name,
    inputs: graphInputs,
    outputs: graphOutputs,
    initializers: g.initializers,
    nodes,
    opset,
  };
  const info: ModelInfo = {
    irVersion: raw.irVersion,
    producer: raw.producer,
    producerVersion: raw.producerVersion,
    opsets: Object.fromEntries(raw.opsets),
    metadata: raw.metadata,
  };
  return { graph, info, unsupported };
}

/** Decodes an ONNX model into the graph IR. Throws OnnxError on anything it cannot represent. */
export function decodeModel(bytes: Uint8Array, opts: DecodeOptions = {}): Graph {
  return decodeModelInfo(bytes, opts, true).graph;
}
