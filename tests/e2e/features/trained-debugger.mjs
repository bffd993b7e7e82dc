// The trained models' debugger (/models/trained/<id>/run/): it classifies bundled test images as
// the engine does in Node (same ONNX, same preprocessing from the manifest: top-5 classes and
// probabilities), Grad-CAM's map is non-uniform and equals the Node computation (engine forward +
// backward, then gradCam), and the SE-gates view shows different gates for two images of different
// classes, equal to Node's. The model: the first trained one with SE blocks (else the first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const src = (p) => tsImport(new URL(`../../../src/${p}`, import.meta.url).href, import.meta.url);
const { importOnnx } = await src('lib/engine/onnx/index.ts');
const { readTrainedFamily } = await src('lib/family/trained-read.ts');
const { trainedInput } = await src('lib/data/debug-samples.ts');
const { parseIdx } = await src('lib/data/idx.ts');
const { gradCam, gradCamLayer } = await src('lib/viz/debugger/grad-cam.ts');
const { topPredictions } = await src('lib/viz/debugger/predictions.ts');
const { gateRows } = await src('lib/viz/debugger/se-gates.ts');
const { findSeBlocks } = await src('lib/viz/lessons/se-nodes.ts');
const { analyze } = await src('lib/engine/index.ts');
const { forwardValues, gradCamTensors } = await src('workers/trained-probes.ts');
const { blockBackward } = await src('workers/trained-backward.ts');
const { backwardBlocks, explainGradient } = await src('lib/viz/debugger/backward-explain.ts');

const pub = new URL('../../../public/', import.meta.url).pathname;
const models = readTrainedFamily(new URL('../../../', import.meta.url).pathname).models;
const runs = models.map((m) => m.runs[0]);
// The files keep a symbolic batch; the manifest's preprocessing gives the static shape (as the page does).
const graphOf = (run) => {
  const p = run.preprocessing;
  return importOnnx(new Uint8Array(readFileSync(join(pub, 'models/trained', run.file))), {
    inputShapes: { [p.input]: [1, p.channels, p.resolution, p.resolution] },
  });
};
const withSe = runs.find((run) => findSeBlocks(graphOf(run).nodes).length > 0);
const run = withSe ?? runs[0];
const images = parseIdx(
  new Uint8Array(readFileSync(join(pub, 'samples/fashion-mnist/test-300-images.idx'))),
  'debug samples',
  { dims: [300, 28, 28] },
);
const index = JSON.parse(readFileSync(join(pub, 'samples/fashion-mnist/index.json'), 'utf8'));
const pixels = (k) => images.data.subarray(k * 784, (k + 1) * 784);
const tensor = (k) => {
  const p = run.preprocessing;
  return { dtype: 'float32', dims: [1, p.channels, p.resolution, p.resolution], data: trainedInput(pixels(k), p) };
};

const el = 'trained-debugger';
async function idle(page, timeout = 120_000) {
  await page.waitForFunction((sel) => !document.querySelector(sel)?.hasAttribute('data-busy'), el, { timeout });
}
async function click(page, selector) {
  await page.locator(selector).first().click();
  await page.waitForTimeout(50);
  await idle(page);
}
async function load(page) {
  await page.waitForSelector(`${el} .tdbg-thumb`);
  await click(page, `${el} [data-act="start"]`);
  const status = await page.locator(`${el} [data-dbg="status"]`).textContent();
  assert.doesNotMatch(status, /Could not run/, status);
  await page.waitForSelector(`${el} [data-dbg="top5"] li`);
}
/** The page's top-5: [class, probability] in order. */
const top5 = (page) =>
  page
    .locator(`${el} [data-dbg="top5"] li`)
    .evaluateAll((lis) => lis.map((li) => [Number(li.dataset.class), Number(li.dataset.p)]));
async function pick(page, k) {
  await page.locator(`${el} input[name="tdbg-class"][value="${index.labels[k]}"]`).check();
  await click(page, `${el} .tdbg-thumb[data-sample="${k}"]`);
  await page.waitForFunction(
    ([sel, k]) =>
      document.querySelector(`${sel} .tdbg-thumb[data-sample="${k}"]`)?.getAttribute('aria-pressed') === 'true' &&
      document.querySelector(`${sel} [data-dbg="top5"] li`),
    [el, k],
  );
}
const shot = (page, shotsDir, name) =>
  page.screenshot({ path: join(shotsDir, `trained-debugger-${name}.png`), fullPage: true });

