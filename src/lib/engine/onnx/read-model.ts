/**
 * The wire level of the ONNX adapter: ModelProto bytes -> plain records (RawModel), with no ONNX
 * rule checked beyond "the bytes are a well-formed protobuf of the expected message". Field
 * numbers follow onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, ValueInfoProto,
 * TypeProto, OperatorSetIdProto, StringStringEntryProto). validate-graph.ts and order-nodes.ts
 * turn a RawModel into the graph IR.
 */
import type { Attr } from '../graph.ts';
import type { Tensor } from '../tensor.ts';
import { OnnxError } from './onnx-error.ts';
import { readTensorProto, type ByteBudget } from './decode-tensor.ts';
import { readStringEntry, WireReader } from './wire-reader.ts';
import { SCOPE_KEY } from './export-onnx.ts';

export interface RawNode {
  name: string;
  /** From metadata_props 'depthwise.scope' when the file was written by exportOnnx. */
  scope?: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attrs: Record<string, Attr>;
  /** Set when an attribute has a type the IR cannot hold (a subgraph, sparse tensor…), reported after the op check. */
  unrepresentable?: string;
}

export interface RawValueInfo {
  name: string;
  /** undefined when the ValueInfoProto has no type at all. */
  elemType?: number;
  /** undefined when the tensor type has no shape (unknown rank). */
  dims?: (number | string)[];
  /** Set for sequence/map/optional/sparse types. */
  nonTensor?: string;
}

export interface RawGraph {
  name: string;
  nodes: RawNode[];
  initializers: Map<string, Tensor>;
  inputs: RawValueInfo[];
  outputs: RawValueInfo[];
}

export interface RawModel {
  irVersion: number;
  /** ModelProto.producer_name / producer_version ('' when absent). */
  producer: string;
  producerVersion: string;
  /** Opset per domain ('' is the default ai.onnx domain). */
  opsets: Map<string, number>;
  /** ModelProto.metadata_props. */
  metadata: Record<string, string>;
  graph: RawGraph;
}

/** Reads the ModelProto. Throws OnnxError('malformed') for bytes that are not one. */
export function readModel(bytes: Uint8Array, budget: ByteBudget): RawModel {
  const r = new WireReader(bytes, 'ModelProto');
  let graphReader: WireReader | undefined;
  let irVersion = 0;
  let sawIr = false;
  let producer = '';
  let producerVersion = '';
  const metadata: Record<string, string> = {};
  const opsets = new Map<string, number>();
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) {
      irVersion = r.int(w, f);
      sawIr = true;
    } else if (f === 2) producer = r.string(w, f);
    else if (f === 3) producerVersion = r.string(w, f);
    else if (f === 7) graphReader = r.message(w, f, 'GraphProto');
    else if (f === 8) {
      const o = r.message(w, f, 'OperatorSetIdProto');
      let domain = '';
      let version = 0;
      while (!o.done()) {
        const [g, v] = o.key();
        if (g === 1) domain = o.string(v, g);
        else if (g === 2) version = o.int(v, g);
        else o.skip(v);
      }
      opsets.set(domain === 'ai.onnx' ? '' : domain, version);
    } else if (f === 14) {
      const [k, v] = readStringEntry(r.message(w, f, 'metadata_props of ModelProto'));
      metadata[k] = v;
    } else r.skip(w);
  }
  if (graphReader === undefined || !sawIr) {
    throw new OnnxError(
      'malformed',
      `not an ONNX model: the bytes decode as protobuf but have no ${sawIr ? 'graph' : 'ir_version'} (ModelProto fields 1 and 7)`,
    );
  }
  return { irVersion, producer, producerVersion, opsets, metadata, graph: readGraph(graphReader, budget) };
}

