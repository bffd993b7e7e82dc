import { describe, expect, it } from 'vitest';
import { checkScene, type Mark } from '~/lib/viz/kit/marks.ts';
import { GATE_STEPS, averageDomain, gateControls, gateView } from '~/lib/viz/lessons/gate-scene.ts';

const run = { seed: 0, squeeze: [1, -0.5, 2], gates: [0.5, 0.25, 1], scaled: [0.5, -0.125, 2] };
const bars = (marks: readonly Mark[]) => marks.filter((m) => m.kind === 'rect' && m.class?.startsWith('bar'));

describe('the SE step-through view', () => {
  it('draws one bar per channel in each row, carrying its value, negatives flagged', () => {
    const v = gateView(run, averageDomain([run]));
    expect(v.rows.map((r) => r.key)).toEqual(['squeeze', 'gates', 'scaled']);
    for (const r of v.rows) checkScene(r.scene);
    const sq = bars(v.rows[0]!.scene.marks);
    expect(sq.map((m) => m.data?.value)).toEqual(['1.0000', '-0.5000', '2.0000']);
    expect(sq[1]!.class).toBe('bar squeeze neg');
  });

  it('outlines the squeezed averages behind the scaled ones, and only there', () => {
    const v = gateView(run, averageDomain([run]));
    const ghosts = (i: number) => v.rows[i]!.scene.marks.filter((m) => m.class === 'ghost');
    expect(ghosts(0)).toHaveLength(0);
    expect(ghosts(2)).toHaveLength(3);
    // The outline of channel 2 is the squeeze bar of channel 2.
    const sq2 = bars(v.rows[0]!.scene.marks)[2] as { y: number; height: number };
    expect(ghosts(2)[2]).toMatchObject({ y: sq2.y, height: sq2.height });
  });

  it('words each row’s range, and the averages share one scale across inputs', () => {
    const v = gateView(run, averageDomain([run]));
    expect(v.stats[0]!.value).toBe('Averages from -0.50 to 2.00.');
    expect(v.stats[1]!.value).toBe('Gates from 0.25 to 1.00, mean 0.58.');
    expect(averageDomain([run, { ...run, squeeze: [3], scaled: [-4] }])).toEqual([-4, 4]);
    expect(GATE_STEPS[0]).toBe('Before SE');
    expect(gateControls([0, 1], 1)[0]!.options!.map((o) => o.label)).toEqual([
      'Reference input 1',
      'Reference input 2',
    ]);
  });
});
