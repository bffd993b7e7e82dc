import { describe, expect, it } from 'vitest';
import { controlProblem } from '~/lib/viz/kit/controls.ts';
import { a1Stages } from '~/lib/viz/lessons/mnasnet-space.ts';
import { filterLabel, layerLabel, pickControls, stageControls } from '~/lib/viz/lessons/mnasnet-space-controls.ts';

describe('the search-space grid’s controls', () => {
  const stages = a1Stages();

  it('offers the seven stages, named by number and input side, starting at the first', () => {
    const [stage] = stageControls(stages, [112, 112, 56, 28, 14, 14, 7]);
    expect(stage.options).toHaveLength(7);
    expect(stage.options![2]).toEqual({ value: '2', label: '3 (56²)' });
    expect(stage.value).toBe('0');
    expect(controlProblem(stage)).toBeNull();
  });

  it('sets every choice of a stage to what A1 picked, among the options the space allows there', () => {
    for (const s of stages) {
      const specs = pickControls(s);
      expect(specs.map((c) => c.name)).toEqual(['op', 'kernel', 'se', 'skip', 'filters', 'layers']);
      for (const c of specs) expect(controlProblem(c)).toBeNull();
      expect(specs.find((c) => c.name === 'filters')!.options!.map((o) => Number(o.value))).toEqual(s.filterOptions);
    }
  });

  it('labels filters by their ratio to MobileNetV2’s and layers by their difference', () => {
    const s = stages[2];
    expect(filterLabel(s.refFilters, s)).toBe(`${s.refFilters} (× 1)`);
    expect(layerLabel(s.refLayers - 1, s)).toBe(`${s.refLayers - 1} (−1)`);
    expect(layerLabel(s.refLayers + 1, s)).toBe(`${s.refLayers + 1} (+1)`);
  });
});
