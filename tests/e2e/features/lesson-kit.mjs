// Helpers the lesson specs share to drive a <StepCell>. No specs of its own (run.mjs loads every
// file here and reads its default export).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

export default [];

const fmt = (n) => Math.round(n).toLocaleString('en-US');

/**
 * Loads the first step cell on the page, steps one op (expects `firstMacs` on the MAC counter),
 * then runs to the end (expects `totalMacs`).
 */
export async function stepThrough(page, firstMacs, totalMacs) {
  const cell = page.locator('step-cell').first();
  await cell.scrollIntoViewIfNeeded();
  const rows = await cell.locator('table.dbg-ops tbody tr').allTextContents();
  assert.ok(
    rows.some((r) => r.includes(fmt(firstMacs))),
    `the static op list shows ${fmt(firstMacs)} MACs`,
  );
  await cell.locator('[data-act="start"]').click();
  const next = cell.locator('[data-act="next"]');
  await next.waitFor({ state: 'visible' });
  await page.waitForFunction((el) => !el.disabled, await next.elementHandle(), { timeout: 90_000 });
  await next.click();
  const macs = cell.locator('[data-dbg="macs"]');
  // The counter reads "0 (0)" at first, then e.g. "10,838,016 (10.8 M)": compare the exact integer.
  await page.waitForFunction((el) => el.textContent?.trim().split(' ')[0] !== '0', await macs.elementHandle(), {
    timeout: 30_000,
  });
  const exact = async () => (await macs.textContent())?.trim().split(' ')[0];
  assert.equal(await exact(), fmt(firstMacs));
  if (totalMacs === firstMacs) return cell; // a one-op scope is already at its end
  await cell.locator('[data-act="end"]').click();
  await page.waitForFunction(
    ([el, want]) => el.textContent?.trim().split(' ')[0] === want,
    [await macs.elementHandle(), fmt(totalMacs)],
    { timeout: 90_000 },
  );
  assert.equal(await exact(), fmt(totalMacs));
  return cell;
}

