// Screenshot one page region for a look: node scripts/shot.mjs <url-path> <width> <out.png> [scrollY] [height] [dark]
// Serves dist/ with astro preview, like the end-to-end tests.
import { launchChromium } from '../tests/e2e/browser.mjs';
import { startPreview } from '../tests/e2e/server.mjs';

const [path = '/', width = '1280', out = 'shot.png', scrollY = '0', height = '900', dark = ''] = process.argv.slice(2);
const browser = await launchChromium();
const server = await startPreview();
try {
  const ctx = await browser.newContext({
    viewport: { width: Number(width), height: Number(height) },
    colorScheme: dark ? 'dark' : 'light',
  });
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  await page.goto(`${server.base}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate((y) => window.scrollTo(0, y), Number(scrollY));
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  await server.stop();
}
