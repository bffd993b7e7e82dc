// Lesson 2: the sliding-window diagram (picking pixels with mouse and keyboard, stride, padding,
// dilation, an impossible geometry), the step cell on MobileNetV1's stem, and the dilation
// question (question.mjs covers the other two). Expected values are worked out here by hand.
import assert from 'node:assert/strict';
import { predict } from './question-kit.mjs';
import { stepThrough } from './lesson-kit.mjs';
import { withoutJs } from './page-kit.mjs';

const PATH = '/lessons/convolution-cost/';
const outSize = (h, k, s, p, d) => Math.floor((h + 2 * p - d * (k - 1) - 1) / s) + 1;
const out = (root, key) =>
  root
    .locator(`[data-out="${key}"]`)
    .textContent()
    .then((t) => t?.trim());

async function slide(w, name, value) {
  await w.locator(`input[name="${name}"]`).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

export default [
  {
    name: 'picking an output pixel lights its window on every channel',
    path: PATH,
    async run(page) {
      const w = page.locator('conv-window');
      await w.scrollIntoViewIfNeeded();
      // 7×7, 3×3, stride 1, padding 1: output 7×7; pixel (0, 0) reads rows and columns −1…1, five of them padding.
      assert.equal(await out(w, 'out-size'), '7×7');
      assert.equal(await w.locator('.out-grid button').count(), 49);
      assert.equal(await w.locator('svg.in-grid').count(), 3);
      assert.equal(await w.locator('svg.in-grid rect.tap').count(), 3 * 9);
      assert.equal(await w.locator('svg.in-grid rect.tap.pad').count(), 3 * 5);
      assert.equal(await out(w, 'pad-taps'), '5 of 9');
      assert.equal(await out(w, 'per-pixel'), '27');

      await w.locator('.out-grid button[data-oy="3"][data-ox="3"]').click();
      assert.equal(
        await w.locator('.out-grid button[aria-pressed="true"]').getAttribute('aria-label'),
        'output row 3, column 3',
      );
      assert.equal(await w.locator('svg.in-grid rect.tap.pad').count(), 0);
      assert.match(await w.locator('.sum-tex').getAttribute('data-tex'), /out\}\[3, 3\].*x\[c,\\, 2 \+ i,\\, 2 \+ j\]/);
      // The rendered formula follows too (KaTeX is fetched on this first change, not with the page).
      await page.waitForFunction(() =>
        /\[3,3\]/.test(document.querySelector('conv-window .sum-tex .katex')?.textContent?.replace(/\s/g, '') ?? ''),
      );

      // Keyboard: the selected pixel has focus; arrow keys move it.
      await page.keyboard.press('ArrowRight');
      assert.equal(
        await w.locator('.out-grid button[aria-pressed="true"]').getAttribute('aria-label'),
        'output row 3, column 4',
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
        'output row 3, column 4',
      );
    },
  },
  {
    name: 'stride, padding and dilation change the output size to the formula’s value',
    path: PATH,
    async run(page) {
      const w = page.locator('conv-window');
      await w.scrollIntoViewIfNeeded();
      await slide(w, 'stride', 2);
      assert.equal(await out(w, 'out-size'), `${outSize(7, 3, 2, 1, 1)}×${outSize(7, 3, 2, 1, 1)}`);
      assert.equal(await w.locator('.out-grid button').count(), outSize(7, 3, 2, 1, 1) ** 2);
      assert.match(
        await w.locator('.size-tex').getAttribute('data-tex'),
        new RegExp(`= ${outSize(7, 3, 2, 1, 1)} \\\\end`),
      );

      await slide(w, 'stride', 1);
      await slide(w, 'pad', 0);
      await slide(w, 'dilation', 2);
      const n = outSize(7, 3, 1, 0, 2);
      assert.equal(await out(w, 'out-size'), `${n}×${n}`);
      // Dilated taps skip a pixel: pixel (0, 0) reads rows and columns 0, 2, 4.
      assert.match(await w.locator('.sum-tex').getAttribute('data-tex'), /x\[c,\\, 2i,\\, 2j\]/);
      assert.equal(await out(w, 'total'), String(27 * n * n));

      // A 3×3 kernel with dilation 3 spans 7 pixels: it does not fit a 5×5 input without padding.
      await slide(w, 'dilation', 3);
      await slide(w, 'size', 5);
      const alert = w.locator('.problem');
      assert.equal(await alert.isVisible(), true);
      assert.match(await alert.textContent(), /7-wide dilated kernel does not fit/);
      await slide(w, 'pad', 1);
      assert.equal(await alert.isVisible(), false);
      assert.equal(await out(w, 'out-size'), `${outSize(5, 3, 1, 1, 3)}×${outSize(5, 3, 1, 1, 3)}`);
    },
  },
  {
    name: 'the step cell runs MobileNetV1’s stem convolution',
    path: PATH,
    async run(page) {
      // 112 × 112 outputs × 32 channels × 3 × 3 × 3.
      await stepThrough(page, 112 * 112 * 32 * 27, 112 * 112 * 32 * 27);
    },
  },
  {
    name: 'the dilation question accepts only the exact size',
    path: PATH,
    async run(page) {
      const q = page.locator('[data-question="dilated-output-size"]');
      assert.equal((await predict(q, '12')).state, 'wrong'); // forgetting the dilation
      assert.equal((await predict(q, String(outSize(14, 3, 1, 0, 2)))).state, 'right');
    },
  },
  {
    name: 'the window diagram reads as static SVG with JavaScript off',
    path: PATH,
    async run(page, { base }) {
      await withoutJs(page, `${base}${PATH}`, async (p) => {
        const w = p.locator('conv-window');
        assert.equal(await w.locator('svg.in-grid').count(), 3);
        assert.equal(await w.locator('svg.in-grid rect.tap').count(), 27);
        assert.equal(await w.locator('.out-grid button').count(), 49);
        assert.equal(await w.locator('.size-tex .katex').count(), 1);
      });
    },
  },
];
