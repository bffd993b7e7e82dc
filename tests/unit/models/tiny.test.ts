/**
 * The tiny family (src/lib/models/tiny.ts): every model builds from the zoo's grammar with the big
 * models' module names, gray 32×32 in and 10 classes out; the compound rule's multipliers; and
 * every matched-MACs comparison within its stated tolerance, with the stored multipliers equal to
 * what the searches (tiny-match.ts) find. Parameters and MACs are pinned so that an accidental
 * change to an architecture (which would orphan its trained weights) fails here.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import { buildModel, MODELS } from '~/lib/models/index.ts';
import { buildTinyModel, getTinyModel, TINY_MODELS } from '~/lib/models/tiny.ts';
import { TINY_COMPARISONS } from '~/lib/models/tiny-comparisons.ts';
import {
  tinyCompoundSpec,
  tinyEfficientNetSpec,
  tinyMobilenetV1Spec,
  tinyPlainSpec,
  tinyVitSpec,
  TINY_PLAIN_WIDTH,
  TINY_SINGLE_DIM,
} from '~/lib/models/tiny-specs.ts';
import { closeness, closestOnGrid, grid, singleDimMatch, tinyMacs } from '~/lib/models/tiny-match.ts';

/** [params, MACs] from the engine's analysis at the time the family was fixed. */
const PINNED: Record<string, [number, number]> = {
  tiny_plain: [153602, 1712592],
  tiny_mobilenetv1: [210570, 1755136],
  tiny_mobilenetv1_075: [121538, 1064448],
  tiny_mobilenetv1_050: [56522, 484352],
  tiny_mobilenetv1_025: [16194, 170496],
  tiny_mobilenetv2: [173834, 1840256],
  tiny_mobilenetv2_relu6: [173834, 1840256],
  tiny_mnasnet: [177116, 1583936],
  tiny_mobilenetv3: [253770, 1251328],
  tiny_efficientnetv2: [230180, 2440000],
  tiny_efficientnet_b0: [185380, 1415488],
  tiny_efficientnet_b1: [446420, 5299544],
  tiny_efficientnet_b2: [549814, 9860912],
  tiny_efficientnet_b3: [724102, 17461440],
  tiny_efficientnet_b0_width1: [739634, 5311552],
  tiny_efficientnet_b0_depth1: [864304, 5800288],
  tiny_efficientnet_b0_res1: [185380, 5354512],
  tiny_efficientnet_b0_width2: [1282366, 9864096],
  tiny_efficientnet_b0_depth2: [1406950, 9189088],
  tiny_efficientnet_b0_res2: [185380, 10871280],
  tiny_efficientnet_b0_nose: [161802, 1393280],
  tiny_vit: [16738, 1328976],
};

/** The big zoo model whose module names a tiny model shares. */
const BIG: Record<string, string> = {
  MobileNetV1: 'mobilenetv1_100',
  MobileNetV2: 'mobilenetv2_100',
  MnasNet: 'semnasnet_100',
  MobileNetV3: 'mobilenetv3_large_100',
  EfficientNet: 'efficientnet_b0',
  EfficientNetV2: 'tf_efficientnetv2_b0',
  ViT: 'vit_tiny_patch16_224',
};

/** Scope with block indices erased: `blocks.3.1.conv_pw` → `blocks.*.*.conv_pw`. */
const pattern = (scope: string): string =>
  scope.replace(/^blocks\.\d+\.\d+/, 'blocks.*.*').replace(/^blocks\.\d+\./, 'blocks.*.');
const macsOf = (id: string): number => PINNED[id][1];

