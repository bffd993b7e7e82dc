/**
 * Everything /explore/ shows about a reader's .onnx, computed in one place (the page's worker and
 * the tests call it; the CLI's `summary` reads the same analyze()): inputs and outputs, opset,
 * producer, op types with counts, params, MACs (FLOPs = 2 × MACs), peak activation memory, weight
 * bytes, every unsupported op with its nodes, and — when the engine can analyse the graph — the
 * block structure, layer table, architecture diagram and compute breakdown.
 */
import { analyze, BYTES_PER_ELEMENT, sizeOf, type Analysis, type Graph, type ValueInfo } from '../../engine/index.ts';
import {
  decodeModelInfo,
  OnnxError,
  type DecodedModel,
  type DynamicInput,
  type UnsupportedOp,
} from '../../engine/onnx/index.ts';
import { isSupported } from '../../engine/registry.ts';
import { archDiagram, type ArchDiagram } from '../models/arch-diagram.ts';
import { byKind, bySection, type Share } from '../models/compute-breakdown.ts';
import { diagramLinks, type DiagramLinks } from './debugger-diagram.ts';
import { graphStructure, withStructureScopes, type GraphStructure } from './graph-structure.ts';
import { layerTable, type LayerTable } from '../models/layer-table.ts';

/** Largest file /explore/ reads (bytes); the weights cap of the importer is the same. */
export const MAX_FILE_BYTES = 256 * 2 ** 20;

export interface ExploreSummary {
  readonly file: string;
  readonly bytes: number;
  readonly graphName: string;
  readonly producer: string;
  readonly irVersion: number;
  readonly opset: number;
  readonly otherDomains: readonly string[];
  readonly inputs: readonly ValueInfo[];
  readonly outputs: readonly ValueInfo[];
  readonly nodes: number;
  readonly opCounts: readonly (readonly [string, number])[];
  /** Bytes of all initializers as stored (their dtype's size). */
  readonly weightBytes: number;
  readonly unsupported: readonly UnsupportedOp[];
  /** Present when every op is supported and the graph analyses. */
  readonly analysis?: Readonly<Pick<Analysis, 'params' | 'macs' | 'flops' | 'peakLiveBytes' | 'activationBytes'>>;
  /** Why the analysis is missing, when it is. */
  readonly analysisError?: string;
}

export interface ExploreResult {
  readonly summary: ExploreSummary;
  readonly structure?: GraphStructure;
  readonly table?: LayerTable;
  readonly diagram?: ArchDiagram;
  readonly links?: DiagramLinks;
  readonly bySection?: readonly Share[];
  readonly byKind?: readonly Share[];
  /** Per graph node (by name): params, MACs and output shape, for the Netron-openable copy. */
  readonly metrics?: readonly (readonly [string, Record<string, string>])[];
}

/** The default side for an input's symbolic spatial dims: the model's metadata, else 224. */
export function defaultSize(metadata: Readonly<Record<string, string>>): number {
  for (const k of ['depthwise.input_size', 'input_size', 'image_size', 'resolution']) {
    const v = Number(metadata[k]);
    if (Number.isSafeInteger(v) && v > 0 && v <= 4096) return v;
  }
  return 224;
}

/** Static shapes for symbolic inputs: batch 1, channels as given, every other symbolic dim `size`. */
export function fillShapes(dynamic: readonly DynamicInput[], size: number): Record<string, number[]> {
  return Object.fromEntries(
    dynamic.map((d) => [d.name, d.dims.map((x, i) => (typeof x === 'number' ? x : i === 0 ? 1 : size))]),
  );
}

/** Formats whose first bytes say they are not ONNX (a protobuf ModelProto has no magic number). */
const MAGIC: readonly [string, readonly number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (a PyTorch .pt or Keras file?)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['an HDF5 file (a Keras .h5 model?)', [0x89, 0x48, 0x44, 0x46]],
  ['a gzip archive', [0x1f, 0x8b]],
];

/** A refusal naming what the bytes are when they are plainly another format; undefined otherwise. */
export function notOnnx(bytes: Uint8Array, file: string): OnnxError | undefined {
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b))
      return new OnnxError('malformed', `${file} is ${what}, not an ONNX model`);
  }
  if (bytes.length === 0) return new OnnxError('malformed', `${file} is empty`);
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (/^[{[<]/.test(head))
    return new OnnxError(
      'malformed',
      `${file} is text (${head[0] === '<' ? 'HTML or XML' : 'JSON'}), not an ONNX model`,
    );
  return undefined;
}

const valueLines = (vs: Graph['inputs']): ValueInfo[] =>
  vs.map((v) => ({ name: v.name, dtype: v.dtype, dims: [...v.dims] }));

/** Decodes, analyses and lays out a file. Throws OnnxError for a file that cannot be read at all. */
export function exploreModel(bytes: Uint8Array, file: string, inputShapes?: Record<string, number[]>): ExploreResult {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new OnnxError(
      'too-large',
      `${file} is ${(bytes.length / 2 ** 20).toFixed(0)} MiB; the limit here is ${MAX_FILE_BYTES / 2 ** 20} MiB`,
    );
  }
  const other = notOnnx(bytes, file);
  if (other) throw other;
  const d: DecodedModel = decodeModelInfo(bytes, {
    maxWeightBytes: MAX_FILE_BYTES,
    isSupported,
    ...(inputShapes ? { inputShapes } : {}),
  });
  const g = d.graph;
  const counts = new Map<string, number>();
  for (const n of g.nodes) {
    const k = n.domain ? `${n.domain}.${n.opType}` : n.opType;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let weightBytes = 0;
  for (const t of g.initializers.values()) weightBytes += sizeOf(t.dims) * BYTES_PER_ELEMENT[t.dtype];
  const base = {
    file,
    bytes: bytes.length,
    graphName: g.name,
    producer: [d.info.producer, d.info.producerVersion].filter(Boolean).join(' '),
    irVersion: d.info.irVersion,
    opset: g.opset,
    otherDomains: Object.keys(d.info.opsets).filter((k) => k !== ''),
    inputs: valueLines(g.inputs),
    outputs: valueLines(g.outputs),
    nodes: g.nodes.length,
    opCounts: [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)),
    weightBytes,
    unsupported: d.unsupported,
  };
  if (d.unsupported.length > 0) {
    return {
      summary: {
        ...base,
        analysisError:
          'The engine does not implement every op of this model, so shapes past them, params and MACs are not computed; onnxruntime-web can still run it.',
      },
    };
  }
  let a: Analysis;
  try {
    a = analyze(g);
  } catch (e) {
    return { summary: { ...base, analysisError: e instanceof Error ? e.message : String(e) } };
  }
  const summary: ExploreSummary = {
    ...base,
    analysis: {
      params: a.params,
      macs: a.macs,
      flops: a.flops,
      peakLiveBytes: a.peakLiveBytes,
      activationBytes: a.activationBytes,
    },
  };
  const structure = graphStructure(g, a);
  const sg = withStructureScopes(g, structure);
  const table = layerTable(structure, sg, a);
  const diagram = archDiagram(structure, table);
  const links = diagramLinks(sg.nodes, table, diagram);
  const metrics = a.layers.map((l, i): [string, Record<string, string>] => [
    l.node,
    {
      op: l.opType,
      params: String(l.params),
      macs: String(l.macs),
      output: l.outputDims.map((x) => x.join('x')).join(' '),
      activation_bytes: String(l.activationBytes),
      block: structure.scopes[i] ?? '',
    },
  ]);
  return { summary, structure, table, diagram, links, bySection: bySection(table), byKind: byKind(table), metrics };
}
