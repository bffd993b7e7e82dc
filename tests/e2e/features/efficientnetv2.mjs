// The EfficientNetV2 lesson: every control of its three widgets, the Table 3 and timm-name tables,
// a step cell through a Fused-MBConv block, the three questions (right and wrong answers). Expected
// numbers are worked out here: Algorithm 1 by hand; stage MACs of V2-S by the conv formula; the
// variants as literal block strings (not the lesson's swap function) counted by the zoo's engine.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { out } from './page-kit.mjs';

const { latencyUnits } = await tsImport(
  new URL('../../../src/lib/viz/lessons/block-latency.ts', import.meta.url).href,
  import.meta.url,
);
const { analyze } = await tsImport(new URL('../../../src/lib/engine/index.ts', import.meta.url).href, import.meta.url);
const models = await tsImport(new URL('../../../src/lib/models/index.ts', import.meta.url).href, import.meta.url);
const PATH = '/lessons/efficientnetv2/';

// V2-S (EfficientNetV2 Table 4 / automl v2_s_block) with MBConv everywhere, and with every stage fused.
const V2S = models.getModel('tf_efficientnetv2_s').spec;
const NONE = [
  ['ds_r2_k3_s1_e1_c24_se0.25'],
  ['ir_r4_k3_s2_e4_c48_se0.25'],
  ['ir_r4_k3_s2_e4_c64_se0.25'],
  ['ir_r6_k3_s2_e4_c128_se0.25'],
  ['ir_r9_k3_s1_e6_c160_se0.25'],
  ['ir_r15_k3_s2_e6_c256_se0.25'],
];
const ALL = [
  ['cn_r2_k3_s1_e1_c24_skip'],
  ['er_r4_k3_s2_e4_c48'],
  ['er_r4_k3_s2_e4_c64'],
  ['er_r6_k3_s2_e4_c128'],
  ['er_r9_k3_s1_e6_c160'],
  ['er_r15_k3_s2_e6_c256'],
];
const stats = (arch) => models.specStats({ ...V2S, arch });
const sNone = stats(NONE);
const sAll = stats(ALL);
const sReleased = models.modelStats('tf_efficientnetv2_s');

// Stage 2 of V2-S at 384 px (stem /2 → 192, stage strides to 96): four blocks, 24→48 then 48→48, e = 4.
const fusedS2 = 96 * 96 * (9 * 24 * 96 + 96 * 48) + 3 * 96 * 96 * (9 * 48 * 192 + 192 * 48);
const mbS2 =
  192 * 192 * 24 * 96 +
  96 * 96 * 9 * 96 +
  (96 * 6 + 6 * 96) +
  96 * 96 * 96 * 48 +
  3 * (96 * 96 * 48 * 192 + 96 * 96 * 9 * 192 + (192 * 12 + 12 * 192) + 96 * 96 * 192 * 48);

// Algorithm 1 with Table 5's numbers, by hand.
const T5 = {
  s: [128, 300, 5, 15, 0, 0, 0.1, 0.3],
  m: [128, 380, 5, 20, 0, 0.2, 0.1, 0.4],
  l: [128, 380, 5, 25, 0, 0.4, 0.1, 0.5],
};
const lerp = (a, b, i) => a + ((b - a) * i) / 3;
const sig = (v) => String(Number(v.toPrecision(3)));