describe('the tiny family', () => {
  it('lists 22 models with unique ids, none of them in the ImageNet zoo', () => {
    const ids = TINY_MODELS.map((m) => m.id);
    expect(ids.length).toBe(22);
    expect(new Set(ids).size).toBe(ids.length);
    const zoo = new Set(MODELS.map((m) => m.id));
    expect(ids.filter((id) => zoo.has(id))).toEqual([]);
    expect(Object.keys(PINNED).sort()).toEqual([...ids].sort());
    expect(() => getTinyModel('tiny_efficientnet_b9')).toThrow(/unknown tiny model 'tiny_efficientnet_b9'.*tiny_plain/);
  });

  describe.each(TINY_MODELS.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const graph = buildTinyModel(id);
    const a = analyze(graph);

    it('takes a gray 32×32 (or scaled) image and gives 10 logits', () => {
      const R = m.spec.resolution;
      expect(graph.inputs[0].dims).toEqual([1, 1, R, R]);
      expect(graph.outputs[0].dims).toEqual([1, 10]);
      expect(a.layers[a.layers.length - 1].outputDims[0]).toEqual([1, 10]);
    });

    it('has the pinned parameters and MACs (a few MMACs at most)', () => {
      expect([a.params, a.macs]).toEqual(PINNED[id]);
      expect(a.macs).toBeLessThan(20e6);
    });

    it('uses only module names its big model has (same grammar and builder)', () => {
      // tiny_plain's full convs are timm ConvBnAct (`cn`), as in EfficientNetV2's first stage.
      const big = new Set(
        analyze(buildModel(id === 'tiny_plain' ? 'tf_efficientnetv2_b0' : BIG[m.family])).layers.map((l) =>
          pattern(l.scope),
        ),
      );
      const missing = [...new Set(a.layers.filter((l) => l.opType !== 'Constant').map((l) => pattern(l.scope)))].filter(
        (p) => !big.has(p),
      );
      expect(missing).toEqual([]);
    });

    it('builds with a symbolic batch for training (CNNs)', () => {
      if (m.spec.kind === 'vit') return;
      const g = buildTinyModel(id, { batch: 'N' });
      const b = analyze(g, { inputDims: { input: [4, 1, m.spec.resolution, m.spec.resolution] } });
      expect(b.layers[b.layers.length - 1].outputDims[0]).toEqual([4, 10]);
    });
  });

  it("has the B0 stage layout of the big models: 7 stages, B0's kernels", () => {
    const s = getTinyModel('tiny_efficientnet_b0').spec;
    if (s.kind !== 'cnn') throw new Error('not a CNN');
    expect(s.arch.length).toBe(7);
    expect(s.arch.map((st) => Number(/_k(\d)/.exec(st[0])![1]))).toEqual([3, 3, 5, 3, 5, 5, 3]);
  });

  it('scales B0 by the compound rule: depth 1.2^φ, width 1.1^φ, side round(32·1.15^φ)', () => {
    for (const phi of [0, 1, 2, 3]) {
      const s = tinyCompoundSpec(phi);
      expect(s.depth).toBeCloseTo(1.2 ** phi, 12);
      expect(s.width).toBeCloseTo(1.1 ** phi, 12);
      expect(s.resolution).toBe([32, 37, 42, 49][phi]);
      expect(getTinyModel(`tiny_efficientnet_b${phi}`).spec).toEqual(s);
    }
    // MACs grow with φ; with 1–2 repeats per stage, ceil(n·d) makes the first step larger than 2×.
    const m = [0, 1, 2, 3].map((p) => macsOf(`tiny_efficientnet_b${p}`));
    expect(m[1] / m[0]).toBeCloseTo(3.74, 2);
    expect(m[2] / m[1]).toBeCloseTo(1.86, 2);
    expect(m[3] / m[2]).toBeCloseTo(1.77, 2);
  });

  it('keeps every matched comparison within its stated MACs tolerance', () => {
    const report: Record<string, number> = {};
    for (const c of TINY_COMPARISONS) {
      if (!c.matched) continue;
      const target = macsOf(c.matched.to);
      for (const id of c.members) {
        const d = closeness(macsOf(id), target);
        report[`${c.id}:${id}`] = +d.toFixed(4);
        expect(d, `${id} vs ${c.matched.to}`).toBeLessThanOrEqual(c.matched.tolerance);
      }
    }
    // The closeness each comparison claims (the pages state these, computed, never typed).
    expect(report).toEqual({
      'separable-vs-full:tiny_plain': 0.0242,
      'separable-vs-full:tiny_mobilenetv1': 0,
      'linear-bottleneck:tiny_mobilenetv2': 0,
      'linear-bottleneck:tiny_mobilenetv2_relu6': 0,
      'compound-phi1:tiny_efficientnet_b1': 0,
      'compound-phi1:tiny_efficientnet_b0_width1': 0.0023,
      'compound-phi1:tiny_efficientnet_b0_depth1': 0.0945,
      'compound-phi1:tiny_efficientnet_b0_res1': 0.0104,
      'compound-phi2:tiny_efficientnet_b2': 0,
      'compound-phi2:tiny_efficientnet_b0_width2': 0.0003,
      'compound-phi2:tiny_efficientnet_b0_depth2': 0.0681,
      'compound-phi2:tiny_efficientnet_b0_res2': 0.1025,
      'cnn-vs-vit:tiny_efficientnet_b0': 0,
      'cnn-vs-vit:tiny_vit': 0.0611,
    });
    for (const c of TINY_COMPARISONS) for (const id of c.members) expect(() => getTinyModel(id)).not.toThrow();
  });

  it('stores the multipliers the searches find (single-dimension scaling, plain width)', () => {
    for (const phi of [1, 2] as const) {
      const target = tinyMacs(tinyCompoundSpec(phi));
      expect(singleDimMatch('width', target).value).toBe(TINY_SINGLE_DIM[`width${phi}`]);
      expect(singleDimMatch('depth', target).value).toBe(TINY_SINGLE_DIM[`depth${phi}`]);
      expect(singleDimMatch('resolution', target).value).toBe(TINY_SINGLE_DIM[`resolution${phi}`]);
    }
    const plain = closestOnGrid(grid(0.2, 0.6, 0.01), (w) => tinyPlainSpec(w), tinyMacs(tinyMobilenetV1Spec(1)));
    expect(plain.value).toBe(TINY_PLAIN_WIDTH);
    expect(tinyEfficientNetSpec(TINY_SINGLE_DIM.width1, 1, 32).width).toBe(2.09);
  }, 60_000);

  it('sizes the ViT closest to B0 among dims 24–48 and depths 1–4', () => {
    const target = macsOf('tiny_efficientnet_b0');
    let best = { dim: 0, depth: 0, d: Infinity };
    for (const dim of [24, 32, 40, 48]) {
      for (const depth of [1, 2, 3, 4]) {
        const d = closeness(tinyMacs({ ...tinyVitSpec(), dim, depth }), target);
        if (d < best.d) best = { dim, depth, d };
      }
    }
    expect([best.dim, best.depth]).toEqual([tinyVitSpec().dim, tinyVitSpec().depth]);
    expect(tinyVitSpec().patch).toBe(4);
  });

  it('ablates the linear bottleneck with one ReLU6 (Clip) per projection and nothing else', () => {
    const lin = buildTinyModel('tiny_mobilenetv2');
    const r6 = buildTinyModel('tiny_mobilenetv2_relu6');
    const clips = (g: typeof lin) => g.nodes.filter((n) => n.opType === 'Clip');
    const added = clips(r6).length - clips(lin).length;
    expect(added).toBe(12); // one per ds/ir block
    const linScopes = new Set(clips(lin).map((n) => n.scope));
    const extra = clips(r6)
      .map((n) => n.scope)
      .filter((sc) => !linScopes.has(sc));
    // The ds block's projection BN is bn2, every ir block's is bn3.
    expect(extra).toEqual(['blocks.0.0.bn2', ...extra.slice(1).map((sc) => sc.replace(/bn\d$/, 'bn3'))]);
    expect(r6.nodes.length - lin.nodes.length).toBe(12);
  });

  it('drops every SE in B0 without SE, and nothing else', () => {
    const se = analyze(buildTinyModel('tiny_efficientnet_b0')).layers.filter((l) => l.scope.includes('.se'));
    const nose = analyze(buildTinyModel('tiny_efficientnet_b0_nose')).layers.filter((l) => l.scope.includes('.se'));
    expect(se.length).toBeGreaterThan(0);
    expect(nose).toEqual([]);
    const seParams = se.reduce((s, l) => s + l.params, 0);
    expect(PINNED.tiny_efficientnet_b0[0] - PINNED.tiny_efficientnet_b0_nose[0]).toBe(seParams);
  });

  it('leaves every zoo model unchanged (no projection activation anywhere)', () => {
    for (const m of MODELS) if (m.spec.kind === 'cnn') expect(m.spec.projectionAct).toBeUndefined();
  });
});
