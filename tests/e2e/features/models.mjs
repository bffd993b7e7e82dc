// The model pages: zoo table sorting and filtering, the diagram ↔ layer table links, the CSV
// download, the stage-aligned comparison, and the page's totals against the CLI's zoo listing.
// Expected numbers come from `depthwise zoo --json` (the engine in Node) or from the page's own
// data attributes, recomputed here independently of the page's scripts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let zooCache;
/** `node bin/depthwise.mjs zoo --json`, once. */
function zoo() {
  zooCache ??= JSON.parse(
    execFileSync(process.execPath, ['bin/depthwise.mjs', 'zoo', '--json'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    }),
  );
  return zooCache;
}
const int = (s) => Number(String(s).replace(/[^0-9-]/g, ''));

/** Visible zoo rows as { id, family, macs, top1 } in DOM order. */
async function zooRows(page) {
  return page.$$eval('zoo-table tbody tr', (trs) =>
    trs
      .filter((tr) => !tr.hidden)
      .map((tr) => ({
        id: tr.dataset.id,
        family: tr.dataset.family,
        macs: Number(tr.dataset.macs),
        top1: tr.dataset.top1 === '' ? null : Number(tr.dataset.top1),
      })),
  );
}

export default [
  {
    name: 'the zoo table sorts by a header (mouse and keyboard) and filters by family',
    path: '/models/',
    async run(page) {
      const all = zoo();
      assert.equal((await zooRows(page)).length, all.length);
      const macsHeader = page.locator('zoo-table th[data-key="macs"]');
      await macsHeader.locator('button').click();
      assert.equal(await macsHeader.getAttribute('aria-sort'), 'ascending');
      let rows = await zooRows(page);
      const expectedAsc = [...all].sort((a, b) => a.macs - b.macs).map((m) => m.macs);
      assert.deepEqual(
        rows.map((r) => r.macs),
        expectedAsc,
      );
      // Enter on the focused header button sorts the other way.
      await macsHeader.locator('button').focus();
      await page.keyboard.press('Enter');
      assert.equal(await macsHeader.getAttribute('aria-sort'), 'descending');
      rows = await zooRows(page);
      assert.equal(rows[0].macs, Math.max(...all.map((m) => m.macs)));
      assert.equal(await page.locator('zoo-table th[data-key="family"]').getAttribute('aria-sort'), 'none');

      // Top-1 descending: cited values in non-increasing order, uncited rows at the end.
      await page.locator('zoo-table th[data-key="top1"] button').click();
      await page.locator('zoo-table th[data-key="top1"] button').click();
      rows = await zooRows(page);
      const cited = rows.filter((r) => r.top1 !== null);
      for (let i = 1; i < cited.length; i++) assert.ok(cited[i].top1 <= cited[i - 1].top1, 'top-1 not descending');
      assert.ok(
        rows.slice(cited.length).every((r) => r.top1 === null),
        'uncited rows must come last',
      );

      // Family descending: the families in reverse course order, each family's models in the zoo
      // order (the CLI lists the zoo in that order, its families in course order).
      const familyButton = page.locator('zoo-table th[data-key="family"] button');
      await familyButton.click();
      await familyButton.click();
      assert.equal(await page.locator('zoo-table th[data-key="family"]').getAttribute('aria-sort'), 'descending');
      const courseFamilies = [...new Set(all.map((m) => m.family))];
      assert.deepEqual(
        (await zooRows(page)).map((r) => r.id),
        courseFamilies.reverse().flatMap((f) => all.filter((m) => m.family === f).map((m) => m.id)),
      );

      await page.locator('zoo-table select[name="family"]').selectOption('MobileNetV3');
      rows = await zooRows(page);
      const v3 = all.filter((m) => m.family === 'MobileNetV3');
      assert.equal(rows.length, v3.length);
      assert.ok(rows.every((r) => r.family === 'MobileNetV3'));
      assert.match(
        await page.locator('zoo-table .count').textContent(),
        new RegExp(`Showing ${v3.length} of ${all.length}`),
      );
      // The scatter dims the other families.
      const dimmed = await page.locator('zoo-scatter a.pt.dim').count();
      const v3Points = await page.locator('zoo-scatter a.pt[data-family="MobileNetV3"]').count();
      assert.equal(dimmed, (await page.locator('zoo-scatter a.pt').count()) - v3Points);
    },
  },
  {
    name: 'the scatter shows a model’s details on hover and links to its page',
    path: '/models/',
    async run(page) {
      const point = page.locator('zoo-scatter a.pt[data-id="efficientnet_b0"]');
      await point.scrollIntoViewIfNeeded();
      await point.hover();
      const tip = page.locator('zoo-scatter .tip');
      assert.equal(await tip.isVisible(), true);
      assert.match(await tip.textContent(), /efficientnet_b0: 77\.1 % top-1 \(paper\), 386 M MACs/);
      assert.equal(await point.getAttribute('href'), '/models/efficientnet_b0/');
    },
  },
  {
    name: 'selecting a diagram op highlights its table rows, and a table row highlights its op',
    path: '/models/efficientnet_b0/',
    async run(page) {
      // Expand stage 1 from its column, then the block blocks.1.1.
      await page.locator('.col[data-section="2"]').click();
      assert.equal(await page.locator('.panel[data-section="2"]').evaluate((d) => d.open), true);
      await page.locator('.block[data-block="blocks.1.1"] > summary').click();
      const op = page.locator('.op[data-op="blocks.1.1:1"]');
      assert.match(await op.textContent(), /depthwise 3×3/);
      await op.hover();
      const lit = await page.$$eval('tr.hl', (trs) => trs.map((tr) => tr.querySelector('.rowsel').textContent));
      assert.deepEqual(lit, ['blocks.1.1.conv_dw', 'blocks.1.1.bn2']);
      await op.click();
      assert.equal(await op.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('.lsec[data-section="2"]').evaluate((d) => d.open), true);
      const selected = await page.$$eval('tr.selected', (trs) =>
        trs.map((tr) => tr.querySelector('.rowsel').textContent),
      );
      assert.deepEqual(selected, ['blocks.1.1.conv_dw', 'blocks.1.1.bn2']);
      // The selected rows come into view with their table's header, below the sticky site header.
      const vh = page.viewportSize().height;
      const siteHeader = await page.locator('.site-header').boundingBox();
      const head = await page.locator('.lsec[data-section="2"] thead').boundingBox();
      const picked = await page.locator('tr.selected').last().boundingBox();
      assert.ok(
        head.y >= siteHeader.y + siteHeader.height - 1 && head.y < vh,
        `table header at y=${head.y} is in view`,
      );
      assert.ok(picked.y + picked.height <= vh, `selected row at y=${picked.y} is in view`);
      // The row shows the depthwise conv's numbers: 3×3, 144 groups, 56²·144·9 MACs.
      const cells = await page.locator('tr.selected').first().locator('td').allTextContents();
      assert.equal(cells[2], '3×3');
      assert.equal(int(cells[4]), 144);
      assert.equal(int(cells[7]), 56 * 56 * 144 * 9);

      // Reverse: hover the SE conv_reduce row; its op (squeeze-excite), block and column light up.
      await page.locator('.lsec[data-section="3"] > summary').click();
      const row = page.locator('tr[data-block="blocks.2.0"]', {
        has: page.locator('.rowsel', { hasText: /^blocks\.2\.0\.se\.conv_reduce$/ }),
      });
      await row.hover();
      const seOp = page.locator('.op[data-op="blocks.2.0:2"]');
      assert.match(await seOp.textContent(), /squeeze-excite/);
      assert.equal(await seOp.evaluate((b) => b.classList.contains('hl')), true);
      assert.equal(await page.locator('.col[data-section="3"]').evaluate((g) => g.classList.contains('hl')), true);
      await row.locator('.rowsel').click();
      assert.equal(await seOp.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator('.block[data-block="blocks.2.0"]').evaluate((d) => d.open), true);
    },
  },
  {
    name: 'the CSV download sums to the totals the page shows',
    path: '/models/efficientnet_b0/',
    async run(page) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-export="csv"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'efficientnet_b0-layers.csv');
      const text = readFileSync(await download.path(), 'utf8');
      const lines = text.trim().split(/\r?\n/);
      const header = lines[0].split(',');
      // No cell of the zoo's tables contains a comma or a quote, so a plain split reads them.
      const rows = lines.slice(1).map((l) => l.split(','));
      const sum = (col) => rows.reduce((s, r) => s + Number(r[header.indexOf(col)]), 0);
      assert.equal(rows.length, await page.locator('tr[data-row]').count());
      assert.equal(sum('params'), int(await page.locator('[data-total="params"]').textContent()));
      assert.equal(sum('macs'), int(await page.locator('[data-total="macs"]').textContent()));
      assert.equal(sum('params'), int(await page.locator('[data-fact="params"]').textContent()));

      const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="json"]').click()]);
      const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
      assert.equal(
        data.layers.reduce((s, l) => s + l.macs, 0),
        data.totals.macs,
      );
      assert.equal(data.totals.macs, sum('macs'));
    },
  },
  {
    name: 'mobilenetv2_100’s page shows the params and MACs that `depthwise zoo --json` reports',
    path: '/models/mobilenetv2_100/',
    async run(page) {
      const m = zoo().find((r) => r.id === 'mobilenetv2_100');
      assert.equal(int(await page.locator('[data-fact="params"]').textContent()), m.params);
      assert.equal(int(await page.locator('[data-fact="macs"]').textContent()), m.macs);
      assert.equal(int(await page.locator('[data-total="params"]').textContent()), m.params);
      assert.equal(int(await page.locator('[data-total="macs"]').textContent()), m.macs);
    },
  },
  {
    name: 'a comparison link renders the pair aligned by stride, with deltas B − A that add up',
    path: '/models/compare/?a=mobilenetv1_100&b=efficientnet_b0',
    async run(page) {
      assert.equal((await page.locator('.cmp-title').textContent()).trim(), 'mobilenetv1_100 vs efficientnet_b0');
      const levels = await page.$$eval('table.cmp tr[data-level]', (trs) =>
        trs.map((tr) => {
          const v = (c) => Number(tr.querySelector(`td.${c}`).dataset.value);
          return {
            key: tr.dataset.level,
            pa: v('params-a'),
            pb: v('params-b'),
            pd: v('params-d'),
            ma: v('macs-a'),
            mb: v('macs-b'),
            md: v('macs-d'),
            aa: v('act-a'),
            ab: v('act-b'),
            ad: v('act-d'),
          };
        }),
      );
      assert.deepEqual(
        levels.map((l) => l.key),
        ['stem', '/2', '/4', '/8', '/16', '/32', 'head', 'total'],
      );
      for (const l of levels) {
        assert.equal(l.pd, l.pb - l.pa, `params delta at ${l.key}`);
        assert.equal(l.md, l.mb - l.ma, `MACs delta at ${l.key}`);
        assert.equal(l.ad, l.ab - l.aa, `activation delta at ${l.key}`);
      }
      const z = zoo();
      const a = z.find((m) => m.id === 'mobilenetv1_100');
      const b = z.find((m) => m.id === 'efficientnet_b0');
      const total = levels.find((l) => l.key === 'total');
      assert.equal(total.pd, b.params - a.params);
      assert.equal(total.md, b.macs - a.macs);
      const body = levels.filter((l) => l.key !== 'total');
      assert.equal(
        body.reduce((s, l) => s + l.ma, 0),
        a.macs,
      );
      assert.equal(
        body.reduce((s, l) => s + l.pb, 0),
        b.params,
      );

      // Changing a select re-renders and rewrites the URL.
      await page.locator('select[name="b"]').selectOption('vit_tiny_patch16_224');
      assert.match(page.url(), /\?a=mobilenetv1_100&b=vit_tiny_patch16_224$/);
      const vitAt16 = await page.locator('table.cmp tr[data-level="/16"] td.b').textContent();
      assert.match(vitAt16, /block 0 … block 11/);
    },
  },
];
