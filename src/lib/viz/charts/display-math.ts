/**
 * KaTeX display math rendered to an HTML string at build time, for components that compute their
 * formulas (MDX math goes through rehype-katex instead). Like the site's rehype-scrollable-math
 * plugin, it makes the display block keyboard-reachable, because a formula wider than a phone
 * scrolls sideways (WCAG 2.1.1, axe `scrollable-region-focusable`).
 */
import katex from 'katex';

export const DISPLAY_LABEL = 'Equation (scrolls sideways on narrow screens)';

export function displayMath(tex: string): string {
  const html = katex.renderToString(tex, { displayMode: true, throwOnError: true });
  return html.replace(
    '<span class="katex-display">',
    `<span class="katex-display" tabindex="0" role="group" aria-label="${DISPLAY_LABEL}">`,
  );
}
