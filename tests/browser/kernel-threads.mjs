// The engine's two kernel threads in real Chromium: `node tests/browser/kernel-threads.mjs`.
// Bundles kernel-threads.worker.ts with esbuild, serves it from a local server twice, with and
// without the cross-origin isolation headers (COOP same-origin, COEP require-corp), and checks that
// an isolated page's engine worker starts its kernel worker and gets MobileNetV2's logits bit for bit
// (every half on the kernel worker), stays on one thread with the same bits when its kernel worker
// throws as it loads or never answers, and that a page without the headers stays on one thread.
// Prints the result of each and exits 1 on a failure.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./kernel-threads.worker.ts', import.meta.url))],
  bundle: true,
  format: 'esm',
  write: false,
  alias: { '~': `${root}src` },
  logLevel: 'warning',
});
const worker = bundle.outputFiles[0].text;
const page = `<!doctype html><title>kernel threads</title><script type="module">
const w = new Worker('/worker.js', { type: 'module' });
window.result = new Promise((resolve) => { w.onmessage = (e) => resolve(e.data); });
</script>`;

function serve(isolated) {
  const headers = isolated
    ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
    : {};
  const server = createServer((req, res) => {
    const js = req.url === '/worker.js';
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html', ...headers });
    res.end(js ? worker : page);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const browser = await launchChromium();
let failed = false;
try {
  for (const isolated of [true, false]) {
    const server = await serve(isolated);
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const r = await tab.evaluate(() => window.result);
    await tab.close();
    server.close();
    const ok = isolated
      ? r.crossOriginIsolated &&
        r.started &&
        r.identical &&
        r.calls > 0 &&
        r.workerRan === r.calls &&
        r.brokenWorkers.length === 2 &&
        r.brokenWorkers.every((b) => !b.started && b.identical) &&
        // the error is noticed before the timeout, the silence at it
        r.brokenWorkers[0].ms < r.brokenWorkers[0].timeoutMs &&
        r.brokenWorkers[1].ms >= r.brokenWorkers[1].timeoutMs
      : !r.crossOriginIsolated && !r.started;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${isolated ? 'isolated page' : 'plain page   '} ${JSON.stringify(r)}`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
