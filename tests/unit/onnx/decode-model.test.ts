import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModel } from '~/lib/engine/onnx/decode-model.ts';
import { importOnnx } from '~/lib/engine/onnx/import-onnx.ts';
import { exportOnnx, irVersionFor } from '~/lib/engine/onnx/export-onnx.ts';
import { OnnxError } from '~/lib/engine/onnx/onnx-error.ts';
import { f32 } from '~/lib/engine/tensor.ts';
import { float, floats, int, ints, str, tensorAttr, type Graph } from '~/lib/engine/graph.ts';
import { key, node, protobuf, smallCnn } from './helpers.ts';

const shared = new URL('../../../../shared/onnx-node-tests/', import.meta.url);

function errorOf(fn: () => unknown): OnnxError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OnnxError) return e;
    throw e;
  }
  throw new Error('expected an OnnxError, got none');
}

/** Strips what export/import legitimately changes (nothing) so structures compare directly. */
function structure(g: Graph) {
  return {
    name: g.name,
    opset: g.opset,
    inputs: g.inputs,
    outputs: g.outputs,
    nodes: g.nodes,
    initializers: [...g.initializers].map(([n, t]) => [n, t.dtype, t.dims, [...t.data]]),
  };
}

describe('decodeModel', () => {
  it('gives back the same graph after exportOnnx: nodes, typed attributes, scopes, weights', () => {
    const g = smallCnn();
    const back = decodeModel(exportOnnx(g));
    expect(structure(back)).toEqual(structure(g));
    expect(back.nodes[1].scope).toBe('features.act');
  });

  it('keeps every attribute type, Constant tensors included', () => {
    const g: Graph = {
      name: 'attrs',
      opset: 17,
      inputs: [{ name: 'x', dtype: 'float32', dims: [2] }],
      outputs: [{ name: 'y', dtype: 'float32', dims: [2] }],
      initializers: new Map(),
      nodes: [
        node('k', 'Constant', [], ['c'], { value: tensorAttr(f32([2], [1, 2])) }),
        node('a', 'Add', ['x', 'c'], ['y'], {
          i: int(-3),
          f: float(0.5),
          s: str('SAME_UPPER'),
          is: ints([1, -1]),
          fs: floats([0.25]),
        }),
      ],
    };
    const back = decodeModel(exportOnnx(g));
    expect(back.nodes[0].opType).toBe('Constant');
    expect(back.nodes[0].attrs.value).toEqual({
      type: 'tensor',
      value: { dtype: 'float32', dims: [2], data: new Float32Array([1, 2]) },
    });
    expect(back.nodes[1].attrs).toEqual(g.nodes[1].attrs);
  });

  it('writes the IR version that matches the opset, never below 4', () => {
    expect(irVersionFor(6)).toBe(4);
    expect(irVersionFor(13)).toBe(7);
    expect(irVersionFor(17)).toBe(8);
    expect(irVersionFor(21)).toBe(10);
  });

  it('reads an opset-6 model whose initializers are also listed as inputs', () => {
    const g = decodeModel(readFileSync(new URL('pytorch-converted/test_BatchNorm2d_eval/model.onnx', shared)));
    expect(g.opset).toBe(6);
    expect(g.inputs.map((v) => v.name)).toEqual(['0']);
    expect([...g.initializers.keys()]).toEqual(['1', '2', '3', '4']);
  });

  it('generates unique names for unnamed nodes', () => {
    const g = smallCnn();
    const unnamed: Graph = { ...g, nodes: g.nodes.map((n) => ({ ...n, name: '', scope: '' })) };
    const back = decodeModel(exportOnnx(unnamed));
    expect(back.nodes.map((n) => n.name)).toEqual(['Conv_0', 'Clip_1', 'GlobalAveragePool_2', 'Flatten_3', 'Gemm_4']);
    const clash: Graph = { ...g, nodes: g.nodes.map((n) => ({ ...n, name: 'same' })) };
    expect(new Set(decodeModel(exportOnnx(clash)).nodes.map((n) => n.name)).size).toBe(5);
  });

  it('puts nodes listed out of order back into topological order', () => {
    const g = smallCnn();
    const shuffled: Graph = { ...g, nodes: [g.nodes[3], g.nodes[0], g.nodes[4], g.nodes[2], g.nodes[1]] };
    expect(decodeModel(exportOnnx(shuffled)).nodes.map((n) => n.opType)).toEqual([
      'Conv',
      'Clip',
      'GlobalAveragePool',
      'Flatten',
      'Gemm',
    ]);
  });

  it('rejects a cycle, an undefined input and a value defined twice', () => {
    const g = smallCnn();
    const cyc: Graph = { ...g, nodes: g.nodes.map((n, i) => (i === 0 ? { ...n, inputs: ['f', 'conv.w'] } : n)) };
    expect(errorOf(() => decodeModel(exportOnnx(cyc))).message).toMatch(/cycle/);
    const undef: Graph = { ...g, nodes: g.nodes.map((n, i) => (i === 1 ? { ...n, inputs: ['nope'] } : n)) };
    const e = errorOf(() => decodeModel(exportOnnx(undef)));
    expect([e.code, e.node]).toEqual(['invalid-graph', '/features/act/Clip']);
    const twice: Graph = { ...g, nodes: g.nodes.map((n, i) => (i === 1 ? { ...n, outputs: ['c'] } : n)) };
    expect(errorOf(() => decodeModel(exportOnnx(twice))).code).toBe('invalid-graph');
  });

  it('lists every unsupported op with its node names in one error', () => {
    const g = smallCnn();
    const e = errorOf(() => decodeModel(exportOnnx(g), { isSupported: (op) => op !== 'Clip' && op !== 'Gemm' }));
    expect(e.code).toBe('unsupported-op');
    expect(e.unsupported?.map((u) => u.node)).toEqual(['/features/act/Clip', '/fc/Gemm']);
    expect(e.message).toMatch(/Clip \(node '\/features\/act\/Clip'\); Gemm \(node '\/fc\/Gemm'\)/);
  });

  it('asks for a shape when an input has symbolic dims, and uses the shape given', () => {
    const g = smallCnn();
    const dyn: Graph = { ...g, inputs: [{ name: 'x', dtype: 'float32', dims: ['N', 3, 8, 8] }] };
    const bytes = exportOnnx(dyn);
    const e = errorOf(() => decodeModel(bytes));
    expect(e.code).toBe('dynamic-shape');
    expect(e.message).toMatch(/'x' \[N, 3, 8, 8\]/);
    expect(decodeModel(bytes, { inputShapes: { x: [2, 3, 8, 8] } }).inputs[0].dims).toEqual([2, 3, 8, 8]);
    expect(errorOf(() => decodeModel(bytes, { inputShapes: { x: [2, 3, 9, 8] } })).code).toBe('invalid-input-shape');
    expect(errorOf(() => decodeModel(bytes, { inputShapes: { y: [1] } })).code).toBe('invalid-input-shape');
  });

  it('rejects opsets outside 6–25 and models over the weight limit', () => {
    const g = smallCnn();
    expect(errorOf(() => decodeModel(exportOnnx({ ...g, opset: 5 }))).code).toBe('unsupported-opset');
    expect(errorOf(() => decodeModel(exportOnnx({ ...g, opset: 99 }))).code).toBe('unsupported-opset');
    const e = errorOf(() => decodeModel(exportOnnx(g), { maxWeightBytes: 200 }));
    expect(e.code).toBe('too-large');
  });

  it('refuses to export weights that are only declared', () => {
    const g = smallCnn();
    const declared: Graph = { ...g, declared: new Map([['extra', { name: 'extra', dtype: 'float32', dims: [3] }]]) };
    expect(errorOf(() => exportOnnx(declared)).code).toBe('not-materialised');
  });

  it('says a file that is not protobuf, or protobuf without a graph, is not an ONNX model', () => {
    expect(errorOf(() => decodeModel(new TextEncoder().encode('hello, this is not onnx'))).code).toBe('malformed');
    const w = new protobuf.Writer();
    w.uint32(key(3, 2)).string('just a producer version');
    expect(errorOf(() => decodeModel(w.finish())).message).toMatch(/not an ONNX model/);
    expect(errorOf(() => decodeModel(new Uint8Array(0))).code).toBe('malformed');
  });

  it('rejects graph-valued attributes (control flow): as an unsupported op when the registry is asked, else by attribute', () => {
    const w = new protobuf.Writer();
    w.uint32(key(1, 0)).int64(8);
    w.uint32(key(8, 2)).fork().uint32(key(2, 0)).int64(17).ldelim();
    w.uint32(key(7, 2)).fork();
    w.uint32(key(1, 2)).fork().uint32(key(2, 2)).string('y').uint32(key(4, 2)).string('If');
    w.uint32(key(5, 2))
      .fork()
      .uint32(key(1, 2))
      .string('then_branch')
      .uint32(key(20, 0))
      .int32(5)
      .uint32(key(6, 2))
      .fork()
      .ldelim()
      .ldelim();
    w.ldelim();
    w.ldelim();
    const bytes = w.finish();
    expect(errorOf(() => decodeModel(bytes)).code).toBe('unsupported-attribute');
    const e = errorOf(() => importOnnx(bytes));
    expect([e.code, e.unsupported?.map((u) => u.opType)]).toEqual(['unsupported-op', ['If']]);
  });
});
