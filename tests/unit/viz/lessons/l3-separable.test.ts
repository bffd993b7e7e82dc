import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildModel, getModel, MODELS } from '~/lib/models/index.ts';
import {
  DRAWN,
  morphGeometry,
  morphStages,
  separableLayers,
  stageCost,
  stageMacsTex,
  stageTex,
  type MorphLayer,
  type MorphStage,
} from '~/lib/viz/lessons/separable-morph.ts';
import { morphScene } from '~/lib/viz/lessons/separable-morph-scene.ts';
import { niceStep } from '~/lib/viz/charts/scale.ts';
import {
  curvePanels,
  paperRows,
  pointAt,
  quadraticMacs,
  type FamilyPoint,
} from '~/lib/viz/lessons/multiplier-curves.ts';

const layer7: MorphLayer = { hOut: 14, wOut: 14, cin: 512, cout: 512, k: 3, label: 'layer 7' };

describe('the separable morph', () => {
  it('reads MobileNetV1’s 13 separable layers from the engine’s analysis (paper Table 1)', () => {
    const layers = separableLayers(analyze(buildModel('mobilenetv1_100')).layers);
    expect(layers).toHaveLength(13);
    expect(layers[0]).toMatchObject({ hOut: 112, wOut: 112, cin: 32, cout: 64, k: 3 });
    expect(layers[1].label).toBe('layer 2: 56×56, 64 → 128, stride 2');
    expect(layers[6]).toMatchObject({ hOut: 14, cin: 512, cout: 512 });
    expect(layers[12]).toMatchObject({ hOut: 7, cin: 1024, cout: 1024 });
  });

  it('stops at standard, 2, 4 and 8 groups, depthwise and separable', () => {
    expect(morphStages(layer7)).toEqual([
      { kind: 'standard' },
      { kind: 'grouped', groups: 2 },
      { kind: 'grouped', groups: 4 },
      { kind: 'grouped', groups: 8 },
      { kind: 'depthwise' },
      { kind: 'separable' },
    ]);
    // Groups must divide both channel counts: 6 → 9 channels admits none.
    expect(morphStages({ ...layer7, cin: 6, cout: 9 }).map((s) => s.kind)).toEqual([
      'standard',
      'depthwise',
      'separable',
    ]);
  });

  it('costs each stage by its formula and the separable ratio is 1/N + 1/k²', () => {
    const pos = 14 * 14;
    expect(stageCost(layer7, { kind: 'standard' })).toMatchObject({
      macs: pos * 9 * 512 * 512,
      params: 9 * 512 * 512,
      ratio: 1,
    });
    expect(stageCost(layer7, { kind: 'grouped', groups: 4 }).ratio).toBeCloseTo(1 / 4, 12);
    expect(stageCost(layer7, { kind: 'depthwise' })).toMatchObject({ macs: pos * 9 * 512, params: 9 * 512 });
    const sep = stageCost(layer7, { kind: 'separable' });
    expect(sep.macs).toBe(pos * 9 * 512 + pos * 512 * 512);
    expect(sep.depthwiseMacs).toBe(pos * 9 * 512);
    expect(sep.pointwiseMacs).toBe(pos * 512 * 512);
    expect(sep.ratio).toBeCloseTo(1 / 512 + 1 / 9, 12);
  });

  it('agrees with the engine’s count of the real layer 7 of MobileNetV1', () => {
    const a = analyze(buildModel('mobilenetv1_100'));
    const dw = a.layers.find((l) => l.node === 'blocks.3.1.conv_dw')!;
    const pw = a.layers.find((l) => l.node === 'blocks.3.1.conv_pw')!;
    expect(stageCost(layer7, { kind: 'separable' }).macs).toBe(dw.macs + pw.macs);
  });

  it('writes the live formula with the layer’s numbers', () => {
    expect(stageTex(layer7, { kind: 'separable' })).toContain('\\frac{1}{512} + \\frac{1}{9} = 0.113');
    expect(stageTex(layer7, { kind: 'grouped', groups: 8 })).toContain('\\frac{1}{8} = 0.125');
    expect(stageMacsTex(layer7, { kind: 'standard' })).toContain('= 462{,}422{,}016');
  });

  it('joins every drawn input to every output for a standard conv, and only within groups when grouped', () => {
    const std = morphGeometry(layer7, { kind: 'standard' });
    expect(std.columns.map((c) => c.nodes.length)).toEqual([DRAWN, DRAWN]);
    expect(std.edges).toHaveLength(DRAWN * DRAWN);
    expect(std.channelsPerNode[0]).toBe(512 / DRAWN);
    const g4 = morphGeometry(layer7, { kind: 'grouped', groups: 4 });
    expect(g4.edges).toHaveLength(4 * (DRAWN / 4) ** 2);
    // Block diagonal: an edge never leaves its group.
    for (const e of g4.edges) expect(Math.floor(e.from / 4)).toBe(Math.floor(e.to / 4));
  });

  it('draws depthwise as one line per channel and separable as depthwise then a dense 1×1 fan', () => {
    const dw = morphGeometry(layer7, { kind: 'depthwise' });
    expect(dw.edges).toHaveLength(DRAWN);
    expect(dw.edges.every((e) => e.from === e.to)).toBe(true);
    const sep = morphGeometry(layer7, { kind: 'separable' });
    expect(sep.columns).toHaveLength(3);
    expect(sep.edges.filter((e) => e.column === 0)).toHaveLength(DRAWN);
    expect(sep.edges.filter((e) => e.column === 1)).toHaveLength(DRAWN * DRAWN);
    expect(new Set(sep.edges.map((e) => e.key)).size).toBe(sep.edges.length);
    // Edges start at the right side of a node and end at the left side of the next column's node.
    const first = sep.edges[0];
    expect(first.x1).toBe(sep.columns[0].x + sep.node / 2);
    expect(first.x2).toBe(sep.columns[1].x - sep.node / 2);
  });

  it('colours group g with palette slot g + 1, so every 8th group is neutral, and the 1×1 fan apart', () => {
    const edgeClasses = (stage: MorphStage) =>
      morphScene(layer7, stage)
        .marks.filter((m) => m.kind === 'line')
        .map((m) => m.class);
    expect(edgeClasses({ kind: 'depthwise' }).slice(0, 9)).toEqual([...'123456701'].map((n) => `edge viz-c${n}`));
    const sep = edgeClasses({ kind: 'separable' });
    expect(sep.slice(0, 2)).toEqual(['edge viz-c1', 'edge viz-c2']);
    expect(new Set(sep.slice(DRAWN))).toEqual(new Set(['edge pw']));
  });
});

