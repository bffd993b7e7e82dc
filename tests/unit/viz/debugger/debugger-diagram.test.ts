import { describe, expect, it } from 'vitest';
import { getModel } from '~/lib/models/index.ts';
import { archDiagram } from '~/lib/viz/models/arch-diagram.ts';
import { blockOfOp, compactDiagram, diagramLinks, elementOfStep } from '~/lib/viz/debugger/debugger-diagram.ts';
import { modelLayerTable } from '~/lib/viz/models/layer-table.ts';

const setup = (id: string) => {
  const t = modelLayerTable(id);
  const d = archDiagram(getModel(id).spec, t);
  return { t, d, links: diagramLinks(t.graph.nodes, t, d) };
};

describe('debugger diagram links', () => {
  it('puts every node of several zoo models in exactly one diagram op, the op whose rows hold it', () => {
    for (const id of [
      'mobilenetv2_100',
      'efficientnet_b0',
      'mobilenetv3_large_100',
      'tf_efficientnetv2_s',
      'vit_tiny_patch16_224',
    ]) {
      const { t, d, links } = setup(id);
      expect(links.nodeOp).toHaveLength(t.graph.nodes.length);
      const ops = new Map(d.columns.flatMap((c) => c.blocks.flatMap((b) => b.ops.map((o) => [o.id, o] as const))));
      const holders = t.graph.nodes.map((_, i) =>
        [...ops.values()].filter((o) => o.rows.some((r) => t.rows[r].nodes.includes(i))),
      );
      holders.forEach((hs, i) => {
        expect(hs, `${id} node ${t.graph.nodes[i].name}`).toHaveLength(1);
        expect(links.nodeOp[i]).toBe(hs[0].id);
      });
    }
  });

  it('maps MobileNetV2 blocks.1.0 nodes to expand, depthwise (with its BatchNorm and ReLU6) and project ops', () => {
    const { t, d, links } = setup('mobilenetv2_100');
    const label = (name: string) => {
      const i = t.graph.nodes.findIndex((n) => n.name === name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      const op = links.nodeOp[i];
      return d.columns.flatMap((c) => c.blocks.flatMap((b) => b.ops)).find((o) => o.id === op)!.label;
    };
    expect(
      Object.fromEntries(
        t.graph.nodes.filter((n) => n.scope.startsWith('blocks.1.0.')).map((n) => [n.name, label(n.name)]),
      ),
    ).toEqual({
      'blocks.1.0.conv_pw': 'expand 1×1',
      'blocks.1.0.bn1': 'expand 1×1',
      'blocks.1.0.bn1.Clip': 'expand 1×1',
      'blocks.1.0.conv_dw': 'depthwise 3×3',
      'blocks.1.0.bn2': 'depthwise 3×3',
      'blocks.1.0.bn2.Clip': 'depthwise 3×3',
      'blocks.1.0.conv_pwl': 'project 1×1',
      'blocks.1.0.bn3': 'project 1×1',
    });
  });

  it('jumps from an op or a block to its first node that is not a Constant, inside that op or block', () => {
    for (const id of ['mobilenetv2_100', 'mobilenetv3_large_100']) {
      const { t, links } = setup(id);
      for (const [op, step] of Object.entries(links.opStep)) {
        expect(links.nodeOp[step]).toBe(op);
        expect(t.graph.nodes[step].opType).not.toBe('Constant');
        const first = links.nodeOp.findIndex((o, i) => o === op && t.graph.nodes[i].opType !== 'Constant');
        expect(step).toBe(first);
      }
      for (const [block, step] of Object.entries(links.blockStep)) {
        expect(blockOfOp(links.nodeOp[step])).toBe(block);
        expect(
          links.nodeOp.slice(0, step).some((o, i) => blockOfOp(o) === block && t.graph.nodes[i].opType !== 'Constant'),
        ).toBe(false);
      }
      const blocks = new Set(links.nodeOp.map(blockOfOp));
      expect(Object.keys(links.blockStep).sort()).toEqual([...blocks].sort());
    }
  });

  it('finds the op, block and section of a step, and nothing before the first node', () => {
    const { t, d, links } = setup('mobilenetv2_100');
    const i = t.graph.nodes.findIndex((n) => n.opType === 'Conv' && n.scope === 'blocks.1.0.conv_dw');
    const el = elementOfStep(links, d, i)!;
    expect(el.block).toBe('blocks.1.0');
    expect(el.section).toBe(2);
    expect(el.op).toBe(links.nodeOp[i]);
    expect(elementOfStep(links, d, -1)).toBeNull();
    expect(elementOfStep(links, d, t.graph.nodes.length)).toBeNull();
  });

  it('refuses a table whose rows do not cover the graph', () => {
    const { t, d } = setup('mobilenetv2_100');
    const nodes = [...t.graph.nodes, { name: 'extra', opType: 'Relu' }];
    expect(() => diagramLinks(nodes, t, d)).toThrow(/extra is in no diagram op/);
  });
});

describe('compact diagram', () => {
  it('keeps the slots and widths, scales the heights by k and centres them in a shorter band', () => {
    const { d } = setup('mobilenetv2_100');
    const c = compactDiagram(d, 0.5);
    expect(c.width).toBe(d.width);
    expect(c.height).toBeLessThan(d.height * 0.75);
    c.columns.forEach((col, i) => {
      const o = d.columns[i];
      expect(col.w).toBe(o.w);
      expect(col.cx).toBe(o.cx);
      expect(col.h).toBeCloseTo(Math.max(5, o.h * 0.5), 9);
      expect(col.y + col.h).toBeLessThan(c.labelY);
      expect(col.y + col.h / 2).toBeCloseTo(c.columns[0].y + c.columns[0].h / 2, 9);
    });
    expect(c.columns[1].h).toBeGreaterThan(c.columns[c.columns.length - 2].h);
    expect(() => compactDiagram(d, 0)).toThrow(/received 0/);
  });
});
