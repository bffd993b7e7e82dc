// Page budgets (issue 16): the JavaScript a page loads before any interaction, gzip-sized, must
// stay ≤ 100 KB; the build ships nothing twice and nothing that no other file names; the debugger's
// "Load model" and "Step op" times on EfficientNet-B0 are measured and printed (reported, not failed:
// the machine is shared).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped JavaScript a page may load before the reader does anything. */
export const JS_BUDGET_BYTES = 100_000;

const gzSize = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Starts recording the scripts a context's pages request (module scripts, their imports, workers);
 * call before opening the page. `report()` then gives each script's gzipped size, read from the
 * build output the server serves, and the total.
 */
export function watchScripts(context, distDir) {
  const urls = new Set();
  context.on('request', (req) => {
    const type = req.resourceType();
    const path = new URL(req.url()).pathname;
    if (type === 'script' || /\.(m?js)$/.test(path)) urls.add(path);
  });
  return {
    report() {
      const scripts = [...urls].map((path) => {
        let bytes;
        try {
          bytes = readFileSync(join(distDir, decodeURIComponent(path)));
        } catch {
          bytes = Buffer.alloc(0); // a failed request is reported by openPage's own listeners
        }
        return { path, gzip: gzSize(bytes) };
      });
      return { scripts, total: scripts.reduce((s, x) => s + x.gzip, 0) };
    },
  };
}

/** Problems for a page over budget (its largest scripts named), or none. */
export function budgetProblems({ scripts, total }) {
  if (total <= JS_BUDGET_BYTES) return [];
  const top = [...scripts]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 4)
    .map((s) => `${s.path} ${(s.gzip / 1000).toFixed(1)} KB`);
  return [
    `loads ${(total / 1000).toFixed(1)} KB of gzipped JavaScript before interaction (budget ${JS_BUDGET_BYTES / 1000} KB): ${top.join(', ')}`,
  ];
}

function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Shipped on purpose though no file names them: the index of public/models/ (the blocks' names and
 * sha256, read at build time by the step cells) is kept for anyone fetching the blocks by hand.
 */
const NAMED_ELSEWHERE = new Set(['/models/manifest.json']);

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest', '.md']);

/**
 * What the build ships that it should not: files with identical content (e.g. a second copy of
 * onnxruntime-web's wasm emitted by Vite), and files no other file names (an HTML page is an entry
 * point; any other file must be named, by its file name, in some HTML, script, stylesheet or JSON).
 */
export function shippingProblems(distDir) {
  const files = filesUnder(distDir);
  const problems = [];
  const byHash = new Map();
  for (const f of files) {
    const size = statSync(f).size;
    if (size < 1024) continue;
    const h = createHash('sha256').update(readFileSync(f)).digest('hex');
    byHash.set(h, [...(byHash.get(h) ?? []), f]);
  }
  const rel = (f) => `/${relative(distDir, f).split(sep).join('/')}`;
  for (const same of byHash.values()) {
    if (same.length > 1) {
      const mb = (statSync(same[0]).size / 1e6).toFixed(2);
      problems.push(`the same ${mb} MB ships ${same.length} times: ${same.map(rel).join(', ')}`);
    }
  }
  const texts = files.filter((f) => TEXT.has(extname(f))).map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  for (const f of files) {
    if (extname(f) === '.html' || NAMED_ELSEWHERE.has(rel(f))) continue;
    const name = basename(f);
    if (!texts.some((t) => t.f !== f && t.text.includes(name)))
      problems.push(`${rel(f)} ships but no page, script, stylesheet or manifest names it`);
  }
  return problems;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The debugger on EfficientNet-B0: ms from the "Load model" click until it is ready, and from each
 * of `steps` "Step op" clicks until the view shows the next op. Returns the figures (the caller prints them).
 */
export async function debuggerTimings(page, { steps = 15 } = {}) {
  const idle = () =>
    page.waitForFunction(() => !document.querySelector('model-debugger')?.hasAttribute('data-busy'), null, {
      timeout: 120_000,
    });
  await page.locator('model-debugger [data-act="start"]').first().waitFor();
  const t0 = Date.now();
  await page.locator('model-debugger [data-act="start"]').first().click();
  await page.waitForFunction(
    () => /Preprocessing/.test(document.querySelector('[data-dbg="position"]')?.textContent ?? ''),
    null,
    { timeout: 120_000 },
  );
  await idle();
  const loadMs = Date.now() - t0;
  const stepMs = [];
  for (let i = 0; i < steps; i++) {
    // In the page: click "Step op", then wait until the position line shows another op and the
    // debugger is not busy, and one more frame (the updated view painted).
    stepMs.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const prev = document.querySelector('[data-dbg="position"]')?.textContent;
            const t = performance.now();
            document.querySelector('model-debugger [data-act="next"]').click();
            const check = () => {
              const el = document.querySelector('model-debugger');
              const pos = document.querySelector('[data-dbg="position"]')?.textContent;
              if (el && !el.hasAttribute('data-busy') && pos !== prev)
                requestAnimationFrame(() => resolve(performance.now() - t));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
      ),
    );
  }
  return { loadMs, stepMedianMs: median(stepMs), stepMs };
}
