// The predict-then-reveal question: a wrong prediction is rejected with a hint, a right one (typed
// any readable way, submitted with Enter) is accepted and opens the answer. Expected values are
// worked by hand here, independently of src/lib/viz/lessons/question-answer.ts.
import assert from 'node:assert/strict';
import { withoutJs } from './page-kit.mjs';

async function predict(question, text) {
  const input = question.locator('input[name="prediction"]');
  await input.fill(text);
  await input.press('Enter');
  const feedback = question.locator('[data-feedback]');
  return { state: await feedback.getAttribute('data-state'), text: (await feedback.textContent())?.trim() ?? '' };
}

export default [
  {
    name: 'a numeric question rejects a wrong prediction and accepts the right one from the keyboard',
    path: '/lessons/convolution-cost/',
    async run(page) {
      const q = page.locator('[data-question="depthwise-macs"]');
      await q.scrollIntoViewIfNeeded();
      const reveal = q.locator('details.q-reveal');
      assert.equal(await reveal.evaluate((d) => d.open), false);

      // A full 3×3 conv would be 56·56·144·144·9: 144× too high.
      let r = await predict(q, String(56 * 56 * 144 * 144 * 9));
      assert.equal(r.state, 'wrong');
      assert.match(r.text, /too high, about 144× the answer/);
      assert.match(r.text, /Hint: Each output value sees one channel/);
      assert.equal(await reveal.evaluate((d) => d.open), false);

      // Counting FLOPs (2 × MACs) is caught by name.
      r = await predict(q, String(2 * 56 * 56 * 144 * 9));
      assert.equal(r.state, 'wrong');
      assert.match(r.text, /FLOPs/);

      r = await predict(q, 'lots');
      assert.equal(r.state, 'unreadable');
      assert.equal(await q.locator('input[name="prediction"]').getAttribute('aria-invalid'), 'true');

      // 56·56·144·9 = 4,064,256; "4.1M" is within 5 %.
      r = await predict(q, '4.1M');
      assert.equal(r.state, 'right');
      assert.match(r.text, /4,064,256 MACs/);
      assert.equal(await reveal.evaluate((d) => d.open), true);
      assert.match((await q.locator('[data-answer-text]').textContent()) ?? '', /^4,064,256 MACs/);
    },
  },
  {
    name: 'an exact question accepts only the exact output size',
    path: '/lessons/convolution-cost/',
    async run(page) {
      const q = page.locator('[data-question="stem-output-size"]');
      await q.scrollIntoViewIfNeeded();
      // floor((224 + 2 − 3) / 2) + 1 = 112.
      let r = await predict(q, '111');
      assert.equal(r.state, 'wrong');
      assert.match(r.text, /too low/);
      r = await predict(q, '112');
      assert.equal(r.state, 'right');
    },
  },
  {
    name: 'without JavaScript a question reads as text with its answer behind a disclosure',
    path: '/lessons/convolution-cost/',
    async run(page, { base }) {
      await withoutJs(page, `${base}/lessons/convolution-cost/`, async (p) => {
        const q = p.locator('[data-question="stem-output-size"]');
        assert.equal(await q.locator('form').isVisible(), false);
        await q.locator('summary').click();
        assert.match((await q.locator('[data-answer-text]').textContent()) ?? '', /^112 pixels$/);
      });
    },
  },
];
