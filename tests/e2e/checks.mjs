// The checks every page must pass: h1, KaTeX rendered where there is math, internal links that
// resolve, and axe-core with no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function pageFacts(page) {
  return page.evaluate(async () => {
    const h1 = [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? '');
    const katex = document.querySelectorAll('.katex').length;
    const katexErrors = document.querySelectorAll('.katex-error').length;
    await document.fonts.ready;
    const katexFont = katex === 0 || document.fonts.check('16px KaTeX_Main');
    const links = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    return { h1, katex, katexErrors, katexFont, links, overflow };
  });
}

/** Internal links (same origin, no file extension) must point at a built page. */
export function brokenLinks(links, pages) {
  const known = new Set(pages);
  return links
    .filter((href) => href.startsWith('/') && !href.startsWith('//'))
    .map((href) => href.split('#')[0].split('?')[0])
    .filter((p) => p !== '' && !/\.[a-z0-9]+$/i.test(p))
    .filter((p) => !known.has(p.endsWith('/') ? p : `${p}/`));
}
