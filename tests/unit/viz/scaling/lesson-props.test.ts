import { describe, expect, it } from 'vitest';
import { scalingLessonProps } from '~/components/lesson/scaling-props.ts';

describe('the lesson playground’s props', () => {
  it('defaults to φ = 1 with every part shown', () => {
    expect(scalingLessonProps({})).toEqual({ phi: 1, hide: [], caption: undefined });
  });

  it('accepts φ, parts to hide and a caption', () => {
    expect(scalingLessonProps({ phi: 3.5, hide: ['grid', 'measure'], caption: 'Try φ = 7.' })).toEqual({
      phi: 3.5,
      hide: ['grid', 'measure'],
      caption: 'Try φ = 7.',
    });
  });

  it('refuses φ out of range with what was received', () => {
    expect(() => scalingLessonProps({ phi: 8 })).toThrow(/prop "phi" expects a number from 0 to 7; received 8/);
    expect(() => scalingLessonProps({ phi: '2' })).toThrow(/prop "phi" expects a number.*received "2"/);
  });

  it('refuses an unknown part to hide, naming the allowed ones', () => {
    expect(() => scalingLessonProps({ hide: ['grid', 'diagram'] })).toThrow(
      /prop "hide" expects a list of "coefficients", "grid", "single", "released", "measure"; received \["grid","diagram"\]/,
    );
  });

  it('refuses an unknown prop', () => {
    expect(() => scalingLessonProps({ alpha: 1.3 })).toThrow(/does not take "alpha"; its props are phi, hide, caption/);
  });
});
