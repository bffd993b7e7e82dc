// Helpers the lesson specs share to drive a <StepCell>. No specs of its own (run.mjs loads every
// file here and reads its default export).
import assert from 'node:assert/strict';

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
