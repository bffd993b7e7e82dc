// The trained tiny family on the site (issue "Trained tiny models", On the site: Zoo; issue "Train it
// yourself", the family beside the reader's runs). Expected values come from the built
// manifest (dist/models/trained/manifest.json) read here, never from the page: each card and
// detail page shows every seed's accuracy as the manifest has it (formatted here independently),
// the family chart has one circle per run at its accuracy, the detail page's per-class accuracy,
// confusion counts and preprocessing are the manifest's, and /train/'s runs chart has one diamond
// per family run. With nothing trained, the zoo has no trained section and no detail page exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../pages.mjs';

const path = join(distDir, 'models', 'trained', 'manifest.json');
const runs = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).models : [];
const ids = [...new Set(runs.map((r) => r.id))];
const pct = (a) => `${(a * 100).toFixed(2)} %`;
const byId = (id) => runs.filter((r) => r.id === id).sort((a, b) => a.seed - b.seed);
/** The cheapest trained model: the detail page the specs open. */
const first = ids.length ? [...runs].sort((a, b) => a.macs - b.macs)[0].id : undefined;

async function chartRuns(page, which) {
  return page.$$eval(`svg[data-trained-chart="${which}"] circle.tf-run`, (cs) =>
    cs.map((c) => ({ id: c.dataset.id, seed: Number(c.dataset.seed), accuracy: Number(c.dataset.accuracy) })),
  );
}

function sameRuns(shown, label) {
  const key = (r) => `${r.id}@${r.seed}`;
  assert.deepEqual(shown.map(key).sort(), runs.map(key).sort(), `${label}: one mark per run`);
  for (const s of shown) {
    const r = runs.find((x) => key(x) === key(s));
    assert.equal(s.accuracy, r.accuracy, `${label}: ${key(s)} accuracy`);
  }
}

const withRuns = [
  {
    name: "trained: each card shows every seed's test accuracy as the manifest says; the family chart has one mark per run",
    path: '/models/',
    async run(page, { shotsDir }) {
      const cards = page.locator('[data-trained-card]');
      assert.equal(await cards.count(), ids.length, 'one card per trained model');
      for (const id of ids) {
        const card = page.locator(`[data-trained-card="${id}"]`);
        for (const r of byId(id)) {
          const dd = card.locator(`dd[data-seed="${r.seed}"]`);
          assert.equal(Number(await dd.getAttribute('data-accuracy')), r.accuracy, `${id} seed ${r.seed}`);
          assert.equal((await dd.textContent()).trim(), pct(r.accuracy), `${id} seed ${r.seed} text`);
          assert.equal(await card.locator(`a[href="/models/trained/${r.file}"]`).count(), 1, `${r.file} link`);
        }
        // The card's curve: a path and a test dot per seed.
        assert.equal(await card.locator('svg path.tc-train').count(), byId(id).length);
      }
      assert.ok(await page.locator('svg[data-trained-chart="wide"]').isVisible());
      assert.ok(!(await page.locator('svg[data-trained-chart="narrow"]').isVisible()));
      sameRuns(await chartRuns(page, 'wide'), 'wide chart');
      sameRuns(await chartRuns(page, 'narrow'), 'narrow chart');
      await page.locator('#trained-chart').screenshot({ path: `${shotsDir}/trained-chart-1280.png` });
      // Each comparison shown has both seeds of every member, as the manifest says.
      for (const c of await page.locator('[data-comparison]').all()) {
        for (const row of await c.locator('tr[data-model]').all()) {
          const id = await row.getAttribute('data-model');
          const cells = await row.locator('td[data-seed]').all();
          assert.equal(cells.length, byId(id).length, `${id}: all seeds`);
          for (const cell of cells) {
            const seed = Number(await cell.getAttribute('data-seed'));
            const r = byId(id).find((x) => x.seed === seed);
            assert.equal((await cell.textContent()).trim(), pct(r.accuracy));
          }
        }
      }
    },
  },
  {
    name: 'trained: on a phone the narrow family chart is the one shown, with one mark per run',
    path: '/models/',
    viewport: { width: 360, height: 800 },
    async run(page, { shotsDir }) {
      assert.ok(await page.locator('svg[data-trained-chart="narrow"]').isVisible());
      assert.ok(!(await page.locator('svg[data-trained-chart="wide"]').isVisible()));
      sameRuns(await chartRuns(page, 'narrow'), 'narrow chart');
      await page.locator('#trained-chart').screenshot({ path: `${shotsDir}/trained-chart-360.png` });
    },
  },
  {
    name: "trained: a model's detail page shows the manifest's accuracy, per-class accuracy, confusion and preprocessing",
    path: `/models/trained/${first}/`,
    async run(page) {
      assert.equal((await page.locator('h1').textContent()).trim(), first);
      for (const r of byId(first)) {
        const dd = page.locator(`dl dd[data-seed="${r.seed}"]`);
        assert.equal((await dd.textContent()).trim(), pct(r.accuracy));
        for (let k = 0; k < r.classes.length; k++) {
          const td = page.locator(`[data-per-class] td[data-seed="${r.seed}"][data-class="${k}"]`);
          assert.equal((await td.textContent()).trim(), pct(r.perClass[k]), `seed ${r.seed} class ${k}`);
        }
        const counts = await page.$$eval(`table[data-confusion="${r.seed}"] tbody tr`, (trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td.cell')].map((td) => Number(td.textContent.replace(/,/g, '')))),
        );
        assert.deepEqual(counts, r.confusion, `seed ${r.seed} confusion`);
        assert.equal(await page.locator(`a[href="/models/trained/${r.file}"]`).count(), 1);
        const res = await page.request.get(`/models/trained/${r.file}`);
        assert.equal(res.status(), 200, `${r.file} is served`);
        assert.equal((await res.body()).length, r.bytes);
      }
      const prep = JSON.parse(await page.locator('[data-preprocessing]').textContent());
      assert.deepEqual(prep, byId(first)[0].preprocessing);
      assert.equal(
        await page.locator(`[data-trained-curve] circle.tc-test`).count(),
        byId(first).length,
        'a test dot per seed',
      );
    },
  },
  {
    name: "trained: /train/'s runs chart shows a mark per family run beside the reader's runs, with a legend",
    path: '/train/',
    async run(page) {
      await page.waitForSelector('train-playground[data-ready="true"]');
      const keys = await page.$$eval('[data-chart="runs"] path.tp-family', (ps) => ps.map((p) => p.dataset.familyRun));
      assert.deepEqual(keys.sort(), runs.map((r) => `${r.id}@${r.seed}`).sort());
      const legend = await page.locator('.tp-legend').textContent();
      const images = runs[0].trainImages.toLocaleString('en-US');
      assert.match(legend, new RegExp(`family: ${images} images, ${runs[0].recipe.epochs} epoch`));
    },
  },
];

const withoutRuns = [
  {
    name: 'trained: with nothing trained the zoo has no trained section',
    path: '/models/',
    async run(page) {
      assert.equal(await page.locator('#trained-h').count(), 0);
      assert.equal(await page.locator('[data-trained-card]').count(), 0);
    },
  },
];

export default runs.length ? withRuns : withoutRuns;
