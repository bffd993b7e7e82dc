// Helpers the feature specs share to read a page. No specs of its own (run.mjs loads every file
// here and reads its default export).

export default [];

/** The trimmed text of the first `[data-out="key"]` read-out inside `root`. */
export const out = (root, key) =>
  root
    .locator(`[data-out="${key}"]`)
    .first()
    .textContent()
    .then((t) => t?.trim());

/**
 * Opens `url` in a new context with JavaScript off (at 360 px unless `viewport` says otherwise),
 * runs `check(p)` on its page, and closes the context, whatever the check does.
 */
export async function withoutJs(page, url, check, viewport = { width: 360, height: 780 }) {
  const context = await page.context().browser().newContext({ javaScriptEnabled: false, viewport });
  try {
    const p = await context.newPage();
    await p.goto(url);
    await check(p);
  } finally {
    await context.close();
  }
}
