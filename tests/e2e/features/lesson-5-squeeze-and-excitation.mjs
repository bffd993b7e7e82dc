// Lesson 5: the squeeze → excite → scale step-through, the SE cost chart, the engine step cell and
// the three questions. Expected numbers are worked out here: the scale step is checked against
// squeeze × gate read from the page's own bars, and SE parameter counts from the SE widths of each
// family (EfficientNet §4 Table 1 with a quarter of the block input; MobileNetV3 §5.3 with a
// quarter of the expanded channels, rounded to 8), independently of the site's code.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { pick, predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { out } from './page-kit.mjs';

const { B0_SE, seParams } = await tsImport(
  new URL('../../fixtures/paper-tables.ts', import.meta.url).href,
  import.meta.url,
);

const PATH = '/lessons/squeeze-and-excitation/';
const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function values(w, row) {
  return w
    .locator(`[data-row="${row}"] rect.bar`)
    .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-value'))));
}

export default [
  {
    name: 'the SE step-through reveals squeeze, excite and scale, and each scaled channel is its average times its gate',
    path: PATH,
    async run(page) {
      const w = page.locator('gate-stepper');
      await w.scrollIntoViewIfNeeded();
      const visible = (row) => w.locator(`[data-row="${row}"]`).isVisible();
      assert.equal(await out(w, 'where'), 'Before SE');
      assert.equal(await visible('squeeze'), false);
      const next = w.locator('[data-action="next"]');
      await next.click();
      assert.equal(await visible('squeeze'), true);
      assert.equal(await visible('gates'), false);
      await next.click();
      assert.equal(await visible('gates'), true);
      await next.click();
      assert.equal(await visible('scaled'), true);
      assert.equal(await next.isDisabled(), true);
      assert.equal(await out(w, 'where'), 'Step 3 of 3: scale');

      for (const seed of ['0', '1']) {
        await w.locator('select[name="seed"]').selectOption(seed);
        const [sq, g, sc] = [await values(w, 'squeeze'), await values(w, 'gates'), await values(w, 'scaled')];
        assert.equal(sq.length, 32);
        assert.equal(g.length, 32);
        for (const v of g) assert.ok(v > 0 && v < 1, `gate ${v} is between 0 and 1`);
        sc.forEach((v, i) => assert.ok(Math.abs(v - sq[i] * g[i]) < 2e-4, `channel ${i}: ${v} = ${sq[i]} × ${g[i]}`));
      }
      const before = await values(w, 'gates');
      await w.locator('select[name="seed"]').selectOption('2');
      assert.notDeepEqual(await values(w, 'gates'), before);
      await w.locator('[data-action="back"]').click();
      assert.equal(await visible('scaled'), false);
    },
  },
  {
    name: 'the SE cost chart switches models and shows their SE parameter shares',
    path: PATH,
    async run(page) {
      const w = page.locator('se-cost-chart');
      await w.scrollIntoViewIfNeeded();
      const b0 = seParams(B0_SE);
      assert.equal(await out(w, 'se-params'), fmt(b0));
      assert.equal(await out(w, 'params'), fmt(5_288_548)); // torchvision efficientnet_b0 num_params
      assert.equal(await out(w, 'params-pct'), `${((100 * b0) / 5_288_548).toFixed(1)} %`);

      await w.locator('select[name="model"]').selectOption('mobilenetv3_large_100');
      // MobileNetV3-Large SE blocks: expanded 72 (→24), 120 ×2 (→32), 480 (→120), 672 ×2 (→168), 960 ×2 (→240).
      const v3 = seParams([
        [72, 24],
        [120, 32],
        [120, 32],
        [480, 120],
        [672, 168],
        [672, 168],
        [960, 240],
        [960, 240],
      ]);
      assert.equal(await out(w, 'se-params'), fmt(v3));
      assert.equal(await out(w, 'params'), fmt(5_483_032)); // torchvision mobilenet_v3_large num_params
      await page.waitForTimeout(400);
      const rows = await w.locator('text.label').count();
      assert.equal(rows, 8);
      assert.match(
        (await w.locator('text.v.p').last().textContent()) ?? '',
        new RegExp(`^${((100 * v3) / 5_483_032).toFixed(1)} %`),
      );
    },
  },
  // tiny_efficientnet_b0 blocks.1.0 (tiny.ts: ir_r1_k3_s2_e6_c16_se0.25 after stage 0's 8 channels):
  // 8 → 48 at 16×16 (the stem halves 32), 3×3 depthwise stride 2 to 8×8, SE 48 → 8 / 4 = 2 → 48, project to 16.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'se',
    id: 'tiny_efficientnet_b0',
    scope: 'blocks.1.0',
    firstMacs: 16 * 16 * 8 * 48,
    totalMacs: 16 * 16 * 8 * 48 + 8 * 8 * 48 * 9 + 2 * 48 * 2 + 8 * 8 * 48 * 16,
  }),
  {
    name: 'the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="l5-wider-gate"]');
      assert.equal((await pick(q1, 'MnasNet-A1')).state, 'wrong');
      assert.equal((await pick(q1, 'MobileNetV3-Large')).state, 'right');

      const q2 = page.locator('[data-question="l5-v3-se-params"]');
      assert.equal((await predict(q2, String(2 * 672 * 168))).state, 'right'); // within 2 % without the biases
      assert.equal((await predict(q2, String(672 * 168))).state, 'wrong');
      assert.equal((await predict(q2, String(2 * 672 * 168 + 672 + 168))).state, 'right');

      const q3 = page.locator('[data-question="l5-b7-share"]');
      assert.equal((await predict(q3, '1%')).state, 'wrong');
      // B7 SE share, read from the chart after choosing B7.
      const chart = page.locator('se-cost-chart');
      await chart.locator('select[name="model"]').selectOption('efficientnet_b7');
      const pct = (await out(chart, 'params-pct'))?.replace(' %', '');
      assert.equal(await out(chart, 'params'), fmt(66_347_960)); // torchvision efficientnet_b7 num_params
      assert.equal((await predict(q3, `${pct}%`)).state, 'right');
    },
  },
];
