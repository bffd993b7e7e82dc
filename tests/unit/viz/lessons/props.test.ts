import { describe, expect, it } from 'vitest';
import {
  expectKnownProps,
  expectNumber,
  expectOneOf,
  expectOptionalString,
  expectString,
  failProp,
  PropError,
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