/** The explain panel's numbers: [formula, position, value, engine]. */
const explained = (page) =>
  page
    .locator(`${el} [data-dbg="back-explain"]`)
    .evaluate((e) => [e.dataset.formula, e.dataset.position, Number(e.dataset.value), Number(e.dataset.engine)]);
const flatOf = (dims, pos) => pos.reduce((f, v, i) => f * dims[i] + v, 0);

async function checkExplained(page, result, label) {
  const at = Number(await page.locator(`${el} [data-dbg="back"]`).getAttribute('data-at'));
  const step = result.steps[at];
  const slotSel = page.locator(`${el} [data-dbg="back-slot"]`);
  const slot = (await slotSel.count()) ? Number(await slotSel.inputValue()) : step.gradIns.findIndex((g) => g);
  const [formula, position, value, engine] = await explained(page);
  const pos = position.split(',').map(Number);
  const e = explainGradient(step, slot, flatOf(step.gradIns[slot].dims, pos));
  assert.equal(formula, e.formula, `${label}: formula`);
  const tol = 1e-6 * Math.max(1e-6, Math.abs(e.value));
  assert.ok(Math.abs(value - e.value) <= tol, `${label}: page ${value} vs Node ${e.value}`);
  assert.ok(Math.abs(engine - e.engine) <= tol, `${label}: engine ${engine} vs Node ${e.engine}`);
  assert.match(await page.locator(`${el} [data-dbg="back-agree"]`).textContent(), /same number|agrees/, label);
  return { step, slot };
}
const graph = run ? graphOf(run) : null;
const blocks = graph ? backwardBlocks(graph.nodes) : [];
const seBlock = graph
  ? (blocks.find((b) => graph.nodes.some((n) => n.name.startsWith(`${b}.`) && n.opType === 'Mul')) ?? blocks.at(-1))
  : null;
const model = run ? models.find((m) => m.id === run.id) : null;
const logits = graph?.outputs[0].name;

