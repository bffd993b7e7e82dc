import { describe, expect, it } from 'vitest';
import {
  expectKnownProps,
  expectNumber,
  expectOneOf,
  expectOptionalString,
  expectString,
  failProp,
  PropError,
  checkProps,
  prop,
} from '~/components/lesson/props.ts';

describe('props.ts checks', () => {
  it('expectNumber takes numbers in range and on the grid, and names what it refused', () => {
    expect(expectNumber('W', 'x', 2.5, 1, 10, 0.5)).toBe(2.5);
    expect(expectNumber('W', 'x', 0.3, 0, 1)).toBe(0.3);
    expect(() => expectNumber('W', 'x', 11, 1, 10)).toThrow('<W> prop "x" expects a number from 1 to 10; received 11');
    expect(() => expectNumber('W', 'x', '2', 1, 10)).toThrow(/received "2"/);
    expect(() => expectNumber('W', 'x', Number.NaN, 1, 10)).toThrow(PropError);
  });

  it('expectString refuses empty and non-text values', () => {
    expect(expectString('W', 'id', 'a')).toBe('a');
    expect(() => expectString('W', 'id', '', 'a model id')).toThrow('<W> prop "id" expects a model id; received ""');
    expect(() => expectString('W', 'id', 3)).toThrow(/expects text; received 3/);
  });

  it('expectKnownProps names every unknown prop', () => {
    expect(() => expectKnownProps('W', { a: 1 }, ['a', 'b'])).not.toThrow();
    expect(() => expectKnownProps('W', { a: 1, b: 2, c: 3 }, ['a'])).toThrow(
      '<W> does not take "b", "c"; its props are a',
    );
  });

  it('expectString checks a form when given one', () => {
    expect(expectString('W', 'block', 'blocks.5.1', 'a block scope like "blocks.5.1"', /^blocks\.\d+\.\d+$/)).toBe(
      'blocks.5.1',
    );
    expect(() =>
      expectString('W', 'block', 'blocks.5', 'a block scope like "blocks.5.1"', /^blocks\.\d+\.\d+$/),
    ).toThrow('<W> prop "block" expects a block scope like "blocks.5.1"; received "blocks.5"');
  });

  it('expectOptionalString passes undefined through and checks the rest', () => {
    expect(expectOptionalString('W', 'caption', undefined)).toBeUndefined();
    expect(expectOptionalString('W', 'caption', 'A caption.')).toBe('A caption.');
    expect(() => expectOptionalString('W', 'caption', 42)).toThrow('<W> prop "caption" expects text; received 42');
  });

  it('expectOneOf takes numbers as well as strings', () => {
    expect(expectOneOf('W', 'n', 0.5, [0.25, 0.5, 1])).toBe(0.5);
    expect(() => expectOneOf('W', 'n', '0.5', [0.25, 0.5, 1])).toThrow(
      '<W> prop "n" expects one of 0.25, 0.5, 1; received "0.5"',
    );
    expect(() => expectOneOf('W', 'm', 'c', ['a', 'b'])).toThrow('<W> prop "m" expects one of "a", "b"; received "c"');
  });

  it('failProp words a rule no helper covers the same way', () => {
    expect(() => failProp('W', 'hide', 'a list of "a", "b"', ['c'])).toThrow(
      new PropError('<W> prop "hide" expects a list of "a", "b"; received ["c"]'),
    );
  });
});

describe('checkProps', () => {
  const rules = {
    n: prop.int(1, 5, 2),
    dim: prop.oneOf(['width', 'depth'] as const, 'width'),
    x: prop.number(0, 1, 0.25),
    on: prop.bool(false),
    id: prop.text('a zoo model id'),
    caption: prop.optionalText(),
  };

  it('returns each prop checked, with its default when left out', () => {
    expect(checkProps('W', { id: 'm', x: 0.5 }, rules)).toEqual({
      n: 2,
      dim: 'width',
      x: 0.5,
      on: false,
      id: 'm',
      caption: undefined,
    });
    expect(checkProps('W', { id: 'm', x: 1, n: 5, dim: 'depth', on: true, caption: 'C.' }, rules)).toMatchObject({
      n: 5,
      dim: 'depth',
      on: true,
      caption: 'C.',
    });
  });

  it('words a wrong or missing prop as the expect* checks do', () => {
    expect(() => checkProps('W', { id: 'm', x: 0.3 }, rules)).toThrow(
      '<W> prop "x" expects a number from 0 to 1 in steps of 0.25; received 0.3',
    );
    expect(() => checkProps('W', { x: 0 }, rules)).toThrow('<W> prop "id" expects a zoo model id; received undefined');
    expect(() => checkProps('W', { id: 'm', x: 0, n: 6 }, rules)).toThrow(
      '<W> prop "n" expects a whole number from 1 to 5; received 6',
    );
  });

  it('refuses a prop it has no rule for before checking the others', () => {
    expect(() => checkProps('W', { id: 3, x: 0, colour: 'red' }, rules)).toThrow(
      '<W> does not take "colour"; its props are n, dim, x, on, id, caption',
    );
  });
});
