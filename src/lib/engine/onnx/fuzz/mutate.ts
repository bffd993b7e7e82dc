/**
 * The fuzzer's mutations of a real ONNX file: byte-level (flip, overwrite, insert, delete,
 * truncate, duplicate a span) and structure-aware on the protobuf tree (attributes, dims, op
 * types, node inputs and outputs, initializers, dtypes, opsets, domains), so most cases get past
 * the wire reader and exercise validation, planning and the kernels. Deterministic per (seed, case).
 */
import { mulberry32 } from '../../random.ts';
import { allMessages, encodeMessage, parseMessage, setStr, str, type Field, type Message } from '../proto-tree.ts';

export type Rand = () => number;

/** The engine's mulberry32 (the tests' PRNG), so every case replays from its seed. */
export const prng = (seed: number): Rand => mulberry32(seed);

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

/** Values that break assumptions: zero, negatives, off-by-one, huge, beyond 2^31 and 2^53. */
const EDGE_INTS = [0, 1, -1, 2, -2, 3, 7, 1000, 65535, 2 ** 31 - 1, -(2 ** 31), 2 ** 40, -(2 ** 40), 2 ** 53 + 2, 1e6];
const OP_TYPES = [
  'Conv',
  'MaxPool',
  'AveragePool',
  'Gemm',
  'MatMul',
  'Relu',
  'Clip',
  'Add',
  'Mul',
  'Concat',
  'Reshape',
  'Transpose',
  'Softmax',
  'Gather',
  'Slice',
  'Pad',
  'Squeeze',
  'Unsqueeze',
  'ReduceMean',
  'BatchNormalization',
  'LayerNormalization',
  'Flatten',
  'GlobalAveragePool',
  'Constant',
  'ConstantOfShape',
  'Shape',
  'Cast',
  'Where',
  'Dropout',
  'Identity',
  'Gelu',
  'HardSigmoid',
  'Erf',
  'Loop',
  'If',
  'QLinearConv',
  'Foo',
  '',
];
const ATTR_NAMES = [
  'kernel_shape',
  'strides',
  'pads',
  'dilations',
  'group',
  'axis',
  'axes',
  'perm',
  'ceil_mode',
  'storage_order',
  'transA',
  'transB',
  'alpha',
  'beta',
  'epsilon',
  'auto_pad',
  'count_include_pad',
  'keepdims',
  'to',
  'mode',
  'allowzero',
  'training_mode',
  'approximate',
  'bogus',
];
const DOMAINS = ['', 'ai.onnx', 'com.microsoft', 'ai.onnx.ml', 'custom'];

function varintFields(m: Message): Field[] {
  return m.fields.filter((f) => f.wire === 0);
}

function byType(msgs: readonly Message[], type: string): Message[] {
  return msgs.filter((m) => m.type === type);
}

/** Value names used anywhere (node inputs/outputs, graph inputs/outputs, initializers). */
function valueNames(msgs: readonly Message[]): string[] {
  const names = new Set<string>();
  for (const n of byType(msgs, 'Node'))
    for (const f of n.fields) if ((f.f === 1 || f.f === 2) && f.wire === 2) names.add(str(f));
  return [...names];
}

