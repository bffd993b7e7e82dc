import { describe, expect, it } from 'vitest';
import { analyze, type Graph } from '~/lib/engine/index.ts';
import { buildModel, getModel } from '~/lib/models/index.ts';
import { graphStructure, withStructureScopes } from '~/lib/viz/debugger/graph-structure.ts';
import { layerTable } from '~/lib/viz/models/layer-table.ts';
import { archDiagram } from '~/lib/viz/models/arch-diagram.ts';
import { diagramLinks } from '~/lib/viz/debugger/debugger-diagram.ts';
import { node } from '../onnx/helpers.ts';
import { f32 } from '~/lib/engine/tensor.ts';
import { int, ints } from '~/lib/engine/graph.ts';

const strip = (g: Graph): Graph => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, scope: '' })) });

function blocksOf(g: Graph) {
  const a = analyze(g);
  const s = graphStructure(g, a);
  const sg = withStructureScopes(g, s);
  const t = layerTable(s, sg, a);
  const d = archDiagram(s, t);
  diagramLinks(sg.nodes, t, d); // throws unless every node is in exactly one diagram op
  return { s, t, d, blocks: d.columns.flatMap((c) => c.blocks.map((b) => b.id)) };
}

describe('graphStructure', () => {
  it('uses the scopes a depthwise export carries: the same blocks as the zoo page', () => {
    for (const id of ['mobilenetv2_100', 'efficientnet_b0', 'vit_tiny_patch16_224']) {
      const g = buildModel(id);
      const zoo = archDiagram(getModel(id).spec, layerTable(getModel(id).spec, g, analyze(g)));
      const mine = blocksOf(g);
      expect(mine.s.source).toBe('file');
      expect(mine.blocks).toEqual(zoo.columns.flatMap((c) => c.blocks.map((b) => b.id)));
    }
  });

  it('finds MobileNetV2 residual spans and separable blocks in a graph without scopes', () => {
    const g = strip(buildModel('mobilenetv2_100'));
    const { s, blocks } = blocksOf(g);
    expect(s.source).toBe('inferred');
    // timm mobilenetv2_100: 17 blocks, 10 of them residual; the first (stride 1, 32→16, no expansion) is dw + pw.
    expect(s.found.residual).toBe(10);
    expect(blocks.filter((b) => b.startsWith('blocks.')).length).toBe(17);
    expect(s.found.separable).toBe(7);
    expect(blocks[0]).toBe('stem');
    expect(blocks[blocks.length - 1]).toBe('head');
  });

  it('finds the squeeze-and-excitation gates of EfficientNet-B0 (16 MBConv blocks)', () => {
    const { s, t } = blocksOf(strip(buildModel('efficientnet_b0')));
    expect(s.found.se).toBe(16);
    expect(t.rows.filter((r) => r.kind === 'attention-gate').length).toBe(16);
  });

  it('finds the 12 transformer blocks of ViT-Tiny', () => {
    const { s } = blocksOf(strip(buildModel('vit_tiny_patch16_224')));
    expect(s.kind).toBe('vit');
    expect(s.found.transformer).toBe(12);
  });

  it('falls back to a plain sequence when no pattern is found', () => {
    const g: Graph = {
      name: 'seq',
      opset: 13,
      initializers: new Map([['w', f32([1, 1, 1, 1], [2])]]),
      inputs: [{ name: 'x', dtype: 'float32', dims: [1, 1, 4, 4] }],
      outputs: [{ name: 'z', dtype: 'float32', dims: [1, 1, 2, 2] }],
      nodes: [
        node('r', 'Relu', ['x'], ['y']),
        node('p', 'MaxPool', ['y'], ['z'], { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(0) }),
      ],
    };
    const { s, t } = blocksOf(g);
    expect(s.source).toBe('sequence');
    expect(t.rows.map((r) => r.name)).toEqual(['blocks.0.0', 'blocks.0.1']);
  });
});

describe('graphStructure on the lesson blocks (files whose scopes start inside a block)', () => {
  it('lays out finite columns for every public/models block', async () => {
    const { readFileSync } = await import('node:fs');
    const { importOnnx } = await import('~/lib/engine/onnx/import-onnx.ts');
    const manifest = JSON.parse(
      readFileSync(new URL('../../../public/models/manifest.json', import.meta.url), 'utf8'),
    ) as { file: string }[];
    for (const m of manifest) {
      const g = importOnnx(new Uint8Array(readFileSync(new URL(`../../../public/models/${m.file}`, import.meta.url))));
      const { d } = blocksOf(g);
      for (const c of d.columns)
        for (const v of [c.x, c.y, c.w, c.h]) expect(Number.isFinite(v), `${m.file} ${c.label}`).toBe(true);
    }
  });
});

describe('exploreModel', () => {
  it('names a PNG, a ZIP or JSON instead of a protobuf error, and matches analyze() on a zoo export', async () => {
    const { exploreModel } = await import('~/lib/viz/debugger/explore-summary.ts');
    const { exportOnnx } = await import('~/lib/engine/onnx/export-onnx.ts');
    const { materialize } = await import('~/lib/models/index.ts');
    expect(() => exploreModel(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10, 0, 0]), 'cat.onnx')).toThrow(
      /cat.onnx is a PNG image, not an ONNX model/,
    );
    expect(() => exploreModel(Uint8Array.from([0x50, 0x4b, 3, 4, 0]), 'model.onnx')).toThrow(/ZIP archive/);
    expect(() => exploreModel(new TextEncoder().encode('{"a": 1}'), 'x.onnx')).toThrow(/text \(JSON\)/);
    const g = buildModel('mobilenetv1_025_128');
    const m = materialize(g, 0);
    const r = exploreModel(exportOnnx(m), 'm.onnx');
    const a = analyze(g);
    expect(r.summary.analysis).toMatchObject({
      params: a.params,
      macs: a.macs,
      flops: 2 * a.macs,
      peakLiveBytes: a.peakLiveBytes,
    });
    // Weight bytes count every initializer (BatchNorm running statistics too, which params leave out).
    expect(r.summary.weightBytes).toBe([...m.initializers.values()].reduce((s, t) => s + t.data.length * 4, 0));
    expect(r.summary.weightBytes).toBeGreaterThan(a.params * 4);
  });
});
