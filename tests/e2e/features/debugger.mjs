// The step-through debugger on real zoo models: the conv detail view's sum equals the output value
// it explains (and its products multiply out), SE bars and gate arithmetic, onnxruntime-web
// agreement after a full run, deep links that reload to the same view, and the memory guard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { debuggerWaits } from './page-kit.mjs';

const num = (s) => Number(String(s).trim().replace(/−/g, '-').replace(/,/g, ''));

const { idle, click } = debuggerWaits('model-debugger');

async function load(page) {
  await click(page, 'model-debugger [data-act="start"]');
  // Under load the click's 50 ms can pass before the debugger marks itself busy: wait for its first view.
  await page.waitForFunction(() => document.querySelector('[data-dbg="position"]')?.textContent?.trim(), null, {
    timeout: 120_000,
  });
  await idle(page);
  const status = await page.locator('[data-dbg="status"]').textContent();
  assert.doesNotMatch(status, /Could not run/, status);
  assert.match(await page.locator('[data-dbg="position"]').textContent(), /Preprocessing/);
}

async function gotoNode(page, name) {
  await page
    .locator(`model-debugger button[data-goto]`, { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) })
    .click();
  await idle(page);
  await page.waitForFunction(
    (n) => document.querySelector('[data-dbg="position"]')?.textContent?.includes(`: ${n} (`),
    name,
  );
}

/** Clicks value (y, x) of the enlarged output channel and waits for the detail view to explain it. */
async function clickOutputPixel(page, y, x) {
  const zoom = page.locator('[data-dbg="output"] canvas.dbg-zoom');
  await zoom.scrollIntoViewIfNeeded();
  const box = await zoom.boundingBox();
  const [h, w] = await zoom.evaluate((c) => {
    const m = /\((\d+)×(\d+)\)/.exec(c.getAttribute('aria-label'));
    return [Number(m[1]), Number(m[2])];
  });
  await page.mouse.click(box.x + ((x + 0.5) * box.width) / w, box.y + ((y + 0.5) * box.height) / h);
  await page.waitForFunction(
    ([yy, xx]) =>
      document.querySelector('[data-dbg="detail-conv"] h4')?.textContent?.includes(`row ${yy}, column ${xx}`),
    [y, x],
  );
}

/** The conv detail view's numbers, and each window cell's x, w and product as shown. */
async function convNumbers(page) {
  const d = page.locator('[data-dbg="detail-conv"]');
  const read = async (k) => num(await d.locator(`[data-dbg="${k}"]`).textContent());
  const cells = await d.locator('.dbg-kernel td').evaluateAll((tds) =>
    tds.map((td) => ({
      x: td.querySelector('.x')?.textContent,
      w: td.querySelector('.w')?.textContent,
      p: td.querySelector('.p')?.textContent,
      pad: td.classList.contains('pad'),
    })),
  );
  return {
    sum: await read('sum'),
    bias: await read('bias'),
    total: await read('total'),
    value: await read('value'),
    totalText: (await d.locator('[data-dbg="total"]').textContent()).trim(),
    valueText: (await d.locator('[data-dbg="value"]').textContent()).trim(),
    variant: await d.getAttribute('data-variant'),
    cells: cells.map((c) => ({ x: num(c.x), w: num(c.w.replace('×', '')), p: num(c.p.replace('=', '')), pad: c.pad })),
  };
}