// The trained step cell (StepCell with a trained tiny counterpart). Expected texts come from the
// files the site ships, read here apart from the page: the manifest (the lowest trained seed of the
// model, its test accuracy) and the bundled test images' index (the first image, its class).
const pub = new URL('../../../public/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('models/trained/manifest.json', pub), 'utf8'));
const sampleIndex = JSON.parse(readFileSync(new URL('samples/fashion-mnist/index.json', pub), 'utf8'));

function trainedRun(id) {
  const runs = manifest.models.filter((r) => r.id === id).sort((a, b) => a.seed - b.seed);
  assert.ok(runs.length > 0, `${id} is trained (public/models/trained/manifest.json)`);
  return runs[0];
}

async function idle(page, cell) {
  await page.waitForFunction((el) => !el.hasAttribute('data-busy'), await cell.elementHandle(), { timeout: 120_000 });
}

const text = async (loc) => ((await loc.textContent()) ?? '').trim();
const counter = async (cell) => (await text(cell.locator('[data-dbg="macs"]'))).split(' ')[0];

async function waitText(page, loc, want) {
  await page.waitForFunction(([el, w]) => (el.textContent ?? '').trim() === w, [await loc.elementHandle(), want], {
    timeout: 60_000,
  });
}

/**
 * Specs for the `nth` step cell of a lesson that runs trained tiny model `id` at `scope`: at 1280
 * and at 360 px it names the model, its seed and accuracy, the test image and its true class; it
 * steps one op (the MAC counter reads `firstMacs`, an activation heatmap is drawn and the model's
 * prediction is named), runs to the end (`totalMacs`), takes another test image from the strip and
 * steps it again; with JavaScript off it still names the model, seed, image and class.
 */
export function trainedCellSpecs({ path, lesson, id, scope, nth = 0, firstMacs, totalMacs }) {
  const run = trainedRun(id);
  const first = { k: 0, test: sampleIndex.indices[0], cls: run.classes[sampleIndex.labels[0]] };
  const otherLabel = (sampleIndex.labels[0] + 5) % run.classes.length;
  const ok = sampleIndex.labels.indexOf(otherLabel);
  const other = { k: ok, test: sampleIndex.indices[ok], cls: run.classes[otherLabel] };
  const acc = `${(run.accuracy * 100).toFixed(1)} %`;
  const title = `Step through ${id} · ${scope}`;
  const stepped = (width) => ({
    name: `${lesson}: step cell ${nth} runs the trained ${id} ${scope} on a test image (${width} px)`,
    path,
    viewport: { width, height: width > 360 ? 900 : 780 },
    async run(page, { shotsDir }) {
      const cell = page.locator('step-cell').nth(nth);
      await cell.scrollIntoViewIfNeeded();
      assert.ok((await text(cell.locator('.sc-title'))).startsWith(title), await text(cell.locator('.sc-title')));
      assert.match(await text(cell.locator('.sc-title')), /trained here on Fashion-MNIST/);
      const model = await text(cell.locator('[data-dbg="trained-model"]'));
      assert.ok(model.includes(`seed ${run.seed}: ${acc} of the`), model);
      assert.equal(await text(cell.locator('[data-dbg="test-index"]')), String(first.test));
      assert.equal(await text(cell.locator('[data-dbg="true-class"]')), first.cls);
      const rows = await cell.locator('table.dbg-ops tbody tr').allTextContents();
      assert.ok(
        rows.some((r) => r.includes(fmt(firstMacs))),
        `the static op list shows ${fmt(firstMacs)} MACs`,
      );
      await page.waitForFunction(
        (el) => el.querySelectorAll('[data-sample] canvas').length === 10,
        await cell.elementHandle(),
      );
      await cell.locator('[data-act="start"]').click();
      const next = cell.locator('[data-act="next"]');
      await page.waitForFunction((el) => !el.disabled, await next.elementHandle(), { timeout: 90_000 });
      await idle(page, cell);
      await next.click();
      await idle(page, cell);
      assert.equal(await counter(cell), fmt(firstMacs));
      const op = await text(cell.locator('[data-dbg="views"] .dbg-op').first());
      assert.ok(op.includes(` ${scope}.`), `the first op stepped is in ${scope}: ${op}`);
      assert.ok((await cell.locator('[data-dbg="views"] canvas').count()) > 0, 'a stepped activation is drawn');
      const prediction = cell.locator('[data-dbg="prediction"]');
      await page.waitForFunction((el) => el.textContent !== '', await prediction.elementHandle(), { timeout: 30_000 });
      const predicted = Number(await prediction.getAttribute('data-predicted'));
      assert.ok(
        (await text(prediction)).includes(`${id} predicts ${run.classes[predicted]} (`),
        await text(prediction),
      );
      await cell.locator('[data-act="end"]').click();
      await idle(page, cell);
      assert.equal(await counter(cell), fmt(totalMacs));
      // The position counts what the op list shows: Constants (a Reshape's shape, ViT's scale) are
      // data, left out of both, and stepping never stops on one.
      const listed = await cell.locator('table.dbg-ops tbody tr').count();
      assert.match(await text(cell.locator('[data-dbg="position"]')), new RegExp(`^Op ${listed} of ${listed} in `));
      await cell.screenshot({ path: `${shotsDir}/lesson-${lesson}-stepcell-${nth}-${width}.png` });

      await cell.locator(`[data-sample="${other.k}"]`).click();
      await waitText(page, cell.locator('[data-dbg="true-class"]'), other.cls);
      assert.equal(await text(cell.locator('[data-dbg="test-index"]')), String(other.test));
      assert.equal(await cell.locator(`[data-sample="${other.k}"]`).getAttribute('aria-pressed'), 'true');
      await page.waitForFunction((el) => el.textContent !== '', await prediction.elementHandle(), { timeout: 30_000 });
      await idle(page, cell);
      await next.click();
      await idle(page, cell);
      assert.equal(await counter(cell), fmt(firstMacs));
      assert.match(await text(cell.locator('[data-dbg="position"]')), /^Op 1 of/);
    },
  });
  return [
    stepped(1280),
    stepped(360),
    {
      name: `${lesson}: step cell ${nth} names the trained ${id}, its seed, image and class with JavaScript off`,
      path,
      async run(page, { base, shotsDir }) {
        const context = await page
          .context()
          .browser()
          .newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
        const p = await context.newPage();
        await p.goto(`${base}${path}`);
        const cell = p.locator('step-cell').nth(nth);
        assert.ok((await text(cell.locator('.sc-title'))).startsWith(title));
        assert.ok((await text(cell.locator('[data-dbg="trained-model"]'))).includes(`seed ${run.seed}: ${acc}`));
        assert.equal(await text(cell.locator('[data-dbg="true-class"]')), first.cls);
        assert.equal(await cell.locator('[data-act="start"]').isVisible(), false, 'no control without JavaScript');
        assert.equal(
          await cell.locator('[data-sample]').first().isVisible(),
          false,
          'no image strip without JavaScript',
        );
        assert.ok((await cell.locator('table.dbg-ops tbody tr').count()) > 0, 'the static op list');
        await cell.screenshot({ path: `${shotsDir}/lesson-${lesson}-stepcell-${nth}-360-nojs.png` });
        await context.close();
      },
    },
  ];
}