function readGraph(r: WireReader, budget: ByteBudget): RawGraph {
  const g: RawGraph = { name: '', nodes: [], initializers: new Map(), inputs: [], outputs: [] };
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1:
        g.nodes.push(readNode(r.message(w, f, `NodeProto #${g.nodes.length}`), budget));
        break;
      case 2:
        g.name = r.string(w, f);
        break;
      case 5: {
        const t = readTensorProto(r.message(w, f, `initializer #${g.initializers.size}`), budget);
        if (t.name === '') throw new OnnxError('invalid-graph', `initializer #${g.initializers.size} has no name`);
        if (g.initializers.has(t.name))
          throw new OnnxError('invalid-graph', `initializer '${t.name}' is defined twice`);
        g.initializers.set(t.name, t.tensor);
        break;
      }
      case 11:
        g.inputs.push(readValueInfo(r.message(w, f, `graph input #${g.inputs.length}`)));
        break;
      case 12:
        g.outputs.push(readValueInfo(r.message(w, f, `graph output #${g.outputs.length}`)));
        break;
      case 15:
        throw new OnnxError('unsupported-type', 'the graph has sparse initializers, which are not supported');
      default:
        r.skip(w);
    }
  }
  return g;
}

function readNode(r: WireReader, budget: ByteBudget): RawNode {
  const node: RawNode = { name: '', opType: '', domain: '', inputs: [], outputs: [], attrs: {} };
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1:
        node.inputs.push(r.string(w, f));
        break;
      case 2:
        node.outputs.push(r.string(w, f));
        break;
      case 3:
        node.name = r.string(w, f);
        break;
      case 4:
        node.opType = r.string(w, f);
        break;
      case 5: {
        const [attrName, attr] = readAttribute(r.message(w, f, `attribute of NodeProto '${node.name}'`), budget);
        if (typeof attr === 'string') node.unrepresentable = `attribute '${attrName}' has type ${attr}`;
        else node.attrs[attrName] = attr;
        break;
      }
      case 7:
        node.domain = r.string(w, f);
        break;
      case 9: {
        const [k, v] = readStringEntry(r.message(w, f, `metadata_props of NodeProto '${node.name}'`));
        if (k === SCOPE_KEY) node.scope = v;
        break;
      }
      default:
        r.skip(w);
    }
  }
  if (node.opType === '') r.fail('node has no op_type');
  if (node.outputs.length === 0) r.fail(`node '${node.name}' (${node.opType}) has no outputs`);
  if (node.domain === 'ai.onnx') node.domain = '';
  return node;
}

/**
 * ONNX stores float attributes as float32; this gives back the shortest decimal that rounds to
 * the same float32 (epsilon 1e-5, not 9.999999747378752e-6), so tables show what the author
 * wrote and export → import → export is stable. Nine significant digits always suffice.
 */
export function shortestFloat32(x: number): number {
  if (!Number.isFinite(x)) return x;
  for (let p = 1; p < 9; p++) {
    const v = Number(x.toPrecision(p));
    if (Math.fround(v) === x) return v;
  }
  return x;
}

/** AttributeProto.AttributeType codes (onnx.proto). */
const ATTR_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'FLOAT',
  2: 'INT',
  3: 'STRING',
  4: 'TENSOR',
  5: 'GRAPH',
  6: 'FLOATS',
  7: 'INTS',
  8: 'STRINGS',
  9: 'TENSORS',
  10: 'GRAPHS',
  11: 'SPARSE_TENSOR',
  12: 'SPARSE_TENSORS',
  13: 'TYPE_PROTO',
  14: 'TYPE_PROTOS',
};

const utf8 = new TextDecoder('utf-8');

