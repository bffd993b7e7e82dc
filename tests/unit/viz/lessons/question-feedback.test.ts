import { describe, expect, it } from 'vitest';
import { choiceFeedback, numberFeedback } from '~/components/lesson/question-feedback.ts';

/** The data-* attributes Question.astro writes for convolution-cost's depthwise-macs question (56·56·144·9 MACs). */
const depthwiseMacs = {
  mode: 'number',
  value: '4064256',
  tolerance: '0.05',
  unit: 'macs',
  answer: '4,064,256 MACs (4.06 M)',
  hint: 'Each output value sees one channel through a 3×3 window: 9 MACs.',
};

describe('numberFeedback', () => {
  it('turns a wrong prediction away with how far off it is and the hint, then accepts the right one', () => {
    expect(numberFeedback(depthwiseMacs, '999')).toEqual({
      state: 'wrong',
      text: 'Not quite: too low, about 1/4068 of the answer. Hint: Each output value sees one channel through a 3×3 window: 9 MACs. Try again, or show the answer.',
    });
    expect(numberFeedback(depthwiseMacs, '4.1M')).toEqual({
      state: 'right',
      text: 'Right. The answer is 4,064,256 MACs (4.06 M).',
    });
  });

  it('says why it cannot read a reply, instead of calling it wrong', () => {
    const f = numberFeedback(depthwiseMacs, 'lots');
    expect(f.state).toBe('unreadable');
    expect(f.text).toMatch(/^I could not read that: "lots" is not a number I can read .*\.$/);
    expect(numberFeedback(depthwiseMacs, '').text).toBe('I could not read that: type a number first.');
  });

  it('takes the tolerance from the question, and leaves the hint out when there is none', () => {
    // 4.3M is 5.8 % over: wrong within 5 %, right within 10 %.
    expect(numberFeedback(depthwiseMacs, '4.3M').state).toBe('wrong');
    expect(numberFeedback({ ...depthwiseMacs, tolerance: '0.1' }, '4.3M').state).toBe('right');
    const exact = { mode: 'number', value: '28', tolerance: '0', unit: 'pixels', answer: '28 px', hint: '' };
    expect(numberFeedback(exact, '28').state).toBe('right');
    expect(numberFeedback(exact, '29')).toEqual({
      state: 'wrong',
      text: 'Not quite: too high, about 1× the answer. Try again, or show the answer.',
    });
  });
});

describe('choiceFeedback', () => {
  const d = { mode: 'choice', correct: '1', answer: 'pointwise', hint: 'Count the bytes each MAC reads.' };

  it('asks for a pick first, turns a wrong one away with the hint, and accepts the right one', () => {
    expect(choiceFeedback(d, null, 2)).toEqual({ state: 'none', text: 'Pick one of the options first.' });
    expect(choiceFeedback(d, 0, 2)).toEqual({
      state: 'wrong',
      text: 'Not this one. Hint: Count the bytes each MAC reads. Try again, or show the answer.',
    });
    expect(choiceFeedback(d, 1, 2)).toEqual({ state: 'right', text: 'Right: pointwise.' });
    expect(choiceFeedback({ ...d, hint: '' }, 0, 2).text).toBe('Not this one. Try again, or show the answer.');
  });
});
