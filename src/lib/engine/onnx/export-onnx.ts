/**
 * The graph IR -> ModelProto bytes that onnxruntime-web loads (onnx.proto field numbers).
 *
 * Attributes are written with the type their IR tag names (Clip's min stays a FLOAT), weights as
 * little-endian raw_data initializers, and graph inputs/outputs with full value_info. Repeated
 * scalars are written unpacked, the proto2 default onnx.proto declares.
 */
import protobuf from 'protobufjs/minimal.js';
import type { Attr, Graph, Node, ValueInfo } from '../graph.ts';
import { OnnxError } from './onnx-error.ts';
import { ONNX_DTYPE_CODE } from './onnx-dtype.ts';
import { writeTensorFields } from './encode-tensor.ts';
import { I32, LEN, VARINT } from './wire-reader.ts';

type Writer = protobuf.Writer;

/** The NodeProto.metadata_props key under which a node's scope path is stored. */
export const SCOPE_KEY = 'depthwise.scope';

/**
 * The IR version that introduced each default-domain opset (onnx/docs/Versioning.md, "Released
 * Versions"). We never write below IR 4, the first in which initializers need not be repeated
 * as graph inputs; a later IR with an older opset is valid ONNX.
 */
export function irVersionFor(opset: number): number {
  const table: [number, number][] = [
    [9, 4],
    [10, 5],
    [11, 6],
    [12, 7],
    [15, 8],
    [19, 9],
    [21, 10],
    [23, 11],
    [25, 12],
  ];
  let ir = 4;
  for (const [minOpset, version] of table) if (opset >= minOpset) ir = version;
  return ir;
}

const key = (field: number, wire: number): number => (field << 3) | wire;

/** Serializes a graph with materialised weights as an ONNX model. */
export function exportOnnx(graph: Graph, opts: { producer?: string } = {}): Uint8Array {
  const declared = [...(graph.declared?.keys() ?? [])];
  if (declared.length > 0) {
    const list = declared
      .slice(0, 5)
      .map((n) => `'${n}'`)
      .join(', ');
    throw new OnnxError(
      'not-materialised',
      `cannot export graph '${graph.name}': ${declared.length} weight${declared.length > 1 ? 's are' : ' is'} declared by shape only (${list}${declared.length > 5 ? ', …' : ''}); materialise them first`,
    );
  }
  const w = new protobuf.Writer();
  w.uint32(key(1, VARINT)).int64(irVersionFor(graph.opset));
  w.uint32(key(2, LEN)).string(opts.producer ?? 'depthwise');
  w.uint32(key(7, LEN)).fork();
  writeGraph(w, graph);
  w.ldelim();
  const domains = new Set(graph.nodes.map((n) => n.domain ?? '').filter((d) => d !== '' && d !== 'ai.onnx'));
  for (const [domain, version] of [['', graph.opset] as const, ...[...domains].map((d) => [d, 1] as const)]) {
    w.uint32(key(8, LEN)).fork();
    if (domain !== '') w.uint32(key(1, LEN)).string(domain);
    w.uint32(key(2, VARINT)).int64(version);
    w.ldelim();
  }
  return w.finish();
}

function writeGraph(w: Writer, graph: Graph): void {
  for (const node of graph.nodes) {
    w.uint32(key(1, LEN)).fork();
    writeNode(w, node);
    w.ldelim();
  }
  w.uint32(key(2, LEN)).string(graph.name || 'graph');
  for (const [name, t] of graph.initializers) {
    w.uint32(key(5, LEN)).fork();
    writeTensorFields(w, t, name);
    w.ldelim();
  }
  for (const v of graph.inputs) writeValueInfo(w, 11, v);
  for (const v of graph.outputs) writeValueInfo(w, 12, v);
}

function writeNode(w: Writer, node: Node): void {
  for (const x of node.inputs) w.uint32(key(1, LEN)).string(x);
  for (const y of node.outputs) w.uint32(key(2, LEN)).string(y);
  w.uint32(key(3, LEN)).string(node.name);
  w.uint32(key(4, LEN)).string(node.opType);
  for (const [name, attr] of Object.entries(node.attrs)) {
    w.uint32(key(5, LEN)).fork();
    writeAttribute(w, name, attr);
    w.ldelim();
  }
  if (node.domain) w.uint32(key(7, LEN)).string(node.domain);
  // ONNX has no scope field; NodeProto.metadata_props (field 9, IR 10) carries it losslessly.
  if (node.scope) {
    w.uint32(key(9, LEN)).fork();
    w.uint32(key(1, LEN)).string(SCOPE_KEY).uint32(key(2, LEN)).string(node.scope);
    w.ldelim();
  }
}

/** AttributeProto.AttributeType of each attribute kind. */
const ATTRIBUTE_TYPE: Readonly<Record<Attr['type'], number>> = {
  float: 1,
  int: 2,
  string: 3,
  tensor: 4,
  floats: 6,
  ints: 7,
  strings: 8,
};

/** AttributeProto: name, the one value field its type uses, then the type (field 20, AttributeType). */
function writeAttribute(w: Writer, name: string, a: Attr): void {
  w.uint32(key(1, LEN)).string(name);
  switch (a.type) {
    case 'float':
      w.uint32(key(2, I32)).float(a.value);
      break;
    case 'int':
      w.uint32(key(3, VARINT)).int64(a.value);
      break;
    case 'string':
      w.uint32(key(4, LEN)).string(a.value);
      break;
    case 'tensor':
      w.uint32(key(5, LEN)).fork();
      writeTensorFields(w, a.value, '');
      w.ldelim();
      break;
    case 'floats':
      for (const v of a.value) w.uint32(key(7, I32)).float(v);
      break;
    case 'ints':
      for (const v of a.value) w.uint32(key(8, VARINT)).int64(v);
      break;
    case 'strings':
      for (const v of a.value) w.uint32(key(9, LEN)).string(v);
      break;
  }
  w.uint32(key(20, VARINT)).int32(ATTRIBUTE_TYPE[a.type]);
}

/** ValueInfoProto { name, type: TypeProto { tensor_type { elem_type, shape { dim* } } } }. */
function writeValueInfo(w: Writer, field: number, v: ValueInfo): void {
  w.uint32(key(field, LEN)).fork();
  w.uint32(key(1, LEN)).string(v.name);
  w.uint32(key(2, LEN)).fork();
  w.uint32(key(1, LEN)).fork();
  w.uint32(key(1, VARINT)).int32(ONNX_DTYPE_CODE[v.dtype]);
  w.uint32(key(2, LEN)).fork();
  for (const d of v.dims) {
    w.uint32(key(1, LEN)).fork();
    if (typeof d === 'number') w.uint32(key(1, VARINT)).int64(d);
    else w.uint32(key(2, LEN)).string(d);
    w.ldelim();
  }
  w.ldelim();
  w.ldelim();
  w.ldelim();
  w.ldelim();
}
