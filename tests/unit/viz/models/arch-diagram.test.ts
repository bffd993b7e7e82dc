import { describe, expect, it } from 'vitest';
import { getModel } from '~/lib/models/index.ts';
import { ARCH_GEOMETRY, archDiagram } from '~/lib/viz/models/arch-diagram.ts';
import { modelLayerTable } from '~/lib/viz/models/layer-table.ts';

const diagramOf = (id: string) => {
  const t = modelLayerTable(id);
  return { t, d: archDiagram(getModel(id).spec, t) };
};

describe('architecture diagram', () => {
  it('gives every layer-table row exactly one op, and the ops partition the rows', () => {
    for (const id of [
      'mobilenetv2_100',
      'efficientnet_b0',
      'mobilenetv3_large_100',
      'tf_efficientnetv2_s',
      'gc_efficientnetv2_rw_t',
      'vit_tiny_patch16_224',
    ]) {
      const { t, d } = diagramOf(id);
      const fromOps = d.columns
        .flatMap((c) => c.blocks.flatMap((b) => b.ops.flatMap((o) => o.rows)))
        .sort((a, b) => a - b);
      expect(fromOps).toEqual(t.rows.map((r) => r.index));
      expect(d.rowOp.every((op) => typeof op === 'string')).toBe(true);
      for (const c of d.columns)
        for (const b of c.blocks) for (const o of b.ops) for (const r of o.rows) expect(d.rowOp[r]).toBe(o.id);
    }
  });

  it('expands an EfficientNet MBConv block into expand 1×1, depthwise, SE, project 1×1 and residual', () => {
    const { d } = diagramOf('efficientnet_b0');
    const block = d.columns[2].blocks.find((b) => b.id === 'blocks.1.1')!;
    expect(block.label).toBe('MBConv6 k3');
    expect(block.detail).toBe('24→24, stride 1 · SE 6 · residual');
    expect(block.ops.map((o) => o.label)).toEqual([
      'expand 1×1',
      'depthwise 3×3',
      'squeeze-excite',
      'project 1×1',
      'residual +',
    ]);
    expect(block.ops.map((o) => o.detail)).toEqual(['24→144', '144 ch', '144→6→144', '144→24', 'adds the block input']);
  });

  it('shows Fused-MBConv and global-context blocks by their own ops', () => {
    const s = diagramOf('tf_efficientnetv2_s').d;
    expect(s.columns[2].blocks[0].ops.map((o) => o.label)).toEqual(['fused expand 3×3', 'project 1×1']);
    const gc = diagramOf('gc_efficientnetv2_rw_t').d;
    const withGc = gc.columns.flatMap((c) => c.blocks).find((b) => b.ops.some((o) => o.label === 'global context'));
    expect(withGc).toBeDefined();
  });

  it('makes columns shorter as resolution falls and wider as channels grow', () => {
    const { d } = diagramOf('efficientnet_b0');
    const stages = d.columns.filter((c) => c.kind === 'stage');
    for (let i = 1; i < stages.length; i++) {
      expect(stages[i].h).toBeLessThanOrEqual(stages[i - 1].h);
    }
    // stage 1 (24 ch) is narrower than stage 6 (320 ch); stage 0 has the fewest channels (16) and the minimum width.
    expect(stages[1].w).toBeLessThan(stages[6].w);
    expect(stages[0].w).toBeCloseTo(ARCH_GEOMETRY.minW);
    // Equal resolutions give equal heights (stage 3 and 4 both end at 14²).
    expect(stages[3].h).toBeCloseTo(stages[4].h);
    // Height is maxH·√(side/R): stem 112 at 224 px → 180·√0.5.
    expect(d.columns[0].h).toBeCloseTo(ARCH_GEOMETRY.maxH * Math.sqrt(0.5));
  });

  it('lays columns in equal slots, centred, inside the viewBox', () => {
    const { d } = diagramOf('mobilenetv3_large_100');
    d.columns.forEach((c, i) => {
      expect(c.cx).toBe(ARCH_GEOMETRY.side + i * ARCH_GEOMETRY.slot + ARCH_GEOMETRY.slot / 2);
      expect(c.x + c.w / 2).toBeCloseTo(c.cx);
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.y + c.h).toBeLessThanOrEqual(d.labelY);
    });
    expect(d.width).toBe(d.columns.length * ARCH_GEOMETRY.slot + 2 * ARCH_GEOMETRY.side);
  });

  it('draws the head at its pooled features, not at 21,843 classes', () => {
    const a = diagramOf('tf_efficientnetv2_s').d;
    const b = diagramOf('tf_efficientnetv2_s.in21k').d;
    expect(b.columns[b.columns.length - 1].w).toBe(a.columns[a.columns.length - 1].w);
    expect([b.columns[b.columns.length - 1].dims, b.columns[b.columns.length - 1].note]).toEqual(['21843', 'classes']);
  });
});
