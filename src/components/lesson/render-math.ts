/**
 * The browser side of live-math.ts: re-renders a widget's formula when its controls change.
 */
import type katex from 'katex';

/** The accessible name of a display formula's scroll region (build and browser alike). */
export const LABEL = 'Equation (scrolls sideways on narrow screens)';

let katexModule: Promise<typeof katex> | undefined;

/**
 * Browser: re-renders `tex` into `el` and keeps the scroll region reachable; the TeX is kept in
 * data-tex (the build sets it too, beside the pre-rendered HTML). KaTeX (about 75 KB gzipped) is
 * fetched on the first formula that actually changes, so a lesson page loads without it (the
 * page-weight budget, tests/e2e/budget.mjs). The latest call wins if several overlap.
 */
export async function renderMath(el: HTMLElement, tex: string): Promise<void> {
  if (el.dataset.tex === tex && el.querySelector('.katex')) return;
  el.dataset.tex = tex;
  katexModule ??= import('katex').then((m) => m.default);
  const k = await katexModule;
  if (el.dataset.tex !== tex) return;
  k.render(tex, el, { displayMode: true, throwOnError: true, output: 'html' });
  const display = el.querySelector<HTMLElement>('.katex-display');
  if (display) {
    display.tabIndex = 0;
    display.setAttribute('role', 'group');
    display.setAttribute('aria-label', LABEL);
  }
}
