import { describe, expect, it } from 'vitest';
import { checkChoice, checkNumber, parseNumber, withinTolerance, wrongFeedback } from '~/lib/viz/lessons/question.ts';
import { answerValue, formatAnswer, resolveAnswer, AnswerSpecError } from '~/lib/viz/lessons/question-answer.ts';
import { questionFromProps, questionSlug, DEFAULT_TOLERANCE } from '~/components/lesson/question-props.ts';
import { PropError } from '~/components/lesson/props.ts';

const value = (s: string) => {
  const r = parseNumber(s);
  if ('reason' in r) throw new Error(r.reason);
  return r.value;
};

describe('reading a typed prediction', () => {
  it('reads plain, grouped and scientific numbers', () => {
    expect(value('3612672')).toBe(3_612_672);
    expect(value('3,612,672')).toBe(3_612_672);
    expect(value(' 3 612 672 '.replace(/ /g, '\u2009'))).toBe(3_612_672);
    expect(value('1.2e6')).toBe(1_200_000);
    expect(value('.5')).toBe(0.5);
  });

  it('scales by k, M, G, B and by words', () => {
    expect(value('3.6M')).toBeCloseTo(3.6e6);
    expect(value('3.6 m')).toBeCloseTo(3.6e6);
    expect(value('0.39 G')).toBeCloseTo(0.39e9);
    expect(value('300 million')).toBe(3e8);
    expect(value('2.5k')).toBe(2500);
    expect(value('1.2 billion')).toBeCloseTo(1.2e9);
  });

  it('reads fractions, percentages and byte units', () => {
    expect(value('1/9')).toBeCloseTo(1 / 9);
    expect(value('11%')).toBeCloseTo(0.11);
    expect(value('392 KiB')).toBe(392 * 1024);
    expect(value('1.5 MB')).toBe(1.5e6);
  });

  it('ignores a trailing unit word such as MACs or params', () => {
    expect(value('3.6M MACs')).toBeCloseTo(3.6e6);
    expect(value('288 params')).toBe(288);
    expect(value('9x')).toBe(9);
  });

  it('explains what it cannot read', () => {
    for (const bad of ['', 'lots', '1,23', '3.6 Q', '1/0', '1..2']) {
      const r = parseNumber(bad);
      expect('reason' in r, bad).toBe(true);
    }
    expect(parseNumber('3.6 Q')).toEqual({ reason: expect.stringContaining('"Q"') });
  });
});

describe('tolerance', () => {
  it('includes the edge of a relative tolerance and excludes just beyond it', () => {
    expect(withinTolerance(315, 300, 0.05)).toBe(true);
    expect(withinTolerance(285, 300, 0.05)).toBe(true);
    expect(withinTolerance(315.01, 300, 0.05)).toBe(false);
    expect(withinTolerance(284.99, 300, 0.05)).toBe(false);
  });

  it('demands exactness with tolerance 0, up to floating-point noise', () => {
    expect(withinTolerance(56, 56, 0)).toBe(true);
    expect(withinTolerance(57, 56, 0)).toBe(false);
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
  });

  it('uses the tolerance as an absolute distance when the answer is 0', () => {
    expect(withinTolerance(0.01, 0, 0.05)).toBe(true);
    expect(withinTolerance(0.06, 0, 0.05)).toBe(false);
  });

  it('refuses a negative tolerance', () => {
    expect(() => withinTolerance(1, 1, -0.1)).toThrow(/tolerance/);
  });
});

describe('checking a prediction', () => {
  it('accepts an answer within tolerance however it is written', () => {
    expect(checkNumber('3.6M', 3_612_672, 0.05).status).toBe('right');
    expect(checkNumber('3,612,672', 3_612_672, 0).status).toBe('right');
  });

  it('rejects a wrong answer with its direction and factor', () => {
    const r = checkNumber('32.5M', 3_612_672, 0.05);
    expect(r).toMatchObject({ status: 'wrong', direction: 'high' });
    if (r.status === 'wrong') expect(r.factor).toBeCloseTo(9, 1);
    const low = checkNumber('400k', 3_612_672, 0.05);
    expect(low).toMatchObject({ status: 'wrong', direction: 'low' });
  });

  it('reports unreadable input instead of marking it wrong', () => {
    expect(checkNumber('about three', 3, 0.05).status).toBe('unreadable');
  });

  it('says how far off a wrong answer is and spots FLOPs counted as MACs', () => {
    const r = checkNumber('7.2M', 3_612_672, 0.05);
    if (r.status !== 'wrong') throw new Error('expected wrong');
    expect(wrongFeedback(r, 'macs')).toMatch(/too high, about 2× .*FLOPs/);
    expect(wrongFeedback(r, 'params')).not.toMatch(/FLOPs/);
    // Asked in FLOPs, a reader who gives the MAC count is told so.
    const macsForFlops = checkNumber('3612672', 2 * 3_612_672, 0.05);
    if (macsForFlops.status !== 'wrong') throw new Error('expected wrong');
    expect(wrongFeedback(macsForFlops, 'flops')).toMatch(/too low, about 1\/2 .*MAC count/);
    const low = checkNumber('1/90', 1 / 9, 0.05);
    if (low.status !== 'wrong') throw new Error('expected wrong');
    expect(wrongFeedback(low, 'ratio')).toMatch(/too low, about 1\/10 of the answer/);
  });

  it('checks a picked option and asks for a pick when none was made', () => {
    expect(checkChoice(1, 1, 3)).toBe('right');
    expect(checkChoice(0, 1, 3)).toBe('wrong');
    expect(checkChoice(null, 1, 3)).toBe('none');
    expect(() => checkChoice(0, 3, 3)).toThrow(/not one of the 3 options/);
  });
});

