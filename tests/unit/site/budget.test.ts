import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetProblems, JS_BUDGET_BYTES, shippingProblems } from '../../e2e/budget.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string | Uint8Array>): string {
  dir = mkdtempSync(join(tmpdir(), 'dw-budget-'));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

const wasm = new Uint8Array(4096).map((_, i) => (i * 7) & 255);

describe('e2e page budgets', () => {
  it('passes a build whose every file is named by another and shipped once', () => {
    const d = site({
      'index.html': '<script type="module" src="/_astro/page.js"></script>',
      '_astro/page.js': 'new Worker("/_astro/w.js")',
      '_astro/w.js': 'fetch("/ort/ort-wasm-simd-threaded.wasm")',
      'ort/ort-wasm-simd-threaded.wasm': wasm,
    });
    expect(shippingProblems(d)).toEqual([]);
  });

  it('flags the second copy of the ORT wasm that Vite used to emit into _astro/', () => {
    const d = site({
      'index.html': '<script type="module" src="/_astro/w.js"></script>',
      '_astro/w.js':
        'new URL("ort-wasm-simd-threaded-DcHrbrbl.wasm", import.meta.url); "/ort/ort-wasm-simd-threaded.wasm"',
      'ort/ort-wasm-simd-threaded.wasm': wasm,
      '_astro/ort-wasm-simd-threaded-DcHrbrbl.wasm': wasm,
    });
    expect(shippingProblems(d)).toEqual([
      expect.stringMatching(/ships 2 times: .*\/_astro\/ort-wasm-simd-threaded-DcHrbrbl\.wasm/),
    ]);
  });

  it('flags a file that nothing names', () => {
    const d = site({ 'index.html': '<p>hi</p>', '_astro/orphan.js': 'console.log(1)' });
    expect(shippingProblems(d)).toEqual([
      '/_astro/orphan.js ships but no page, script, stylesheet or manifest names it',
    ]);
  });

  it('fails a page over 100 KB of gzipped JavaScript and names its largest scripts', () => {
    expect(budgetProblems({ total: JS_BUDGET_BYTES, scripts: [] })).toEqual([]);
    const over = budgetProblems({
      total: 112_600,
      scripts: [
        { path: '/_astro/live-math.js', gzip: 76_500 },
        { path: '/_astro/d3.js', gzip: 36_100 },
      ],
    });
    expect(over).toHaveLength(1);
    expect(over[0]).toMatch(/112\.6 KB .*\/_astro\/live-math\.js 76\.5 KB/);
  });
});
