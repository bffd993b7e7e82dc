// The lessons' trained-family figures. TrainedComparison (lessons 3, 4 and the ViT lesson): the
// table's accuracies, means and spreads equal the manifest's runs (recomputed here from
// /models/trained/manifest.json), the verdict follows the seed-spread rule, and the width sweep's
// pair picker redraws the highlight and the read-outs. TrainedActivations (MnasNet, MobileNetV3,
// EfficientNetV2, ViT): the image and layer pickers redraw the maps and read-outs, the read-outs
// name the true class of the bundled image (public/samples/fashion-mnist/index.json) and both
// seeds' accuracies from the manifest.
import assert from 'node:assert/strict';

const pct = (a, d = 2) => `${(a * 100).toFixed(d)} %`;
const points = (d) => `${(Math.abs(d) * 100).toFixed(2)} points`;

async function manifest(page) {
  return page.evaluate(() => fetch('/models/trained/manifest.json').then((r) => r.json()));
}

function summary(m, id) {
  const runs = m.models.filter((r) => r.id === id).sort((a, b) => a.seed - b.seed);
  const acc = runs.map((r) => r.accuracy);
  const mean = acc.reduce((s, a) => s + a, 0) / acc.length;
  return { runs, mean, spread: Math.max(...acc) - Math.min(...acc), macs: runs[0].macs };
}

const cellTexts = (row) =>
  row
    .locator('th, td')
    .allTextContents()
    .then((t) => t.map((s) => s.trim()));

function comparisonSpec(path, id, members, pairs) {
  return {
    name: `trained comparison ${id}: both seeds from the manifest, verdict by the seed spread`,
    path,
    async run(page) {
      const w = page.locator(`trained-comparison[data-comparison="${id}"]`);
      await w.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => customElements.get('trained-comparison') !== undefined, null, {
        timeout: 30_000,
      });
      const m = await manifest(page);
      for (const mid of members) {
        const s = summary(m, mid);
        assert.equal(s.runs.length, 2, `${mid}: two seeds in the manifest`);
        const cells = await cellTexts(w.locator(`tr[data-model="${mid}"]`));
        assert.deepEqual(cells.slice(1), [
          s.macs.toLocaleString('en-US'),
          s.runs[0].params.toLocaleString('en-US'),
          pct(s.runs[0].accuracy),
          pct(s.runs[1].accuracy),
          pct(s.mean),
          points(s.spread),
        ]);
        for (const r of s.runs)
          assert.equal(
            await w.locator(`circle.tc-seed[data-model="${mid}"][data-seed="${r.seed}"]`).count(),
            1,
            `${mid} seed ${r.seed}: one dot`,
          );
      }
      const out = (k) =>
        w
          .locator(`[data-out="${k}"]`)
          .textContent()
          .then((t) => t.trim());
      for (let i = 0; i < pairs.length; i++) {
        const [a, b] = pairs[i];
        if (pairs.length > 1) await w.locator('select[name="pair"]').selectOption(String(i));
        const sa = summary(m, a);
        const sb = summary(m, b);
        const d = sa.mean - sb.mean;
        const spread = Math.max(sa.spread, sb.spread);
        const sign = d < 0 && points(d) !== '0.00 points' ? '−' : '+';
        await page.waitForFunction(
          ([sel, want]) => document.querySelector(sel)?.textContent?.trim() === want,
          [`trained-comparison[data-comparison="${id}"] [data-out="difference"]`, `${sign}${points(d)}`],
        );
        assert.equal(await out('spread'), points(spread));
        assert.equal(await out('verdict'), Math.abs(d) > spread ? 'a difference' : 'no difference');
        const on = await w.locator('circle.tc-seed.on').evaluateAll((els) => els.map((e) => e.dataset.model));
        assert.deepEqual(new Set(on), new Set([a, b]));
      }
      assert.match(await w.locator('[data-tc="verdict"]').textContent(), /seed spread/);
    },
  };
}

function activationSpec(path, model) {
  return {
    name: `trained activations ${model}: image and layer pickers, prediction and both seeds`,
    path,
    async run(page) {
      const w = page.locator(`trained-activations[data-model="${model}"]`);
      await w.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => customElements.get('trained-activations') !== undefined, null, {
        timeout: 30_000,
      });
      const fig = JSON.parse(await w.getAttribute('data-figure'));
      const m = await manifest(page);
      const index = await page.evaluate(() => fetch('/samples/fashion-mnist/index.json').then((r) => r.json()));
      const s = summary(m, model);
      const out = (k) =>
        w
          .locator(`[data-out="${k}"]`)
          .textContent()
          .then((t) => t.trim());
      assert.equal(await out('accuracy'), s.runs.map((r) => `seed ${r.seed}: ${pct(r.accuracy)}`).join(' · '));
      assert.equal(fig.images.length, 10, 'one bundled image per class');
      const last = fig.layers.length - 1;
      for (const [img, layer] of [
        [3, last],
        [8, 0],
      ]) {
        await w.locator('select[name="image"]').selectOption(String(img));
        await w.locator('select[name="layer"]').selectOption(String(layer));
        const im = fig.images[img];
        const want = m.models.find((r) => r.id === model).classes[index.labels[im.sample]];
        await page.waitForFunction(
          ([sel, t]) => document.querySelector(sel)?.textContent?.trim() === t,
          [`trained-activations[data-model="${model}"] [data-out="truth"]`, want],
        );
        assert.equal(index.indices[im.sample], im.testIndex);
        const L = fig.layers[layer];
        assert.equal(await w.locator('svg.ta-map rect.ta-cell').count(), L.side * L.side * L.shown.length);
        assert.ok((await out('layer')).startsWith(L.node));
        const top = im.top[0];
        assert.ok((await out('prediction')).startsWith(fig.classes[top.cls]));
        const probs = im.top.map((t) => t.p);
        assert.ok(probs.every((p, i) => p > 0 && p <= 1 && (i === 0 || p <= probs[i - 1])));
      }
    },
  };
}

export default [
  comparisonSpec(
    '/lessons/depthwise-separable/',
    'separable-vs-full',
    ['tiny_plain', 'tiny_mobilenetv1'],
    [['tiny_mobilenetv1', 'tiny_plain']],
  ),
  comparisonSpec(
    '/lessons/depthwise-separable/',
    'width-multiplier',
    ['tiny_mobilenetv1', 'tiny_mobilenetv1_075', 'tiny_mobilenetv1_050', 'tiny_mobilenetv1_025'],
    [
      ['tiny_mobilenetv1', 'tiny_mobilenetv1_075'],
      ['tiny_mobilenetv1_075', 'tiny_mobilenetv1_050'],
      ['tiny_mobilenetv1_050', 'tiny_mobilenetv1_025'],
    ],
  ),
  comparisonSpec(
    '/lessons/inverted-residuals/',
    'linear-bottleneck',
    ['tiny_mobilenetv2', 'tiny_mobilenetv2_relu6'],
    [['tiny_mobilenetv2', 'tiny_mobilenetv2_relu6']],
  ),
  comparisonSpec(
    '/lessons/vit-vs-cnn/',
    'cnn-vs-vit',
    ['tiny_efficientnet_b0', 'tiny_vit'],
    [['tiny_efficientnet_b0', 'tiny_vit']],
  ),
  activationSpec('/lessons/mnasnet/', 'tiny_mnasnet'),
  activationSpec('/lessons/mobilenetv3/', 'tiny_mobilenetv3'),
  activationSpec('/lessons/efficientnetv2/', 'tiny_efficientnetv2'),
  activationSpec('/lessons/vit-vs-cnn/', 'tiny_vit'),
];
