import { describe, expect, it } from 'vitest';
import { checkScene, type CircleMark, type RectMark } from '~/lib/viz/kit/marks.ts';
import type { LayerTraffic } from '~/lib/viz/lessons/roofline.ts';
import { BALANCES } from '~/lib/viz/lessons/roofline-chart.ts';
import { rooflineControls, rooflineLegend, rooflineReadouts, rooflineScene } from '~/lib/viz/lessons/roofline-scene.ts';

// Two layers with known intensities: a depthwise conv at 2 MACs/byte, a pointwise one at 50.
const layer = (node: string, kind: LayerTraffic['kind'], macs: number, bytes: number) =>
  ({
    node,
    kind,
    macs,
    bytes,
    intensity: macs / bytes,
    inputBytes: bytes / 2,
    outputBytes: bytes / 2,
    weightBytes: 0,
  }) as unknown as LayerTraffic;
const layers = [layer('dw', 'depthwise', 2e6, 1e6), layer('pw', 'pointwise', 5e7, 1e6)];

describe('lesson 1 roofline as kit data', () => {
  it("marks the layers left of the balance as memory-bound, and the selected one, in their kind's colour", () => {
    const s = checkScene(rooflineScene('m', layers, 8, 'pw'));
    const dots = s.marks.filter((m): m is CircleMark => m.kind === 'circle');
    expect(dots.map((d) => [d.key, d.class])).toEqual([
      ['dw', 'dot depthwise viz-c2 bound'],
      ['pw', 'dot pointwise viz-c1 selected'],
    ]);
    expect(dots[0]!.data).toEqual({ node: 'dw' });
    expect(s.label).toBe('m: MACs against arithmetic intensity for 2 layers; 1 are memory-bound at this balance');
  });

  it('splits each share bar by layer kind across the plot width', () => {
    const s = rooflineScene('m', layers, 8, 'dw');
    const segs = s.marks.filter((m): m is RectMark => m.kind === 'rect' && (m.class ?? '').startsWith('seg'));
    const macs = segs.filter((r) => r.data?.bar === 'share of MACs');
    // MAC shares: 2 / 52 and 50 / 52 of one bar.
    expect(macs[0]!.width / (macs[0]!.width + macs[1]!.width)).toBeCloseTo(2 / 52, 10);
  });

  it('lists the kinds present in the legend and reads out the memory-bound count', () => {
    expect(
      rooflineLegend(layers, 8)
        .map((l) => l.class)
        .sort(),
    ).toEqual(['depthwise viz-c2', 'pointwise viz-c1']);
    expect(rooflineReadouts(layers, 64).find((r) => r.key === 'bound')!.value).toBe('2 of 2');
  });
});

describe('the roofline controls', () => {
  it('walk BALANCES by stop index and pick any layer', () => {
    const [range, select] = rooflineControls(layers, 8, 'pw');
    expect(range).toMatchObject({ kind: 'range', name: 'balance', value: BALANCES.indexOf(8), min: 0, max: 7 });
    expect(range!.stops).toEqual(['0.5', '1', '2', '4', '8', '16', '32', '64']);
    expect(range!.ends).toEqual(['plenty of bandwidth', 'starved']);
    expect(select).toMatchObject({ kind: 'select', name: 'layer', value: 'pw' });
    expect(select!.options!.map((o) => o.value)).toEqual(['dw', 'pw']);
  });

  it('refuses a balance that is not a stop', () => {
    expect(() => rooflineControls(layers, 3, 'dw')).toThrow(/balance 3 is not one of 0.5, 1, 2/);
  });
});
