import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/lib/engine/index.ts';
import { buildFromSpec as build } from '../../../../src/lib/models/index.ts';
import type { UnitTiming } from '../../../../src/lib/viz/lessons/block-latency.ts';
import { targetPieces } from '../../../../src/lib/viz/lessons/latency-pieces.ts';
import { lastStageSpec, stageCost } from '../../../../src/lib/viz/lessons/mbv3-last-stage.ts';
import {
  lastStageControls,
  lastStageLatency,
  lastStageLatencyReadouts,
  lastStageReadouts,
  lastStageTargets,
} from '../../../../src/lib/viz/lessons/mbv3-last-stage-layout.ts';

const t = (key: string, medianMs: number): UnitTiming => ({ key, medianMs, q1Ms: medianMs, q3Ms: medianMs, runs: 15 });
const specs = { original: lastStageSpec('original'), efficient: lastStageSpec('efficient') };

describe('the last-stage widget on the kit', () => {
  it('one select with both variants, the given one chosen', () => {
    const [c] = lastStageControls('efficient');
    expect(c).toMatchObject({ kind: 'select', name: 'variant', value: 'efficient' });
    expect(c.options!.map((o) => o.value)).toEqual(['original', 'efficient']);
  });

  it('read-outs: the variant’s counts and the efficient − original differences, as the engine gives them', () => {
    const o = stageCost('original');
    const e = stageCost('efficient');
    const r = Object.fromEntries(lastStageReadouts(o, o, e).map((x) => [x.key, x.value]));
    expect(r['stage-macs']).toBe(o.stageMacs.toLocaleString('en-US'));
    expect(r['d-macs'].replace(/[,−]/g, (c) => (c === '−' ? '-' : ''))).toBe(String(e.modelMacs - o.modelMacs));
    expect(r['d-params']).toBe(`+${(e.modelParams - o.modelParams).toLocaleString('en-US')}`);
  });
});

describe('timing the two last stages', () => {
  it('targets: the last stage (stage 6 with the head) and the whole network, both ways', () => {
    const targets = lastStageTargets(specs);
    expect(targets.map((x) => x.id)).toEqual(['original', 'efficient']);
    for (const target of targets) {
      const [tail, model] = targetPieces(target);
      const v = target.id as 'original' | 'efficient';
      // The tail is exactly Figure 5's stage as mbv3-last-stage.ts counts it (blocks.6 to the classifier).
      expect(tail.macs).toBe(stageCost(v).stageMacs);
      expect(model.macs).toBe(analyze(build(specs[v])).macs);
      expect(tail.inputs[0].dims).toEqual([1, 160, 7, 7]);
    }
  });

  it('ratio = original ÷ efficient median, saving = their difference, share = saving ÷ original network', () => {
    const m = lastStageLatency([
      t('original/tail', 9),
      t('efficient/tail', 3),
      t('original/model', 60),
      t('efficient/model', 50),
    ]);
    expect(m.stage!.ratio).toBe(3);
    expect(m.stage!.savedMs).toBe(6);
    expect(m.model!.ratio).toBeCloseTo(1.2, 12);
    expect(m.share).toBeCloseTo(0.1, 12);
    const r = Object.fromEntries(lastStageLatencyReadouts(m).map((x) => [x.key, x.value]));
    expect(r).toMatchObject({ 'ms-original': '9 ms', 'ms-efficient': '3 ms', 'ms-ratio': '3×', 'ms-saved': '6 ms' });
    expect(r['ms-share']).toBe('10.0 %');
    expect(r['ms-model']).toBe('60 ms → 50 ms');
  });

  it('until both stages are measured, no ratio; dashes before any measurement', () => {
    const m = lastStageLatency([t('original/tail', 9)]);
    expect(m.stage).toBeNull();
    expect(m.share).toBeNull();
    expect(lastStageLatencyReadouts(null).every((x) => x.value === '–')).toBe(true);
  });
});
