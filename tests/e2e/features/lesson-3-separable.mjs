// Lesson 3: the morph slider and layer picker, the width/resolution sliders and the paper table,
// and the three questions. Expected numbers are computed here from the formulas and MobileNetV1's
// layer list (paper Table 1, timm rounding), independently of the site's code.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { pick, predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { withoutJs } from './page-kit.mjs';

const { mobilenetV1ByHand } = await tsImport(
  new URL('../../fixtures/paper-tables.ts', import.meta.url).href,
  import.meta.url,
);

const PATH = '/lessons/depthwise-separable/';
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const mobilenetV1Macs = (alpha, res) => mobilenetV1ByHand(alpha, res).macs;

async function slide(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

const out = (root, key) =>
  root
    .locator(`[data-out="${key}"]`)
    .textContent()
    .then((t) => t?.trim());

export default [
  {
    name: 'the morph slider walks a layer from standard to separable with the right costs',
    path: PATH,
    async run(page) {
      const w = page.locator('separable-morph');
      await w.scrollIntoViewIfNeeded();
      // Static render: layer 7, 14×14, 512 → 512, standard.
      assert.equal(await out(w, 'macs'), fmt(14 * 14 * 9 * 512 * 512));
      assert.equal(await out(w, 'ratio'), '1.00');
      const slider = w.locator('input[name="stage"]');
      assert.equal(await slider.getAttribute('max'), '5');

      await slide(slider, 1); // 2 groups
      assert.equal(await out(w, 'stage'), 'grouped convolution, 2 groups');
      assert.equal(await out(w, 'macs'), fmt((14 * 14 * 9 * 512 * 512) / 2));
      assert.equal(await out(w, 'ratio'), '0.500');

      await slide(slider, 5); // separable
      assert.equal(await out(w, 'macs'), fmt(14 * 14 * (9 * 512 + 512 * 512)));
      assert.equal(await out(w, 'params'), fmt(9 * 512 + 512 * 512));
      assert.equal(await out(w, 'ratio'), (1 / 512 + 1 / 9).toPrecision(3));
      const tex = await w.locator('[data-tex-id="ratio"]').getAttribute('data-tex');
      assert.match(tex, /\\frac\{1\}\{512\} \+ \\frac\{1\}\{9\}/);
      assert.equal(await w.locator('[data-tex-id="ratio"] .katex').count(), 1);
      // 16 depthwise lines and a 16 × 16 pointwise fan.
      assert.equal(await w.locator('svg.diagram line.edge').count(), 16 + 16 * 16);

      // Keyboard: Home goes back to the standard convolution.
      await slider.focus();
      await page.keyboard.press('Home');
      assert.equal(await out(w, 'stage'), 'standard convolution');

      // Layer 1: 112×112, 32 → 64; separable = 112²·(9·32 + 32·64), ratio 1/64 + 1/9.
      await w.locator('select[name="layer"]').selectOption('0');
      await slide(slider, Number(await slider.getAttribute('max')));
      assert.equal(await out(w, 'macs'), fmt(112 * 112 * (9 * 32 + 32 * 64)));
      assert.equal(await out(w, 'ratio'), (1 / 64 + 1 / 9).toPrecision(3));
    },
  },
  {
    name: 'the multiplier sliders move to the real model’s MACs and highlight the paper row',
    path: PATH,
    async run(page) {
      const w = page.locator('multiplier-curves');
      await w.scrollIntoViewIfNeeded();
      assert.equal(await out(w, 'macs'), fmt(mobilenetV1Macs(0.75, 224)));
      assert.equal(await w.locator('tr[aria-current="true"]').getAttribute('data-row'), '0.75@224');

      await slide(w.locator('input[name="width"]'), 1); // α = 0.5
      await slide(w.locator('input[name="resolution"]'), 1); // 160 px
      assert.equal(await out(w, 'width'), '0.5');
      assert.equal(await out(w, 'resolution'), '160');
      assert.equal(await out(w, 'macs'), fmt(mobilenetV1Macs(0.5, 160)));
      assert.equal(await out(w, 'estimate'), fmt(mobilenetV1Macs(1, 224) * 0.25 * (160 / 224) ** 2));
      // No paper row for α = 0.5 at 160 px: nothing highlighted.
      assert.equal(await w.locator('tr[aria-current="true"]').count(), 0);
      assert.match(await w.locator('.math').getAttribute('data-tex'), /0\.5\^2/);

      await slide(w.locator('input[name="width"]'), 3); // α = 1 at 160: paper Table 7 row
      assert.equal(await out(w, 'macs'), fmt(mobilenetV1Macs(1, 160)));
      assert.equal(await w.locator('tr[aria-current="true"]').getAttribute('data-row'), '1@160');
      await page.waitForTimeout(400);
      assert.equal(
        await w.locator('svg[data-axis="width"] circle.selected').getAttribute('data-id'),
        'mobilenetv1_100_160',
      );
    },
  },
  // tiny_mobilenetv1 blocks.3.1 (tiny.ts: dsa_r2_k3_s2_c256): the stem and stages 1–3 halve the
  // map four times, 32 → 2; depthwise 3×3 on 256 channels, then pointwise 256 → 256.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'separable',
    id: 'tiny_mobilenetv1',
    scope: 'blocks.3.1',
    firstMacs: 2 * 2 * 256 * 9,
    totalMacs: 2 * 2 * 256 * 9 + 2 * 2 * 256 * 256,
  }),
  {
    name: 'the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const ratio = page.locator('[data-question="separable-ratio"]');
      assert.equal((await predict(ratio, '1/512')).state, 'wrong');
      assert.equal((await predict(ratio, String(1 / 512 + 1 / 9))).state, 'right');

      const half = page.locator('[data-question="half-width-macs"]');
      // Forgetting to square α: half of the full model.
      assert.equal((await predict(half, String(mobilenetV1Macs(1, 224) / 2))).state, 'wrong');
      const r = await predict(half, String(mobilenetV1Macs(0.5, 224)));
      assert.equal(r.state, 'right');
      assert.match(r.text, new RegExp(fmt(mobilenetV1Macs(0.5, 224))));

      const which = page.locator('[data-question="width-or-resolution"]');
      assert.ok(mobilenetV1Macs(1, 160) < mobilenetV1Macs(0.75, 224));
      assert.equal((await pick(which, 'α = 0.75 at 224×224')).state, 'wrong');
      assert.equal((await pick(which, 'α = 1 at 160×160')).state, 'right');
    },
  },
  {
    name: 'the morph and the curves read as static SVG with JavaScript off',
    path: PATH,
    async run(page, { base }) {
      await withoutJs(page, `${base}${PATH}`, async (p) => {
        assert.equal(await p.locator('separable-morph svg.diagram line.edge').count(), 16 * 16);
        assert.equal(await p.locator('separable-morph .morph-tex .katex').count(), 2);
        assert.equal(await p.locator('multiplier-curves circle.dot').count(), 8);
        assert.equal(await p.locator('multiplier-curves tr[aria-current="true"]').getAttribute('data-row'), '0.75@224');
      });
    },
  },
];
