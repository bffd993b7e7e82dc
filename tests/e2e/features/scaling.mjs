// The compound-scaling playground: φ moves with the keyboard and the mouse, the numbers, the stage
// table and the diagram change to the values the same pure modules compute here in Node (through
// tsx), the URL follows, a reload restores the state, bad input gets a message, and "Measure it"
// times B0 in onnxruntime-web and plots it.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { checkTrainedScaling } from './trained-scaling-kit.mjs';

const lib = (p) => tsImport(new URL(`../../../src/lib/viz/${p}`, import.meta.url).href, import.meta.url);
const { scaledConfig } = await lib('scaling/scaling-config.ts');
const { scaledModel } = await lib('scaling/scaling-model.ts');
const { formatInt, formatCompact, formatMs } = await lib('charts/number-format.ts');
const { widthOnly, depthOnly, resolutionOnly } = await lib('scaling/scaling-single-dim.ts');

/** What the page must show at φ (paper coefficients), computed in Node from the same modules. */
function expected(phi, coefficients) {
  const m = scaledModel(scaledConfig(phi, coefficients));
  return {
    params: formatInt(m.params),
    macsCompact: formatCompact(m.macs),
    macs: formatInt(m.macs),
    resolution: String(m.resolution),
    blocks: String(m.blocks),
    stage2Channels: String(m.stages[1].outChannels),
    stage6Repeats: String(m.stages[5].repeats),
  };
}

const out = (page, key) => page.locator(`scaling-playground [data-out="${key}"]`).first().textContent();

async function ready(page) {
  await page.waitForSelector('scaling-playground[data-ready="true"]');
}

async function shown(page) {
  return {
    params: await out(page, 'params'),
    macsCompact: await out(page, 'macsCompact'),
    macs: await out(page, 'macs'),
    resolution: await out(page, 'resolution'),
    blocks: await out(page, 'blocks'),
    stage2Channels: await page.locator('tr[data-row="stage-2"] [data-cell="channels"]').textContent(),
    stage6Repeats: await page.locator('tr[data-row="stage-6"] [data-cell="repeats"]').textContent(),
  };
}

const bars = (page) => page.locator('svg.diagram g.bars rect.bar').count();
const settle = (page) => page.waitForTimeout(450); // D3 transitions last 280 ms; exits are removed at their end.

