// The checks every page must pass: h1, KaTeX rendered where there is math, internal links that
// resolve, and axe-core with no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
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

/**
 * With JavaScript off: visible, enabled buttons, inputs and selects do nothing (unless a form with an
 * action submits them). Each must be hidden or disabled until its script runs.
 */
export async function deadControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea')]
      .filter((el) => el.type !== 'hidden' && !el.matches(':disabled'))
      .filter(
        (el) =>
          el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
          el.getBoundingClientRect().width > 0,
      )
      .filter((el) => !(el.form && el.form.getAttribute('action')))
      .map((el) => {
        const name =
          el.getAttribute('aria-label') || el.textContent?.trim() || el.getAttribute('name') || el.id || el.type;
        const where = el.closest('[id], [data-question], section, aside, header')?.tagName.toLowerCase() ?? '';
        return `${el.tagName.toLowerCase()}${el.type && el.tagName !== 'BUTTON' ? `[type=${el.type}]` : ''} "${String(name).slice(0, 40)}" in ${where}`;
      }),
  );
}

/**
 * Every numeric predict-then-reveal question: neither its prompt nor the visible page above it
 * prints the answer (any number within the question's tolerance, written 37,746,000,000 or 37.7 G
 * or 37G or 12 %), and the unit the input asks for is the unit the prompt asks in and the answer
 * is given in.
 */
export async function questionProblems(page) {
  return page.evaluate(() => {
    const out = [];
    const SUFFIX = {
      k: 1e3,
      K: 1e3,
      thousand: 1e3,
      M: 1e6,
      million: 1e6,
      G: 1e9,
      B: 1e9,
      billion: 1e9,
      T: 1e12,
      '%': 0.01,
    };
    const UNITS = [
      ['FLOPs', /\bFLOPS?\b|\bFLOPs\b/],
      ['MACs', /\bMACs?\b|multiply-adds?\b|\bMAdds\b/i],
      ['parameters', /\bparam(eter)?s\b/i],
      ['bytes', /\bbytes\b|\b[KMG]iB\b/],
    ];
    const unitsIn = (s) => UNITS.filter(([, re]) => re.test(s)).map(([u]) => u);
    for (const q of document.querySelectorAll('[data-question]')) {
      const pq = q.querySelector('predict-question');
      if (!pq || pq.dataset.mode !== 'number') continue;
      const id = q.dataset.question;
      const value = Number(pq.dataset.value);
      const tol = Math.max(Number(pq.dataset.tolerance) || 0, 1e-9);
      // Visible text from the top of the page to the end of the prompt (not the questions' own input hints).
      const stop = q.querySelector('.q-prompt');
      const range = document.createRange();
      range.setStart(document.body, 0);
      range.setEndAfter(stop);
      const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!range.intersectsNode(n)) continue;
        const el = n.parentElement;
        if (
          !el ||
          el.closest('script, style, .katex-mathml, .q-form') ||
          !el.checkVisibility({ visibilityProperty: true })
        )
          continue;
        text += `${n.textContent} `;
      }
      const re = /(\d[\d,]*(?:\.\d+)?)\s?(thousand|million|billion|%|[kKMGBT](?![a-zA-Z]))?/g;
      const hits = new Set();
      // A small whole number (3 blocks, 8 channels) appears everywhere: only answers worth giving away are checked.
      if (Math.abs(value) >= 100 || !Number.isInteger(value)) {
        for (const m of text.matchAll(re)) {
          if (/[A-Za-z]$/.test(text.slice(0, m.index))) continue; // part of a name: B7, conv2d
          const v = Number(m[1].replace(/,/g, '')) * (m[2] ? SUFFIX[m[2]] : 1);
          if (Math.abs(v - value) <= tol * Math.abs(value)) hits.add(m[0].trim());
        }
      }
      if (hits.size)
        out.push(
          `question "${id}": the prompt or the page above it shows the answer (${[...hits].slice(0, 3).join(', ')})`,
        );
      const label = q.querySelector('label[for]')?.textContent ?? '';
      const asked = unitsIn(label);
      const prompt = q.querySelector('.q-prompt')?.textContent ?? '';
      const inPrompt = unitsIn(prompt);
      const inAnswer = unitsIn(pq.dataset.answer ?? '');
      for (const u of asked) {
        if (inPrompt.length && !inPrompt.includes(u))
          out.push(`question "${id}": the input asks for ${u} but the prompt asks in ${inPrompt.join('/')}`);
        if (inAnswer.length && !inAnswer.includes(u))
          out.push(`question "${id}": the input asks for ${u} but the answer is in ${inAnswer.join('/')}`);
      }
    }
    return out;
  });
}

/**
 * Numbers computed into prose that MDX made paragraphs of their own: a `<Computed />` (or any inline
 * figure) alone on a source line between two lines of text becomes a block, so the sentence breaks
 * into three lines on the page ("…the model the column stands for, / 3.01× / as many…").
 */
export async function strandedFigures(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('main .computed, main .fact-figure')) {
      const prev = el.previousElementSibling;
      const next = el.nextElementSibling;
      const parent = el.parentElement;
      if (
        !parent ||
        parent.closest('p, li, td, th, dd, dt, figcaption, summary, label, h1, h2, h3, h4, span, a, strong, em')
      )
        continue;
      if (prev?.tagName === 'P' || next?.tagName === 'P')
        out.push(
          `computed figure "${el.textContent.trim()}" stands as its own block between paragraphs (join its MDX line to the sentence)`,
        );
    }
    return out;
  });
}
