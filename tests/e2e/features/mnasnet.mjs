// The lesson "MnasNet: searching with the phone in the loop": the per-block latency figure measures
// every piece of MobileNetV2 and MnasNet-A1 in onnxruntime-web (checked for shape only: present,
// positive, one per piece, never values), the piece lists match the engine's count computed here
// in Node, and cancel stops a measurement.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';

const src = (p) => tsImport(new URL(`../../../src/${p}`, import.meta.url).href, import.meta.url);
const { latencyUnits } = await src('lib/viz/lessons/block-latency.ts');
const { buildModel } = await src('lib/models/index.ts');
const { analyze } = await src('lib/engine/index.ts');

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
    name: 'lesson mnasnet: per-block latency is measured on this device, one positive median per piece',
    path,
    async run(page) {
      const fig = page.locator('block-latency').first();
      for (const level of ['block', 'layer']) {
        const keys = await fig.locator(`details[data-level="${level}"] tr[data-key]`).evaluateAll((rows) => rows.map((r) => r.dataset.key));
        assert.deepEqual(keys, expected[level].map((u) => u.key), `${level} pieces as the engine cuts them`);
      }
      await fig.locator('button[name="measure"]').click();
      await page.waitForSelector('block-latency[data-measured="true"]', { timeout: 400_000 });
      for (const level of ['layer', 'block']) {
        await fig.locator('select[name="level"]').selectOption(level);
        const ms = await fig.locator(`details[data-level="${level}"] tr[data-key]`).evaluateAll((rows) => rows.map((r) => Number(r.dataset.ms)));
        assert.equal(ms.length, expected[level].length);
        for (const v of ms) assert.ok(Number.isFinite(v) && v > 0, `${level}: every piece has a positive median (${v})`);
        const circles = await fig.locator('svg.bl-svg circle.bl-point').count();
        assert.equal(circles, expected[level].filter((u) => u.macs > 0).length, `${level}: one circle per piece with MACs`);
        assert.match(await fig.locator('[data-out="slow"]').textContent(), new RegExp(`^\\d+ of ${expected[level].length}$`));
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
];
