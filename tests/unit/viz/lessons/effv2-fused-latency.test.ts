import { describe, expect, it } from 'vitest';
import type { UnitTiming } from '../../../../src/lib/viz/lessons/block-latency.ts';
import { stageCosts, stageCostsOf, variantSpec } from '../../../../src/lib/viz/lessons/effv2-fused.ts';
import {
  fusedLatencyReadouts,
  fusedLatencyScene,
  fusedLatencyTargets,
  stageLatencies,
  variantLatency,
  type FusedLatencyData,
} from '../../../../src/lib/viz/lessons/effv2-fused-latency.ts';
import { targetPieces } from '../../../../src/lib/viz/lessons/latency-pieces.ts';

const t = (key: string, medianMs: number): UnitTiming => ({ key, medianMs, q1Ms: medianMs, q3Ms: medianMs, runs: 5 });
const R = 96;
const specs = { fused: variantSpec('b4', 'all'), mbconv: variantSpec('b4', 'none') };
const data: FusedLatencyData = {
  label: 'B4',
  resolution: R,
  rounds: 5,
  blocks: stageCosts('b4').map((s) => s.blocks),
  macs: {
    fused: stageCostsOf({ ...specs.fused, resolution: R }).map((c) => c.macs),
    mbconv: stageCostsOf({ ...specs.mbconv, resolution: R }).map((c) => c.macs),
  },
};
// Every sampled block timed: fused blocks 2 ms (first) and 1 ms (repeat), MBConv 1 ms and 0.5 ms.
const all: UnitTiming[] = data.blocks.flatMap((n, s) => [
  t(`fused/blocks.${s}.0`, 2),
  t(`mbconv/blocks.${s}.0`, 1),
  ...(n > 1 ? [t(`fused/blocks.${s}.1`, 1), t(`mbconv/blocks.${s}.1`, 0.5)] : []),
]);

describe('Table 3 stage by stage on the device', () => {
  it('targets: B4 all fused and none fused at the chosen resolution, sampled two blocks per stage', () => {
    const targets = fusedLatencyTargets(specs, R);
    expect(targets.map((x) => [x.id, x.spec.resolution])).toEqual([
      ['fused', R],
      ['mbconv', R],
    ]);
    const keys = targetPieces(targets[0]).map((p) => p.key);
    expect(keys.length).toBe(data.blocks.reduce((s, n) => s + Math.min(n, 2), 0));
    expect(new Set(all.map((x) => x.key))).toEqual(new Set([...keys, ...targetPieces(targets[1]).map((p) => p.key)]));
  });

  it('B4 has 7 stages of 2, 4, 4, 6, 6, 8, 2 blocks (timm efficientnet_b4: depth 1.8 over B0)', () => {
    expect(data.blocks).toEqual([2, 4, 4, 6, 6, 8, 2]);
  });

  it('stage times compose; a variant sums the kinds it uses; ratios to no fused', () => {
    const st = stageLatencies(data, all);
    expect(st.map((s) => s.msFused)).toEqual(data.blocks.map((n) => 2 + (n - 1) * 1));
    expect(st.map((s) => s.msMbconv)).toEqual(data.blocks.map((n) => 1 + (n - 1) * 0.5));
    const v13 = variantLatency(st, '1-3');
    const fused = data.blocks.map((n) => 1 + n);
    const mb = data.blocks.map((n) => 0.5 + 0.5 * n);
    expect(v13.ms).toBeCloseTo(fused.slice(0, 3).reduce((a, b) => a + b) + mb.slice(3).reduce((a, b) => a + b), 12);
    expect(v13.macs).toBe(
      data.macs.fused.slice(0, 3).reduce((a, b) => a + b) + data.macs.mbconv.slice(3).reduce((a, b) => a + b),
    );
    const none = variantLatency(st, 'none');
    const r = Object.fromEntries(fusedLatencyReadouts(st, '1-3').map((x) => [x.key, x.value]));
    expect(r['lat-ms-ratio']).toBe(`${Number((v13.ms! / none.ms!).toPrecision(3))}×`);
  });

  it('with a stage unmeasured the variant has no time, and the chart only MACs bars', () => {
    const st = stageLatencies(
      data,
      all.filter((x) => !x.key.startsWith('fused/blocks.6')),
    );
    expect(st[6].msFused).toBeNull();
    expect(variantLatency(st, 'all').ms).toBeNull();
    expect(variantLatency(st, '1-5').ms).not.toBeNull();
    const scene = fusedLatencyScene(stageLatencies(data, []), 'none');
    expect(scene.marks.filter((m) => m.key.startsWith('bar-') && m.key.endsWith('-time'))).toHaveLength(0);
    expect(scene.marks.filter((m) => m.key.endsWith('-macs'))).toHaveLength(7);
  });

  it('bars rise from 1× when the fused stage costs more and hang below when it costs less', () => {
    const st = stageLatencies(data, all);
    const scene = fusedLatencyScene(st, 'all');
    const one = scene.marks.find((m) => m.key === 'grid-0');
    const y1 = one && one.kind === 'line' ? one.y1 : NaN;
    for (const m of scene.marks) {
      if (m.kind !== 'rect') continue;
      const ratio = Number(m.data?.ratio);
      if (ratio > 1) expect(m.y + m.height).toBeCloseTo(y1, 0);
      else expect(m.y).toBeCloseTo(y1, 0);
    }
    // Every fused stage of B4 has more MACs than its MBConv twin (Table 3: FLOPs grow with each fused stage).
    expect(st.every((s) => s.macsFused > s.macsMbconv)).toBe(true);
    expect(scene.marks.filter((m) => m.kind === 'text' && m.text === 'F')).toHaveLength(7);
  });
});
