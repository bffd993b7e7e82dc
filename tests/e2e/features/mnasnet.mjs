// The lesson "MnasNet: searching with the phone in the loop": the per-block latency figure measures
// every piece of MobileNetV2 and MnasNet-A1 in onnxruntime-web (checked for shape only: present,
// positive, one per piece, never values), the piece lists match the engine's count computed here
// in Node, and cancel stops a measurement.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { pick, predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';

const src = (p) => tsImport(new URL(`../../../src/${p}`, import.meta.url).href, import.meta.url);
const { latencyUnits } = await src('lib/viz/lessons/block-latency.ts');
const { buildModel } = await src('lib/models/index.ts');
const { analyze } = await src('lib/engine/index.ts');
const { formatCompact, formatInt, formatSig } = await src('lib/viz/charts/number-format.ts');

// Independent of mnasnet-reward.ts: Equation 2 of the paper, written again here.
const eq2 = (acc, lat, t, a, b) => acc * (lat / t) ** (lat <= t ? a : b);

const path = '/lessons/mnasnet/';
const MODELS = ['mobilenetv2_100', 'semnasnet_100'];
const expected = {};
for (const level of ['block', 'layer']) {
  expected[level] = MODELS.flatMap((m) => {
    const g = buildModel(m);
    return latencyUnits(g, analyze(g), m, level);
  });
}

