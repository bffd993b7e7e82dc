/**
 * Checks `<Question>`'s props and turns them into what the component renders: the prompt, the
 * answer computed from its description (`~/lib/viz/lessons/question-answer.ts`), and the options of a
 * multiple-choice question. A wrong prop fails the build with a message naming the prop, what was
 * received and what was expected.
 */
import { resolveAnswer, answerValue, type AnswerSpec } from '~/lib/viz/lessons/question-answer.ts';
import type { AnswerUnit } from '~/lib/viz/lessons/question.ts';
import { expectKnownProps, expectOptionalString, expectString, failProp, PropError, shown } from './props.ts';

/** A multiple-choice option: a label, optionally with a computed value shown at the reveal (and used by `pick`). */
export type QuestionOption = string | { label: string; value?: AnswerSpec };

/** `answer` of a multiple-choice question: the correct label, or the option whose value is largest/smallest. */
export type ChoiceAnswer = { kind: 'choice'; correct: string } | { kind: 'choice'; pick: 'largest' | 'smallest' };

export interface QuestionProps {
  prompt?: string;
  answer: AnswerSpec | ChoiceAnswer;
  options?: QuestionOption[];
  tolerance?: number;
  hint?: string;
  id?: string;
  unit?: string;
}

export type QuestionModel =
  | {
      readonly mode: 'number';
      readonly id: string;
      readonly prompt: string | undefined;
      readonly value: number;
      readonly unit: AnswerUnit;
      readonly answerText: string;
      readonly tolerance: number;
      readonly unitLabel: string;
      readonly hint: string | undefined;
    }
  | {
      readonly mode: 'choice';
      readonly id: string;
      readonly prompt: string | undefined;
      readonly options: readonly { readonly label: string; readonly valueText?: string }[];
      readonly correct: number;
      readonly answerText: string;
      readonly hint: string | undefined;
    };

/** Default relative tolerance of a numeric question: 5 %. */
export const DEFAULT_TOLERANCE = 0.05;

const UNIT_LABEL: Record<AnswerUnit, string> = {
  macs: 'MACs',
  flops: 'FLOPs',
  params: 'parameters',
  bytes: 'bytes',
  ratio: '',
  pixels: 'pixels',
  count: '',
  'macs-per-byte': 'MACs per byte',
};

const Q = 'Question';
const C = `<${Q}>`;

/** A slug for ids and test hooks: lower-case words joined by dashes. */
export function questionSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48) || 'question'
  );
}

/** Validates the props; `hasPromptSlot` is true when the prompt comes as `<Fragment slot="prompt">`. */
export function questionFromProps(props: Record<string, unknown>, hasPromptSlot = false): QuestionModel {
  const known = ['prompt', 'answer', 'options', 'tolerance', 'hint', 'id', 'unit'];
  expectKnownProps(Q, props, known);
  const prompt = expectOptionalString(Q, 'prompt', props.prompt);
  if (!prompt && !hasPromptSlot)
    throw new PropError(`${C} needs a question: a "prompt" string or a slot="prompt" child; received neither`);
  const hint = expectOptionalString(Q, 'hint', props.hint);
  const id =
    props.id === undefined
      ? questionSlug(prompt ?? 'question')
      : expectString(Q, 'id', props.id, 'lower-case letters, digits and dashes', /^[a-z0-9][a-z0-9-]*$/);
  const answer = props.answer as Record<string, unknown> | undefined;
  if (typeof answer !== 'object' || answer === null) {
    failProp(
      Q,
      'answer',
      "an answer description such as { kind: 'conv-macs', layer: {…} } or { kind: 'choice', correct: '…' }",
      answer,
    );
  }

  if (answer.kind === 'choice') {
    if (props.tolerance !== undefined)
      throw new PropError(`${C} prop "tolerance" applies to numeric answers only; this question has options`);
    if (props.unit !== undefined)
      throw new PropError(`${C} prop "unit" applies to numeric answers only; this question has options`);
    const raw = props.options;
    if (!Array.isArray(raw) || raw.length < 2) failProp(Q, 'options', 'a list of at least 2 options', raw);
    const options = raw.map((o, i) => {
      if (typeof o === 'string' && o.trim()) return { label: o, spec: undefined };
      if (typeof o === 'object' && o !== null && typeof (o as { label?: unknown }).label === 'string') {
        return { label: (o as { label: string }).label, spec: (o as { value?: unknown }).value };
      }
      failProp(Q, `options[${i}]`, 'a string or { label, value? }', o);
    });
    const labels = options.map((o) => o.label);
    if (new Set(labels).size !== labels.length)
      throw new PropError(`${C} prop "options" has repeated labels: ${shown(labels)}`);
    const values = options.map((o, i) =>
      o.spec === undefined ? undefined : answerValue(o.spec, `${C} options[${i}].value`),
    );
    let correct: number;
    if ('correct' in answer) {
      correct = labels.indexOf(answer.correct as string);
      if (correct < 0)
        throw new PropError(
          `${C} answer.correct expects one of the option labels ${shown(labels)}; received ${shown(answer.correct)}`,
        );
    } else if (answer.pick === 'largest' || answer.pick === 'smallest') {
      if (values.some((v) => v === undefined))
        throw new PropError(
          `${C} answer.pick "${answer.pick}" needs a value on every option; options ${values
            .map((v, i) => (v ? '' : i))
            .filter((x) => x !== '')
            .join(', ')} have none`,
        );
      const nums = values.map((v) => v!.value);
      const best = answer.pick === 'largest' ? Math.max(...nums) : Math.min(...nums);
      if (nums.filter((n) => n === best).length > 1)
        throw new PropError(
          `${C} answer.pick "${answer.pick}": two options tie at ${best}, so no single option is right`,
        );
      correct = nums.indexOf(best);
    } else {
      throw new PropError(
        `${C} answer of kind "choice" expects correct: '<label>' or pick: 'largest' | 'smallest'; received ${shown(answer)}`,
      );
    }
    return {
      mode: 'choice',
      id,
      prompt,
      options: options.map((o, i) =>
        values[i] ? { label: o.label, valueText: resolveAnswer(o.spec).text } : { label: o.label },
      ),
      correct,
      answerText: labels[correct],
      hint,
    };
  }

  if (props.options !== undefined)
    throw new PropError(
      `${C} prop "options" needs answer { kind: 'choice', … }; received answer kind ${shown(answer.kind)}`,
    );
  const tolerance = props.tolerance === undefined ? DEFAULT_TOLERANCE : props.tolerance;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) {
    failProp(Q, 'tolerance', 'a relative tolerance from 0 (exact) to below 1, e.g. 0.05 for 5 %', tolerance);
  }
  let resolved;
  try {
    resolved = resolveAnswer(answer);
  } catch (e) {
    throw new PropError(`${C} prop ${(e as Error).message}`);
  }
  const unitLabel = expectOptionalString(Q, 'unit', props.unit) ?? UNIT_LABEL[resolved.unit];
  return {
    mode: 'number',
    id,
    prompt,
    value: resolved.value,
    unit: resolved.unit,
    answerText: resolved.text,
    tolerance,
    unitLabel,
    hint,
  };
}
