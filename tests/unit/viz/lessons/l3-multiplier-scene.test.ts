import { describe, expect, it } from 'vitest';
import { checkScene, type CircleMark } from '~/lib/viz/kit/marks.ts';
import { curvePanels, type FamilyPoint } from '~/lib/viz/lessons/multiplier-curves.ts';
import { multiplierReadouts, panelScene } from '~/lib/viz/lessons/multiplier-curves-scene.ts';

// A synthetic family whose MACs are exactly 1e6 · (100 α² ρ²), so every value is known in advance.
const points: FamilyPoint[] = [0.25, 0.5, 0.75, 1].flatMap((width) =>
  [128, 160, 192, 224].map((resolution) => ({
    id: `m_${width}_${resolution}`,
    width,
    resolution,
    macs: 1e8 * width ** 2 * (resolution / 224) ** 2,
    params: 1e6 * width ** 2,
  })),
);

describe('lesson 3 multiplier curves as kit data', () => {
  it('draws one dot per model along each axis, the selected one larger and marked', () => {
    const [w, r] = curvePanels(points, 0.5, 160).map((p) => checkScene(panelScene(p)));
    const dots = (s: typeof w) => s!.marks.filter((m): m is CircleMark => m.kind === 'circle');
    expect(dots(w)).toHaveLength(4);
    expect(dots(r)).toHaveLength(4);
    const sel = dots(w).filter((d) => d.class === 'dot selected');
    expect(sel).toEqual([expect.objectContaining({ key: 'm_0.5_160', r: 6, data: { id: 'm_0.5_160' } })]);
    expect(w!.marks.some((m) => m.kind === 'path' && m.class === 'curve')).toBe(true);
  });

  it('reads out the engine’s MACs beside the α²ρ² estimate from the full model', () => {
    const full = points.find((p) => p.width === 1 && p.resolution === 224)!;
    const sel = points.find((p) => p.width === 0.5 && p.resolution === 160)!;
    const r = Object.fromEntries(multiplierReadouts(full, sel).map((x) => [x.key, x.value]));
    const want = Math.round(1e8 * 0.25 * (160 / 224) ** 2);
    expect(r.macs).toBe(want.toLocaleString('en-US'));
    expect(r.estimate).toBe(want.toLocaleString('en-US'));
  });
});
