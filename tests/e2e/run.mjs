// End-to-end tests in real Chromium against `astro preview` of the built site.
// 1. Site-wide: every built page (discovered from dist/) at 1280 px (light) and 360 px (dark):
//    status 200, no console errors, no failed requests, no other-origin requests, an h1, KaTeX
//    rendered where there is math, links resolve, axe-core with no serious/critical violation, and a
//    screenshot under screenshots/; the layout checks of layout.mjs (at 360 px nothing scrolls or
//    sticks out sideways without a cue; at both widths no chart label overlaps another or is
//    clipped); no predict-then-reveal question shows its answer above it or asks in the wrong unit;
//    and, with JavaScript off (360 px), no visible enabled control that does nothing.
// 2. Features: every tests/e2e/features/*.mjs spec (clicks and checks one feature), with the layout
//    checks after every interaction, at the spec's width and at 360 px (interactions.mjs).
// Prints one line per failure and last `N passed, N failed`; exits 1 on any failure.
import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './browser.mjs';
import { startPreview } from './server.mjs';
import { builtPages, distDir, openPage } from './pages.mjs';
import { budgetProblems, debuggerTimings, shippingProblems, watchScripts } from './budget.mjs';
import { axeViolations, brokenLinks, deadControls, pageFacts, questionProblems, strandedFigures } from './checks.mjs';
import { layoutProblems, settle } from './layout.mjs';
import { watchInteractions } from './interactions.mjs';

const shotsDir = fileURLToPath(new URL('../../screenshots', import.meta.url));
const featuresDir = fileURLToPath(new URL('./features', import.meta.url));
const only = process.argv[2]; // optional substring filter on page paths / spec names ('/models/$': that path only; E2E_PAGES_ONLY=1: no feature specs)
const matches = (s) => (only.endsWith('$') ? s === only.slice(0, -1) : s.includes(only));

