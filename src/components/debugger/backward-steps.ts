/**
 * The list of a block's backward steps, output end first, with "Towards the output" / "Towards
 * the input" buttons: the trained debugger's backward view (backward-view.ts) and the training
 * playground's inside view (train/train-inside.ts) step through the engine's backward pass with
 * it. Clicks, the arrow keys on the list and the buttons move one node; `onShow` draws the step.
 */
import { moveStep } from '~/lib/viz/train/train-backward.ts';
import { h } from './dom.ts';

export interface BackwardStepsOptions {
  /** The block's scope; a node's label is its name without this prefix. */
  readonly block: string;
  readonly steps: readonly { readonly node: string; readonly opType: string }[];
  /** Classes of the two buttons, of the list and of a step's button (each page styles its own). */
  readonly classes: { readonly button: string; readonly list: string; readonly step: string };
  /** Draws step `i` (called after the buttons and the list show it as current). */
  readonly onShow: (i: number) => void;
}

export interface BackwardSteps {
  readonly prev: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly list: HTMLOListElement;
  /** Moves to step `i`, focusing its button when `focus`. */
  readonly show: (i: number, focus?: boolean) => void;
}

export function backwardSteps(o: BackwardStepsOptions): BackwardSteps {
  const { steps, block } = o;
  let at = 0;
  const prev = h('button', { type: 'button', class: o.classes.button, 'data-back': 'prev' }, '◀ Towards the output');
  const next = h('button', { type: 'button', class: o.classes.button, 'data-back': 'next' }, 'Towards the input ▶');
  const list = h(
    'ol',
    { class: o.classes.list, 'aria-label': `Backward steps of ${block}` },
    ...steps.map((s, i) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: o.classes.step, 'data-back-step': i },
          `${s.node.slice(block.length + 1) || s.node} · ${s.opType}`,
        ),
      ),
    ),
  );
  const show = (i: number, focus = false): void => {
    at = i;
    prev.disabled = i === 0;
    next.disabled = i === steps.length - 1;
    list
      .querySelectorAll<HTMLButtonElement>('button')
      .forEach((b, k) => b.setAttribute('aria-current', k === i ? 'step' : 'false'));
    if (focus) list.querySelectorAll<HTMLButtonElement>('button')[i]?.focus();
    o.onShow(i);
  };
  prev.addEventListener('click', () => show(moveStep(steps.length, at, -1)));
  next.addEventListener('click', () => show(moveStep(steps.length, at, 1)));
  list.addEventListener('click', (e) => {
    const b = (e.target as Element).closest<HTMLButtonElement>('[data-back-step]');
    if (b) show(Number(b.dataset.backStep));
  });
  list.addEventListener('keydown', (e) => {
    const dir =
      e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    show(moveStep(steps.length, at, dir), true);
  });
  return { prev, next, list, show };
}