export default [
  {
    name: 'the trained φ points beside the MACs curve: a circle per run of every complete scaling model of the manifest',
    path: '/scaling/',
    run: checkTrainedScaling,
  },
  {
    name: 'φ moves with the keyboard: numbers, stage table, diagram and URL follow',
    path: '/scaling/',
    async run(page) {
      await ready(page);
      assert.equal(await out(page, 'phi'), '1.0');
      assert.deepEqual(await shown(page), expected(1));
      assert.equal(await bars(page), Number(expected(1).blocks) + 2);
      const range = page.locator('input[name="phi"]');
      await range.focus();
      for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
      await settle(page);
      assert.equal(await out(page, 'phi'), '2.5');
      const e = expected(2.5);
      assert.deepEqual(await shown(page), e);
      assert.equal(await bars(page), Number(e.blocks) + 2, 'one bar per block plus stem and head');
      assert.match(page.url(), /[?&]phi=2\.5(&|$)/);
      await page.keyboard.press('End');
      await settle(page);
      assert.equal(await out(page, 'phi'), '7.0');
      assert.deepEqual(await shown(page), expected(7));
      assert.equal(await bars(page), Number(expected(7).blocks) + 2);
    },
  },
  {
    name: 'φ moves with the mouse, and a reload restores it from the URL',
    path: '/scaling/',
    async run(page) {
      await ready(page);
      const range = page.locator('input[name="phi"]');
      const box = await range.boundingBox();
      const stemBefore = await page.locator('svg.diagram rect[data-id="stem"]').getAttribute('height');
      // Click at 5/7 of the track: φ ≈ 5 (the thumb's width shifts it by a step or so).
      await page.mouse.click(box.x + (box.width * 5) / 7, box.y + box.height / 2);
      await settle(page);
      const phi = Number(await out(page, 'phi'));
      assert.ok(phi > 4 && phi < 6, `a click at 5/7 of the slider gives φ near 5, got ${phi}`);
      assert.deepEqual(await shown(page), expected(phi));
      const stemAfter = await page.locator('svg.diagram rect[data-id="stem"]').getAttribute('height');
      assert.ok(
        Number(stemAfter) > Number(stemBefore),
        `the stem bar grows with resolution (${stemBefore} → ${stemAfter})`,
      );
      assert.match(page.url(), new RegExp(`[?&]phi=${phi.toFixed(1).replace('.', '\\.')}`));
      await page.reload();
      await ready(page);
      assert.equal(await out(page, 'phi'), phi.toFixed(1));
      assert.equal(await page.locator('input[name="phi"]').inputValue(), String(phi));
      assert.deepEqual(await shown(page), expected(phi));
    },
  },
  {
    name: 'φ out of range in the URL or the input gets a message, not a crash',
    path: '/scaling/?phi=12',
    async run(page) {
      await ready(page);
      const alert = page.locator('scaling-playground .problem');
      assert.equal(await alert.isVisible(), true);
      assert.match(await alert.textContent(), /phi: φ must be from 0 to 7; received 12; showing φ = 1/);
      assert.equal(await out(page, 'phi'), '1.0');
      assert.deepEqual(await shown(page), expected(1));
      const num = page.locator('input[name="phi-number"]');
      await num.fill('9');
      assert.match(await alert.textContent(), /φ must be from 0 to 7; received 9\. The model shown is still φ = 1\.0/);
      assert.deepEqual(await shown(page), expected(1));
      await num.fill('3.3');
      assert.equal(await alert.isVisible(), false);
      assert.deepEqual(await shown(page), expected(3.3));
      // The single-dimension matches follow once the input rests (width, depth, resolution only).
      await page.waitForSelector('table.single[data-busy="false"]');
      const budget = scaledModel(scaledConfig(3.3)).macs;
      const cell = (row, col) => page.locator(`tr[data-single="${row}"] td[data-col="${col}"]`).textContent();
      assert.equal(await cell('w', 'width'), widthOnly(budget).width.toFixed(3));
      assert.equal(await cell('blocks', 'depth'), formatInt(depthOnly(budget).blocks));
      assert.equal(await cell('r', 'resolution'), String(resolutionOnly(budget).resolution));
    },
  },
  {
    name: 'editing α updates the constraint, the model and the URL; the grid sets all three',
    path: '/scaling/?phi=2.0',
    async run(page) {
      await ready(page);
      await page.locator('form[data-form="coefficients"] input[name="alpha"]').fill('1.3');
      const c = { alpha: 1.3, beta: 1.1, gamma: 1.15 };
      assert.equal(await out(page, 'constraint'), (1.3 * 1.1 ** 2 * 1.15 ** 2).toFixed(4));
      assert.deepEqual(await shown(page), expected(2, c));
      await settle(page); // the URL follows once input rests (150 ms)
      assert.match(page.url(), /alpha=1\.3/);
      await page.reload();
      await ready(page);
      assert.equal(await page.locator('form[data-form="coefficients"] input[name="alpha"]').inputValue(), '1.3');
      assert.deepEqual(await shown(page), expected(2, c));
      await page.locator('button[data-use]').first().click();
      const first = JSON.parse(await page.locator('button[data-use]').first().getAttribute('data-use'));
      assert.deepEqual(await shown(page), expected(2, first));
      assert.equal(
        await page.locator('form[data-form="coefficients"] input[name="gamma"]').inputValue(),
        String(first.gamma),
      );
    },
  },
  {
    name: '"Measure it" runs B0 in onnxruntime-web and plots its latency against its MACs',
    path: '/scaling/?phi=0.0',
    async run(page) {
      await ready(page);
      await page.locator('button[data-action="measure"]').click();
      const cancel = page.locator('button[data-action="cancel"]');
      assert.equal(await cancel.isEnabled(), true, 'cancel is available while measuring');
      const b0 = page.locator('table.measure-table tr[data-id="efficientnet_b0"]');
      await page.waitForSelector('table.measure-table tr[data-id="efficientnet_b0"][data-ms]', { timeout: 240_000 });
      const ms = Number(await b0.getAttribute('data-ms'));
      assert.ok(ms > 0 && ms < 60_000, `B0 latency is a positive number of ms, got ${ms}`);
      // The cell shows the same measurement, formatted (ms, or s past a second on a loaded machine).
      assert.equal(await b0.locator('td.ms').textContent(), formatMs(ms));
      // The point sits on the chart at B0's MACs (the engine's count, 385,814,752).
      const point = page.locator('svg.latency g.pt[data-id="efficientnet_b0"]');
      assert.equal(await point.count(), 1);
      assert.equal(await b0.locator('td.macs').textContent(), formatCompact(scaledModel(scaledConfig(0)).macs));
      const progress = await page.locator('.measure-progress progress').evaluate((p) => p.value);
      assert.ok(progress > 0 && progress < 1, `the progress bar shows part of the work done, got ${progress}`);
      await cancel.click();
      assert.match(await page.locator('.measure-status').textContent(), /Cancelled after \d+ measured/);
      assert.equal(await page.locator('button[data-action="measure"]').isEnabled(), true);
    },
  },
];