let passed = 0;
let failed = 0;
function record(name, problems) {
  if (problems.length === 0) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}\n${problems.map((p) => `     - ${p}`).join('\n')}`);
  }
}

const slug = (path) => (path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\//g, '__'));

const VIEWPORTS = [
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 360, height: 780, colorScheme: 'dark' },
];

/** Full-page screenshot, cut at 8,000 px so very long pages (a 1,000-layer table) stay quick to capture and open. */
async function screenshot(page, file, width) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 8000) } });
}

/** Runs `task` over `items` with at most `n` in flight (2 cores: a few pages at once keeps CI short). */
async function pool(items, n, task) {
  let next = 0;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}

async function checkPage(browser, base, path, pages) {
  for (const vp of VIEWPORTS) {
    const context = await browser.newContext({
      viewport: { width: vp.width, height: vp.height },
      colorScheme: vp.colorScheme,
    });
    const scripts = watchScripts(context, distDir);
    const { page, response, problems } = await openPage(context, base, path);
    try {
      if (response?.status() !== 200) problems.push(`status ${response?.status()}`);
      const js = scripts.report();
      jsBefore.set(path, js.total);
      problems.push(...budgetProblems(js));
      const facts = await pageFacts(page);
      if (facts.h1.length !== 1 || !facts.h1[0])
        problems.push(`expected exactly one non-empty h1, found ${JSON.stringify(facts.h1)}`);
      if (facts.katexErrors > 0) problems.push(`${facts.katexErrors} KaTeX error(s)`);
      if (!facts.katexFont) problems.push('KaTeX fonts did not load');
      const broken = brokenLinks(facts.links, pages);
      if (broken.length) problems.push(`links to pages that do not exist: ${[...new Set(broken)].join(', ')}`);
      await settle(page);
      problems.push(...(await layoutProblems(page, { sideways: vp.width <= 360, labels: true })));
      if (vp.width > 360) problems.push(...(await questionProblems(page)), ...(await strandedFigures(page)));
      for (const v of await axeViolations(page))
        problems.push(`axe ${v.impact}: ${v.id} (${v.help}) at ${v.nodes.join(' | ')}`);
      await screenshot(page, `${shotsDir}/${slug(path)}-${vp.width}.png`, vp.width);
    } catch (err) {
      problems.push(`check crashed: ${err instanceof Error ? err.message : err}`);
    }
    record(`page ${path} @${vp.width}px ${vp.colorScheme}`, problems);
    await context.close();
  }
  await checkWithoutJs(browser, base, path);
}

/** With JavaScript off, at 360 px: no control that shows and does nothing, and nothing sideways. */
async function checkWithoutJs(browser, base, path) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, javaScriptEnabled: false });
  const { page, problems } = await openPage(context, base, path);
  try {
    for (const c of await deadControls(page))
      problems.push(`shows a control that does nothing without JavaScript: ${c}`);
    problems.push(...(await layoutProblems(page, { sideways: true, labels: false })));
    await page.screenshot({
      path: `${shotsDir}/${slug(path)}-360-nojs.png`,
      fullPage: true,
      clip: {
        x: 0,
        y: 0,
        width: 360,
        height: Math.min(8000, await page.evaluate(() => document.documentElement.scrollHeight)),
      },
    });
  } catch (err) {
    problems.push(`check crashed: ${err instanceof Error ? err.message : err}`);
  }
  record(`page ${path} without JavaScript @360px`, problems);
  await context.close();
}

/** gzipped JavaScript loaded before interaction, per page (printed at the end). */
const jsBefore = new Map();

async function checkBudgets(browser, base) {
  record('the build ships nothing twice and nothing unnamed', shippingProblems(distDir));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context, base, '/models/efficientnet_b0/run/');
  try {
    const t = await debuggerTimings(page);
    console.log(
      `     debugger efficientnet_b0: Load model ${t.loadMs} ms (budget 1000), Step op median ${t.stepMedianMs.toFixed(1)} ms over ${t.stepMs.length} clicks (budget 100)`,
    );
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
  }
  record('debugger timings measured on efficientnet_b0 (reported, not failed)', problems);
  await context.close();
}

async function checkNotFound(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const path = '/no-such-page-here/';
  const { page, response, problems } = await openPage(context, base, path, { allow404: true });
  if (response?.status() !== 404) problems.push(`expected status 404, got ${response?.status()}`);
  const h1 = await page.locator('h1').first().textContent();
  if (!/not found/i.test(h1 ?? '')) problems.push(`404 page h1 is ${JSON.stringify(h1)}`);
  await page.screenshot({ path: `${shotsDir}/404-1280.png`, fullPage: true });
  record('missing page shows the 404 page', problems);
  await context.close();
}

async function runFeatures(browser, base, pages) {
  const files = readdirSync(featuresDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  for (const file of files) {
    const mod = await import(pathToFileURL(`${featuresDir}/${file}`).href);
    for (const spec of mod.default) {
      if (only && !spec.name.includes(only) && !matches(spec.path.split('?')[0])) continue;
      const context = await browser.newContext({ viewport: spec.viewport ?? { width: 1280, height: 900 } });
      const { page: raw, response, problems } = await openPage(context, base, spec.path);
      const watched = watchInteractions(raw, problems);
      try {
        if (response?.status() !== 200) problems.push(`status ${response?.status()}`);
        await spec.run(watched.page, { base, pages, shotsDir });
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
      // The layout checks also look at where a failed spec stopped.
      await watched
        .finish()
        .catch((err) => problems.push(`layout check crashed: ${err instanceof Error ? err.message : err}`));
      record(`${file.replace(/\.mjs$/, '')}: ${spec.name}`, problems);
      await context.close();
    }
  }
}

mkdirSync(shotsDir, { recursive: true });
const pages = builtPages();
if (pages.length === 0) {
  console.error('No built pages in dist/: run `npm run build` first.');
  process.exit(1);
}
const browser = await launchChromium();
const server = await startPreview();
try {
  const selected = pages.filter((path) => !only || matches(path));
  await pool(selected, Number(process.env.E2E_CONCURRENCY ?? 3), (path) =>
    checkPage(browser, server.base, path, pages),
  );
  if (!only) await checkNotFound(browser, server.base);
  if (!only || matches('budget')) await checkBudgets(browser, server.base);
  if (!process.env.E2E_PAGES_ONLY) await runFeatures(browser, server.base, pages);
} finally {
  await browser.close();
  await server.stop();
}
if (jsBefore.size) {
  const [worst, bytes] = [...jsBefore].sort((a, b) => b[1] - a[1])[0];
  console.log(
    `\nJavaScript before interaction (gzip): largest ${(bytes / 1000).toFixed(1)} KB on ${worst} over ${jsBefore.size} pages (budget 100 KB)`,
  );
}
console.log(`\nscreenshots: ${shotsDir}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
