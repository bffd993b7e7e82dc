// Lesson 4: the expansion-ratio explorer, the ReLU-manifold experiment, the engine step cell and
// the three questions. Expected numbers are worked out here from the block's shapes (MobileNetV2
// Table 2: 64 → 64 channels at 14×14, 3×3 depthwise), independently of the site's code.
import assert from 'node:assert/strict';
import { pick, predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { out } from './page-kit.mjs';

const PATH = '/lessons/inverted-residuals/';
const fmt = (n) => Math.round(n).toLocaleString('en-US');
/** Binary units with three significant figures, as a reader would write them. */
const kib = (bytes) => `${+(bytes / 1024).toPrecision(3)} KiB`;

/** The block at expansion t: mid = 64·t (a multiple of 8 for every half step). */
function block(t) {
  const mid = 64 * t;
  const hw = 14 * 14;
  const expand = hw * 64 * mid;
  const dw = hw * mid * 9;
  const project = hw * mid * 64;
  const params = 64 * mid + 2 * mid + 9 * mid + 2 * mid + mid * 64 + 2 * 64;
  const input = 64 * hw * 4;
  const expanded = mid * hw * 4;
  return { mid, expand, dw, project, macs: expand + dw + project, params, input, expanded, peak: input + 2 * expanded };
}

async function slide(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

export default [
  {
    name: 'the expansion slider rebuilds the block with the right MACs, parameters and memory',
    path: PATH,
    async run(page) {
      const w = page.locator('expansion-explorer');
      await w.scrollIntoViewIfNeeded();
      const check = async (t) => {
        const b = block(t);
        assert.equal(await out(w, 't'), String(t));
        assert.equal(await out(w, 'mid'), String(b.mid));
        assert.equal(await out(w, 'macs'), fmt(b.macs));
        assert.equal(await out(w, 'params'), fmt(b.params));
        assert.equal(await out(w, 'expanded'), kib(b.expanded));
        assert.equal(await out(w, 'peak'), kib(b.peak));
        assert.equal(await out(w, 'pw-share'), `${(((b.expand + b.project) / b.macs) * 100).toFixed(1)} %`);
        // The live KaTeX shows this step's total.
        assert.match(
          (await w.locator('[data-out="tex"] .katex-html').textContent()) ?? '',
          new RegExp(fmt(b.macs).replace(/,/g, ',?')),
        );
      };
      await check(6);
      const slider = w.locator('input[name="t"]');
      await slide(slider, 8);
      await check(8);
      // Keyboard: one step left is t = 7.5.
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await check(7.5);
      // The expanded slabs are drawn 7.5× as tall as the input slab.
      await page.waitForTimeout(400);
      const h = async (id) => Number(await w.locator(`rect.fill[data-id="${id}"]`).getAttribute('height'));
      assert.ok(Math.abs((await h('expanded')) / (await h('input')) - 7.5) < 0.1);
      await slide(slider, 1);
      await check(1);
    },
  },
  {
    name: 'the ReLU experiment collapses points in 2 dimensions, none in 30, and none without ReLU',
    path: PATH,
    async run(page) {
      const w = page.locator('bottleneck-manifold');
      await w.scrollIntoViewIfNeeded();
      const lost = async () => Number(await out(w, 'lost'));
      const red = () => w.locator('svg.out circle.lost').count();
      const n2 = await lost();
      assert.ok(n2 > 240 / 4, `n = 2 should collapse many points, got ${n2}`);
      assert.equal(await red(), n2);
      await w.locator('select[name="n"]').selectOption('30');
      assert.equal(await lost(), 0);
      assert.equal(await out(w, 'n'), '30');
      await w.locator('select[name="n"]').selectOption('3');
      const n3 = await lost();
      assert.ok(n3 > 0 && n3 < 240);
      assert.equal(await red(), n3);
      await w.locator('input[name="relu"]').uncheck();
      assert.equal(await lost(), 0);
      assert.equal(await red(), 0);
      await w.locator('input[name="relu"]').check();
      await w.locator('select[name="n"]').selectOption('2');
      await w.locator('button[name="reseed"]').click();
      const again = await lost();
      assert.ok(again > 0, 'a new random matrix in 2 dimensions still collapses points');
      assert.equal(await red(), again);
    },
  },
  // tiny_mobilenetv2 blocks.3.1 (tiny.ts: ir_r2_k3_s1_e6_c24): the stem, stage 1 and stage 2 halve
  // the map, 32 → 4; 24 → 144 → 24 channels, 3×3 depthwise, residual add.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'inverted-residuals',
    id: 'tiny_mobilenetv2',
    scope: 'blocks.3.1',
    firstMacs: 4 * 4 * 24 * 144,
    totalMacs: 4 * 4 * 24 * 144 + 4 * 4 * 144 * 9 + 4 * 4 * 144 * 24,
  }),
  {
    name: 'the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const b = block(6);
      const q1 = page.locator('[data-question="l4-expand-macs"]');
      assert.equal((await predict(q1, String(b.expand / 2))).state, 'wrong');
      assert.equal((await predict(q1, String(b.expand))).state, 'right');

      const q2 = page.locator('[data-question="l4-cheapest-conv"]');
      assert.equal((await pick(q2, 'the 1×1 expansion')).state, 'wrong');
      assert.equal((await pick(q2, 'the 3×3 depthwise filter')).state, 'right');

      const q3 = page.locator('[data-question="l4-expanded-bytes"]');
      assert.equal((await predict(q3, String(b.input))).state, 'wrong');
      assert.equal((await predict(q3, String(b.expanded))).state, 'right');
    },
  },
];
