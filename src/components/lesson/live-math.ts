/**
 * KaTeX for lesson widgets whose formulas change with their controls: rendered to HTML at build
 * time (the page reads without JavaScript) and re-rendered in place in the browser. A display
 * formula wider than a phone scrolls sideways, so, like the site's rehype step for MDX math
 * (`src/lib/site/rehype-scrollable-math.mjs`), it is made keyboard-reachable and labelled.
 */
import katex from 'katex';

const LABEL = 'Equation (scrolls sideways on narrow screens)';

/** Build time: display-math HTML for `tex`. */
export function mathHtml(tex: string): string {
  const html = katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'html' });
  return html.replace('<span class="katex-display">', `<span class="katex-display" tabindex="0" role="group" aria-label="${LABEL}">`);
}

/** Browser: re-renders `tex` into `el` and keeps the scroll region reachable; the TeX is kept in data-tex for tests. */
export function renderMath(el: HTMLElement, tex: string): void {
  el.dataset.tex = tex;
  katex.render(tex, el, { displayMode: true, throwOnError: true, output: 'html' });
  const display = el.querySelector<HTMLElement>('.katex-display');
  if (display) {
    display.tabIndex = 0;
    display.setAttribute('role', 'group');
    display.setAttribute('aria-label', LABEL);
  }
}
