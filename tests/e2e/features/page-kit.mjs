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

/**
 * `idle(page, timeout)` waits until the debugger element `host` exists and is no longer
 * data-busy; `click(page, target)` clicks `target` (a selector's first match, or a locator), then
 * waits for it to be idle.
 */
export function debuggerWaits(host) {
  const idle = (page, timeout = 120_000) =>
    page.waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        return el && !el.hasAttribute('data-busy');
      },
      host,
      { timeout },
    );
  const click = async (page, target) => {
    await (typeof target === 'string' ? page.locator(target).first() : target).click();
    await page.waitForTimeout(50);
    await idle(page);
  };
  return { idle, click };
}
