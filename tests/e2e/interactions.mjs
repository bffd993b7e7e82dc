// Runs the generic layout checks (layout.mjs) after every interaction a feature spec makes: the spec
// gets a `page` whose clicks, fills, key presses and selections (on the page, its keyboard and mouse,
// and every locator made from it) are followed by the checks, at the spec's width and at 360 px
// (the viewport is narrowed for the check and restored before the spec goes on).
import { layoutProblems, settle } from './layout.mjs';

const PHONE = 360;
const ACTIONS = new Set([
  'click',
  'dblclick',
  'tap',
  'fill',
  'press',
  'pressSequentially',
  'type',
  'check',
  'uncheck',
  'setChecked',
  'selectOption',
  'setInputFiles',
  'dragTo',
  'dragAndDrop',
  'goto',
  'reload',
  'goBack',
]);
const LOCATOR_MAKERS = new Set([
  'locator',
  'first',
  'last',
  'nth',
  'filter',
  'and',
  'or',
  'getByRole',
  'getByText',
  'getByLabel',
  'getByPlaceholder',
  'getByTestId',
  'getByTitle',
  'getByAltText',
]);

/**
 * Wraps `page`; every problem found is pushed onto `problems` once, named by the interaction after
 * which it first appeared. Returns { page, finish } — `finish()` checks the final state too.
 */
export function watchInteractions(page, problems) {
  const seen = new Set();
  let count = 0;
  const check = async (what) => {
    count++;
    const vp = page.viewportSize();
    const found = [];
    await settle(page);
    for (const p of await layoutProblems(page, { sideways: vp.width <= PHONE, labels: true }))
      found.push([p, vp.width]);
    if (vp.width > PHONE) {
      const scroll = await page.evaluate(() => [window.scrollX, window.scrollY]);
      await page.setViewportSize({ width: PHONE, height: vp.height });
      await settle(page);
      for (const p of await layoutProblems(page, { sideways: true, labels: true })) found.push([p, PHONE]);
      await page.setViewportSize(vp);
      await settle(page);
      // The spec goes on where it was: the phone layout's height may have moved the scroll position.
      await page.evaluate(([x, y]) => window.scrollTo(x, y), scroll);
    }
    for (const [p, w] of found) {
      const key = `${w} ${p.replace(/[\d.,]+/g, '#')}`; // the same problem at another φ is not news
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(`at ${w}px after ${what}: ${p}`);
    }
  };
  const wrap = (target, label) =>
    new Proxy(target, {
      get(t, prop) {
        const v = Reflect.get(t, prop);
        if (typeof v !== 'function') {
          if ((prop === 'keyboard' || prop === 'mouse') && t === page) return wrap(v, `${label}.${prop}`);
          return v;
        }
        if (
          ACTIONS.has(prop) ||
          (label.endsWith('.mouse') && (prop === 'click' || prop === 'up' || prop === 'wheel'))
        ) {
          return async (...args) => {
            const result = await v.apply(t, args);
            const arg = typeof args[0] === 'string' ? `'${args[0].slice(0, 40)}'` : '';
            await check(`${label}.${String(prop)}(${arg})`);
            return result;
          };
        }
        if (LOCATOR_MAKERS.has(prop)) {
          return (...args) => {
            const arg =
              typeof args[0] === 'string'
                ? `'${args[0].slice(0, 60)}'`
                : typeof args[0] === 'number'
                  ? String(args[0])
                  : '';
            return wrap(v.apply(t, args), t === page ? `${String(prop)}(${arg})` : `${label}.${String(prop)}(${arg})`);
          };
        }
        return v.bind(t);
      },
    });
  return { page: wrap(page, 'page'), finish: () => check('the spec ended'), count: () => count };
}