describe('computing answers from their description', () => {
  it('computes a depthwise layer’s MACs and params from the cost formula', () => {
    const layer = { h: 112, w: 112, cin: 32, cout: 32, k: 3, groups: 32 };
    expect(answerValue({ kind: 'conv-macs', layer })).toEqual({ value: 112 * 112 * 32 * 9, unit: 'macs' });
    expect(answerValue({ kind: 'conv-params', layer })).toEqual({ value: 32 * 9, unit: 'params' });
  });

  it('computes output sizes with stride, padding and dilation', () => {
    expect(answerValue({ kind: 'output-size', size: 224, k: 3, stride: 2, pad: 1 }).value).toBe(112);
    // Dilation 2 makes a 3×3 kernel span 5: (7 + 0 − 5)/1 + 1 = 3.
    expect(answerValue({ kind: 'output-size', size: 7, k: 3, dilation: 2 }).value).toBe(3);
    expect(() => answerValue({ kind: 'output-size', size: 3, k: 3, dilation: 2 })).toThrow(AnswerSpecError);
  });

  it('computes the separable cost ratio 1/N + 1/k²', () => {
    expect(answerValue({ kind: 'separable-ratio', cin: 512, cout: 512, k: 3 }).value).toBeCloseTo(1 / 512 + 1 / 9, 12);
  });

  it('reads whole-model figures through the zoo and the engine', () => {
    // published.md §1: MobileNetV2 1.0-224 is 300,774,272 conv + linear MACs (torchvision 0.301 G) and 3,504,872 params.
    expect(answerValue({ kind: 'model', model: 'mobilenetv2_100', stat: 'macs' }).value).toBe(300_774_272);
    expect(answerValue({ kind: 'model', model: 'mobilenetv2_100', stat: 'params' }).value).toBe(3_504_872);
    expect(answerValue({ kind: 'model', model: 'mobilenetv2_100', stat: 'flops' })).toEqual({
      value: 2 * 300_774_272,
      unit: 'flops',
    });
    // The unit asked is the unit checked: a FLOPs question labels its input and its answer in FLOPs.
    expect(resolveAnswer({ kind: 'model', model: 'mobilenetv2_100', stat: 'flops' }).text).toBe(
      '601,548,544 FLOPs (602 M)',
    );
  });

  it('sums the matching layers of a model', () => {
    const one = answerValue({ kind: 'layers', model: 'mobilenetv2_100', node: 'blocks.0.0.conv_dw', stat: 'macs' });
    expect(one.value).toBe(112 * 112 * 32 * 9);
    const dwCount = answerValue({ kind: 'layers', model: 'mobilenetv2_100', layerKind: 'depthwise', stat: 'count' });
    expect(dwCount.value).toBe(17); // one depthwise conv per block: 1 + 2 + 3 + 4 + 3 + 3 + 1
    const stage = answerValue({ kind: 'layers', model: 'mobilenetv2_100', scope: 'blocks.1', stat: 'count' });
    expect(stage.value).toBe(6);
  });

  it('divides and sums answers', () => {
    const share = answerValue({
      kind: 'ratio',
      of: { kind: 'layers', model: 'mobilenetv2_100', layerKind: 'depthwise', stat: 'macs' },
      to: { kind: 'model', model: 'mobilenetv2_100', stat: 'macs' },
    });
    expect(share.unit).toBe('ratio');
    expect(share.value).toBeGreaterThan(0);
    expect(share.value).toBeLessThan(0.2);
    const sum = answerValue({
      kind: 'sum',
      of: [
        { kind: 'conv-params', layer: { h: 8, w: 8, cin: 4, cout: 4, k: 3 } },
        { kind: 'conv-params', layer: { h: 8, w: 8, cin: 4, cout: 4, k: 1 } },
      ],
    });
    expect(sum.value).toBe(144 + 16);
  });

  it('names what was received and what was expected when a description is wrong', () => {
    expect(() => answerValue({ kind: 'conv-flops' })).toThrow(/kind is one of .*received \{"kind":"conv-flops"\}/);
    expect(() => answerValue({ kind: 'conv-macs', layer: { h: 8, w: 8, cin: 4, cout: 4, k: 3, groups: 3 } })).toThrow(
      /groups \(3\) must divide/,
    );
    expect(() => answerValue({ kind: 'model', model: 'mobilenetv9', stat: 'macs' })).toThrow(
      /unknown model 'mobilenetv9'/,
    );
    expect(() => answerValue({ kind: 'layers', model: 'mobilenetv2_100', node: 'nope', stat: 'macs' })).toThrow(
      /no layer of mobilenetv2_100 matches/,
    );
    expect(() => answerValue({ kind: 'computed', value: '3', unit: 'macs', source: 'f()' })).toThrow(
      /answer.value expects a finite number.*received "3"/,
    );
    expect(() =>
      answerValue({
        kind: 'sum',
        of: [
          { kind: 'separable-ratio', cin: 8, cout: 8, k: 3 },
          { kind: 'conv-params', layer: { h: 8, w: 8, cin: 4, cout: 4, k: 1 } },
        ],
      }),
    ).toThrow(/mixes units/);
  });

  it('writes answers out with their unit', () => {
    expect(formatAnswer(3_612_672, 'macs')).toBe('3,612,672 MACs (3.61 M)');
    expect(formatAnswer(288, 'params')).toBe('288 parameters');
    expect(formatAnswer(0.11306, 'ratio')).toBe('0.113 (11.3 %)');
    expect(formatAnswer(8.4, 'ratio')).toBe('8.4×');
    expect(formatAnswer(1_605_632, 'bytes')).toBe('1.53 MiB (1,605,632 bytes)');
    expect(resolveAnswer({ kind: 'output-size', size: 224, k: 3, stride: 2, pad: 1 }).text).toBe('112 pixels');
  });
});

