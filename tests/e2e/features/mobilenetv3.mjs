// The MobileNetV3 lesson: the activation probe, the last-stage switch, the NetAdapt stepper, the
// name decoder, the step cell and the three questions. Expected numbers are worked out here from
// the paper's formulas and the layer shapes (MobileNetV3 §5.1–5.3, Figure 5); the NetAdapt picks
// and the name table come from the site's pure modules through tsImport (as train-lesson.mjs does),
// run in Node, against what the page shows.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { out } from './page-kit.mjs';

const PATH = '/lessons/mobilenetv3/';
const lib = (p) => tsImport(new URL(`../../../src/lib/${p}`, import.meta.url).href, import.meta.url);
const f4 = (n) => n.toFixed(4).replace('-', '−');
const int = (n) => Math.round(n).toLocaleString('en-US');
const sigmoid = (x) => 1 / (1 + Math.exp(-x));
const hsig = (x) => Math.min(6, Math.max(0, x + 3)) / 6;

async function slide(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

// Figure 5 by hand (7×7 maps, 160 channels in; MACs of convs and the classifier).
const ORIGINAL_STAGE = 49 * (160 * 960 + 960 * 9 + 960 * 320 + 320 * 1280) + 1280 * 1000;
const EFFICIENT_STAGE = 49 * 160 * 960 + 960 * 1280 + 1280 * 1000;

export default [
  {
    name: 'the activation probe shows both curves’ values at x and switches to the sigmoid pair',
    path: PATH,
    async run(page) {
      const w = page.locator('activation-probe');
      await w.scrollIntoViewIfNeeded();
      const range = w.locator('input[name="x"]');
      await range.waitFor({ state: 'visible' });
      const dot = w.locator('[data-mark="circle:dot-hard"]');
      const cx0 = Number(await dot.getAttribute('cx'));
      for (const x of [-4, -1.5, 0.7, 3, 5.5]) {
        await slide(range, x);
        assert.equal(await out(w, 'soft'), f4(x * sigmoid(x)), `swish(${x})`);
        assert.equal(await out(w, 'hard'), f4(x * hsig(x)), `h-swish(${x})`);
        assert.equal(await out(w, 'diff'), f4(x * hsig(x) - x * sigmoid(x)));
      }
      assert.ok(Number(await dot.getAttribute('cx')) > cx0, 'the probe moves right');
      assert.equal(await out(w, 'max'), `${f4(3 * sigmoid(-3))} at x = ±3.00`);
      await w.locator('select[name="pair"]').selectOption('sigmoid');
      await slide(range, -2);
      assert.equal(await out(w, 'soft'), f4(sigmoid(-2)));
      assert.equal(await out(w, 'hard'), f4(hsig(-2)));
      let best = 0;
      for (let x = -10; x <= 10; x += 0.0001) best = Math.max(best, Math.abs(hsig(x) - sigmoid(x)));
      assert.ok((await out(w, 'max')).startsWith(f4(best)), `the largest sigmoid gap is ${f4(best)}`);
      assert.match(await out(w, 'hard-ops'), /0 divisions/);
      assert.match(await out(w, 'soft-ops'), /1 division\)/);
      await page.waitForFunction(
        (el) => el.querySelector('.katex')?.textContent?.includes('−2'),
        await w.locator('[data-math]').elementHandle(),
        { timeout: 10_000 },
      );
    },
  },
  {
    name: 'the last-stage switch shows Figure 5’s two stages with their MACs and parameters',
    path: PATH,
    async run(page) {
      const w = page.locator('last-stage');
      await w.scrollIntoViewIfNeeded();
      assert.equal(await out(w, 'stage-macs'), int(ORIGINAL_STAGE));
      assert.equal(await w.locator('svg [data-mark^="rect:bar"]').count(), 6);
      await w.locator('select[name="variant"]').selectOption('efficient');
      assert.equal(await out(w, 'stage-macs'), int(EFFICIENT_STAGE));
      assert.equal(await w.locator('svg [data-mark^="rect:bar"]').count(), 4);
      assert.match(await out(w, 'model-params'), /^5,483,032 /); // torchvision mobilenet_v3_large
      const efficientModel = Number((await out(w, 'model-macs')).split(' ')[0].replace(/,/g, ''));
      await w.locator('select[name="variant"]').selectOption('original');
      const originalModel = Number((await out(w, 'model-macs')).split(' ')[0].replace(/,/g, ''));
      assert.equal(originalModel - efficientModel, ORIGINAL_STAGE - EFFICIENT_STAGE);
    },
  },
  {
    name: 'the NetAdapt stepper applies the best proposal of each step under either rule',
    path: PATH,
    async run(page) {
      const { runSteps, stateMacs } = await lib('viz/lessons/mbv3-netadapt.ts');
      const { seedBlocks } = await lib('viz/lessons/mbv3-netadapt-seed.ts');
      const blocks = seedBlocks();
      const w = page.locator('netadapt-stepper');
      await w.scrollIntoViewIfNeeded();
      const step = w.locator('[data-act="step"]');
      await step.waitFor({ state: 'visible' });
      for (const [metric, standin] of [
        ['ratio', 'channels'],
        ['min-drop', 'channels'],
        ['ratio', 'params'],
      ]) {
        await w.locator('[data-act="reset"]').click();
        await w.locator('select[name="metric"]').selectOption(metric);
        await w.locator('select[name="standin"]').selectOption(standin);
        for (let k = 1; k <= 6; k++) {
          const first = (await w.locator('tbody[data-out="proposals"] tr').first().textContent())?.trim() ?? '';
          await step.click();
          const want = runSteps(blocks, k, metric, standin);
          const p = want.picks[k - 1];
          assert.ok(
            first.startsWith(`${p.scope} ${p.from}→${p.to}`),
            `${metric}/${standin} step ${k}: the top row (${first}) is the pick ${p.scope} ${p.from}→${p.to}`,
          );
          assert.equal(await out(w, 'step'), String(k));
          assert.equal(await out(w, 'macs'), int(stateMacs(blocks, want.state)));
        }
      }
      await w.locator('[data-act="reset"]').click();
      assert.equal(await out(w, 'step'), '0');
    },
  },
  {
    name: 'the name decoder explains each seed name and shows the zoo’s parameter count',
    path: PATH,
    async run(page) {
      const { decodeName } = await lib('viz/lessons/mbv3-names.ts');
      const w = page.locator('name-decoder');
      await w.scrollIntoViewIfNeeded();
      const select = w.locator('select[name="name"]');
      await select.waitFor({ state: 'visible' });
      for (const name of [
        'tf_mobilenetv3_large_minimal_100.in1k',
        'mobilenetv3_large_100.miil_in21k',
        'mobilenetv3_rw.rmsp_in1k',
        'mobilenetv3_small_075.lamb_in1k',
      ]) {
        await select.selectOption(name);
        const d = decodeName(name);
        assert.equal(await out(w, 'name'), name);
        const cells = await w.locator('tbody[data-out="parts"] tr td:first-child').allTextContents();
        assert.deepEqual(
          cells.map((c) => c.trim()),
          d.parts.map((p) => p.text),
        );
        assert.equal(await w.locator('tbody[data-out="parts"]').getByText('✗').count(), 0);
        assert.equal(await w.locator('[data-out="link"]').getAttribute('href'), `/models/${d.zooId}/`);
      }
      // Small 0.75: 2.04 M parameters in timm's table; the engine's count rounds to the same.
      assert.equal(await out(w, 'timm'), '2.04 M');
      assert.match(await out(w, 'params'), /\(2\.04 M\)$/);
    },
  },
  // tiny_mobilenetv3 blocks.4.0 (tiny.ts: ir_r1_k3_s1_e6_c32_se0.25): the stem, stage 1 and stage 2
  // halve the map, 32 → 4; 24 → 144 → 32, SE on the expanded width: 144 / 4 = 36 → 40 (a multiple of 8).
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'mobilenetv3',
    id: 'tiny_mobilenetv3',
    scope: 'blocks.4.0',
    firstMacs: 4 * 4 * 24 * 144,
    totalMacs: 4 * 4 * 24 * 144 + 4 * 4 * 144 * 9 + 2 * 144 * 40 + 4 * 4 * 144 * 32,
  }),
  {
    name: 'the three questions accept the computed answers and reject wrong ones',
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="mbv3-gap-at-3"]');
      await q1.scrollIntoViewIfNeeded();
      assert.equal((await predict(q1, '1')).state, 'wrong');
      assert.equal((await predict(q1, String(3 * sigmoid(-3)))).state, 'right');
      const q2 = page.locator('[data-question="mbv3-se-share"]');
      const seParams = [
        [72, 24],
        [120, 32],
        [120, 32],
        [480, 120],
        [672, 168],
        [672, 168],
        [960, 240],
        [960, 240],
      ].reduce((s, [c, r]) => s + 2 * c * r + c + r, 0);
      assert.equal((await predict(q2, '2%')).state, 'wrong');
      assert.equal((await predict(q2, `${((100 * seParams) / 5_483_032).toFixed(1)}%`)).state, 'right');
      const q3 = page.locator('[data-question="mbv3-last-stage-macs"]');
      assert.equal((await predict(q3, '300M')).state, 'wrong');
      assert.equal((await predict(q3, String(ORIGINAL_STAGE - EFFICIENT_STAGE))).state, 'right');
    },
  },
  {
    name: 'the last stage is timed on this device: positive medians, ratio = original ÷ efficient',
    path: PATH,
    async run(page, { shotsDir }) {
      const { formatSig, formatMs } = await lib('viz/charts/number-format.ts');
      const w = page.locator('last-stage');
      await w.scrollIntoViewIfNeeded();
      assert.equal(await out(w, 'ms-ratio'), '–');
      const t0 = Date.now();
      await w.locator('button[name="measure"]').click();
      await page.waitForSelector('last-stage[data-measured="true"]', { timeout: 200_000 });
      console.log(`    last stages measured in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const o = Number(await w.getAttribute('data-original-ms'));
      const e = Number(await w.getAttribute('data-efficient-ms'));
      const ratio = Number(await w.getAttribute('data-ratio'));
      assert.ok(o > 0 && e > 0, `positive medians (${o}, ${e})`);
      assert.ok(Math.abs(ratio - o / e) <= 1e-12 * ratio, 'the ratio is the two medians divided');
      assert.equal(await out(w, 'ms-original'), formatMs(o));
      assert.equal(await out(w, 'ms-efficient'), formatMs(e));
      assert.equal(await out(w, 'ms-ratio'), `${formatSig(o / e)}×`);
      assert.match(await out(w, 'ms-model'), /^[\d.]+ m?s → [\d.]+ m?s$/);
      assert.match(await out(w, 'ms-share'), /%$/);
      console.log(`    original ${o.toFixed(2)} ms, efficient ${e.toFixed(2)} ms, ratio ${(o / e).toFixed(2)}`);
      // The variant switch still works after measuring, and leaves the measurement shown.
      await w.locator('select[name="variant"]').selectOption('efficient');
      assert.equal(await out(w, 'stage-macs'), int(EFFICIENT_STAGE));
      assert.equal(await out(w, 'ms-ratio'), `${formatSig(o / e)}×`);
      await w.screenshot({
        path: `${shotsDir}/lesson-mobilenetv3-last-stage-latency-${page.viewportSize().width}.png`,
      });
      await w.locator('button[name="measure"]').click();
      await page.waitForSelector('last-stage[data-measuring="true"]');
      await w.locator('button[name="cancel"]').click();
      assert.match(await w.locator('.lat-status').textContent(), /Cancelled/);
    },
  },
];