async function checkFirstDepthwise(page, node) {
  await gotoNode(page, node);
  await clickOutputPixel(page, 0, 0); // a corner: the window reaches into the zero padding
  let n = await convNumbers(page);
  assert.equal(n.variant, 'depthwise');
  assert.equal(n.cells.length, 9, '3×3 depthwise window');
  assert.equal(n.cells.filter((c) => c.pad).length, 5, 'corner window: top row and left column are padding');
  assert.equal(n.totalText, n.valueText, 'shown sum + bias equals the shown output value');
  assert.ok(Math.abs(n.sum + n.bias - n.value) <= 1e-5 * Math.max(1, Math.abs(n.value)));
  // An interior pixel whose window holds non-zero inputs (ReLU6 zeroes whole regions).
  for (const [y, x] of [
    [40, 40],
    [56, 56],
    [30, 70],
    [80, 30],
    [20, 20],
  ]) {
    await clickOutputPixel(page, y, x);
    n = await convNumbers(page);
    if (n.cells.filter((c) => c.p !== 0).length >= 5) break;
  }
  assert.ok(n.cells.filter((c) => c.p !== 0).length >= 5, 'found a window with non-zero products');
  assert.notEqual(n.sum, 0);
  assert.equal(n.cells.filter((c) => c.pad).length, 0);
  assert.equal(n.totalText, n.valueText);
  // The products shown (3 significant digits) add up to the shown sum, and each is x × w.
  const sumOfShown = n.cells.reduce((s, c) => s + c.p, 0);
  assert.ok(
    Math.abs(sumOfShown - n.sum) <= 0.01 * Math.max(1, Math.abs(n.sum)) + 0.01,
    `products add to ${sumOfShown}, shown sum ${n.sum}`,
  );
  for (const c of n.cells)
    assert.ok(
      Math.abs(c.x * c.w - c.p) <= 0.01 * Math.max(0.1, Math.abs(c.p)) + 0.002,
      `cell ${c.x} × ${c.w} ≠ ${c.p}`,
    );
}

async function checkOrt(page, runs) {
  await click(page, 'model-debugger [data-act="end"]');
  assert.match(await page.locator('[data-dbg="position"]').textContent(), /^Op (\d+) of \1:/);
  // Runs: the default (10) makes the longest run list, the one that used to push a phone sideways.
  if (runs) await page.locator('[data-dbg="ort-runs"]').fill(String(runs));
  await click(page, 'model-debugger [data-act="ort"]');
  const scaled = Number(await page.locator('[data-dbg="ort-agreement"]').getAttribute('data-value'));
  assert.ok(Number.isFinite(scaled) && scaled < 1e-4, `engine vs onnxruntime-web scaled agreement ${scaled}`);
  const medianText = (await page.locator('[data-dbg="ort-median"]').textContent()).trim();
  const median = /\d s$/.test(medianText)
    ? 1000 * num(medianText.replace(' s', ''))
    : num(medianText.replace('ms', ''));
  assert.ok(median > 0, 'a median latency is shown');
  // The last op is the classifier: its scores show as top-5 predictions with ImageNet names, under the untrained badge.
  const preds = page.locator('[data-dbg="predictions"]');
  await preds.waitFor();
  assert.equal(await preds.locator('li').count(), 5);
  const ps = await preds.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-p'))));
  assert.ok(
    ps.every((p, i) => p > 0 && p < 1 && (i === 0 || p <= ps[i - 1])),
    `probabilities ${ps} fall from the top`,
  );
  assert.ok((await preds.locator('.pred-name').first().textContent()).trim().length > 0);
  assert.equal(await preds.locator('.dbg-untrained').count(), 1);
}

/** The top-5 as shown: class index and probability in full (data-p), best first. */
async function top5(page) {
  const preds = page.locator('[data-dbg="predictions"]');
  await preds.waitFor();
  return preds
    .locator('li')
    .evaluateAll((lis) => lis.map((li) => [Number(li.getAttribute('data-class')), li.getAttribute('data-p')]));
}

const threadRadio = (page, n) => page.locator(`[data-dbg="threads-form"] input[name="engine-threads"][value="${n}"]`);

/**
 * Runs the comparison and checks the engine's and onnxruntime-web's timings: each says its
 * threads, the engine's as chosen (its halves really went to the kernel worker on 2), and both
 * medians are positive (speed itself is never asserted).
 */
