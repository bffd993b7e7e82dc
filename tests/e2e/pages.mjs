// Discovers the built pages from the build output (never a hand list) and opens pages with
// listeners that record console errors, failed requests and requests to other origins.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build output the tests read: DEPTHWISE_OUT_DIR (as astro.config.mjs) or dist/. */
export const distDir = process.env.DEPTHWISE_OUT_DIR
  ? resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.DEPTHWISE_OUT_DIR)
  : fileURLToPath(new URL('../../dist', import.meta.url));

/** URL paths of every built HTML page except the 404 page, e.g. ['/', '/lessons/'] */
export function builtPages(dir = distDir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'index.html') {
        const rel = relative(dir, d).split(sep).join('/');
        out.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Opens `path` in a fresh page and records everything that should not happen.
 * `allow404` lets the deliberate not-found check pass its own 404.
 */
export async function openPage(context, base, path, { allow404 = false } = {}) {
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(base).origin;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The browser logs the deliberate 404 of the not-found check as a console error.
    if (allow404 && /status of 404/.test(msg.text()) && msg.location()?.url === `${base}${path}`) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  page.on('response', (res) => {
    const status = res.status();
    if (status >= 400 && !(allow404 && status === 404 && res.url() === `${base}${path}`)) {
      problems.push(`HTTP ${status} for ${res.url()}`);
    }
  });
  const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle').catch(() => {});
  return { page, response, problems };
}
