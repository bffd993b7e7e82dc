// The lesson "How these networks learn": the gradient example's products sum to the gradient the
// engine's backward pass reported (recomputed here in Node from the same module), the questions
// accept the engine's answers and reject wrong ones, and the embedded playground's presets load
// their configurations and train.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { predict } from './question-kit.mjs';

const lib = (p) => tsImport(new URL(`../../../src/lib/viz/${p}`, import.meta.url).href, import.meta.url);
const { depthwiseGradExample, seExperiment, equalMacsExperiment } = await lib('train/train-lesson.ts');
const { configStats } = await lib('train/train-stats-table.ts');
const { DEFAULT_CONFIG } = await lib('train/train-config.ts');
const { formatCompact } = await lib('charts/number-format.ts');

const path = '/lessons/how-networks-learn/';
const pg = 'train-playground';

export default [
  {
    name: 'lesson how-networks-learn: the explained products sum to the reported depthwise weight gradient',
    path,
    async run(page) {
      const fig = page.locator('[data-grad-example]');
      const sum = Number(await fig.getAttribute('data-sum'));
      const gradient = Number(await fig.getAttribute('data-gradient'));
      const ex = depthwiseGradExample();
      assert.equal(Number(await fig.getAttribute('data-terms')), ex.batch * ex.outH * ex.outW);
      assert.equal(Math.fround(sum), gradient, 'float64 sum rounds to the float32 gradient');
      assert.equal(gradient, ex.explanation.gradient);
      let s = 0;
      for (const t of ex.explanation.terms) if (!t.padding) s += t.x * t.dy;
      assert.equal(s, sum, 'products re-summed in Node');
      assert.ok(gradient !== 0);
    },
  },
  {
    name: "lesson how-networks-learn: questions take the engine's answers",
    path,
    async run(page) {
      const ex = depthwiseGradExample();
      const q1 = page.locator('[data-question="l-learn-products"]');
      assert.equal((await predict(q1, '100')).state, 'wrong');
      assert.equal((await predict(q1, String(DEFAULT_CONFIG.batch * ex.outH * ex.outW))).state, 'right');
      const q2 = page.locator('[data-question="l-learn-kept-bytes"]');
      assert.equal((await predict(q2, String(configStats(DEFAULT_CONFIG).keptPerImage))).state, 'right');
      const se = seExperiment();
      const q3 = page.locator('[data-question="l-learn-se-params"]');
      assert.equal((await predict(q3, '2')).state, 'wrong');
      assert.equal((await predict(q3, (se.b.stats.params / se.a.stats.params).toFixed(2))).state, 'right');
    },
  },
  {
    name: 'lesson how-networks-learn: presets load the experiments and the embedded playground trains',
    path,
    async run(page) {
      await page.waitForSelector(`${pg}[data-ready="true"]`);
      const eq = equalMacsExperiment();
      await page.click(`${pg} [data-preset="1"]`);
      assert.equal(await page.locator(`${pg} [data-form] [name="block"]`).inputValue(), 'dsep');
      assert.equal(await page.locator(`${pg} [data-out="macs"]`).textContent(), formatCompact(eq.b.stats.macs));
      await page.click(`${pg} [data-preset="3"]`);
      assert.equal(await page.locator(`${pg} [data-form] [name="block"]`).inputValue(), 'ir-se');
      assert.ok(!page.url().includes('block='), 'the lesson does not write the URL');
      await page.click(`${pg} [data-preset="0"]`);
      await page.click(`${pg} [data-act="train"]`);
      await page.waitForFunction((sel) => document.querySelector(sel).stepsDone >= 10, pg, { timeout: 120_000 });
      await page.click(`${pg} [data-act="cancel"]`);
      await page.waitForSelector(`${pg}[data-phase="idle"]`);
      assert.match(await page.locator(`${pg} [data-out="status"]`).textContent(), /^Cancelled after step/);
    },
  },
];
