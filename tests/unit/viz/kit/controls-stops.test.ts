import { describe, expect, it } from 'vitest';
import {
  choices,
  controlProblem,
  formatControlValue,
  rangeEnds,
  stopValueText,
  parseControlValue,
  stopName,
  type ControlSpec,
} from '~/lib/viz/kit/controls.ts';

const models: ControlSpec = {
  kind: 'range',
  name: 'b',
  label: 'Model',
  value: 2,
  min: 0,
  max: 7,
  step: 1,
  stops: ['B0', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'],
};

describe('a range with named stops', () => {
  it('reads its value by the stop’s name', () => {
    expect(formatControlValue(models, 2)).toBe('B2');
    expect(formatControlValue(models, 7)).toBe('B7');
    expect(stopName(models, 0)).toBe('B0');
  });

  it('names stops on a grid that does not start at zero', () => {
    const phi: ControlSpec = {
      kind: 'range',
      name: 'phi',
      label: 'φ',
      value: 1,
      min: 1,
      max: 2,
      step: 0.5,
      stops: ['low', 'mid', 'high'],
    };
    expect(controlProblem(phi)).toBeNull();
    expect(formatControlValue(phi, 1.5)).toBe('mid');
    expect(formatControlValue(phi, parseControlValue(phi, '1.9')!)).toBe('high');
  });

  it('refuses a list of names that does not match its stops, saying how many it needs', () => {
    expect(controlProblem({ ...models, stops: ['B0', 'B1'] })).toBe(
      'range "b": 2 stop names for 8 stops (0…7 in steps of 1)',
    );
    expect(controlProblem({ ...models, kind: 'number' })).toMatch(/only a range has named stops/);
  });

  it('leaves a range without names reading its number', () => {
    expect(stopName({ ...models, stops: undefined }, 3)).toBeNull();
    expect(formatControlValue({ ...models, stops: undefined }, 3)).toBe('3');
  });
});

describe('a radio group', () => {
  const dim: ControlSpec = {
    kind: 'radio',
    name: 'dim',
    label: 'Scale only',
    value: 'width',
    options: [
      { value: 'width', label: 'width' },
      { value: 'depth', label: 'depth' },
    ],
  };

  it('takes only one of its options', () => {
    expect(controlProblem(dim)).toBeNull();
    expect(parseControlValue(dim, 'depth')).toBe('depth');
    expect(parseControlValue(dim, 'height')).toBeNull();
    expect(controlProblem({ ...dim, value: 'height' })).toBe('radio "dim": value "height" is not one of its options');
    expect(controlProblem({ ...dim, options: [] })).toBe('radio "dim" needs options');
  });
});

describe('a range with ends and a unit after its stop names', () => {
  const balance: ControlSpec = {
    kind: 'range',
    name: 'balance',
    label: 'Machine balance B',
    value: 1,
    min: 0,
    max: 2,
    step: 1,
    stops: ['0.5', '8', '64'],
    unit: 'MACs per byte',
    ends: ['plenty of bandwidth', 'starved'],
  };

  it('reads the stop name in the output and the name with its unit aloud', () => {
    expect(formatControlValue(balance, 2)).toBe('64');
    expect(stopValueText(balance, 2)).toBe('64 MACs per byte');
    expect(stopValueText({ ...balance, unit: undefined }, 0)).toBe('0.5');
    expect(stopValueText({ ...balance, stops: undefined }, 0)).toBeNull();
  });

  it('puts its own words under the ends, else the first and last stop names', () => {
    expect(rangeEnds(balance)).toEqual(['plenty of bandwidth', 'starved']);
    expect(rangeEnds({ ...balance, ends: undefined })).toEqual(['0.5', '64']);
    expect(rangeEnds({ ...balance, ends: undefined, stops: undefined })).toBeNull();
  });

  it('refuses ends on anything but a range', () => {
    expect(controlProblem(balance)).toBeNull();
    expect(controlProblem({ kind: 'number', name: 'n', label: 'N', value: 1, ends: ['a', 'b'] })).toBe(
      `number "n": ends are two words under a range's ends`,
    );
  });
});

describe('choices', () => {
  it('keeps the pairs in the order written', () => {
    expect(choices({ both: 'both', printed: 'as printed' })).toEqual([
      { value: 'both', label: 'both' },
      { value: 'printed', label: 'as printed' },
    ]);
  });
});
