/**
 * What a predict-then-check question says to a reply: the feedback's state (the data-state the
 * page styles and the tests read) and its words, from the answer the build computed and wrote into
 * the <predict-question> element's data-* attributes. Pure, so the checking flow is unit-tested
 * without a browser; the element only reads the form and shows the result.
 */
import { checkChoice, checkNumber, wrongFeedback, type AnswerUnit } from '~/lib/viz/lessons/question.ts';

/** The element's data-* attributes (its dataset), written by Question.astro: mode, value, tolerance, unit, correct, answer, hint. */
export type QuestionData = Readonly<Record<string, string | undefined>>;

export interface Feedback {
  readonly state: 'right' | 'wrong' | 'unreadable' | 'none';
  readonly text: string;
}

const hintOf = (d: QuestionData): string => (d.hint ? ` Hint: ${d.hint}` : '');

/** Feedback on a typed prediction (a numeric question). */
export function numberFeedback(d: QuestionData, typed: string): Feedback {
  const r = checkNumber(typed, Number(d.value), Number(d.tolerance));
  if (r.status === 'unreadable') return { state: 'unreadable', text: `I could not read that: ${r.reason}.` };
  if (r.status === 'right') return { state: 'right', text: `Right. The answer is ${d.answer}.` };
  return {
    state: 'wrong',
    text: `${wrongFeedback(r, d.unit as AnswerUnit)}${hintOf(d)} Try again, or show the answer.`,
  };
}

/** Feedback on a picked option (multiple choice); `picked` is null when none is. */
export function choiceFeedback(d: QuestionData, picked: number | null, count: number): Feedback {
  const verdict = checkChoice(picked, Number(d.correct), count);
  if (verdict === 'none') return { state: 'none', text: 'Pick one of the options first.' };
  if (verdict === 'right') return { state: 'right', text: `Right: ${d.answer}.` };
  return { state: 'wrong', text: `Not this one.${hintOf(d)} Try again, or show the answer.` };
}
