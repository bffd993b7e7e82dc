// Lesson 12, the overview fact-checked: the size table's view, highlight and verdict filter, the
// claim list's filters, the questions, and the page without JavaScript. Expected counts are
// computed here independently: MobileNetV1 by hand from its Table 1, the others from the exact
// parameter integers torchvision publishes (num_params) for the same architectures.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { predict } from './question-kit.mjs';
import { out, withoutJs } from './page-kit.mjs';

const { mobilenetV1ByHand } = await tsImport(
  new URL('../../fixtures/paper-tables.ts', import.meta.url).href,
  import.meta.url,
);

const PATH = '/lessons/overview-fact-check/';

// torchvision weight metadata num_params (same architectures as the zoo's models).
const EXACT = {
  'efficientnetv2-s': 21_458_488,
  'efficientnetv2-m': 54_139_356,
  'efficientnetv2-l': 118_515_272,
  'mobilenet-v3-small': 2_542_856,
  'mobilenet-v3-large': 5_483_032,
};
const SIZE_ROWS = 9;

async function choose(w, name, value) {
  await w.locator(`select[name="${name}"]`).selectOption(value);
  await w.page().waitForTimeout(100);
}

export default [
  {
    name: "fact-check: the size table shows the engine's counts beside the printed ones",
    path: PATH,
    async run(page) {
      const w = page.locator('fc-size-table');
      await w.scrollIntoViewIfNeeded();
      for (const [row, params] of Object.entries(EXACT)) {
        const tr = w.locator(`tr[data-row="${row}"]`);
        assert.equal(
          Number(await tr.locator('[data-cell="params"]').getAttribute('data-value')),
          params,
          `${row} parameters`,
        );
        const mb = Number(await tr.locator('[data-cell="mb"]').textContent());
        assert.ok(Math.abs(mb / ((4 * params) / 1e6) - 1) < 0.005, `${row}: ${mb} MB fp32`);
      }
      assert.equal(await w.locator('tr[data-row="mobilenet-v3-medium"] [data-cell="params"]').textContent(), '—');
      assert.equal(await w.locator('circle.fc-printed').count(), SIZE_ROWS);
      assert.equal(
        await w.locator('circle.fc-computed').count(),
        SIZE_ROWS - 1,
        'no dot for the model that does not exist',
      );
      assert.equal(await out(w, 'rows'), `${SIZE_ROWS} of ${SIZE_ROWS}`);
      assert.equal(await out(w, 'wrong'), String(2 * SIZE_ROWS));
      // The worst row is V2-L: 118.5 M parameters printed as 4.0M.
      assert.equal(await out(w, 'worst'), `×${Number((EXACT['efficientnetv2-l'] / 4e6).toPrecision(3))}`);
    },
  },
  {
    name: 'fact-check: view, highlight and verdict filter change the table and the plot',
    path: PATH,
    async run(page) {
      const w = page.locator('fc-size-table');
      await w.scrollIntoViewIfNeeded();
      await choose(w, 'view', 'printed');
      assert.equal(await w.locator('td[data-cell="params"]').first().isVisible(), false, 'computed columns hidden');
      assert.equal(await w.locator('td[data-cell="printed-params"]').first().isVisible(), true);
      assert.equal(await w.locator('circle.fc-computed').count(), 0);
      assert.equal(await w.locator('line.fc-gap').count(), 0);
      await choose(w, 'view', 'computed');
      assert.equal(
        await w.locator('td[data-cell="printed-params"]').first().isVisible(),
        false,
        'printed columns hidden',
      );
      assert.equal(await w.locator('circle.fc-printed').count(), 0);
      assert.equal(await w.locator('circle.fc-computed').count(), SIZE_ROWS - 1);
      await choose(w, 'view', 'both');
      assert.equal(await w.locator('line.fc-gap').count(), SIZE_ROWS - 1);

      assert.equal(await w.getAttribute('data-highlight'), 'true');
      assert.equal(await w.locator('line.fc-gap.fc-bad').count(), SIZE_ROWS - 1);
      await w.locator('input[name="highlight"]').uncheck();
      await page.waitForTimeout(100);
      assert.equal(await w.getAttribute('data-highlight'), 'false');
      assert.equal(await w.locator('line.fc-gap.fc-bad').count(), 0);
      const bg = await w
        .locator('td.fc-bad')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.ok(bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent', `no highlight without the toggle (${bg})`);
      await w.locator('input[name="highlight"]').check();

      await choose(w, 'verdict', 'correct');
      assert.equal(await w.locator('tr[data-row]:visible').count(), 0);
      assert.equal(await out(w, 'rows'), `0 of ${SIZE_ROWS}`);
      assert.equal(await w.locator('text.fc-none').count(), 1, 'the plot says no row has this verdict');
      await choose(w, 'verdict', 'wrong');
      assert.equal(await w.locator('tr[data-row]:visible').count(), SIZE_ROWS);
      await choose(w, 'verdict', 'all');
      assert.equal(await out(w, 'rows'), `${SIZE_ROWS} of ${SIZE_ROWS}`);

      // The worked formula follows the chosen row: 4 bytes × the exact count, over the printed count.
      const tex = w.locator('.fc-tex');
      assert.match(await tex.getAttribute('data-tex'), /5\{,\}483\{,\}032 = 21\.9/);
      await choose(w, 'row', 'efficientnetv2-s');
      await page.waitForFunction(
        (el) => /21\{,\}458\{,\}488/.test(el.dataset.tex ?? '') && el.querySelector('.katex'),
        await tex.elementHandle(),
      );
      const mb = ((4 * EXACT['efficientnetv2-s']) / 1e6).toPrecision(3);
      assert.ok((await tex.textContent()).includes(mb), `the formula shows ${mb} MB`);
    },
  },
  {
    name: 'fact-check: the claim list filters by verdict and by section, and its counts agree',
    path: PATH,
    async run(page) {
      const w = page.locator('fc-claim-list');
      await w.scrollIntoViewIfNeeded();
      const total = await w.locator('article.fc-claim').count();
      assert.equal(await out(w, 'shown'), `${total} of ${total}`);
      let sum = 0;
      for (const v of ['correct', 'wrong', 'misleading', 'unverifiable']) {
        const n = await w.locator(`article.fc-claim[data-verdict="${v}"]`).count();
        assert.equal(await out(w, v), String(n), `${v} count`);
        sum += n;
        await choose(w, 'verdict', v);
        assert.equal(await w.locator('article.fc-claim:not([hidden])').count(), n);
        assert.equal(await out(w, 'shown'), `${n} of ${total}`);
      }
      assert.equal(sum, total);
      await choose(w, 'verdict', 'all');
      await choose(w, 'section', 'size');
      assert.equal(await w.locator('article.fc-claim:not([hidden])').count(), 2 * SIZE_ROWS);
      assert.equal(await w.locator('article.fc-claim:not([hidden])[data-verdict="wrong"]').count(), 2 * SIZE_ROWS);
      await choose(w, 'section', 'timm');
      assert.equal(
        await w.locator('details[data-section-group="timm"]').evaluate((d) => d.open),
        true,
        'choosing the timm section opens it',
      );
      await choose(w, 'section', 'all');
      // MobileNet's 4.2M: the engine's count equals the hand count of Table 1.
      const hand = mobilenetV1ByHand();
      const card = w.locator('article[data-claim="compare-params-mobilenet"]');
      assert.equal(Number(await card.locator('[data-field="ours"]').getAttribute('data-value')), hand.params);
      assert.equal(await card.getAttribute('data-verdict'), 'correct');
      const flops = w.locator('article[data-claim="compare-flops-mobilenet"]');
      assert.equal(Number(await flops.locator('[data-field="ours"]').getAttribute('data-value')), 2 * hand.macs);
      assert.equal(await flops.getAttribute('data-verdict'), 'wrong');
      assert.equal(await w.locator('article[data-claim="v3-rumour"]').getAttribute('data-verdict'), 'unverifiable');
    },
  },
  {
    name: 'fact-check: the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="fc-b0-params"]');
      assert.equal((await predict(q1, '1.3M')).state, 'wrong');
      // torchvision efficientnet_b0 num_params.
      assert.equal((await predict(q1, '5288548')).state, 'right');
      const hand = mobilenetV1ByHand();
      const q2 = page.locator('[data-question="fc-mobilenet-flops"]');
      assert.equal((await predict(q2, '560M')).state, 'wrong');
      assert.equal((await predict(q2, String(2 * hand.macs))).state, 'right');
      const q3 = page.locator('[data-question="fc-v3-large-bytes"]');
      assert.equal((await predict(q3, '7100000')).state, 'wrong');
      assert.equal((await predict(q3, String(4 * EXACT['mobilenet-v3-large']))).state, 'right');
    },
  },
  {
    name: 'fact-check: the page reads without JavaScript',
    path: PATH,
    async run(page, { base }) {
      await withoutJs(page, `${base}${PATH}`, async (p) => {
        const w = p.locator('fc-size-table');
        assert.equal(await w.locator('tr[data-row]').count(), SIZE_ROWS);
        assert.equal(await w.locator('circle.fc-printed').count(), SIZE_ROWS);
        assert.equal(await w.locator('select[name="view"]').isVisible(), false, 'controls hidden without JavaScript');
        assert.equal(await w.locator('td[data-cell="params"]').first().isVisible(), true, 'both columns show');
        const list = p.locator('fc-claim-list');
        const n = await list.locator('article.fc-claim').count();
        assert.ok(n > 100, `${n} claims listed`);
        assert.equal(await list.locator('article.fc-claim[hidden]').count(), 0);
        assert.equal(await list.locator('blockquote[lang="ja"]').count(), n, 'every quote is marked Japanese');
        assert.ok((await p.locator('.katex').count()) > 0, 'the rounding rule is typeset');
      });
    },
  },
  {
    name: 'fact-check: home links to the lesson',
    path: '/',
    async run(page) {
      const a = page.locator(`.fact-check-link a[href="${PATH}"]`);
      assert.equal(await a.count(), 1);
    },
  },
];
