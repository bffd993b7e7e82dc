import { describe, expect, it } from 'vitest';
import { lastStageSpec, stageCost, stageScene, stemMacs } from '../../../../src/lib/viz/lessons/mbv3-last-stage.ts';

// Figure 5 by hand: 7×7 maps, 160 channels in.
const HW = 49;
const originalStage = 160 * 960 * HW + 960 * 9 * HW + 960 * 320 * HW + 320 * 1280 * HW + 1280 * 1000;
const efficientStage = 160 * 960 * HW + 960 * 1280 + 1280 * 1000;

describe('the two last stages (MobileNetV3 Figure 5)', () => {
  it('counts the MACs of each stage as the layer shapes give them', () => {
    expect(stageCost('original').stageMacs).toBe(originalStage);
    expect(stageCost('efficient').stageMacs).toBe(efficientStage);
  });

  it('differs only after the last 160-channel block, so the whole-model difference is the stages’', () => {
    const o = stageCost('original');
    const e = stageCost('efficient');
    expect(o.modelMacs - e.modelMacs).toBe(originalStage - efficientStage);
    expect(o.modelMacs - o.stageMacs).toBe(e.modelMacs - e.stageMacs);
  });

  it('leaves the zoo model as the efficient variant', () => {
    expect(stageCost('efficient').modelParams).toBe(5_483_032); // torchvision mobilenet_v3_large, cited in the zoo
    expect(lastStageSpec('original').head).toEqual({ kind: 'conv', features: 1280, scaling: 'fixed' });
  });

  it('pools before the 1280-wide layer only in the efficient stage', () => {
    const order = (v: 'original' | 'efficient') => stageCost(v).layers.map((l) => l.what);
    expect(order('efficient')).toEqual([
      '1×1 conv 160→960',
      'average pool 960',
      '1×1 conv 960→1280',
      'classifier 1280→1000',
    ]);
    expect(order('original')).toEqual([
      '1×1 conv 160→960',
      '3×3 depthwise 960',
      '1×1 conv 960→320',
      '1×1 conv 320→1280',
      'average pool 1280',
      'classifier 1280→1000',
    ]);
  });

  it('draws one bar per layer, longest for the largest MACs', () => {
    const s = stageScene('original');
    const bars = s.marks.filter((m) => m.kind === 'rect');
    expect(bars).toHaveLength(stageCost('original').layers.length);
    const widths = bars.map((b) => (b.kind === 'rect' ? b.width : 0));
    const macs = stageCost('original').layers.map((l) => l.macs);
    expect(widths.indexOf(Math.max(...widths))).toBe(macs.indexOf(Math.max(...macs)));
  });

  it('prices a 32-filter stem at the 3×3 stem conv and the first block’s extra channels', () => {
    // Stem 3×3×3 → C at 112², then the first ds block: 3×3 depthwise on C, 1×1 C → 16, all at 112².
    const at = (c: number) => 112 * 112 * (27 * c + 9 * c + c * 16);
    expect(stemMacs(32) - stemMacs(16)).toBe(at(32) - at(16));
  });
});