export default [
  {
    name: 'lesson mnasnet: the reward follows every control and matches Equation 2 computed here',
    path,
    async run(page) {
      const w = page.locator('mnasnet-reward');
      const set = async (name, v) => {
        await w.locator(`input[name="${name}"]`).fill(String(v));
      };
      const check = async (acc, lat, t, a, b) => {
        const r = Number(await w.getAttribute('data-reward'));
        assert.ok(
          Math.abs(r - eq2(acc, lat, t, a, b)) < 1e-9 * Math.abs(r),
          `reward ${r} vs ${eq2(acc, lat, t, a, b)}`,
        );
        assert.equal(await w.locator('[data-out="reward"]').textContent(), formatSig(eq2(acc, lat, t, a, b)));
        assert.equal(await w.locator('svg.rw-svg circle.rw-point').count(), lat >= 0.25 * t && lat <= 2.5 * t ? 1 : 0);
      };
      await set('accuracy', 70);
      await check(70, 78, 75, -0.07, -0.07);
      await set('latency', 150);
      await check(70, 150, 75, -0.07, -0.07);
      await set('target', 100);
      await check(70, 150, 100, -0.07, -0.07);
      await w.locator('select[name="preset"]').selectOption('hard');
      await check(70, 150, 100, 0, -1);
      assert.equal(await w.locator('input[name="beta"]').inputValue(), '-1');
      await set('latency', 60);
      await check(70, 60, 100, 0, -1);
      await set('alpha', -0.5);
      assert.equal(await w.locator('select[name="preset"]').inputValue(), 'custom');
      await check(70, 60, 100, -0.5, -1);
      await set('beta', -0.2);
      await set('latency', 130);
      await check(70, 130, 100, -0.5, -0.2);
      // The live formula shows the exponent that applies (β above T).
      assert.match(await w.locator('.rw-math').getAttribute('data-tex'), /w = \\beta = -0.2/);
      await w.locator('select[name="preset"]').selectOption('soft');
      await check(70, 130, 100, -0.07, -0.07);
    },
  },
  {
    name: 'lesson mnasnet: the search-space grid recounts A1 with the engine, as computed here',
    path,
    async run(page) {
      const { a1Stages, specWith, stageCosts } = await src('lib/viz/lessons/mnasnet-space.ts');
      const stages = a1Stages();
      const g = page.locator('search-space');
      const picks = stages.map((s) => ({ ...s.a1 }));
      const expectCounts = async () => {
        const c = stageCosts(specWith(picks));
        await page.waitForFunction(
          (p) => document.querySelector('search-space')?.dataset.params === String(p),
          c.params,
        );
        assert.equal(Number(await g.getAttribute('data-macs')), c.macs);
        assert.equal(await g.locator('[data-out="params"]').textContent(), formatInt(c.params));
        const macs = await g.locator('tr[data-stage] [data-cell="macs"]').allTextContents();
        assert.deepEqual(
          macs,
          c.stages.map((s) => formatCompact(s.macs)),
        );
      };
      const sel = (n) => g.locator(`select[name="${n}"]`);
      await sel('stage').selectOption({ value: '2' });
      await sel('kernel').selectOption({ value: '3' });
      picks[2] = { ...picks[2], kernel: 3 };
      await expectCounts();
      await sel('op').selectOption({ value: 'mbconv6' });
      picks[2] = { ...picks[2], op: 'mbconv6' };
      await expectCounts();
      await sel('se').selectOption({ value: '0' });
      picks[2] = { ...picks[2], se: 0 };
      await expectCounts();
      await sel('filters').selectOption({ value: '32' });
      picks[2] = { ...picks[2], filters: 32 };
      await expectCounts();
      await sel('layers').selectOption({ value: '4' });
      picks[2] = { ...picks[2], layers: 4 };
      await expectCounts();
      await sel('skip').selectOption({ value: 'none' });
      picks[2] = { ...picks[2], skip: 'none' };
      await expectCounts();
      assert.equal(await g.locator('tr[data-stage="2"] td.ss-changed').count(), 6);
      // The pooling skip is in the space but not buildable: a message, no number.
      await sel('skip').selectOption({ value: 'pool' });
      await page.waitForFunction(() => document.querySelector('search-space')?.dataset.buildable === 'false');
      assert.match(await g.locator('.ss-status').textContent(), /Stage 3: the pooling skip/);
      await sel('skip').selectOption({ value: 'identity' });
      picks[2] = { ...picks[2], skip: 'identity' };
      await expectCounts();
      // Another stage keeps the change made to stage 3.
      await sel('stage').selectOption({ value: '5' });
      assert.equal(await sel('kernel').inputValue(), String(stages[5].a1.kernel));
      await sel('kernel').selectOption({ value: '3' });
      picks[5] = { ...picks[5], kernel: 3 };
      await expectCounts();
      await g.locator('button[name="reset"]').click();
      picks.splice(0, picks.length, ...stages.map((s) => ({ ...s.a1 })));
      await expectCounts();
      assert.equal(await g.locator('.ss-status').textContent(), 'MnasNet-A1 as released.');
    },
  },
  {
    name: 'lesson mnasnet: questions accept the computed answers and reject wrong ones',
    path,
    async run(page) {
      const { a1Stages, specWith, stageCosts } = await src('lib/viz/lessons/mnasnet-space.ts');
      const q1 = page.locator('[data-question="l-mnas-tie"]');
      assert.equal((await predict(q1, '75.2%')).state, 'wrong');
      assert.equal((await predict(q1, `${(75.2 * 2 ** 0.07).toFixed(2)}%`)).state, 'right');
      const stages = a1Stages();
      const full = stageCosts(specWith(stages.map((s) => s.a1))).macs;
      const k3 = stageCosts(specWith(stages.map((s, i) => (i === 2 ? { ...s.a1, kernel: 3 } : s.a1)))).macs;
      // Independently: 16 MACs fewer per output element of three depthwise layers at 28².
      assert.equal(full - k3, 16 * 28 * 28 * (72 + 120 + 120));
      const q2 = page.locator('[data-question="l-mnas-k3"]');
      assert.equal((await predict(q2, String(16 * 28 * 28 * 72 * 3))).state, 'wrong');
      assert.equal((await predict(q2, String(full - k3))).state, 'right');
      const q3 = page.locator('[data-question="l-mnas-fewest"]');
      assert.equal((await pick(q3, '1×1 expansion (conv_pw)')).state, 'wrong');
      assert.equal((await pick(q3, '5×5 depthwise (conv_dw)')).state, 'right');
    },
  },
  {
    name: 'lesson mnasnet: per-block latency is measured on this device, one positive median per piece',
    path,
    async run(page, { shotsDir }) {
      const fig = page.locator('block-latency').first();
      for (const level of ['block', 'layer']) {
        const keys = await fig
          .locator(`details[data-level="${level}"] tr[data-key]`)
          .evaluateAll((rows) => rows.map((r) => r.dataset.key));
        assert.deepEqual(
          keys,
          expected[level].map((u) => u.key),
          `${level} pieces as the engine cuts them`,
        );
      }
      await fig.locator('button[name="measure"]').click();
      await page.waitForSelector('block-latency[data-measured="true"]', { timeout: 400_000 });
      for (const level of ['layer', 'block']) {
        await fig.locator('select[name="level"]').selectOption(level);
        const ms = await fig
          .locator(`details[data-level="${level}"] tr[data-key]`)
          .evaluateAll((rows) => rows.map((r) => Number(r.dataset.ms)));
        assert.equal(ms.length, expected[level].length);
        for (const v of ms)
          assert.ok(Number.isFinite(v) && v > 0, `${level}: every piece has a positive median (${v})`);
        const circles = await fig.locator('svg.bl-svg circle.bl-point').count();
        assert.equal(
          circles,
          expected[level].filter((u) => u.macs > 0).length,
          `${level}: one circle per piece with MACs`,
        );
        assert.match(
          await fig.locator('[data-out="slow"]').textContent(),
          new RegExp(`^\\d+ of ${expected[level].length}$`),
        );
        await fig.screenshot({ path: `${shotsDir}/lesson-mnasnet-latency-${level}-${page.viewportSize().width}.png` });
      }
      assert.equal(await fig.locator('button[name="cancel"]').isDisabled(), true);
      // Cancel: a second measurement stops and says so.
      await fig.locator('button[name="measure"]').click();
      await page.waitForSelector('block-latency[data-measuring="true"]');
      await fig.locator('button[name="cancel"]').click();
      assert.match(await fig.locator('.bl-status').textContent(), /Cancelled/);
      assert.equal(await fig.locator('button[name="measure"]').isEnabled(), true);
    },
  },
  // tiny_mnasnet blocks.2.0 (tiny.ts: ir_r2_k5_s2_e3_c16_se0.25): the stem and stage 1 halve the map,
  // 32 → 8; 16 → 48 at 8×8, 5×5 depthwise stride 2 to 4×4, SE 48 → 16 / 4 = 4 → 48, project to 16.
  ...trainedCellSpecs({
    path: '/lessons/mnasnet/',
    lesson: 'mnasnet',
    id: 'tiny_mnasnet',
    scope: 'blocks.2.0',
    firstMacs: 8 * 8 * 16 * 48,
    totalMacs: 8 * 8 * 16 * 48 + 4 * 4 * 48 * 25 + 2 * 48 * 4 + 4 * 4 * 48 * 16,
  }),
];
