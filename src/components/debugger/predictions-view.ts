/**
 * The predictions panel shown at a classifier's output: the top five classes with their names
 * and softmax probabilities (pure arithmetic in ~/lib/viz/debugger/predictions.ts), and — for the zoo's
 * seeded weights — the untrained badge and a sentence saying the classes mean nothing.
 */
import { formatShare } from '~/lib/viz/charts/number-format.ts';
import { shortClassName, type Prediction } from '~/lib/viz/debugger/predictions.ts';
import { h } from './dom.ts';

export interface PredictionsOptions {
  readonly count: number;
  /** The class list's name, e.g. "ImageNet-1k", or undefined when the classes have no names. */
  readonly listName: string | undefined;
  readonly trained: boolean;
}

export function predictionsView(preds: readonly Prediction[], o: PredictionsOptions): HTMLElement {
  const top = preds[0]?.probability ?? 1;
  const rows = preds.map((p) => {
    const full = p.name ?? `class ${p.index}`;
    // data-p holds the probability in full, so a test can compare two runs bit for bit (one
    // engine thread against two).
    return h(
      'li',
      { 'data-class': p.index, 'data-p': String(p.probability) },
      h('span', { class: 'pred-name', title: full }, p.name ? shortClassName(p.name) : full),
      h(
        'span',
        { class: 'pred-bar', 'aria-hidden': 'true' },
        h('span', { style: `width:${((100 * p.probability) / top).toFixed(1)}%` }),
      ),
      h('span', { class: 'pred-p' }, formatShare(p.probability)),
    );
  });
  return h(
    'section',
    { class: 'dbg-predictions', 'data-dbg': 'predictions', 'aria-label': 'Top-5 predictions' },
    h('h4', {}, 'Top-5 predictions ', o.trained ? null : h('span', { class: 'dbg-untrained' }, 'untrained')),
    o.trained
      ? null
      : h(
          'p',
          { class: 'pred-warn' },
          'These weights are seeded random numbers, not trained ones: the classes below are what noise makes of the image, not what it shows.',
        ),
    h('ol', { class: 'pred-list' }, ...rows),
    h(
      'p',
      { class: 'muted pred-note' },
      `Softmax over the ${o.count.toLocaleString('en-US')} output scores. `,
      o.listName
        ? `Class names: ${o.listName}.`
        : 'This model’s classes have no names here, so they are shown by index.',
    ),
  );
}
