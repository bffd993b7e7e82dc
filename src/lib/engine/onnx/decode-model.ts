/**
 * ModelProto bytes -> the graph IR (graph.ts), without asking the engine which ops it runs
 * (importOnnx adds that check). Field numbers follow onnx.proto (ModelProto, GraphProto,
 * NodeProto, AttributeProto, ValueInfoProto, TypeProto, OperatorSetIdProto).
 *
 * Beyond decoding, this enforces the ONNX rules the engine relies on and turns every violation
 * into an OnnxError: one definition per value, every input defined, an acyclic graph (nodes are
 * re-sorted topologically when a file lists them out of order), a default-domain opset the
 * engine knows, static input shapes, and a cap on the bytes of all weights.
 */
import type { Attr, Graph, Node, ValueInfo } from '../graph.ts';
import type { DType, Tensor } from '../tensor.ts';
import { OnnxError, type UnsupportedOp } from './onnx-error.ts';
import { dtypeFromOnnx, onnxDtypeName } from './onnx-dtype.ts';
import { byteBudget, readTensorProto, type ByteBudget } from './decode-tensor.ts';
import { scopeFromName } from './scope-from-name.ts';
import { WireReader } from './wire-reader.ts';
import { SCOPE_KEY } from './export-onnx.ts';

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

interface RawNode {
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

interface RawValueInfo {
  name: string;
  /** undefined when the ValueInfoProto has no type at all. */
  elemType?: number;
  /** undefined when the tensor type has no shape (unknown rank). */
  dims?: (number | string)[];
  /** Set for sequence/map/optional/sparse types. */
  nonTensor?: string;
}

/** Decodes an ONNX model into the graph IR. Throws OnnxError on anything it cannot represent. */
export function decodeModel(bytes: Uint8Array, opts: DecodeOptions = {}): Graph {
  const budget = byteBudget(opts.maxWeightBytes);
  const r = new WireReader(bytes, 'ModelProto');
  let graphReader: WireReader | undefined;
  let irVersion = 0;
  let sawIr = false;
  const opsets = new Map<string, number>();
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) {
      irVersion = r.int(w, f);
      sawIr = true;
    } else if (f === 7) graphReader = r.message(w, f, 'GraphProto');
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
    } else r.skip(w);
  }
  if (graphReader === undefined || !sawIr) {
    throw new OnnxError('malformed', `not an ONNX model: the bytes decode as protobuf but have no ${sawIr ? 'graph' : 'ir_version'} (ModelProto fields 1 and 7)`);
  }
  // IR version 3 introduced opset_import; before it the default opset is 1 (onnx/docs/Versioning.md).
  const opset = opsets.get('') ?? 1;
  if (opset < SUPPORTED_OPSETS.min || opset > SUPPORTED_OPSETS.max) {
    throw new OnnxError('unsupported-opset', `model uses default-domain opset ${opset} (IR version ${irVersion}); supported opsets are ${SUPPORTED_OPSETS.min}–${SUPPORTED_OPSETS.max}`);
  }
  return readGraph(graphReader, opset, budget, opts);
}

