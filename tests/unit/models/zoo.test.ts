/**
 * One parametrized test over every zoo model: the declared graph builds and analyses, shapes
 * flow to [1, classes], parameters equal timm's count (exactly where an integer is published for
 * the same architecture, else to timm's two decimals), and MACs are within each entry's stated
 * tolerance of its reference, with the reason carried in the entry.
 */
import { describe, expect, it } from 'vitest';
import { mobilenetV1ByHand } from '../../fixtures/paper-tables.ts';
import { analyze } from '~/lib/engine/index.ts';
import {
  MODELS,
  buildModel,
  getModel,
  modelStats,
  resolveCnn,
  type CnnSpec,
  type ZooEntry,
} from '~/lib/models/index.ts';

function cnn(id: string): CnnSpec {
  const s = getModel(id).spec;
  if (s.kind !== 'cnn') throw new Error(`${id} is not a CNN`);
  return s;
}

function headFeatures(m: ZooEntry): number {
  if (m.spec.kind === 'vit') return m.spec.dim;
  return resolveCnn(m.spec).classifierIn;
}

describe('the model zoo', () => {
  it('has unique ids and every family of the course', () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(MODELS.map((m) => m.family))).toEqual(
      new Set(['MobileNetV1', 'MobileNetV2', 'MobileNetV3', 'MnasNet', 'EfficientNet', 'EfficientNetV2', 'ViT']),
    );
    expect(() => getModel('efficientnet_b9')).toThrow(/unknown model 'efficientnet_b9'/);
  });

  describe.each(MODELS.map((m) => [m.id, m] as const))('%s', (id, m) => {
    const stats = modelStats(id);

    it('builds a declared graph whose shapes flow from [1, 3, R, R] to [1, classes]', () => {
      const g = buildModel(id);
      expect(g.inputs[0].dims).toEqual([1, 3, m.spec.resolution, m.spec.resolution]);
      expect(g.initializers.size).toBe(0);
      const a = analyze(g);
      expect(a.layers[a.layers.length - 1].outputDims[0]).toEqual([1, m.spec.numClasses]);
      expect(g.outputs[0].dims).toEqual([1, m.spec.numClasses]);
    });

    it("has timm's parameter count", () => {
      if (m.exactParams) expect(stats.params).toBe(m.exactParams.value);
      if (m.timmParamsM !== undefined) expect((stats.params / 1e6).toFixed(2)).toBe(m.timmParamsM.toFixed(2));
      if (m.headOf) {
        // Only the classifier differs: Δclasses × (features + bias).
        const base = modelStats(m.headOf);
        const extra = (m.spec.numClasses - getModel(m.headOf).spec.numClasses) * (headFeatures(m) + 1);
        expect(stats.params).toBe(base.params + extra);
      }
      if (!m.exactParams && m.timmParamsM === undefined && !m.headOf) {
        // MobileNetV1 α < 1 (no timm model): the paper's Table 6, printed to 0.1 M.
        const paper = m.published.find((c) => c.params !== undefined)!;
        expect(Math.abs(stats.params - paper.params!)).toBeLessThanOrEqual(0.05e6);
      }
    });

    it('has MACs within the stated tolerance of its reference', () => {
      const r = m.macsReference;
      if (r) {
        expect(r.reason.length).toBeGreaterThan(0);
        expect(Math.abs(stats.macs - r.value) / r.value).toBeLessThanOrEqual(r.tolerance);
      } else if (m.headOf) {
        const base = modelStats(m.headOf);
        expect(stats.macs).toBe(base.macs + (m.spec.numClasses - getModel(m.headOf).spec.numClasses) * headFeatures(m));
      } else {
        expect(m.family).toBe('MobileNetV1');
        const s = cnn(id);
        expect(stats.macs).toBe(mobilenetV1ByHand(s.width, s.resolution).macs);
      }
    });
  });

  it("counts MobileNetV1 exactly as the paper's layer formula at every width and resolution", () => {
    for (const m of MODELS.filter((e) => e.family === 'MobileNetV1')) {
      const s = cnn(m.id);
      expect(modelStats(m.id).macs).toBe(mobilenetV1ByHand(s.width, s.resolution).macs);
    }
  });

  it('gives tf_ models the same params and MACs as their PyTorch-padded twins', () => {
    for (const [tf, pt] of [
      ['tf_mobilenetv3_large_100', 'mobilenetv3_large_100'],
      ['tf_mobilenetv3_small_100', 'mobilenetv3_small_100'],
    ]) {
      const a = modelStats(tf);
      const b = modelStats(pt);
      expect([a.params, a.macs]).toEqual([b.params, b.macs]);
    }
  });

  it('adds exactly C + 1 + 2·rd parameters per block when global context replaces SE', () => {
    const se = resolveCnn(cnn('efficientnetv2_rw_t'));
    const gc = resolveCnn(cnn('gc_efficientnetv2_rw_t'));
    let extra = 0;
    gc.blocks.forEach((b, i) => {
      if (!b.attn) return;
      expect(b.attn.width).toBe(se.blocks[i].attn!.width);
      extra += b.midChannels + 1 + 2 * b.attn.width;
    });
    expect(modelStats('gc_efficientnetv2_rw_t').params - modelStats('efficientnetv2_rw_t').params).toBe(extra);
  });
});
