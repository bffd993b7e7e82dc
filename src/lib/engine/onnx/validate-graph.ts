/**
 * ONNX rules on a decoded RawGraph, each violation an OnnxError: tensor-typed values of a dtype
 * the engine holds, static input shapes (or shapes given for the symbolic ones), ops the engine
 * runs (every unsupported node listed at once), representable attributes, and unique node names.
 * Ordering and single definition of values are order-nodes.ts.
 */
import type { Node, ValueInfo } from '../graph.ts';
import type { DType } from '../tensor.ts';
import { OnnxError, type DynamicInput, type UnsupportedOp } from './onnx-error.ts';
import { dtypeFromOnnx, onnxDtypeName } from './onnx-dtype.ts';
import { scopeFromName } from './scope-from-name.ts';
import type { RawNode, RawValueInfo } from './read-model.ts';

/** What the importer supports, said in every refusal of a dtype. */
export const SUPPORTED_DTYPES_TEXT =
  'float32 models (float32, float64, int64, int32, int8, uint8 and bool tensors; float16, bfloat16 and quantized models are not supported)';

export function tensorDtype(v: RawValueInfo, role: string): DType {
  if (v.nonTensor !== undefined)
    throw new OnnxError('unsupported-type', `${role} '${v.name}' is ${v.nonTensor}; only tensors are supported`);
  const code = v.elemType ?? 0;
  const dtype = dtypeFromOnnx(code);
  if (dtype === undefined) {
    if (v.elemType === undefined) throw new OnnxError('malformed', `${role} '${v.name}' has no type`);
    throw new OnnxError(
      'unsupported-dtype',
      `${role} '${v.name}' has element type ${onnxDtypeName(code)}; supported: ${SUPPORTED_DTYPES_TEXT}`,
    );
  }
  return dtype;
}

export function inputInfo(v: RawValueInfo, given: readonly number[] | undefined): ValueInfo {
  const dtype = tensorDtype(v, 'graph input');
  if (given === undefined) return { name: v.name, dtype, dims: v.dims ?? ['?'] };
  if (given.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new OnnxError(
      'invalid-input-shape',
      `given shape [${given.join(', ')}] for input '${v.name}' has a dim that is not a non-negative integer`,
    );
  }
  if (v.dims !== undefined) {
    const clash = v.dims.length !== given.length || v.dims.some((d, i) => typeof d === 'number' && d !== given[i]);
    if (clash)
      throw new OnnxError(
        'invalid-input-shape',
        `given shape [${given.join(', ')}] for input '${v.name}' contradicts the model's [${v.dims.join(', ')}]`,
      );
  }
  return { name: v.name, dtype, dims: [...given] };
}

export function checkGivenShapes(
  names: readonly string[],
  inputShapes: Readonly<Record<string, readonly number[]>> | undefined,
): void {
  for (const k of Object.keys(inputShapes ?? {})) {
    if (!names.includes(k)) {
      throw new OnnxError(
        'invalid-input-shape',
        `a shape was given for '${k}', but the graph's inputs are ${names.map((n) => `'${n}'`).join(', ') || 'none'}`,
      );
    }
  }
}

/** Outputs may keep symbolic dims (the engine infers them); an unknown rank is recorded as []. */
export function outputInfo(v: RawValueInfo): ValueInfo {
  const dtype = v.elemType === undefined && v.nonTensor === undefined ? 'float32' : tensorDtype(v, 'graph output');
  return { name: v.name, dtype, dims: v.dims ?? [] };
}

/** Every node whose op cannot run, in graph order. */
export function unsupportedNodes(
  nodes: readonly Node[],
  isSupported: (opType: string, domain: string) => boolean,
): UnsupportedOp[] {
  return nodes
    .filter((n) => !isSupported(n.opType, n.domain ?? ''))
    .map((n) => ({ opType: n.opType, domain: n.domain ?? '', node: n.name }));
}

/** One error listing every unsupported node, grouped by op type, in graph order. */
export function unsupportedError(unsupported: readonly UnsupportedOp[]): OnnxError {
  const byOp = new Map<string, string[]>();
  for (const u of unsupported) {
    const op = u.domain ? `${u.domain}.${u.opType}` : u.opType;
    const list = byOp.get(op);
    if (list) list.push(u.node);
    else byOp.set(op, [u.node]);
  }
  const parts = [...byOp].map(
    ([op, names]) => `${op} (node${names.length > 1 ? 's' : ''} ${names.map((n) => `'${n}'`).join(', ')})`,
  );
  const quantized = unsupported.some((u) =>
    /^(QLinear|Quantize|Dequantize|DynamicQuantize|ConvInteger|MatMulInteger)/.test(u.opType),
  );
  return new OnnxError(
    'unsupported-op',
    `the engine does not implement ${byOp.size} op type${byOp.size > 1 ? 's' : ''} this model uses: ${parts.join('; ')}${quantized ? `. Quantized models are not supported; the engine runs ${SUPPORTED_DTYPES_TEXT}` : ''}`,
    { unsupported },
  );
}

/** Graph inputs with symbolic dims, or a 'dynamic-shape' error naming them. */
export function checkStatic(inputs: readonly ValueInfo[]): void {
  const dynamic: DynamicInput[] = inputs
    .filter((v) => v.dims.some((d) => typeof d === 'string'))
    .map((v) => ({ name: v.name, dims: [...v.dims] }));
  if (dynamic.length === 0) return;
  const list = dynamic.map((v) => `'${v.name}' [${v.dims.join(', ')}]`).join(', ');
  throw new OnnxError(
    'dynamic-shape',
    `graph input${dynamic.length > 1 ? 's' : ''} ${list} ha${dynamic.length > 1 ? 've' : 's'} symbolic dims; give a static shape for each (inputShapes, or --input-shape name=1,3,224,224 on the CLI)`,
    { dynamic },
  );
}

/** Gives every node a unique name: its own, or `<OpType>_<index>` when empty, suffixed on clashes. */
export function nameNodes(raw: readonly RawNode[]): Node[] {
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