function readGraph(r: WireReader, opset: number, budget: ByteBudget, opts: DecodeOptions): Graph {
  let name = '';
  const rawNodes: RawNode[] = [];
  const initializers = new Map<string, Tensor>();
  const inputs: RawValueInfo[] = [];
  const outputs: RawValueInfo[] = [];
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1: rawNodes.push(readNode(r.message(w, f, `NodeProto #${rawNodes.length}`), budget)); break;
      case 2: name = r.string(w, f); break;
      case 5: {
        const t = readTensorProto(r.message(w, f, `initializer #${initializers.size}`), budget);
        if (t.name === '') throw new OnnxError('invalid-graph', `initializer #${initializers.size} has no name`);
        if (initializers.has(t.name)) throw new OnnxError('invalid-graph', `initializer '${t.name}' is defined twice`);
        initializers.set(t.name, t.tensor);
        break;
      }
      case 11: inputs.push(readValueInfo(r.message(w, f, `graph input #${inputs.length}`))); break;
      case 12: outputs.push(readValueInfo(r.message(w, f, `graph output #${outputs.length}`))); break;
      case 15: throw new OnnxError('unsupported-type', 'the graph has sparse initializers, which are not supported');
      default: r.skip(w);
    }
  }
  const named = nameNodes(rawNodes);
  if (opts.isSupported) checkSupported(named, opts.isSupported);
  // Ops with subgraphs (If, Loop, Scan) are caught above as unsupported ops, all at once; this
  // only fires for an op the registry knows whose attribute is not representable.
  const odd = rawNodes.findIndex((n) => n.unrepresentable !== undefined);
  if (odd >= 0) {
    throw new OnnxError('unsupported-attribute', `node '${named[odd].name}' (${named[odd].opType}): ${rawNodes[odd].unrepresentable}, which the engine does not support (control flow and sparse tensors are out of scope)`, { node: named[odd].name });
  }
  // Before IR version 4 every initializer was also listed as a graph input; those are weights, not inputs.
  const graphInputs = inputs.filter((v) => !initializers.has(v.name)).map((v, i) => inputInfo(v, opts.inputShapes?.[v.name] ?? opts.inputShapesInOrder?.[i]));
  checkGivenShapes(graphInputs.map((v) => v.name), opts);
  const dynamic = graphInputs.filter((v) => v.dims.some((d) => typeof d === 'string'));
  if (dynamic.length > 0) {
    const list = dynamic.map((v) => `'${v.name}' [${v.dims.join(', ')}]`).join(', ');
    throw new OnnxError('dynamic-shape', `graph input${dynamic.length > 1 ? 's' : ''} ${list} ha${dynamic.length > 1 ? 've' : 's'} symbolic dims; give a static shape for each (inputShapes, or --input-shape name=1,3,224,224 on the CLI)`);
  }
  const graphOutputs = outputs.map(outputInfo);
  const nodes = orderNodes(named, graphInputs, initializers, graphOutputs);
  return { name, inputs: graphInputs, outputs: graphOutputs, initializers, nodes, opset };
}

function readNode(r: WireReader, budget: ByteBudget): RawNode {
  const node: RawNode = { name: '', opType: '', domain: '', inputs: [], outputs: [], attrs: {} };
  while (!r.done()) {
    const [f, w] = r.key();
    switch (f) {
      case 1: node.inputs.push(r.string(w, f)); break;
      case 2: node.outputs.push(r.string(w, f)); break;
      case 3: node.name = r.string(w, f); break;
      case 4: node.opType = r.string(w, f); break;
      case 5: {
        const [attrName, attr] = readAttribute(r.message(w, f, `attribute of NodeProto '${node.name}'`), budget);
        if (typeof attr === 'string') node.unrepresentable = `attribute '${attrName}' has type ${attr}`;
        else node.attrs[attrName] = attr;
        break;
      }
      case 7: node.domain = r.string(w, f); break;
      case 9: {
        const [k, v] = readStringEntry(r.message(w, f, `metadata_props of NodeProto '${node.name}'`));
        if (k === SCOPE_KEY) node.scope = v;
        break;
      }
      default: r.skip(w);
    }
  }
  if (node.opType === '') r.fail('node has no op_type');
  if (node.outputs.length === 0) r.fail(`node '${node.name}' (${node.opType}) has no outputs`);
  if (node.domain === 'ai.onnx') node.domain = '';
  return node;
}

