// /explore/: a reader's .onnx through the file input. The summary's params and MACs equal
// `depthwise summary` on the same file (a zoo export and a conformance model); stepping into a conv
// shows a sum equal to the output; onnxruntime-web agrees below 1e-4; the zoo export folds into the
// blocks of its zoo page; malformed files (random bytes, truncated, a PNG renamed, a quantized model
// built here, an over-budget model) each show their message and the page then takes a good file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs/minimal.js';
import { debuggerWaits } from './page-kit.mjs';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** shared/onnx-node-tests beside the checkout (or a worktree's parents), as the fuzzer finds it. */
function sharedTestsDir() {
  let dir = repo;
  for (let k = 0; k < 6; k++) {
    if (existsSync(join(dir, 'shared', 'onnx-node-tests'))) return join(dir, 'shared', 'onnx-node-tests');
    dir = dirname(dir);
  }
  throw new Error('shared/onnx-node-tests not found beside the repository');
}
const SAMPLE = `${repo}public/models/explore/mobilenetv1_025_128.onnx`;
const CONFORMANCE = `${sharedTestsDir()}/node/test_conv_with_strides_no_padding/model.onnx`;
const num = (s) => Number(String(s).trim().replace(/−/g, '-').replace(/,/g, ''));

function cliSummary(file) {
  const r = spawnSync(process.execPath, [`${repo}bin/depthwise.mjs`, 'summary', file, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

async function upload(page, name, buffer) {
  // Forget the previous file's outcome first, so the wait below sees this file's.
  await page.evaluate(() => {
    const r = document.querySelector('[data-x="results"]');
    r.dataset.state = '';
    r.replaceChildren();
    document.querySelector('[data-x="error"]').hidden = true;
  });
  await page.locator('[data-x="file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.waitForFunction(
    () => {
      const r = document.querySelector('[data-x="results"]');
      const err = document.querySelector('[data-x="error"]');
      return (r && r.dataset.state === 'loaded' && r.childElementCount > 0) || (err && !err.hidden);
    },
    null,
    { timeout: 120_000 },
  );
}

async function expectRefused(page, name, buffer, re) {
  await upload(page, name, buffer);
  const err = page.locator('[data-x="error"]');
  assert.ok(await err.isVisible(), `${name}: an error is shown`);
  assert.match(await err.textContent(), re, `${name}: the message says why`);
  assert.equal(await page.locator('[data-x="results"] section').count(), 0, `${name}: no results are left from before`);
}

async function exact(page) {
  const el = page.locator('[data-x="exact"]');
  return { params: Number(await el.getAttribute('data-params')), macs: Number(await el.getAttribute('data-macs')) };
}

const { idle, click } = debuggerWaits('.x-debugger');

/** A model that imports but is quantized: int8 weights through QuantizeLinear/DequantizeLinear. */
function quantizedModel() {
  const key = (f, w) => (f << 3) | w;
  const w = new protobuf.Writer();
  w.uint32(key(1, 0)).int64(8);
  w.uint32(key(7, 2)).fork();
  for (const [op, ins, out] of [
    ['QuantizeLinear', ['x', 's', 'z'], 'q'],
    ['DequantizeLinear', ['q', 's', 'z'], 'y'],
  ]) {
    w.uint32(key(1, 2)).fork();
    for (const i of ins) w.uint32(key(1, 2)).string(i);
    w.uint32(key(2, 2)).string(out).uint32(key(3, 2)).string(`${op}_node`).uint32(key(4, 2)).string(op);
    w.ldelim();
  }
  w.uint32(key(2, 2)).string('quantized');
  for (const [name, type, raw] of [
    ['s', 1, [0, 0, 128, 60]],
    ['z', 3, [0]],
  ]) {
    w.uint32(key(5, 2))
      .fork()
      .uint32(key(2, 0))
      .int32(type)
      .uint32(key(8, 2))
      .string(name)
      .uint32(key(9, 2))
      .bytes(Uint8Array.from(raw))
      .ldelim();
  }
  const vi = (field, name) => {
    w.uint32(key(field, 2))
      .fork()
      .uint32(key(1, 2))
      .string(name)
      .uint32(key(2, 2))
      .fork()
      .uint32(key(1, 2))
      .fork()
      .uint32(key(1, 0))
      .int32(1)
      .uint32(key(2, 2))
      .fork()
      .uint32(key(1, 2))
      .fork()
      .uint32(key(1, 0))
      .int64(4)
      .ldelim()
      .ldelim()
      .ldelim()
      .ldelim()
      .ldelim();
  };
  vi(11, 'x');
  vi(12, 'y');
  w.ldelim();
  w.uint32(key(8, 2)).fork().uint32(key(2, 0)).int64(13).ldelim();
  return Buffer.from(w.finish());
}

/** A valid Conv whose input is 1×3×20000×20000: its activations are far over any tab's budget. */
function overBudgetModel() {
  const key = (f, w) => (f << 3) | w;
  const w = new protobuf.Writer();
  w.uint32(key(1, 0)).int64(8);
  w.uint32(key(7, 2)).fork();
  w.uint32(key(1, 2))
    .fork()
    .uint32(key(1, 2))
    .string('x')
    .uint32(key(1, 2))
    .string('w')
    .uint32(key(2, 2))
    .string('y')
    .uint32(key(3, 2))
    .string('conv')
    .uint32(key(4, 2))
    .string('Conv')
    .ldelim();
  w.uint32(key(2, 2)).string('huge');
  w.uint32(key(5, 2))
    .fork()
    .uint32(key(1, 0))
    .int64(8)
    .uint32(key(1, 0))
    .int64(3)
    .uint32(key(1, 0))
    .int64(3)
    .uint32(key(1, 0))
    .int64(3)
    .uint32(key(2, 0))
    .int32(1)
    .uint32(key(8, 2))
    .string('w')
    .uint32(key(9, 2))
    .bytes(new Uint8Array(8 * 27 * 4))
    .ldelim();
  const vi = (field, name, dims) => {
    w.uint32(key(field, 2))
      .fork()
      .uint32(key(1, 2))
      .string(name)
      .uint32(key(2, 2))
      .fork()
      .uint32(key(1, 2))
      .fork()
      .uint32(key(1, 0))
      .int32(1)
      .uint32(key(2, 2))
      .fork();
    for (const d of dims) w.uint32(key(1, 2)).fork().uint32(key(1, 0)).int64(d).ldelim();
    w.ldelim().ldelim().ldelim().ldelim();
  };
  vi(11, 'x', [1, 3, 20000, 20000]);
  vi(12, 'y', [1, 8, 19998, 19998]);
  w.ldelim();
  w.uint32(key(8, 2)).fork().uint32(key(2, 0)).int64(13).ldelim();
  return Buffer.from(w.finish());
}

export default [
  {
    name: 'explore: a zoo export matches depthwise summary, folds into its zoo page blocks, steps into a conv, and agrees with onnxruntime-web',
    path: '/explore/',
    async run(page, { shotsDir, base }) {
      await page.screenshot({ path: `${shotsDir}/explore-empty-1280.png`, fullPage: true });
      const bytes = readFileSync(SAMPLE);
      await upload(page, 'mobilenetv1_025_128.onnx', bytes);
      assert.ok(
        !(await page.locator('[data-x="error"]').isVisible()),
        await page.locator('[data-x="error"]').textContent(),
      );
      const cli = cliSummary(SAMPLE);
      const mine = await exact(page);
      assert.equal(mine.params, cli.params, 'params equal depthwise summary');
      assert.equal(mine.macs, cli.macs, 'MACs equal depthwise summary');
      assert.equal(num(await page.locator('[data-x="table-macs"]').textContent()), cli.macs, 'layer table total MACs');
      assert.match(await page.locator('[data-x="url-note"]').textContent(), /not in the address/);
      assert.doesNotMatch(page.url(), /\?/, 'a file from the device is not in the URL');
      await page.screenshot({ path: `${shotsDir}/explore-loaded-1280.png`, fullPage: true });

      // The same blocks as the zoo page of the same model.
      const blocks = await page
        .locator('.x-panel .block')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-block')));
      const zoo = await page.context().newPage();
      await zoo.goto(`${base}/models/mobilenetv1_025_128/`);
      const zooBlocks = await zoo
        .locator('.arch .block')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-block')));
      await zoo.close();
      assert.ok(blocks.length > 10);
      assert.deepEqual(blocks, zooBlocks, 'the diagram folds into the zoo page blocks');
      // Folding: a column click opens its panel.
      await page.locator('.x-arch .col[data-section="1"]').click();
      assert.equal(await page.locator('.x-panel[data-section="1"]').evaluate((d) => d.open), true);

      // Step into the first depthwise conv and check the explained sum.
      await click(page, '.x-debugger [data-act="start"]');
      assert.doesNotMatch(await page.locator('.x-debugger [data-dbg="status"]').textContent(), /Could not run/);
      await page.locator('.x-debugger button[data-goto]', { hasText: /^blocks\.0\.0\.conv_dw$/ }).click();
      await idle(page);
      await page.waitForSelector('[data-dbg="detail-conv"]', { timeout: 60_000 });
      const d = page.locator('[data-dbg="detail-conv"]');
      const total = num(await d.locator('[data-dbg="total"]').textContent());
      const value = num(await d.locator('[data-dbg="value"]').textContent());
      assert.ok(
        Math.abs(total - value) <= 1e-3 * Math.max(1, Math.abs(value)),
        `shown sum ${total} equals the output ${value}`,
      );
      await page.screenshot({ path: `${shotsDir}/explore-debugger-1280.png`, fullPage: false });

      // The zoo debugger's keys but for stages: B steps a block forward, Shift+B back, S does nothing.
      const op = async (key) => {
        await page.keyboard.press(key);
        await page.waitForTimeout(50);
        await idle(page);
        return Number(/^Op (\d+) of/.exec(await page.locator('.x-debugger [data-dbg="position"]').textContent())[1]);
      };
      const here = await op('ArrowRight');
      assert.equal(await op('s'), here, 'no stage key on /explore/');
      const next = await op('b');
      assert.ok(next > here, `B steps a block forward (op ${here} → ${next})`);
      assert.ok((await op('Shift+B')) < next, 'Shift+B steps a block back');

      // onnxruntime-web on the same file: per-layer agreement.
      await click(page, '.x-debugger [data-act="ort"]');
      await page.waitForSelector('[data-dbg="ort-agreement"]', { timeout: 120_000 });
      const scaled = Number(await page.locator('[data-dbg="ort-agreement"]').getAttribute('data-value'));
      assert.ok(Number.isFinite(scaled) && scaled < 1e-4, `engine vs onnxruntime-web scaled agreement ${scaled}`);
    },
  },
  {
    name: 'explore: a conformance model matches depthwise summary; downloads of the layer table',
    path: '/explore/',
    async run(page) {
      await upload(page, 'model.onnx', readFileSync(CONFORMANCE));
      const cli = cliSummary(CONFORMANCE);
      const mine = await exact(page);
      assert.deepEqual(mine, { params: cli.params, macs: cli.macs });
      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="csv"]').click()]);
      assert.match(csv.suggestedFilename(), /layers\.csv$/);
      const [netron] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-download="netron"]').click(),
      ]);
      assert.match(netron.suggestedFilename(), /metrics\.onnx$/);
    },
  },
  {
    name: 'explore: malformed files are refused with a message and the next good file is accepted',
    path: '/explore/',
    async run(page, { shotsDir }) {
      const good = readFileSync(CONFORMANCE);
      const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
      const cases = [
        ['random.onnx', random, /refused|not read/],
        ['truncated.onnx', readFileSync(SAMPLE).subarray(0, 5000), /refused: .*(byte|truncat|malformed|not an ONNX)/i],
        ['photo.onnx', png, /photo\.onnx is a PNG image, not an ONNX model/],
      ];
      for (const [name, buffer, re] of cases) {
        await expectRefused(page, name, buffer, re);
        if (name === 'photo.onnx')
          await page.screenshot({ path: `${shotsDir}/explore-error-1280.png`, fullPage: true });
        await upload(page, 'good.onnx', good);
        assert.ok(!(await page.locator('[data-x="error"]').isVisible()), `after ${name}, the good file is accepted`);
        assert.ok((await exact(page)).macs > 0);
      }
      // A quantized model: everything readable is shown, with what is supported and onnxruntime-web alone.
      await upload(page, 'quantized.onnx', quantizedModel());
      assert.match(
        await page.locator('[data-x="unsupported"]').textContent(),
        /Quantized models are not supported: the engine runs float32.*QuantizeLinear: QuantizeLinear_node/s,
      );
      await page.locator('[data-x="results"] button', { hasText: 'Run in onnxruntime-web' }).click();
      await page.waitForSelector('[data-x="ort-only-median"], [data-x="ort-only"] .dbg-error', { timeout: 60_000 });
      assert.equal(
        await page.locator('[data-x="ort-only"] .dbg-error').count(),
        0,
        await page.locator('[data-x="ort-only"]').textContent(),
      );
      await upload(page, 'good.onnx', good);
      assert.ok((await exact(page)).macs > 0);
      // Over the memory budget: everything is shown, stepping is refused with the numbers.
      await upload(page, 'huge.onnx', overBudgetModel());
      assert.match(await page.locator('.dbg-guard').textContent(), /will not run here/);
      assert.equal(await page.locator('.x-debugger [data-act="start"]').isDisabled(), true);
      await upload(page, 'good.onnx', good);
      assert.ok((await exact(page)).macs > 0);
    },
  },
  {
    name: 'explore: a sample named in the URL opens, at 360 px',
    path: '/explore/?sample=depthwise-separable',
    viewport: { width: 360, height: 800 },
    async run(page, { shotsDir }) {
      await page.waitForFunction(() => document.querySelector('[data-x="results"]')?.dataset.state === 'loaded', null, {
        timeout: 60_000,
      });
      assert.match(page.url(), /sample=depthwise-separable/);
      assert.match(await page.locator('[data-x="url-note"]').textContent(), /names this sample/);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no sideways scroll at 360 px (${overflow} px)`);
      await page.screenshot({ path: `${shotsDir}/explore-loaded-360.png`, fullPage: true });
      // With JavaScript off the page says what it needs and the samples are downloads.
      const ctx = await page
        .context()
        .browser()
        .newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
      const off = await ctx.newPage();
      await off.goto(page.url().replace(/\?.*$/, ''));
      assert.match(await off.locator('[data-nojs]').textContent(), /needs JavaScript/);
      assert.ok((await off.locator('a[data-sample]').count()) > 1);
      await off.screenshot({ path: `${shotsDir}/explore-nojs-360.png`, fullPage: true });
      await ctx.close();
    },
  },
];
