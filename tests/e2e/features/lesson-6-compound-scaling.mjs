// Lesson 6: single-dimension scaling, the φ widget, the embedded playground, and the three
// questions. Expected numbers come from Equation 3 and timm's rounding rules worked out here
// (make_divisible to 8 with the 10 % rule, repeats by ceil), independently of the site's code.
import assert from 'node:assert/strict';
import { pick, predict } from './question-kit.mjs';
import { checkTrainedScaling } from './trained-scaling-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { out } from './page-kit.mjs';

const PATH = '/lessons/compound-scaling/';
const divisible = (v) => {
  let n = Math.max(8, Math.floor(v + 4) - (Math.floor(v + 4) % 8));
  if (n < 0.9 * v) n += 8;
  return n;
};
const B0_REPEATS = [1, 2, 2, 3, 3, 4, 1];

async function slide(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

export default [
  {
    name: 'the trained φ points: a circle per run of every complete scaling model of the manifest, verdicts by the seed spread',
    path: PATH,
    run: checkTrainedScaling,
  },
  {
    name: 'the φ slider fills Equation 3 and builds the scaled model with the rounded sizes',
    path: PATH,
    async run(page) {
      const w = page.locator('compound-phi');
      await w.scrollIntoViewIfNeeded();
      const check = async (phi) => {
        const d = 1.2 ** phi;
        const wd = 1.1 ** phi;
        const res = Math.round((224 * 1.15 ** phi) / 8) * 8;
        assert.equal(await out(w, 'phi'), String(phi));
        assert.equal(await out(w, 'resolution'), String(res));
        assert.equal(await out(w, 'blocks'), String(B0_REPEATS.reduce((s, r) => s + Math.ceil(r * d), 0)));
        assert.equal(await out(w, 'channels'), `${divisible(32 * wd)} / ${divisible(1280 * wd)}`);
        assert.equal(await w.locator('[data-eq="d"]').textContent(), d.toFixed(2), 'Equation 3 shows d = α^φ');
        assert.equal(await w.locator('[data-eq="w"]').textContent(), wd.toFixed(2), 'Equation 3 shows w = β^φ');
      };
      await check(1);
      const dot = w.locator('circle.dot');
      const x1 = Number(await dot.getAttribute('cx'));
      const slider = w.locator('input[name="phi"]');
      await slide(slider, 3);
      await check(3);
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await check(3.1); // the playground's step of 0.1
      await page.waitForTimeout(300);
      assert.ok(Number(await dot.getAttribute('cx')) > x1, 'the marker moves right with φ');
      await slide(slider, 0);
      await check(0);
      assert.equal(await out(w, 'ratio'), '1.00×');
    },
  },
  {
    name: 'single-dimension scaling shows each Figure 3 model with its cost',
    path: PATH,
    async run(page) {
      const w = page.locator('compound-saturation');
      await w.scrollIntoViewIfNeeded();
      assert.equal(await out(w, 'coef'), 'w = 5');
      assert.equal(await out(w, 'rule'), 'w²');
      assert.equal(await out(w, 'ideal'), '25.00');
      await w.locator('input[name="dim"][value="depth"]').check();
      assert.equal(await w.locator('[data-panel="depth"]').isVisible(), true);
      assert.equal(await w.locator('[data-panel="width"]').isVisible(), false);
      assert.equal(await out(w, 'coef'), 'd = 8');
      // Depth 8: repeats ceil(8·r) = 8·r exactly, so MACs are close to 8× B0 (stem and head do not repeat).
      const ratio = Number(await out(w, 'ratio'));
      assert.ok(ratio > 7.6 && ratio < 8.4, `d = 8 costs ${ratio}× B0`);
      await w.locator('input[name="dim"][value="resolution"]').check();
      assert.equal(await out(w, 'coef'), 'r = 2.5 (560×560)');
      await slide(w.locator('input[name="step"]'), 0);
      assert.equal(await out(w, 'coef'), 'r = 1 (224×224)');
      assert.equal(await out(w, 'ratio'), '1.00');
    },
  },
  {
    name: 'the embedded playground responds to φ',
    path: PATH,
    async run(page) {
      const embed = page.locator('.scaling-embed');
      await embed.scrollIntoViewIfNeeded();
      const slider = embed.locator('input[type="range"]').first();
      const before = await embed.textContent();
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
      assert.notEqual(await embed.textContent(), before, 'the playground numbers change with φ');
    },
  },
  // tiny_efficientnet_b1 blocks.1.1, the repeat depth scaling adds (⌈1 · 1.2⌉ = 2 blocks in stage 1):
  // side round(32 · 1.15) = 37, the stem gives ⌈37 / 2⌉ = 19, stage 1 strides to 10; 16 → 96 → 16
  // channels (16 · 1.1 rounds back to 16), 3×3 depthwise, SE 96 → 16 / 4 = 4 → 96, residual add.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'compound',
    id: 'tiny_efficientnet_b1',
    scope: 'blocks.1.1',
    firstMacs: 10 * 10 * 16 * 96,
    totalMacs: 10 * 10 * 16 * 96 + 10 * 10 * 96 * 9 + 2 * 96 * 4 + 10 * 10 * 96 * 16,
  }),
  {
    name: 'the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="l6-double-width-or-resolution"]');
      assert.equal((await pick(q1, 'doubling the width')).state, 'wrong');
      assert.equal((await pick(q1, 'doubling the resolution')).state, 'right');

      const q2 = page.locator('[data-question="l6-constraint"]');
      assert.equal((await predict(q2, '2.2')).state, 'wrong');
      assert.equal((await predict(q2, String(1.2 * 1.1 ** 2 * 1.15 ** 2))).state, 'right');

      const q3 = page.locator('[data-question="l6-b7-macs"]');
      assert.equal((await predict(q3, '10G')).state, 'wrong');
      // torchvision efficientnet_b7 _ops at 600 px: 37.746 GMACs.
      assert.equal((await predict(q3, '37.7G')).state, 'right');
    },
  },
];
