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

const pub = new URL('../../../public/', import.meta.url).pathname;
const runs = readTrainedFamily(new URL('../../../', import.meta.url).pathname).models.map((m) => m.runs[0]);
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

const graph = run ? graphOf(run) : null;
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
    ]
  : [];