async function checkVersus(page, engineThreads) {
  await page.locator('[data-dbg="ort-runs"]').fill('3');
  await click(page, 'model-debugger [data-act="ort"]');
  const table = page.locator('[data-dbg="runtimes"]');
  await table.waitFor();
  const cell = async (key) => {
    const c = table.locator(`[data-dbg="${key}"]`);
    return { text: (await c.textContent()).trim(), value: Number(await c.getAttribute('data-value')), el: c };
  };
  const eThreads = await cell('engine-threads');
  assert.equal(eThreads.value, engineThreads, `engine threads ${eThreads.text}`);
  assert.equal(eThreads.text, String(engineThreads));
  const split = Number(await eThreads.el.getAttribute('data-split-calls'));
  assert.ok(engineThreads === 2 ? split > 0 : split === 0, `${split} kernel calls split on ${engineThreads} thread(s)`);
  // onnxruntime-web: up to four threads on an isolated page (ort-run.ts threadsFor).
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const oThreads = await cell('ort-threads');
  assert.equal(oThreads.value, Math.max(1, Math.min(4, cores)), `onnxruntime-web threads ${oThreads.text}`);
  assert.match(oThreads.text, new RegExp(`^${oThreads.value}\\b`));
  for (const key of ['engine-median', 'ort-median']) {
    const m = await cell(key);
    assert.ok(Number.isFinite(m.value) && m.value > 0, `${key} ${m.text}`);
    assert.match(m.text, /\d( ms| s)$/);
  }
  assert.match(
    await page.locator('[data-dbg="engine-ratio"]').textContent(),
    new RegExp(`× the time \\(${engineThreads} threads? against ${oThreads.value} threads?\\)`),
  );
  const scaled = Number(await page.locator('[data-dbg="ort-agreement"]').getAttribute('data-value'));
  assert.ok(Number.isFinite(scaled) && scaled < 1e-4, `engine vs onnxruntime-web scaled agreement ${scaled}`);
}

