// The lessons' step cell: on the first built page that embeds one, load the block, step through
// every op to the end (the position advances one op at a time and no error appears), and check a
// conv detail's shown sum + bias against the shown output value. Pages are found in the build
// output, so the check follows wherever lessons put their cells.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from '../pages.mjs';

function firstPageWithCell() {
  for (const path of builtPages()) {
    const html = readFileSync(join(distDir, path, 'index.html'), 'utf8');
    if (html.includes('<step-cell')) return path;
  }
  return null;
}

const path = firstPageWithCell();

export default path === null
  ? []
  : [
      {
        name: 'a lesson step cell loads its block and steps through every op',
        path,
        async run(page) {
          const cell = page.locator('step-cell').first();
          await cell.scrollIntoViewIfNeeded();
          const idle = () =>
            page.waitForFunction(() => !document.querySelector('step-cell').hasAttribute('data-busy'), null, {
              timeout: 120_000,
            });
          const rows = await cell.locator('tr[data-op-index]').count();
          assert.ok(rows > 0, 'the static op list is there');
          await cell.locator('[data-act="start"]').click();
          await page.waitForTimeout(50);
          await idle();
          let steps = 0;
          let checkedConv = false;
          while (!(await cell.locator('[data-act="next"]').isDisabled()) && steps < 80) {
            await cell.locator('[data-act="next"]').click();
            await page.waitForTimeout(20);
            await idle();
            steps++;
            const pos = await cell.locator('[data-dbg="position"]').textContent();
            assert.match(pos, /^Op \d+ of \d+/, pos);
            const status = await cell.locator('[data-dbg="status"]').textContent();
            assert.doesNotMatch(status, /Could not run/, status);
            const conv = cell.locator('[data-dbg="detail-conv"]');
            if (!checkedConv && (await conv.count()) === 1) {
              assert.equal(
                (await conv.locator('[data-dbg="total"]').textContent()).trim(),
                (await conv.locator('[data-dbg="value"]').textContent()).trim(),
              );
              checkedConv = true;
            }
          }
          const [, at, of] = /^Op (\d+) of (\d+)/.exec(await cell.locator('[data-dbg="position"]').textContent());
          assert.equal(at, of, 'stepped to the last op');
          assert.equal(Number(of), steps, 'one op per step');
        },
      },
    ];