describe('the width and resolution multipliers', () => {
  const family = MODELS.filter((m) => m.family === 'MobileNetV1');
  const points: FamilyPoint[] = family.map((m) => {
    const a = analyze(buildModel(m.id));
    const s = m.spec as { width: number; resolution: number };
    return { id: m.id, width: s.width, resolution: s.resolution, macs: a.macs, params: a.params };
  });

  it('reads the paper’s Tables 6 and 7 from the zoo’s citations', () => {
    const rows = paperRows(family);
    const t6 = rows.filter((r) => r.table === 'Table 6');
    const t7 = rows.filter((r) => r.table === 'Table 7');
    expect(t6.map((r) => [r.width, r.top1])).toEqual([
      [1, 70.6],
      [0.75, 68.4],
      [0.5, 63.7],
      [0.25, 50.6],
    ]);
    expect(t7.map((r) => [r.resolution, r.top1])).toEqual([
      [224, 70.6],
      [192, 69.1],
      [160, 67.2],
      [128, 64.4],
    ]);
    expect(getModel('mobilenetv1_050').published.some((c) => c.source.includes('Table 6'))).toBe(true);
  });

  it('estimates MACs as α²ρ² of the full model, within 15 % of the engine for every member of the grid', () => {
    const full = pointAt(points, 1, 224);
    expect(quadraticMacs(full, 0.5, 112)).toBeCloseTo(full.macs / 16, 6);
    for (const p of points) {
      const est = quadraticMacs(full, p.width, p.resolution);
      expect(Math.abs(est - p.macs) / p.macs, p.id).toBeLessThan(0.15);
    }
  });

  it('keeps parameters fixed across resolutions and roughly quadratic in width', () => {
    for (const w of [0.25, 0.5, 0.75, 1]) {
      const ps = points.filter((p) => p.width === w).map((p) => p.params);
      expect(new Set(ps).size).toBe(1);
    }
    const ratio = pointAt(points, 0.5, 224).params / pointAt(points, 1, 224).params;
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.35);
  });

  it('lays out two panels whose dots follow the selected resolution and width', () => {
    const [byWidth, byRes] = curvePanels(points, 0.75, 192);
    expect(byWidth.axis).toBe('width');
    expect(byWidth.dots.map((d) => d.id)).toEqual([
      'mobilenetv1_025_192',
      'mobilenetv1_050_192',
      'mobilenetv1_075_192',
      'mobilenetv1_100_192',
    ]);
    expect(byWidth.dots.filter((d) => d.selected).map((d) => d.id)).toEqual(['mobilenetv1_075_192']);
    expect(byRes.dots.map((d) => d.id)).toEqual([
      'mobilenetv1_075_128',
      'mobilenetv1_075_160',
      'mobilenetv1_075_192',
      'mobilenetv1_075',
    ]);
    // Larger MACs sit higher (smaller y), and the quadratic passes through the α = 1 dot.
    expect(byWidth.dots[3].y).toBeLessThan(byWidth.dots[0].y);
    const end = byWidth.curve.split('L').pop()!.split(',').map(Number);
    expect(end[0]).toBeCloseTo(byWidth.dots[3].x, 0);
    expect(end[1]).toBeCloseTo(byWidth.dots[3].y, 0);
    expect(() => pointAt(points, 0.6, 224)).toThrow(/no MobileNetV1 at width 0.6/);
  });

  it('picks round tick steps', () => {
    expect(niceStep(600e6)).toBe(200e6);
    expect(niceStep(47)).toBe(10);
  });
});
