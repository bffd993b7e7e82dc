import { describe, expect, it } from 'vitest';
import {
  controlProblem,
  controlsQuery,
  formatControlValue,
  parseControls,
  parseControlValue,
  selectControl,
  type ControlSpec,
} from '~/lib/viz/kit/controls.ts';

const k: ControlSpec = { kind: 'range', name: 'k', label: 'Kernel', value: 3, min: 1, max: 7, step: 2 };
const alpha: ControlSpec = {
  kind: 'range',
  name: 'alpha',
  label: 'Width',
  value: 1,
  min: 0.25,
  max: 1,
  step: 0.05,
  unit: '×',
};
const act: ControlSpec = {
  kind: 'select',
  name: 'act',
  label: 'Activation',
  value: 'relu6',
  options: [
    { value: 'relu', label: 'ReLU' },
    { value: 'relu6', label: 'ReLU6' },
  ],
};
const skip: ControlSpec = { kind: 'toggle', name: 'skip', label: 'Skip connection', value: true };
const batch: ControlSpec = { kind: 'number', name: 'batch', label: 'Batch', value: 1, min: 1 };

describe('parseControlValue', () => {
  it('reads a number on the step grid counted from min, as a range input does', () => {
    expect(parseControlValue(k, '5')).toBe(5);
    expect(parseControlValue(k, '4')).toBe(5); // 1 + round(3/2)·2
    expect(parseControlValue(k, '2.9')).toBe(3);
  });

  it('clamps to the bounds', () => {
    expect(parseControlValue(k, '99')).toBe(7);
    expect(parseControlValue(k, '-4')).toBe(1);
    expect(parseControlValue(batch, '0')).toBe(1);
    expect(parseControlValue(batch, '4096')).toBe(4096);
  });

  it('keeps a decimal step exact (0.25 + 9 × 0.05 = 0.7, not 0.7000000000000001)', () => {
    expect(parseControlValue(alpha, '0.7')).toBe(0.7);
    expect(parseControlValue(alpha, '0.71')).toBe(0.7);
  });

  it('returns null for text that is not a number, so the caller keeps its value', () => {
    for (const raw of ['', 'abc', '3px', '1,5', null, undefined]) expect(parseControlValue(k, raw)).toBeNull();
  });

  it('accepts only listed options for a select', () => {
    expect(parseControlValue(act, 'relu')).toBe('relu');
    expect(parseControlValue(act, 'gelu')).toBeNull();
  });

  it('reads toggles from 1/0, true/false and on/off', () => {
    expect(parseControlValue(skip, '0')).toBe(false);
    expect(parseControlValue(skip, 'on')).toBe(true);
    expect(parseControlValue(skip, 'yes')).toBeNull();
  });
});

describe('parseControls and controlsQuery', () => {
  const specs = [k, act, skip];

  it('fall back to each default for missing or malformed parameters', () => {
    expect(parseControls(specs, new URLSearchParams('k=5&act=gelu'))).toEqual({ k: 5, act: 'relu6', skip: true });
  });

  it('read only the parameters with the widget’s prefix', () => {
    expect(parseControls(specs, new URLSearchParams('k=7&cw-k=5&cw-skip=0'), 'cw-')).toEqual({
      k: 5,
      act: 'relu6',
      skip: false,
    });
  });

  it('write only what differs from the defaults, keeping the page’s other parameters', () => {
    const q = controlsQuery(specs, { k: 5, act: 'relu6', skip: false }, '?model=v2&cw-act=relu', 'cw-');
    const params = new URLSearchParams(q);
    expect(params.get('model')).toBe('v2');
    expect(params.get('cw-k')).toBe('5');
    expect(params.get('cw-skip')).toBe('0');
    expect(params.has('cw-act')).toBe(false); // back at its default
    // Round trip.
    expect(parseControls(specs, params, 'cw-')).toEqual({ k: 5, act: 'relu6', skip: false });
  });
});

describe('controlProblem', () => {
  it('accepts well-formed specs', () => {
    for (const c of [k, alpha, act, skip, batch]) expect(controlProblem(c)).toBeNull();
  });

  it('names what is wrong with a spec', () => {
    expect(controlProblem({ ...k, value: 9 })).toMatch(/outside 1…7/);
    expect(controlProblem({ ...k, min: undefined })).toMatch(/needs min and max/);
    expect(controlProblem({ ...act, value: 'gelu' })).toMatch(/not one of its options/);
    expect(controlProblem({ ...skip, value: 'yes' })).toMatch(/true\/false/);
    expect(controlProblem({ ...k, name: '1k' })).toMatch(/must start with a letter/);
  });
});

describe('formatControlValue', () => {
  it('shows the option label, the toggle state, or the number with its unit', () => {
    expect(formatControlValue(act, 'relu')).toBe('ReLU');
    expect(formatControlValue(skip, false)).toBe('off');
    expect(formatControlValue(alpha, 0.5)).toBe('0.5×');
    expect(formatControlValue({ ...batch, unit: 'images' }, 8)).toBe('8 images');
    expect(formatControlValue(k, 3)).toBe('3');
  });
});

describe('selectControl', () => {
  it('offers the labels in their order and accepts only their values', () => {
    const c = selectControl('pair', 'Pair', 'sigmoid', {
      swish: 'swish and h-swish',
      sigmoid: 'sigmoid and hard sigmoid',
    });
    expect(c).toEqual({
      kind: 'select',
      name: 'pair',
      label: 'Pair',
      value: 'sigmoid',
      options: [
        { value: 'swish', label: 'swish and h-swish' },
        { value: 'sigmoid', label: 'sigmoid and hard sigmoid' },
      ],
    });
    expect(controlProblem(c)).toBeNull();
    expect(parseControlValue(c, 'relu')).toBeNull();
  });
});