export default [
  {
    name: 'efficientnetv2: the stage chart switches base, variant and measure, with totals from the literal variants',
    path: PATH,
    async run(page) {
      const w = page.locator('[data-widget="fused-stages"]');
      await w.scrollIntoViewIfNeeded();
      // Stage 2's bars against the hand count.
      const bar = (stage, kind) => w.locator(`svg.effv2-fused rect[data-stage="${stage}"][data-kind="${kind}"]`);
      assert.equal(Number(await bar(2, 'fused').getAttribute('data-value')), fusedS2);
      assert.equal(Number(await bar(2, 'mbconv').getAttribute('data-value')), mbS2);
      assert.match(await bar(2, 'fused').getAttribute('class'), / used/);
      assert.match(await bar(4, 'mbconv').getAttribute('class'), / used/);
      const ratio = (s) => `${(s.macs / sNone.macs).toFixed(2)}×`;
      assert.equal(await out(w, 'macs-ratio'), ratio(sReleased), 'released V2-S MACs over no fused');
      await w.locator('select[name="variant"]').selectOption('none');
      assert.match(await bar(1, 'mbconv').getAttribute('class'), / used/);
      assert.equal(await out(w, 'macs-ratio'), '1.00×');
      await w.locator('select[name="variant"]').selectOption('all');
      assert.equal(await out(w, 'macs-ratio'), ratio(sAll));
      assert.equal(await out(w, 'params-ratio'), `${(sAll.params / sNone.params).toFixed(2)}×`);
      assert.match(await bar(6, 'fused').getAttribute('class'), / used/);
      await w.locator('select[name="metric"]').selectOption('params');
      // Stage 6 fused: 160→960→256 once, then 14 × 256→1536→256; 3×3 conv + 1×1 projection, BN γ and β.
      const s6 =
        9 * 160 * 960 + 2 * 960 + 960 * 256 + 2 * 256 + 14 * (9 * 256 * 1536 + 2 * 1536 + 1536 * 256 + 2 * 256);
      assert.equal(Number(await bar(6, 'fused').getAttribute('data-value')), s6);
      assert.match(
        await w.locator('svg.effv2-fused').getAttribute('aria-label'),
        /^Parameters of each stage of EfficientNetV2-S/,
      );
      await w.locator('select[name="base"]').selectOption('b4');
      await w.locator('select[name="variant"]').selectOption('none');
      assert.equal(await w.locator('svg.effv2-fused rect.bar').count(), 14, 'B4 has seven stages, two bars each');
      assert.match(await w.locator('svg.effv2-fused').getAttribute('aria-label'), /EfficientNet-B4/);
      assert.equal(await out(w, 'params-ratio'), '1.00×');
    },
  },
  {
    name: 'efficientnetv2: Table 3 sets the paper beside our B4 count, and the timm names carry the zoo’s params',
    path: PATH,
    async run(page) {
      const b4 = models.modelStats('efficientnet_b4');
      const none = page.locator('[data-widget="table3"] tr[data-variant="none"] [data-ours="params"]');
      assert.equal(Number(await none.getAttribute('data-value')), b4.params);
      const row = (n) => page.locator(`[data-widget="timm-names"] tr[data-name="${n}"] td[data-value]`);
      const s1k = Number(await row('tf_efficientnetv2_s.in1k').getAttribute('data-value'));
      const s21k = Number(await row('tf_efficientnetv2_s.in21k').getAttribute('data-value'));
      const sft = Number(await row('tf_efficientnetv2_s.in21k_ft_in1k').getAttribute('data-value'));
      assert.equal(s1k, sReleased.params);
      assert.equal(sft, s1k, 'fine-tuning keeps the shapes');
      assert.equal(s21k - s1k, 1281 * (21843 - 1000), 'only the classifier differs');
    },
  },
  {
    name: 'efficientnetv2: the progressive stepper follows Algorithm 1 for every model and stage, formula included',
    path: PATH,
    async run(page) {
      const w = page.locator('[data-widget="progressive"]');
      await w.scrollIntoViewIfNeeded();
      const slider = w.locator('input[name="stage"]');
      for (const m of ['s', 'm', 'l']) {
        await w.locator('select[name="model"]').selectOption(m);
        for (let i = 0; i < 4; i++) {
          await slider.evaluate((el, v) => {
            el.value = String(v);
            el.dispatchEvent(new Event('input', { bubbles: true }));
          }, i + 1);
          const t = T5[m];
          const size = Math.round(lerp(t[0], t[1], i));
          assert.equal(
            await w.locator('svg.effv2-progressive rect[data-mark="rect:image"]').getAttribute('data-size'),
            String(size),
          );
          assert.equal(await out(w, 'size'), `${size} px`);
          assert.equal(await out(w, 'randaug'), sig(lerp(t[2], t[3], i)));
          assert.equal(await out(w, 'mixup'), sig(lerp(t[4], t[5], i)));
          assert.equal(await out(w, 'dropout'), sig(lerp(t[6], t[7], i)));
          assert.equal(await out(w, 'epochs'), `${Math.round((350 * i) / 4)}–${Math.round((350 * (i + 1)) / 4)}`);
          await page.waitForFunction(
            (s) =>
              document
                .querySelector('[data-widget="progressive"] [data-math]')
                ?.getAttribute('data-tex')
                ?.endsWith(`= ${s}`),
            size,
          );
        }
      }
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      assert.equal(await out(w, 'size'), `${Math.round(lerp(128, 380, 2))} px`);
      assert.equal(await out(w, 'stage'), '3');
      assert.equal(await w.locator('[data-math] .katex').count(), 1, 'the formula is typeset');
    },
  },
  {
    name: 'efficientnetv2: the scaling widget shows S, M, L and XL with their blocks and sizes',
    path: PATH,
    async run(page) {
      const w = page.locator('[data-widget="v2-scaling"]');
      await w.scrollIntoViewIfNeeded();
      // Repeats of google/automl's v2_s/m/l/xl blocks.
      const blocks = {
        s: [2, 4, 4, 6, 9, 15],
        m: [3, 5, 5, 7, 14, 18, 5],
        l: [4, 7, 7, 10, 19, 25, 7],
        xl: [4, 8, 8, 16, 24, 32, 8],
      };
      const res = { s: 384, m: 480, l: 480, xl: 512 };
      for (const s of ['s', 'm', 'l', 'xl']) {
        await w.locator('select[name="size"]').selectOption(s);
        assert.equal(await out(w, 'blocks'), String(blocks[s].reduce((a, b) => a + b, 0)));
        assert.equal(await out(w, 'resolution'), `${res[s]} px`);
        const bars = w.locator('svg.effv2-scaling rect.bar');
        assert.equal(await bars.count(), blocks[s].length);
        for (let i = 0; i < blocks[s].length; i++)
          assert.equal(Number(await bars.nth(i).getAttribute('data-blocks')), blocks[s][i]);
      }
    },
  },
  {
    name: 'efficientnetv2: the three questions accept the computed answers and reject wrong ones',
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="effv2-stage2-macs"]');
      await q1.scrollIntoViewIfNeeded();
      assert.equal((await predict(q1, String(mbS2))).state, 'wrong');
      assert.equal((await predict(q1, `${(fusedS2 / 1e9).toFixed(2)}G`)).state, 'right');
      const q2 = page.locator('[data-question="effv2-all-fused-params"]');
      assert.equal((await predict(q2, '21.5M')).state, 'wrong');
      assert.equal((await predict(q2, `${(sAll.params / 1e6).toFixed(1)}M`)).state, 'right');
      const q3 = page.locator('[data-question="effv2-progressive-size"]');
      assert.equal((await predict(q3, '254')).state, 'wrong');
      assert.equal((await predict(q3, String(128 + (252 * 2) / 3))).state, 'right');
    },
  },
  {
    name: 'efficientnetv2: the step cell runs the Fused-MBConv block op by op',
    path: PATH,
    async run(page) {
      const cell = page.locator('step-cell').first();
      await cell.scrollIntoViewIfNeeded();
      const idle = () =>
        page.waitForFunction(() => !document.querySelector('step-cell').hasAttribute('data-busy'), null, {
          timeout: 180_000,
        });
      const ops = await cell.locator('tr[data-op-index]').count();
      assert.ok(ops >= 5, 'conv, BN, act, conv, BN at least');
      await cell.locator('[data-act="start"]').click();
      await page.waitForTimeout(50);
      await idle();
      await cell.locator('[data-act="next"]').click();
      await idle();
      assert.match(await cell.locator('[data-dbg="position"]').textContent(), new RegExp(`^Op 1 of ${ops}`));
      await cell.locator('[data-act="end"]').click();
      await idle();
      assert.match(await cell.locator('[data-dbg="position"]').textContent(), new RegExp(`^Op ${ops} of ${ops}`));
    },
  },
  {
    name: 'efficientnetv2: every block of V2-B0 gets a positive median on this device (shape only)',
    path: PATH,
    async run(page, { shotsDir }) {
      const g = models.buildModel('tf_efficientnetv2_b0');
      const blocks = latencyUnits(g, analyze(g), 'tf_efficientnetv2_b0', 'block');
      const fig = page.locator('block-latency').first();
      await fig.scrollIntoViewIfNeeded();
      await fig.locator('button[name="measure"]').click();
      await page.waitForSelector('block-latency[data-measured="true"]', { timeout: 400_000 });
      await fig.locator('select[name="level"]').selectOption('block');
      const ms = await fig
        .locator('details[data-level="block"] tr[data-key]')
        .evaluateAll((rows) => rows.map((r) => Number(r.dataset.ms)));
      assert.equal(ms.length, blocks.length, 'one median per piece the engine cuts');
      for (const v of ms) assert.ok(Number.isFinite(v) && v > 0, `a positive median (${v})`);
      assert.equal(await fig.locator('svg.bl-svg circle.bl-point').count(), blocks.filter((u) => u.macs > 0).length);
      await fig.screenshot({ path: `${shotsDir}/lesson-efficientnetv2-latency-${page.viewportSize().width}.png` });
    },
  },
  {
    name: 'efficientnetv2: Table 3 stage by stage on this device, every stage both ways, ratios from the medians',
    path: PATH,
    async run(page, { shotsDir }) {
      const { formatSig } = await tsImport(
        new URL('../../../src/lib/viz/charts/number-format.ts', import.meta.url).href,
        import.meta.url,
      );
      const w = page.locator('fused-latency');
      await w.scrollIntoViewIfNeeded();
      assert.equal(await out(w, 'lat-ms'), '–', 'no time before measuring');
      // The MACs bars are there before any measurement, one per stage of B4.
      assert.equal(await w.locator('svg.effv2-lat rect[data-what="macs"]').count(), 7);
      const t0 = Date.now();
      await w.locator('button[name="measure"]').click();
      await page.waitForSelector('fused-latency[data-measuring="true"]');
      assert.equal(await w.locator('button[name="cancel"]').isEnabled(), true);
      await page.waitForSelector('fused-latency[data-measured="true"]', { timeout: 300_000 });
      console.log(`    Table 3 stages measured in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const rows = await w.locator('tr[data-stage]').evaluateAll((trs) =>
        trs.map((tr) => ({
          fused: Number(tr.querySelector('[data-cell="ms-fused"]').dataset.ms),
          mb: Number(tr.querySelector('[data-cell="ms-mbconv"]').dataset.ms),
        })),
      );
      assert.equal(rows.length, 7);
      for (const r of rows) assert.ok(r.fused > 0 && r.mb > 0, `positive stage times (${r.fused}, ${r.mb})`);
      const bars = await w
        .locator('svg.effv2-lat rect[data-what="time"]')
        .evaluateAll((rs) => rs.map((r) => Number(r.dataset.ratio)));
      assert.equal(bars.length, 7, 'one time bar per stage');
      bars.forEach((ratio, i) =>
        assert.ok(Math.abs(ratio - rows[i].fused / rows[i].mb) <= 1e-9 * ratio, `stage ${i + 1}: fused ÷ MBConv`),
      );
      const none = rows.reduce((s, r) => s + r.mb, 0);
      for (const [variant, n] of [
        ['none', 0],
        ['1-3', 3],
        ['1-5', 5],
        ['all', 7],
      ]) {
        await w.locator('select[name="variant"]').selectOption(variant);
        const sum = rows.reduce((s, r, i) => s + (i < n ? r.fused : r.mb), 0);
        assert.equal(await out(w, 'lat-ms-ratio'), `${formatSig(sum / none)}×`, `${variant}: time ÷ no fused`);
        assert.equal(await w.locator('svg.effv2-lat text.used-label.fused').count(), n);
      }
      console.log(
        `    stage time fused ÷ MBConv here: ${rows.map((r, i) => `${i + 1}: ${(r.fused / r.mb).toFixed(2)}`).join(', ')}`,
      );
      await w.screenshot({ path: `${shotsDir}/lesson-efficientnetv2-fused-latency-${page.viewportSize().width}.png` });
      // Cancel: a second run stops and says so; the first run's figures stay.
      await w.locator('button[name="measure"]').click();
      await page.waitForSelector('fused-latency[data-measuring="true"]');
      await w.locator('button[name="cancel"]').click();
      assert.match(await w.locator('.lat-status').textContent(), /Cancelled/);
      assert.equal(await w.locator('button[name="measure"]').isEnabled(), true);
    },
  },
  // tiny_efficientnetv2 (tiny.ts): blocks.1.0, er_r1_k3_s2_e4_c16 after stage 0's 8 channels at 16×16:
  // one 3×3 stride-2 conv 8 → 32 at 8×8, then 1×1 32 → 16. blocks.3.0, ir_r2_k3_s1_e4_c32_se0.25
  // after stage 2's 24 channels at 4×4: 24 → 96, 3×3 depthwise, SE 96 → 24 / 4 = 6 → 96, project to 32.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'efficientnetv2',
    id: 'tiny_efficientnetv2',
    scope: 'blocks.1.0',
    firstMacs: 8 * 8 * 8 * 32 * 9,
    totalMacs: 8 * 8 * 8 * 32 * 9 + 8 * 8 * 32 * 16,
  }),
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'efficientnetv2',
    id: 'tiny_efficientnetv2',
    scope: 'blocks.3.0',
    nth: 1,
    firstMacs: 4 * 4 * 24 * 96,
    totalMacs: 4 * 4 * 24 * 96 + 4 * 4 * 96 * 9 + 2 * 96 * 6 + 4 * 4 * 96 * 32,
  }),
];