/** One structural edit; returns a label for the case log. */
function mutateTree(root: Message, rand: Rand): string {
  const msgs = allMessages(root);
  const nodes = byType(msgs, 'Node');
  const attrs = byType(msgs, 'Attribute');
  const dims = byType(msgs, 'Dim');
  const tensors = byType(msgs, 'Tensor');
  const graph = byType(msgs, 'Graph')[0];
  const choice = int(rand, 12);
  switch (choice) {
    case 0: {
      // an attribute's int / ints value
      const a = attrs.length ? pick(rand, attrs) : undefined;
      if (!a) return 'none';
      const ints = a.fields.filter((f) => f.f === 3 || f.f === 8);
      if (ints.length === 0) return 'none';
      const fd = pick(rand, ints);
      const v = pick(rand, EDGE_INTS) * (rand() < 0.2 ? -1 : 1);
      if (fd.wire === 0) fd.v = v;
      else a.fields.push({ f: 8, wire: 0, v });
      return `attr int ${v}`;
    }
    case 1: {
      // add, drop or rename an attribute
      const n = nodes.length ? pick(rand, nodes) : undefined;
      if (!n) return 'none';
      const r = rand();
      if (r < 0.4) {
        const i = n.fields.findIndex((f) => f.f === 5);
        if (i >= 0) n.fields.splice(i, 1);
        return 'drop attr';
      }
      const name = pick(rand, ATTR_NAMES);
      const nameField: Field = { f: 1, wire: 2, raw: new TextEncoder().encode(name) };
      const value: Field[] =
        rand() < 0.5
          ? [
              { f: 3, wire: 0, v: pick(rand, EDGE_INTS) },
              { f: 20, wire: 0, v: 2 },
            ]
          : [...Array(1 + int(rand, 6))]
              .map((): Field => ({ f: 8, wire: 0, v: pick(rand, EDGE_INTS) }))
              .concat([{ f: 20, wire: 0, v: 7 }]);
      const attr: Message = { type: 'Attribute', fields: [nameField, ...value] };
      n.fields.push({ f: 5, wire: 2, raw: new Uint8Array(0), msg: attr });
      return `add attr ${name}`;
    }
    case 2: {
      // a dim of a graph input/output or value_info
      const d = dims.length ? pick(rand, dims) : undefined;
      if (!d) return 'none';
      const v = pick(rand, EDGE_INTS);
      d.fields = rand() < 0.2 ? [{ f: 2, wire: 2, raw: new TextEncoder().encode('N') }] : [{ f: 1, wire: 0, v }];
      return `dim ${v}`;
    }
    case 3: {
      // op type
      const n = nodes.length ? pick(rand, nodes) : undefined;
      const fd = n?.fields.find((f) => f.f === 4);
      if (!fd) return 'none';
      const op = pick(rand, OP_TYPES);
      setStr(fd, op);
      return `op ${op}`;
    }
    case 4: {
      // a node input or output renamed: dangling, duplicated, a cycle, or omitted ('')
      const n = nodes.length ? pick(rand, nodes) : undefined;
      const io = n?.fields.filter((f) => f.f === 1 || f.f === 2) ?? [];
      if (io.length === 0) return 'none';
      const fd = pick(rand, io);
      const names = valueNames(msgs);
      const to = rand() < 0.2 ? '' : rand() < 0.3 ? `dangling_${int(rand, 99)}` : pick(rand, names);
      setStr(fd, to);
      return `rename io '${to}'`;
    }
    case 5: {
      // add or drop a node input/output
      const n = nodes.length ? pick(rand, nodes) : undefined;
      if (!n) return 'none';
      const io = n.fields.filter((f) => f.f === 1 || f.f === 2);
      if (rand() < 0.5 && io.length) {
        n.fields.splice(n.fields.indexOf(pick(rand, io)), 1);
        return 'drop io';
      }
      const names = valueNames(msgs);
      n.fields.push({
        f: rand() < 0.6 ? 1 : 2,
        wire: 2,
        raw: new TextEncoder().encode(rand() < 0.3 ? '' : pick(rand, names.length ? names : ['x'])),
      });
      return 'add io';
    }
    case 6: {
      // an initializer: dims, dtype, or dropped
      const t = tensors.length ? pick(rand, tensors) : undefined;
      if (!t) return 'none';
      const r = rand();
      if (r < 0.3 && graph) {
        const i = graph.fields.findIndex((f) => f.msg === t);
        if (i >= 0) graph.fields.splice(i, 1);
        return 'drop initializer';
      }
      const dimFields = t.fields.filter((f) => f.f === 1);
      if (r < 0.65 && dimFields.length) {
        const fd = pick(rand, dimFields);
        if (fd.wire === 0) fd.v = pick(rand, EDGE_INTS);
        return 'initializer dim';
      }
      const dt = t.fields.find((f) => f.f === 2);
      const code = pick(rand, [0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 16, 17, 23, 99]);
      if (dt && dt.wire === 0) dt.v = code;
      return `initializer dtype ${code}`;
    }
    case 7: {
      // a value's elem_type
      const tt = byType(msgs, 'TensorType');
      const t = tt.length ? pick(rand, tt) : undefined;
      const fd = t?.fields.find((f) => f.f === 1);
      const code = pick(rand, [0, 1, 3, 6, 7, 9, 10, 11, 16, 30]);
      if (fd && fd.wire === 0) fd.v = code;
      return `elem_type ${code}`;
    }
    case 8: {
      // opset version or domain
      const o = byType(msgs, 'OpsetId');
      const ver = o.length ? o[0].fields.find((f) => f.f === 2) : undefined;
      if (rand() < 0.6 && ver && ver.wire === 0) {
        ver.v = pick(rand, [1, 5, 6, 7, 9, 10, 11, 12, 13, 17, 18, 19, 20, 21, 25, 26, 1000]);
        return `opset ${ver.v}`;
      }
      const n = nodes.length ? pick(rand, nodes) : undefined;
      n?.fields.push({ f: 7, wire: 2, raw: new TextEncoder().encode(pick(rand, DOMAINS)) });
      return 'domain';
    }
    case 9: {
      // duplicate or drop a whole node (duplicated outputs, missing producers)
      if (!graph || nodes.length === 0) return 'none';
      const fds = graph.fields.filter((f) => f.f === 1);
      const fd = pick(rand, fds);
      if (rand() < 0.5) graph.fields.splice(graph.fields.indexOf(fd), 1);
      else graph.fields.splice(int(rand, graph.fields.length), 0, fd);
      return 'node dup/drop';
    }
    case 10: {
      // reorder nodes (out of topological order)
      if (!graph) return 'none';
      const idx = graph.fields.map((f, i) => (f.f === 1 ? i : -1)).filter((i) => i >= 0);
      if (idx.length < 2) return 'none';
      const a = pick(rand, idx);
      const b = pick(rand, idx);
      [graph.fields[a], graph.fields[b]] = [graph.fields[b], graph.fields[a]];
      return 'swap nodes';
    }
    default: {
      // any varint anywhere
      const withInts = msgs.filter((m) => varintFields(m).length > 0);
      if (withInts.length === 0) return 'none';
      const fd = pick(rand, varintFields(pick(rand, withInts)));
      if (fd.wire === 0) fd.v = pick(rand, EDGE_INTS);
      return 'varint';
    }
  }
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function mutateBytes(bytes: Uint8Array, rand: Rand): Uint8Array {
  const b = Uint8Array.from(bytes);
  const at = int(rand, Math.max(1, b.length));
  switch (int(rand, 6)) {
    case 0:
      b[at] ^= 1 << int(rand, 8);
      return b;
    case 1:
      b[at] = int(rand, 256);
      return b;
    case 2:
      return b.subarray(0, at);
    case 3:
      return join(
        b.subarray(0, at),
        new Uint8Array(1 + int(rand, 16)).map(() => int(rand, 256)),
        b.subarray(at),
      );
    case 4:
      return join(b.subarray(0, at), b.subarray(at + 1 + int(rand, 16)));
    default:
      return join(b.subarray(0, at), b.subarray(at, at + 1 + int(rand, 64)), b.subarray(at));
  }
}

export interface FuzzCase {
  readonly seedName: string;
  readonly edits: readonly string[];
  readonly bytes: Uint8Array;
}

/** Case `i` of run `seed`: a corpus file with 1–3 edits (about a quarter byte-level). */
export function makeCase(corpus: readonly (readonly [string, Uint8Array])[], seed: number, i: number): FuzzCase {
  const rand = prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0);
  const [seedName, original] = pick(rand, corpus);
  const edits: string[] = [];
  let bytes = original;
  const n = 1 + int(rand, 3);
  for (let k = 0; k < n; k++) {
    if (rand() < 0.25) {
      bytes = mutateBytes(bytes, rand);
      edits.push('bytes');
      continue;
    }
    const tree = parseMessage(bytes);
    if (!tree) {
      bytes = mutateBytes(bytes, rand);
      edits.push('bytes');
      continue;
    }
    edits.push(mutateTree(tree, rand));
    bytes = encodeMessage(tree);
  }
  return { seedName, edits, bytes };
}