export default run
  ? [
      {
        name: `trained debugger: ${run.id} classifies bundled test images as the engine does in Node`,
        path: `/models/trained/${run.id}/run/`,
        async run(page, { shotsDir }) {
          await load(page);
          await shot(page, shotsDir, 'loaded-1280');
          for (const k of [0, 95, 250]) {
            if (k !== 0) await pick(page, k);
            const expected = topPredictions(forwardValues(graph, tensor(k), [logits])[logits].data, 5);
            const shown = await top5(page);
            assert.deepEqual(
              shown.map(([c]) => c),
              expected.map((p) => p.index),
              `image ${k}: top-5 classes`,
            );
            shown.forEach(([, p], i) => assert.ok(Math.abs(p - expected[i].probability) < 1e-5, `image ${k}: p ${p}`));
            const label = await page.locator(`${el} [data-dbg="top5"]`).getAttribute('data-label');
            assert.equal(Number(label), index.labels[k], 'the true label shown is the bundled one');
          }
          // Step: the first op's output appears.
          await click(page, `${el} [data-act="next"]`);
          assert.match(await page.locator(`${el} [data-dbg="position"]`).textContent(), /^Op 1 of/);
          await shot(page, shotsDir, 'stepped-1280');
        },
      },
      {
        name: `trained debugger: ${run.id} Grad-CAM map is non-uniform and equals Node's`,
        path: `/models/trained/${run.id}/run/?img=35`,
        viewport: { width: 360, height: 780 },
        async run(page, { shotsDir }) {
          await load(page);
          await click(page, `${el} [data-act="gradcam"]`);
          await page.waitForSelector(`${el} [data-dbg="cam"]`);
          const shown = await page
            .locator(`${el} [data-dbg="cam-map"] td`)
            .evaluateAll((tds) => tds.map((td) => Number(td.dataset.v)));
          const layers = new Map(analyze(graph).layers.map((l) => [l.node, l]));
          const layer = gradCamLayer(
            graph.nodes.map((n) => ({ ...n, outputDims: layers.get(n.name)?.outputDims ?? [] })),
          );
          const top = topPredictions(forwardValues(graph, tensor(35), [logits])[logits].data, 1)[0].index;
          const t = gradCamTensors(graph, tensor(35), layer, top);
          const cam = gradCam(t.activation, t.gradient);
          assert.equal(shown.length, cam.map.length, 'one cell per map value');
          cam.map.forEach((v, i) =>
            assert.ok(Math.abs(shown[i] - v) <= 1e-5 * Math.max(1, Math.abs(v)), `cell ${i}: ${shown[i]} vs ${v}`),
          );
          assert.ok(cam.max > cam.min, 'the map is not uniform');
          assert.ok(Math.max(...shown) > Math.min(...shown), 'the shown map is not uniform');
          await shot(page, shotsDir, 'gradcam-360');
        },
      },
      {
        name: `trained debugger: ${run.id} SE gates differ between two images of different classes`,
        path: `/models/trained/${run.id}/run/?img=0`,
        async run(page, { shotsDir }) {
          const blocks = findSeBlocks(graph.nodes);
          if (blocks.length === 0) {
            assert.equal(await page.locator('#tdbg-se-h').count(), 0, 'no SE section for a model without SE');
            return;
          }
          await load(page);
          await click(page, `${el} [data-act="gates"]`);
          const shown = await page
            .locator(`${el} [data-dbg="gate-row"]`)
            .evaluateAll((rows) => rows.map((r) => Number(r.dataset.meanAbsDiff)));
          const b = Number(await page.locator(`${el} [data-dbg="se-b"]`).inputValue());
          assert.notEqual(index.labels[b], index.labels[0], 'image B is of another class');
          const gates = blocks.map((x) => ({ block: x.gate, gate: x.gate }));
          const names = gates.map((g) => g.gate);
          const rows = gateRows(gates, forwardValues(graph, tensor(0), names), forwardValues(graph, tensor(b), names));
          assert.equal(shown.length, rows.length);
          rows.forEach((r, i) => assert.ok(Math.abs(shown[i] - r.meanAbsDiff) < 1e-6, `block ${i}`));
          assert.ok(Math.max(...shown) > 1e-3, 'some block gates the two images differently');
          await shot(page, shotsDir, 'gates-1280');
        },
      },

      {
        name: `trained debugger: ${run.id} backward pass of ${seBlock} explains each gradient as Node does`,
        path: `/models/trained/${run.id}/run/?img=35&block=${seBlock}`,
        async run(page, { shotsDir }) {
          await load(page);
          await page.waitForSelector(`${el} [data-dbg="back-explain"]`);
          const result = blockBackward(graph, tensor(35), seBlock, index.labels[35]);
          const loss = Number(await page.locator(`${el} [data-dbg="back-loss"]`).getAttribute('data-loss'));
          assert.ok(Math.abs(loss - result.loss) <= 1e-6 * result.loss, `loss ${loss} vs ${result.loss}`);
          assert.equal(
            Number(await page.locator(`${el} [data-dbg="back"]`).getAttribute('data-steps')),
            result.steps.length,
          );
          const ops = [];
          for (let i = 0; i < result.steps.length; i++) {
            if (i > 0) await page.locator(`${el} [data-back="next"]`).click();
            const { step } = await checkExplained(page, result, `step ${i}`);
            ops.push(step.opType);
            if (step.opType === 'Conv' && !ops.includes('ConvW')) {
              // The weight gradient, at a position the reader types.
              ops.push('ConvW');
              await page.locator(`${el} [data-dbg="back-slot"]`).selectOption('1');
              const inputs = page.locator(`${el} .tdbg-back-coords input`);
              await inputs.first().fill('1');
              await inputs.first().dispatchEvent('change');
              const { slot } = await checkExplained(page, result, `step ${i} weight`);
              assert.equal(slot, 1);
              const [, position] = await explained(page);
              assert.equal(position.split(',')[0], '1', 'the typed index is the explained one');
              await shot(page, shotsDir, 'backward-conv-weight-1280');
            }
          }
          assert.ok(ops.includes('BatchNormalization') && ops.includes('Conv'), ops.join());
          // The URL carries the block so the view can be shared.
          assert.match(page.url(), new RegExp(`block=${seBlock.replaceAll('.', '\\.')}`));
          await shot(page, shotsDir, 'backward-1280');
        },
      },
      {
        name: `trained debugger: ${run.id} backward pass at 360 px`,
        path: `/models/trained/${run.id}/run/?img=0&block=${blocks[0]}`,
        viewport: { width: 360, height: 780 },
        async run(page, { shotsDir }) {
          await load(page);
          await page.waitForSelector(`${el} [data-dbg="back-explain"]`);
          const result = blockBackward(graph, tensor(0), blocks[0], index.labels[0]);
          await page.locator(`${el} [data-back-step="1"]`).click();
          await checkExplained(page, result, 'step 1 at 360 px');
          await shot(page, shotsDir, 'backward-360');
        },
      },
      {
        name: `trained debugger: ${run.id} backward view repaints in a switched theme where the reader left it`,
        path: `/models/trained/${run.id}/run/?img=0&block=${blocks[0]}`,
        async run(page) {
          await load(page);
          await page.waitForSelector(`${el} [data-dbg="back-explain"]`);
          await page.locator(`${el} [data-back-step="1"]`).click();
          const back = page.locator(`${el} [data-dbg="back"]`);
          assert.equal(await back.getAttribute('data-at'), '1');
          // The first gradient panel's canvas, as pixels: it must change with the theme (zero is --surface).
          const pixels = () =>
            page
              .locator(`${el} [data-dbg="back"] canvas`)
              .first()
              .evaluate((c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join());
          const before = await pixels();
          const theme = await page.evaluate(() => document.documentElement.dataset.theme);
          await page.locator('theme-toggle button').click();
          await page.waitForFunction((t) => document.documentElement.dataset.theme !== t, theme);
          assert.notEqual(await pixels(), before, 'the gradient panel is repainted');
          assert.equal(await back.getAttribute('data-at'), '1', 'still at the step the reader chose');
          assert.equal(await page.locator(`${el} [data-dbg="back"]`).count(), 1);
        },
      },
      {
        name: `trained debugger: ${run.id} switches seed and shows both accuracies`,
        path: `/models/trained/${run.id}/run/?img=95`,
        async run(page, { shotsDir }) {
          if (!model || model.runs.length < 2) return;
          for (const r of model.runs)
            assert.match(await page.locator(`${el} .lede`).textContent(), new RegExp(`seed ${r.seed}`));
          await load(page);
          const second = model.runs[1];
          await page.locator(`${el} input[name="tdbg-seed"][value="${second.seed}"]`).check();
          await page.waitForSelector(`${el}[data-loaded-seed="${second.seed}"]`, { timeout: 120_000 });
          await idle(page);
          await page.waitForSelector(`${el} [data-dbg="top5"] li`);
          assert.match(page.url(), new RegExp(`seed=${second.seed}`));
          const g2 = graphOf(second);
          const expected = topPredictions(forwardValues(g2, tensor(95), [logits])[logits].data, 5);
          const shown = await top5(page);
          shown.forEach(([c, p], i) => {
            assert.equal(c, expected[i].index, `seed ${second.seed}: class ${i}`);
            assert.ok(Math.abs(p - expected[i].probability) < 1e-5, `seed ${second.seed}: p ${p}`);
          });
          await shot(page, shotsDir, 'seed2-1280');
        },
      },
      {
        name: `trained debugger: ${run.id} takes your own image and refuses a non-image`,
        path: `/models/trained/${run.id}/run/`,
        viewport: { width: 360, height: 780 },
        async run(page, { shotsDir }) {
          await load(page);
          // A dark shirt-like shape on a light background, drawn and encoded as PNG in the page.
          const png = await page.evaluate(() => {
            const c = document.createElement('canvas');
            c.width = 120;
            c.height = 90;
            const x = c.getContext('2d');
            x.fillStyle = '#f0f0f0';
            x.fillRect(0, 0, 120, 90);
            x.fillStyle = '#202020';
            x.fillRect(35, 15, 50, 65);
            x.fillRect(15, 15, 90, 20);
            return c.toDataURL('image/png').split(',')[1];
          });
          const upload = page.locator(`${el} [data-dbg="upload"]`);
          await upload.setInputFiles({ name: 'shirt.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
          await page.waitForFunction(
            (sel) => /shirt\.png/.test(document.querySelector(`${sel} [data-dbg="top5"]`)?.textContent ?? ''),
            el,
          );
          await idle(page);
          await page.waitForSelector(`${el} [data-dbg="top5"] li`);
          assert.equal(
            await page.locator(`${el} [data-dbg="invert"]`).isChecked(),
            true,
            'a light background is inverted',
          );
          assert.match(await page.locator(`${el} [data-dbg="upload-note"]`).textContent(), /28×21.*inverted/);
          const before = await top5(page);
          await page.locator(`${el} [data-dbg="invert"]`).uncheck();
          await page.waitForFunction(
            (sel) => /not inverted/.test(document.querySelector(`${sel} [data-dbg="upload-note"]`)?.textContent ?? ''),
            el,
          );
          await idle(page);
          await page.waitForSelector(`${el} [data-dbg="top5"] li`);
          assert.notDeepEqual(await top5(page), before, 'the toggle changes what the model sees');
          await shot(page, shotsDir, 'upload-360');
          await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
          await page.waitForFunction(
            (sel) => /not an image/.test(document.querySelector(`${sel} [data-dbg="status"]`)?.textContent ?? ''),
            el,
          );
        },
      },
    ]
  : [];