describe('<Question> props', () => {
  const numeric = {
    prompt: 'How many MACs?',
    answer: { kind: 'conv-macs', layer: { h: 112, w: 112, cin: 32, cout: 32, k: 3, groups: 32 } },
  };

  it('computes a numeric question with the default tolerance and a slug id', () => {
    const q = questionFromProps(numeric);
    expect(q).toMatchObject({
      mode: 'number',
      id: 'how-many-macs',
      value: 3_612_672,
      tolerance: DEFAULT_TOLERANCE,
      unitLabel: 'MACs',
    });
  });

  it('picks the option with the smallest computed value', () => {
    const q = questionFromProps({
      prompt: 'Which layer does more MACs per byte?',
      options: [
        {
          label: 'the depthwise 3×3',
          value: { kind: 'layers', model: 'mobilenetv2_100', node: 'blocks.1.1.conv_dw', stat: 'intensity' },
        },
        {
          label: 'the expanding 1×1',
          value: { kind: 'layers', model: 'mobilenetv2_100', node: 'blocks.1.1.conv_pw', stat: 'intensity' },
        },
      ],
      answer: { kind: 'choice', pick: 'largest' },
    });
    expect(q.mode).toBe('choice');
    if (q.mode === 'choice') {
      expect(q.correct).toBe(1);
      expect(q.options[0].valueText).toMatch(/MACs per byte$/);
    }
  });

  it('takes a correct label for a conceptual choice', () => {
    const q = questionFromProps({ prompt: 'Which?', options: ['a', 'b'], answer: { kind: 'choice', correct: 'b' } });
    expect(q).toMatchObject({ mode: 'choice', correct: 1, answerText: 'b' });
  });

  it('rejects bad props with what was received and what was expected', () => {
    expect(() => questionFromProps({ answer: numeric.answer })).toThrow(PropError);
    expect(() => questionFromProps({ ...numeric, tolerance: 5 })).toThrow(
      /tolerance" expects a relative tolerance .*received 5/,
    );
    expect(() => questionFromProps({ ...numeric, answer: 3612672 })).toThrow(
      /prop "answer" expects an answer description.*received 3612672/,
    );
    expect(() => questionFromProps({ ...numeric, colour: 'red' })).toThrow(/does not take "colour"/);
    expect(() =>
      questionFromProps({ prompt: 'Which?', options: ['a', 'b'], answer: { kind: 'choice', correct: 'c' } }),
    ).toThrow(/one of the option labels \["a","b"\]; received "c"/);
    expect(() =>
      questionFromProps({ prompt: 'Which?', options: ['a'], answer: { kind: 'choice', correct: 'a' } }),
    ).toThrow(/at least 2 options/);
    expect(() =>
      questionFromProps({ prompt: 'Which?', options: ['a', 'b'], answer: { kind: 'choice', pick: 'largest' } }),
    ).toThrow(/needs a value on every option/);
    expect(() => questionFromProps({ ...numeric, answer: { kind: 'conv-macs', layer: { h: 0 } } })).toThrow(
      /answer.layer.h expects a whole number ≥ 1; received 0/,
    );
  });

  it('accepts a prompt given as a slot', () => {
    expect(questionFromProps({ answer: numeric.answer, id: 'dw' }, true)).toMatchObject({
      id: 'dw',
      prompt: undefined,
    });
  });

  it('makes slugs from prompts', () => {
    expect(questionSlug('How many MACs does 3×3 cost?')).toBe('how-many-macs-does-3-3-cost');
  });
});
