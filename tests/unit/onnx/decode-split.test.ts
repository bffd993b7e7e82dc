/** The decoder in its three parts (read-model, validate-graph, order-nodes) and the Netron copy. */
import { describe, expect, it } from 'vitest';
import { decodeModel, decodeModelInfo } from '~/lib/engine/onnx/decode-model.ts';
import { readModel } from '~/lib/engine/onnx/read-model.ts';
import { byteBudget } from '~/lib/engine/onnx/decode-tensor.ts';
import { checkStatic, unsupportedError, unsupportedNodes } from '~/lib/engine/onnx/validate-graph.ts';
import { orderNodes } from '~/lib/engine/onnx/order-nodes.ts';
import { annotateMetrics } from '~/lib/engine/onnx/annotate-metrics.ts';
import { exportOnnx } from '~/lib/engine/onnx/export-onnx.ts';
import { OnnxError } from '~/lib/engine/onnx/onnx-error.ts';
import { encodeMessage, parseMessage } from '~/lib/engine/onnx/proto-tree.ts';
import { isSupported } from '~/lib/engine/registry.ts';
import { node, smallCnn } from './helpers.ts';

describe('read-model (wire level)', () => {
  it('reads producer, opsets and nodes without checking ONNX rules', () => {
    const raw = readModel(exportOnnx(smallCnn(), { producer: 'unit test' }), byteBudget());
    expect(raw.producer).toBe('unit test');
    expect(raw.opsets.get('')).toBe(13);
    expect(raw.graph.nodes.map((n) => n.opType)).toEqual(['Conv', 'Clip', 'GlobalAveragePool', 'Flatten', 'Gemm']);
  });
});

describe('validate-graph', () => {
  it('lists unsupported nodes by op and says what is supported for quantized ops', () => {
    const nodes = [
      node('q', 'QuantizeLinear', ['x'], ['y']),
      node('c', 'Conv', ['y', 'w'], ['z']),
      node('m', 'Foo', ['z'], ['o']),
    ];
    const u = unsupportedNodes(nodes, isSupported);
    expect(u.map((x) => x.node)).toEqual(['q', 'm']);
    expect(unsupportedError(u).message).toMatch(
      /QuantizeLinear \(node 'q'\); Foo \(node 'm'\)\. Quantized models are not supported; the engine runs float32 models/,
    );
  });

  it('a dynamic-shape error carries the inputs that need a size', () => {
    try {
      checkStatic([{ name: 'x', dtype: 'float32', dims: ['N', 3, 'H', 'W'] }]);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(OnnxError);
      expect((e as OnnxError).dynamic).toEqual([{ name: 'x', dims: ['N', 3, 'H', 'W'] }]);
    }
  });
});

describe('order-nodes', () => {
  it('re-sorts nodes listed out of order and reports a cycle, a duplicate and a dangling input by name', () => {
    const x = [{ name: 'x', dtype: 'float32' as const, dims: [1] }];
    const out = [{ name: 'b', dtype: 'float32' as const, dims: [1] }];
    const sorted = orderNodes([node('nb', 'Relu', ['a'], ['b']), node('na', 'Relu', ['x'], ['a'])], x, new Map(), out);
    expect(sorted.map((n) => n.name)).toEqual(['na', 'nb']);
    expect(() =>
      orderNodes([node('p', 'Relu', ['b'], ['a']), node('q', 'Relu', ['a'], ['b'])], x, new Map(), out),
    ).toThrow(/cycle/);
    expect(() =>
      orderNodes([node('p', 'Relu', ['x'], ['b']), node('q', 'Relu', ['x'], ['b'])], x, new Map(), out),
    ).toThrow(/'b' is defined more than once/);
    expect(() => orderNodes([node('p', 'Relu', ['nowhere'], ['b'])], x, new Map(), out)).toThrow(/reads 'nowhere'/);
  });
});

describe('decodeModelInfo', () => {
  it('returns a graph with unsupported nodes listed instead of thrown; decodeModel with isSupported throws', () => {
    const g = smallCnn();
    const bytes = exportOnnx({
      ...g,
      nodes: g.nodes.map((n) => (n.opType === 'Clip' ? { ...n, opType: 'Celu', inputs: [n.inputs[0]] } : n)),
    });
    const d = decodeModelInfo(bytes, { isSupported });
    expect(d.unsupported).toEqual([{ opType: 'Celu', domain: '', node: '/features/act/Clip' }]);
    expect(d.graph.nodes).toHaveLength(5);
    expect(d.info.producer).toBe('depthwise');
    expect(() => decodeModel(bytes, { isSupported })).toThrow(/Celu/);
  });
});

describe('proto-tree and the Netron copy', () => {
  it('re-encodes a model byte for byte', () => {
    const bytes = exportOnnx(smallCnn());
    expect(encodeMessage(parseMessage(bytes)!)).toEqual(bytes);
  });

  it('writes per-node metrics into metadata_props and the copy still decodes to the same graph', () => {
    const bytes = exportOnnx(smallCnn());
    const out = annotateMetrics(bytes, new Map([['/features/conv/Conv', { macs: '432', params: '112' }]]));
    const tree = parseMessage(out)!;
    const graph = tree.fields.find((f) => f.f === 7)!.msg!;
    const conv = graph.fields.find((f) => f.f === 1)!.msg!;
    const entries = conv.fields
      .filter((f) => f.f === 9)
      .map((f) => f.msg!.fields.map((e) => new TextDecoder().decode(e.raw)));
    expect(entries).toContainEqual(['depthwise.macs', '432']);
    expect(decodeModel(out).nodes.map((n) => n.name)).toEqual(decodeModel(bytes).nodes.map((n) => n.name));
  });
});
