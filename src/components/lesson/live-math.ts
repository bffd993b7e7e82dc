/**
 * KaTeX for lesson widgets whose formulas change with their controls: rendered to HTML at build
 * time (the page reads without JavaScript) and re-rendered in place in the browser. A display
 * formula wider than a phone scrolls sideways, so, like the site's rehype step for MDX math
 * (`src/lib/site/rehype-scrollable-math.mjs`), it is made keyboard-reachable and labelled.
 * This file runs at build time; the browser side is render-math.ts.
 */
import katex from 'katex';
import { LABEL } from './render-math.ts';

/** Build time: display-math HTML for `tex`. */
export function mathHtml(tex: string): string {
  const html = katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'html' });
  return html.replace(
    '<span class="katex-display">',
    `<span class="katex-display" tabindex="0" role="group" aria-label="${LABEL}">`,
  );
}