/** StringStringEntryProto { key = 1; value = 2 }. */
function readStringEntry(r: WireReader): [string, string] {
  let k = '';
  let v = '';
  while (!r.done()) {
    const [f, w] = r.key();
    if (f === 1) k = r.string(w, f);
    else if (f === 2) v = r.string(w, f);
    else r.skip(w);
  }
  return [k, v];
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
  1: 'FLOAT', 2: 'INT', 3: 'STRING', 4: 'TENSOR', 5: 'GRAPH', 6: 'FLOATS', 7: 'INTS', 8: 'STRINGS',
  9: 'TENSORS', 10: 'GRAPHS', 11: 'SPARSE_TENSOR', 12: 'SPARSE_TENSORS', 13: 'TYPE_PROTO', 14: 'TYPE_PROTOS',
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
      case 1: name = r.string(w, f); break;
      case 2: f32 = r.float(w, f); break;
      case 3: i64 = r.int(w, f); break;
      case 4: s = r.bytes(w, f).bytes; break;
      case 5: t = readTensorProto(r.message(w, f, `tensor of attribute '${name}'`), budget).tensor; break;
      case 7: r.floats(w, f, floats); break;
      case 8: r.ints(w, f, intList); break;
      case 9: strings.push(r.string(w, f)); break;
      case 20: type = r.int(w, f); break;
      case 6: case 10: case 11: case 14: case 15: case 22: case 23:
        unsupported ??= { 6: 5, 10: 9, 11: 10, 14: 13, 15: 14, 22: 11, 23: 12 }[f];
        r.skip(w);
        break;
      default: r.skip(w);
    }
  }
  if (name === '') r.fail('attribute has no name');
  // IR versions before 0.0.2 (and some hand-written files) leave `type` unset: infer it from the field present.
  if (type === 0) {
    type = t !== undefined ? 4 : unsupported !== undefined ? unsupported : floats.length ? 6 : intList.length ? 7
      : strings.length ? 8 : s !== undefined ? 3 : f32 !== undefined ? 1 : i64 !== undefined ? 2 : 0;
  }
  switch (type) {
    case 1: return [name, { type: 'float', value: shortestFloat32(f32 ?? 0) }];
    case 2: return [name, { type: 'int', value: i64 ?? 0 }];
    case 3: return [name, { type: 'string', value: utf8.decode(s ?? new Uint8Array(0)) }];
    case 4:
      if (t === undefined) r.fail(`attribute '${name}' is typed TENSOR but has no tensor`);
      return [name, { type: 'tensor', value: t }];
    case 6: return [name, { type: 'floats', value: floats.map(shortestFloat32) }];
    case 7: return [name, { type: 'ints', value: intList }];
    case 8: return [name, { type: 'strings', value: strings }];
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
  const kinds: Record<number, string> = { 4: 'a sequence', 5: 'a map', 7: 'an opaque value', 8: 'a sparse tensor', 9: 'an optional' };
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

function tensorDtype(v: RawValueInfo, role: string): DType {
  if (v.nonTensor !== undefined) throw new OnnxError('unsupported-type', `${role} '${v.name}' is ${v.nonTensor}; only tensors are supported`);
  const code = v.elemType ?? 0;
  const dtype = dtypeFromOnnx(code);
  if (dtype === undefined) {
    if (v.elemType === undefined) throw new OnnxError('malformed', `${role} '${v.name}' has no type`);
    throw new OnnxError('unsupported-dtype', `${role} '${v.name}' has element type ${onnxDtypeName(code)}; supported: float32, float64, int64, int32, int8, uint8, bool`);
  }
  return dtype;
}

function inputInfo(v: RawValueInfo, given: readonly number[] | undefined): ValueInfo {
  const dtype = tensorDtype(v, 'graph input');
  if (given === undefined) return { name: v.name, dtype, dims: v.dims ?? ['?'] };
  if (given.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new OnnxError('invalid-input-shape', `given shape [${given.join(', ')}] for input '${v.name}' has a dim that is not a non-negative integer`);
  }
  if (v.dims !== undefined) {
    const clash = v.dims.length !== given.length || v.dims.some((d, i) => typeof d === 'number' && d !== given[i]);
    if (clash) throw new OnnxError('invalid-input-shape', `given shape [${given.join(', ')}] for input '${v.name}' contradicts the model's [${v.dims.join(', ')}]`);
  }
  return { name: v.name, dtype, dims: [...given] };
}

function checkGivenShapes(names: readonly string[], opts: DecodeOptions): void {
  for (const k of Object.keys(opts.inputShapes ?? {})) {
    if (!names.includes(k)) {
      throw new OnnxError('invalid-input-shape', `a shape was given for '${k}', but the graph's inputs are ${names.map((n) => `'${n}'`).join(', ') || 'none'}`);
    }
  }
}

/** Outputs may keep symbolic dims (the engine infers them); an unknown rank is recorded as []. */
function outputInfo(v: RawValueInfo): ValueInfo {
  const dtype = v.elemType === undefined && v.nonTensor === undefined ? 'float32' : tensorDtype(v, 'graph output');
  return { name: v.name, dtype, dims: v.dims ?? [] };
}

/** Throws one error listing every node whose op cannot run, grouped by op type, in graph order. */
function checkSupported(nodes: readonly Node[], isSupported: (opType: string, domain: string) => boolean): void {
  const unsupported: UnsupportedOp[] = nodes
    .filter((n) => !isSupported(n.opType, n.domain ?? ''))
    .map((n) => ({ opType: n.opType, domain: n.domain ?? '', node: n.name }));
  if (unsupported.length === 0) return;
  const byOp = new Map<string, string[]>();
  for (const u of unsupported) {
    const op = u.domain ? `${u.domain}.${u.opType}` : u.opType;
    const list = byOp.get(op);
    if (list) list.push(u.node);
    else byOp.set(op, [u.node]);
  }
  const parts = [...byOp].map(([op, names]) => `${op} (node${names.length > 1 ? 's' : ''} ${names.map((n) => `'${n}'`).join(', ')})`);
  throw new OnnxError('unsupported-op', `the engine does not implement ${byOp.size} op type${byOp.size > 1 ? 's' : ''} this model uses: ${parts.join('; ')}`, { unsupported });
}

/** Gives every node a unique name: its own, or `<OpType>_<index>` when empty, suffixed on clashes. */
function nameNodes(raw: readonly RawNode[]): Node[] {
  const taken = new Set<string>();
  return raw.map((n, i) => {
    let name = n.name || `${n.opType}_${i}`;
    if (taken.has(name)) {
      let k = 1;
      while (taken.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    taken.add(name);
    const node: Node = {
      name,
      opType: n.opType,
      ...(n.domain !== '' ? { domain: n.domain } : {}),
      inputs: n.inputs,
      outputs: n.outputs,
      attrs: n.attrs,
      scope: n.scope ?? scopeFromName(n.name),
    };
    return node;
  });
}

/**
 * Checks single definition and defined inputs, and returns the nodes in topological order
 * (the file's order when it already is one, which ONNX requires; Kahn's algorithm otherwise).
 */
function orderNodes(nodes: Node[], inputs: readonly ValueInfo[], initializers: ReadonlyMap<string, Tensor>, outputs: readonly ValueInfo[]): Node[] {
  const producer = new Map<string, number>();
  const external = new Set<string>([...inputs.map((v) => v.name), ...initializers.keys()]);
  nodes.forEach((n, i) => {
    for (const o of n.outputs) {
      if (o === '') continue;
      if (external.has(o) || producer.has(o)) {
        throw new OnnxError('invalid-graph', `value '${o}' is defined more than once (again by node '${n.name}')`, { node: n.name });
      }
      producer.set(o, i);
    }
  });
  for (const n of nodes) {
    for (const x of n.inputs) {
      if (x !== '' && !external.has(x) && !producer.has(x)) {
        throw new OnnxError('invalid-graph', `node '${n.name}' (${n.opType}) reads '${x}', which no input, initializer or node defines`, { node: n.name });
      }
    }
  }
  for (const o of outputs) {
    if (!external.has(o.name) && !producer.has(o.name)) throw new OnnxError('invalid-graph', `graph output '${o.name}' is never computed`);
  }
  const inOrder = nodes.every((n, i) => n.inputs.every((x) => (producer.get(x) ?? -1) < i));
  if (inOrder) return nodes;
  const pending = nodes.map((n) => new Set(n.inputs.filter((x) => producer.has(x))).size);
  const consumers = new Map<number, number[]>();
  nodes.forEach((n, i) => {
    for (const x of new Set(n.inputs)) {
      const p = producer.get(x);
      if (p === undefined) continue;
      const list = consumers.get(p);
      if (list) list.push(i);
      else consumers.set(p, [i]);
    }
  });
  const ready = nodes.map((_, i) => i).filter((i) => pending[i] === 0);
  const order: Node[] = [];
  // Each node enters `ready` once, so this loop runs at most nodes.length times.
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(nodes[i]);
    for (const c of consumers.get(i) ?? []) if (--pending[c] === 0) ready.push(c);
  }
  if (order.length !== nodes.length) {
    const stuck = nodes.filter((_, i) => pending[i] > 0).map((n) => `'${n.name}'`).slice(0, 5).join(', ');
    throw new OnnxError('invalid-graph', `the graph has a cycle (through ${stuck})`);
  }
  return order;
}