export default [
  {
    name: 'MobileNetV2: the first depthwise conv explains an output pixel whose shown sum is its value',
    path: '/models/mobilenetv2_100/run/',
    async run(page, { shotsDir }) {
      await load(page);
      await checkFirstDepthwise(page, 'blocks.0.0.conv_dw');
      await page.locator('[data-dbg="detail-conv"]').screenshot({ path: `${shotsDir}/debugger-conv-detail-1280.png` });
      // ReLU6 after it: the curve view with the selected element on it.
      await click(page, 'model-debugger [data-act="next"]');
      await click(page, 'model-debugger [data-act="next"]');
      assert.match(await page.locator('[data-dbg="detail-activation"] h4').textContent(), /ReLU6/);
      const d = page.locator('[data-dbg="detail-activation"]');
      const x = num(await d.locator('[data-dbg="x"]').textContent());
      const y = num(await d.locator('[data-dbg="value"]').textContent());
      assert.ok(Math.abs(Math.min(6, Math.max(0, x)) - y) < 1e-6, `ReLU6(${x}) shown as ${y}`);
      await page
        .locator('[data-dbg="detail-activation"]')
        .screenshot({ path: `${shotsDir}/debugger-activation-1280.png` });
    },
  },
  {
    name: 'MobileNetV2: run to the end, and onnxruntime-web agrees with the engine at every node',
    path: '/models/mobilenetv2_100/run/',
    async run(page) {
      await load(page);
      await checkOrt(page);
    },
  },
  {
    name: 'MobileNetV2: on two engine threads the top-5 is the one-thread run’s bit for bit, timed beside onnxruntime-web',
    path: '/models/mobilenetv2_100/run/',
    async run(page, { shotsDir }) {
      assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the preview server isolates the page');
      assert.equal(await threadRadio(page, 1).isChecked(), true, 'one engine thread by default');
      assert.equal(await threadRadio(page, 2).isEnabled(), true, 'two threads offered on an isolated page');
      assert.doesNotMatch(await page.locator('[data-dbg="threads-note"]').textContent(), /need a cross-origin/);
      // One thread: load, run to the end, the top-5 in full.
      await load(page);
      await click(page, 'model-debugger [data-act="end"]');
      const one = await top5(page);
      assert.equal(one.length, 5);
      // Two threads, then "Reload model": calibration and the whole run again, now on the kernel worker.
      await threadRadio(page, 2).check();
      await click(page, 'model-debugger [data-act="start"]');
      assert.equal(await threadRadio(page, 2).isChecked(), true, 'two threads kept (the kernel worker started)');
      assert.doesNotMatch(await page.locator('[data-dbg="threads-note"]').getAttribute('class'), /dbg-error/);
      await click(page, 'model-debugger [data-act="end"]');
      assert.match(await page.locator('[data-dbg="position"]').textContent(), /^Op (\d+) of \1:/);
      assert.deepEqual(await top5(page), one, 'the same top-5 and probabilities, bit for bit');
      await checkVersus(page, 2);
      await page
        .locator('section[aria-labelledby="dbg-ort-h"]')
        .screenshot({ path: `${shotsDir}/debugger-threads-1280.png` });
      // Back to one thread: the comparison says so, and nothing split.
      await threadRadio(page, 1).check();
      await checkVersus(page, 1);
      assert.deepEqual(await top5(page), one);
    },
  },
  {
    name: 'MobileNetV2: the keys step by op, block and stage, to the end and back, and not while typing in a field',
    path: '/models/mobilenetv2_100/run/',
    async run(page) {
      await load(page);
      // The op the position line names (0 before the first, while the input is shown).
      const op = async (key) => {
        await page.keyboard.press(key);
        await page.waitForTimeout(50);
        await idle(page);
        const m = /^Op (\d+) of 152:/.exec((await page.locator('[data-dbg="position"]').textContent()).trim());
        return m ? Number(m[1]) : 0;
      };
      assert.equal(await op('ArrowRight'), 1);
      assert.equal(await op('ArrowLeft'), 0);
      const block = await op('b');
      assert.ok(block > 1, `B steps a block forward (op ${block})`);
      const stage = await op('s');
      assert.ok(stage > block, `S steps a stage forward (op ${stage})`);
      assert.ok((await op('Shift+S')) < stage, 'Shift+S steps a stage back');
      const back = await op('Shift+B');
      assert.ok(back < stage, `Shift+B steps a block back (op ${back})`);
      assert.equal(await op('e'), 152);
      assert.equal(await op('r'), 0);
      await page.locator('[data-dbg="ort-runs"]').focus();
      assert.equal(await op('e'), 0, 'a key typed into a field does not step');
    },
  },
  {
    name: 'this device: the latency exports download the stored measurements as JSON and CSV',
    path: '/models/mobilenetv2_100/run/',
    async run(page) {
      const row = {
        id: 'mobilenetv2_100',
        macs: 300,
        params: 3.5,
        medianMs: 12.3456,
        threads: 1,
        at: '2026-01-02T03:04:05Z',
      };
      await page.evaluate((r) => localStorage.setItem('depthwise.device-latency.v1', JSON.stringify([r])), row);
      const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-json"]')]);
      assert.equal(json.suggestedFilename(), 'depthwise-latency.json');
      assert.deepEqual(JSON.parse(readFileSync(await json.path(), 'utf8')), [row]);
      const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-csv"]')]);
      assert.equal(csv.suggestedFilename(), 'depthwise-latency.csv');
      assert.equal(
        readFileSync(await csv.path(), 'utf8'),
        'model,macs,params,median_ms,threads,measured_at\nmobilenetv2_100,300,3.5,12.346,1,2026-01-02T03:04:05Z\n',
      );
    },
  },
  {
    name: 'MobileNetV2: a deep link opens at its step, channel and pixel, and reloads to the same view',
    path: '/models/mobilenetv2_100/run/?step=5&ch=7&px=10,20',
    async run(page) {
      const check = async () => {
        await page.waitForFunction(() => document.querySelector('[data-dbg="detail-conv"]'), null, {
          timeout: 120_000,
        });
        await idle(page);
        assert.match(
          await page.locator('[data-dbg="position"]').textContent(),
          /^Op 4 of 152: blocks\.0\.0\.conv_dw \(Conv\)/,
        );
        assert.match(
          await page.locator('[data-dbg="detail-conv"] h4').textContent(),
          /Output channel 7 at row 10, column 20/,
        );
        assert.equal(await page.locator('[data-dbg="output"] [data-dbg="channel-field"]').inputValue(), '7');
        assert.match(page.url(), /step=5&ch=7&px=10,20/);
      };
      await check();
      await page.reload();
      await check();
    },
  },
  {
    name: 'MobileNetV2: switching theme repaints the tensor panels, zero in the new theme’s surface colour',
    path: '/models/mobilenetv2_100/run/',
    async run(page) {
      await load(page);
      await gotoNode(page, 'bn1.Clip');
      // The enlarged output channel's commonest colour (ReLU6's zeros) against the page's --surface.
      const zeroColour = () => {
        const c = document.querySelector('[data-dbg="output"] canvas.dbg-zoom');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const counts = new Map();
        for (let i = 0; i < d.length; i += 4) {
          const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        const g = document.createElement('canvas').getContext('2d');
        g.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim();
        g.fillRect(0, 0, 1, 1);
        const s = g.getImageData(0, 0, 1, 1).data;
        return {
          top: [...counts].sort((a, b) => b[1] - a[1])[0][0],
          surface: `${s[0]},${s[1]},${s[2]}`,
          theme: document.documentElement.dataset.theme,
        };
      };
      const before = await page.evaluate(zeroColour);
      assert.equal(before.top, before.surface, `zeros in ${before.theme} should be its surface colour`);
      await page.locator('theme-toggle button').click();
      const after = await page
        .waitForFunction(
          ({ fn, was }) => {
            const r = new Function(`return (${fn})()`)();
            return r.theme !== was && r.top === r.surface ? r : null;
          },
          { fn: zeroColour.toString(), was: before.theme },
          { timeout: 10_000 },
        )
        .then((h) => h.jsonValue());
      assert.notEqual(after.surface, before.surface, 'the two themes have different surfaces');
    },
  },
  {
    name: 'EfficientNet-B0: the first depthwise conv’s sum is its value, and SE steps through squeeze, excite and scale',
    path: '/models/efficientnet_b0/run/',
    async run(page, { shotsDir }) {
      await load(page);
      await checkFirstDepthwise(page, 'blocks.0.0.conv_dw');
      // BatchNorm right after: the formula recomputes the engine's value.
      await click(page, 'model-debugger [data-act="next"]');
      const bn = page.locator('[data-dbg="detail-batchnorm"]');
      assert.equal(
        (await bn.locator('[data-dbg="total"]').textContent()).trim(),
        (await bn.locator('[data-dbg="value"]').textContent()).trim(),
      );
      await bn.screenshot({ path: `${shotsDir}/debugger-batchnorm-1280.png` });
      // The SE block of blocks.0.0: step from the squeeze to the scaling Mul.
      await gotoNode(page, 'blocks.0.0.se');
      const steps = [
        'blocks.0.0.se.conv_reduce',
        'blocks.0.0.se.act1',
        'blocks.0.0.se.act1.Mul',
        'blocks.0.0.se.conv_expand',
        'blocks.0.0.se.gate',
        'blocks.0.0.se.Mul',
      ];
      for (const name of steps) {
        await click(page, 'model-debugger [data-act="next"]');
        assert.match(
          await page.locator('[data-dbg="position"]').textContent(),
          new RegExp(`: ${name.replace(/\./g, '\\.')} \\(`),
        );
        assert.equal(await page.locator('[data-dbg="detail-se"]').count(), 1, `SE view at ${name}`);
        // SiLU's two ops (Sigmoid, then Mul) are said to be one activation.
        assert.equal(
          await page.locator('[data-dbg="silu-note"]').count(),
          /act1/.test(name) ? 1 : 0,
          `SiLU note at ${name}`,
        );
      }
      const se = page.locator('[data-dbg="detail-se"]');
      // B0's first block: 32 channels squeezed to 8 (se_ratio 0.25 of the block input, Tan & Le 2019).
      const labels = await se.locator('svg text.label').allTextContents();
      assert.deepEqual(
        labels.map((l) => /\((\d+)\)$/.exec(l)[1]),
        ['32', '8', '8', '32', '32'],
      );
      const gate = num(await se.locator('[data-dbg="gate"]').textContent());
      const x = num(await se.locator('[data-dbg="x"]').textContent());
      const y = num(await se.locator('[data-dbg="value"]').textContent());
      assert.ok(gate >= 0 && gate <= 1, `gate ${gate} in [0, 1]`);
      assert.ok(Math.abs(x * gate - y) <= 1e-5 * Math.max(1, Math.abs(y)), `${x} × ${gate} ≠ ${y}`);
      await se.screenshot({ path: `${shotsDir}/debugger-se-1280.png` });
    },
  },
  {
    name: 'EfficientNet-B0: run to the end, and onnxruntime-web agrees with the engine at every node',
    path: '/models/efficientnet_b0/run/',
    async run(page) {
      await load(page);
      await checkOrt(page, 3);
    },
  },
  {
    name: 'EfficientNetV2-XL: the memory guard explains why it will not run, and nothing starts',
    path: '/models/tf_efficientnetv2_xl/run/',
    async run(page) {
      const guard = await page.locator('[data-dbg="guard"]').textContent();
      assert.match(guard, /will not run here/);
      assert.match(guard, /of weights/);
      assert.equal(await page.locator('[data-act="start"]').isDisabled(), true);
      // A deep link does not start it either.
      await page.goto(page.url() + '?step=3');
      await page.waitForTimeout(500);
      assert.match(await page.locator('[data-dbg="status"]').textContent(), /Stepping is off/);
      assert.equal(await page.locator('[data-dbg="views"]').evaluate((v) => v.childElementCount), 0);
    },
  },
  {
    name: 'EfficientNet-B3: Cancel stops loading at once and leaves the page ready to load again',
    path: '/models/efficientnet_b3/run/',
    async run(page) {
      // Load is quick now (weights drawn lazily, calibration on demand), so Cancel would be gone
      // before a click lands: the debugger's worker script arrives 4 s late, and Load is still busy.
      await page.context().route(/debugger\.worker[^/]*\.js/, async (route) => {
        await new Promise((r) => setTimeout(r, 4_000));
        await route.continue().catch(() => {});
      });
      await page.locator('model-debugger [data-act="start"]').click();
      const cancel = page.locator('model-debugger [data-act="cancel"]').first();
      await cancel.waitFor({ state: 'visible' });
      await cancel.click();
      await idle(page, 5_000);
      assert.match(await page.locator('[data-dbg="status"]').textContent(), /Cancelled/);
      assert.equal((await page.locator('model-debugger [data-act="start"]').textContent()).trim(), 'Load model');
      assert.equal(await page.locator('model-debugger [data-act="next"]').isDisabled(), true);
    },
  },
  {
    name: 'the debugger at 360 px: views fit the phone and the conv detail is readable',
    path: '/models/mobilenetv2_100/run/?step=5&px=3,4',
    viewport: { width: 360, height: 780 },
    async run(page, { shotsDir }) {
      await page.waitForFunction(() => document.querySelector('[data-dbg="detail-conv"]'), null, { timeout: 120_000 });
      await idle(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
      await page.locator('[data-dbg="views"]').screenshot({ path: `${shotsDir}/debugger-views-360.png` });
    },
  },
  {
    name: 'the debugger at 360 px: engine on two threads beside onnxruntime-web fits the phone',
    path: '/models/mobilenetv2_100/run/',
    viewport: { width: 360, height: 780 },
    async run(page, { shotsDir }) {
      await threadRadio(page, 2).check();
      await load(page);
      await checkVersus(page, 2);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
      await page
        .locator('section[aria-labelledby="dbg-ort-h"]')
        .screenshot({ path: `${shotsDir}/debugger-threads-360.png` });
    },
  },
];
