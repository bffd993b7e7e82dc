import { describe, expect, it } from 'vitest';
import { selectControl } from '~/components/kit/select-control.ts';
import { controlProblem, parseControlValue } from '~/lib/viz/kit/controls.ts';

describe('selectControl', () => {
  it('offers every value, in order, under its name, with the current one as the value', () => {
    const c = selectControl('size', 'Model', 'm', ['s', 'm', 'l'] as const, (s) => `V2-${s.toUpperCase()}`);
    expect(c).toEqual({
      kind: 'select',
      name: 'size',
      label: 'Model',
      value: 'm',
      options: [
        { value: 's', label: 'V2-S' },
        { value: 'm', label: 'V2-M' },
        { value: 'l', label: 'V2-L' },
      ],
    });
    expect(controlProblem(c)).toBeNull();
  });

  it('offers numbers as the form strings it reads back', () => {
    const c = selectControl('patch', 'Patch size P', 16, [8, 16, 32], (p) => `${p}×${p}`);
    expect(c.value).toBe('16');
    expect(c.options?.map((o) => o.value)).toEqual(['8', '16', '32']);
    expect(parseControlValue(c, '32')).toBe('32');
    expect(parseControlValue(c, '12')).toBeNull();
  });
});