/** The attribute, or the AttributeType name when the IR cannot hold it (GRAPH, SPARSE_TENSOR…). */
function readAttribute(r: WireReader, budget: ByteBudget): [string, Attr | string] {
  let name = '';
  let type = 0;
  let f32: number | undefined;
  let i64: number | undefined;
  let s: Uint8Array | undefined;
  let t: Tensor | undefined;
  const floats: number[] = [];
  const intList: number[] = [];
  const strings: string[] = [];
  /** The first field seen that the IR cannot hold (graphs, sparse tensors, type protos, tensor lists). */
  let unsupported: number | undefined;
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1:
        name = r.string(w, f);
        break;
      case 2:
        f32 = r.float(w, f);
        break;
      case 3:
        i64 = r.int(w, f);
        break;
      case 4:
        s = r.bytes(w, f).bytes;
        break;
      case 5:
        t = readTensorProto(r.message(w, f, `tensor of attribute '${name}'`), budget).tensor;
        break;
      case 7:
        r.floats(w, f, floats);
        break;
      case 8:
        r.ints(w, f, intList);
        break;
      case 9:
        strings.push(r.string(w, f));
        break;
      case 20:
        type = r.int(w, f);
        break;
      case 6:
      case 10:
      case 11:
      case 14:
      case 15:
      case 22:
      case 23:
        unsupported ??= { 6: 5, 10: 9, 11: 10, 14: 13, 15: 14, 22: 11, 23: 12 }[f];
        r.skip(w);
        break;
      default:
        r.skip(w);
    }
  }
  if (name === '') r.fail('attribute has no name');
  // IR versions before 0.0.2 (and some hand-written files) leave `type` unset: infer it from the field present.
  if (type === 0) {
    type =
      t !== undefined
        ? 4
        : unsupported !== undefined
          ? unsupported
          : floats.length
            ? 6
            : intList.length
              ? 7
              : strings.length
                ? 8
                : s !== undefined
                  ? 3
                  : f32 !== undefined
                    ? 1
                    : i64 !== undefined
                      ? 2
                      : 0;
  }
  switch (type) {
    case 1:
      return [name, { type: 'float', value: shortestFloat32(f32 ?? 0) }];
    case 2:
      return [name, { type: 'int', value: i64 ?? 0 }];
    case 3:
      return [name, { type: 'string', value: utf8.decode(s ?? new Uint8Array(0)) }];
    case 4:
      if (t === undefined) r.fail(`attribute '${name}' is typed TENSOR but has no tensor`);
      return [name, { type: 'tensor', value: t }];
    case 6:
      return [name, { type: 'floats', value: floats.map(shortestFloat32) }];
    case 7:
      return [name, { type: 'ints', value: intList }];
    case 8:
      return [name, { type: 'strings', value: strings }];
  }
  if (ATTR_TYPE_NAMES[type] !== undefined) return [name, ATTR_TYPE_NAMES[type]];
  return r.fail(`attribute '${name}' has ${type === 0 ? 'no value' : `unknown type ${type}`}`);
}

function readValueInfo(r: WireReader): RawValueInfo {
  const v: RawValueInfo = { name: '' };
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) v.name = r.string(w, f);
    else if (f === 2) readType(r.message(w, f, `type of '${v.name}'`), v);
    else r.skip(w);
  }
  if (v.name === '') r.fail('value has no name');
  return v;
}

/** TypeProto: only tensor_type (field 1) is representable; other kinds are noted by name. */
function readType(r: WireReader, v: RawValueInfo): void {
  const kinds: Record<number, string> = {
    4: 'a sequence',
    5: 'a map',
    7: 'an opaque value',
    8: 'a sparse tensor',
    9: 'an optional',
  };
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) {
      const t = r.message(w, f, `tensor type of '${v.name}'`);
      while (!t.done()) {
        const [g, x] = t.key();
        if (g === 1) v.elemType = t.int(x, g);
        else if (g === 2) v.dims = readShape(t.message(x, g, `shape of '${v.name}'`));
        else t.skip(x);
      }
      v.elemType ??= 0;
    } else if (kinds[f] !== undefined) {
      v.nonTensor = kinds[f];
      r.skip(w);
    } else r.skip(w);
  }
}

function readShape(r: WireReader): (number | string)[] {
  const dims: (number | string)[] = [];
  while (!r.done()) {
    const [f, w] = r.key();
    if (f !== 1) {
      r.skip(w);
      continue;
    }
    const d = r.message(w, f, r.what);
    let dim: number | string = '?';
    while (!d.done()) {
      const [g, x] = d.key();
      if (g === 1) {
        const n = d.int(x, g);
        if (!Number.isSafeInteger(n) || n < 0) d.fail(`invalid dim ${n}`);
        dim = n;
      } else if (g === 2) dim = d.string(x, g) || '?';
      else d.skip(x);
    }
    dims.push(dim);
  }
  return dims;
}
