// The lesson "Vision Transformer vs CNN": every control of the patch and cost widgets moved, the
// read-outs, formulas and chart checked against values computed here in Node (the formulas by hand,
// the engine's counts from analyze on graphs the zoo builds: not the lesson's own modules), the
// matched-MACs table against the engine, the questions right and wrong, and the step cell run.
import assert from 'node:assert/strict';
import { tsImport } from 'tsx/esm/api';
import { predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';

const src = (p) => tsImport(new URL(`../../../src/lib/${p}`, import.meta.url).href, import.meta.url);
const { analyze } = await src('engine/index.ts');
const { buildFromSpec, getModel } = await src('models/index.ts');

const PATH = '/lessons/vit-vs-cnn/';
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const vitSpec = getModel('vit_tiny_patch16_224').spec;
const D = vitSpec.dim;
const memo = new Map();
const analysed = (key, make) => memo.get(key) ?? memo.set(key, analyze(make())).get(key);
const vit = (R, P) => analysed(`v${R}/${P}`, () => buildFromSpec({ ...vitSpec, patch: P }, { resolution: R }));
const b0 = (R) => analysed(`b${R}`, () => buildFromSpec(getModel('efficientnet_b0').spec, { resolution: R }));
// The comparator blocks the lesson names (last stride-1 depthwise conv at stride P in B0, Table 1).
const BLOCK = { 8: 'blocks.2.1', 16: 'blocks.4.2', 32: 'blocks.6.0' };

/** Expected values at (R, P), by hand and from the engine. */
function expected(R, P) {
  const s = Math.floor(R / P);
  const N = s * s + 1;
  const quadratic = 2 * N * N * D;
  const linear = 12 * N * D * D;
  const dw = b0(R).layers.find((l) => l.node === `${BLOCK[P]}.conv_dw`);
  const side = dw.outputDims[0][2];
  const depthwise = side * side * dw.outputDims[0][1] * dw.kernel[0] ** 2;
  assert.equal(depthwise, dw.macs, 'hand formula = engine for the depthwise conv');
  const engineQ = vit(R, P)
    .layers.filter((l) => l.scope === 'blocks.0.attn' && l.opType === 'MatMul')
    .reduce((a, l) => a + l.macs, 0);
  assert.equal(engineQ, quadratic, 'hand formula = engine for QKᵀ + AV');
  return { N, quadratic, linear, depthwise };
}

const out = (root, key) => root.locator(`[data-out="${key}"]`).first().textContent();

async function setRange(root, name, value) {
  await root.locator(`input[name="${name}"]`).fill(String(value));
}

export default [
  {
    name: 'lesson vit-vs-cnn: the cost widget follows resolution and patch with engine numbers',
    path: PATH,
    async run(page) {
      const w = page.locator('vit-cost');
      await w.scrollIntoViewIfNeeded();
      await w.locator('input[name="resolution"]').waitFor({ state: 'visible' });
      for (const P of [16, 8, 32]) {
        await w.locator('select[name="patch"]').selectOption(String(P));
        for (const R of [64, 224, 544, 1024]) {
          await setRange(w, 'resolution', R);
          const e = expected(R, P);
          assert.equal(await out(w, 'tokens'), fmt(e.N), `tokens at ${R}/${P}`);
          assert.equal(await out(w, 'quadratic'), fmt(e.quadratic), `QKᵀ + AV at ${R}/${P}`);
          assert.equal(await out(w, 'linear'), fmt(e.linear), `projections + MLP at ${R}/${P}`);
          assert.equal(await out(w, 'depthwise'), fmt(e.depthwise), `depthwise at ${R}/${P}`);
          assert.equal(await out(w, 'cnn-block'), BLOCK[P]);
          assert.equal(await out(w, 'ratio'), `${(e.quadratic / e.depthwise).toPrecision(3)}×`);
          const dot = w.locator('[data-mark="circle:dot-quadratic"]');
          assert.equal(Number(await dot.getAttribute('data-value')), e.quadratic);
          // The live formula shows the same numbers (KaTeX renders them with thin-space-free commas).
          await page.waitForFunction(
            ([el, want]) => el.textContent.includes(want),
            [await w.locator('[data-math]').elementHandle(), fmt(e.quadratic)],
            { timeout: 15_000 },
          );
        }
      }
    },
  },
  {
    name: 'lesson vit-vs-cnn: the patch widget maps a pixel to its patch and token',
    path: PATH,
    async run(page) {
      const w = page.locator('vit-patches');
      await w.scrollIntoViewIfNeeded();
      await w.locator('input[name="x"]').waitFor({ state: 'visible' });
      const R = vitSpec.resolution;
      for (const P of [8, 32, 16]) {
        await w.locator('select[name="patch"]').selectOption(String(P));
        for (const [x, y] of [
          [0, 0],
          [223, 223],
          [100, 60],
          [17, 200],
        ]) {
          await setRange(w, 'x', x);
          await setRange(w, 'y', y);
          const s = Math.floor(R / P);
          const row = Math.floor(y / P);
          const col = Math.floor(x / P);
          const token = 1 + row * s + col;
          assert.equal(await out(w, 'patch'), `(${row}, ${col})`);
          assert.equal(await out(w, 'token'), `${token} of ${s * s + 1}`);
          assert.equal(await out(w, 'rows'), `${row * P}–${row * P + P - 1}`);
          assert.equal(await out(w, 'cols'), `${col * P}–${col * P + P - 1}`);
          assert.equal(await out(w, 'per-token'), fmt(3 * P * P * D));
          const conv = vit(R, P).layers.find((l) => l.node === 'patch_embed.proj');
          assert.equal(await out(w, 'conv-macs'), fmt(conv.macs));
          assert.equal(conv.macs, s * s * 3 * P * P * D);
          const rect = w.locator('[data-mark="rect:patch"]');
          assert.equal(await rect.getAttribute('data-row'), String(row));
          assert.equal(await rect.getAttribute('data-col'), String(col));
          assert.equal(await w.locator('[data-mark="rect:token"]').getAttribute('data-token'), String(token));
        }
      }
    },
  },
  {
    name: "lesson vit-vs-cnn: the matched-MACs table is the engine's",
    path: PATH,
    async run(page) {
      const table = page.locator('table.match-table');
      const target = b0(224).macs;
      let best;
      for (let R = 16; R <= 448; R += 16) {
        const m = vit(R, 16).macs;
        if (!best || Math.abs(m - target) < Math.abs(best.m - target)) best = { R, m };
      }
      assert.equal(await table.getAttribute('data-match-resolution'), String(best.R));
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), 3);
      assert.equal(Number(await rows.nth(1).getAttribute('data-macs')), best.m);
      assert.equal(Number(await rows.nth(1).getAttribute('data-params')), vit(best.R, 16).params);
      assert.equal(Number(await rows.nth(2).getAttribute('data-macs')), target);
      assert.equal(Number(await rows.nth(0).getAttribute('data-macs')), vit(224, 16).macs);
    },
  },
  {
    name: "lesson vit-vs-cnn: questions accept the engine's answers and reject wrong ones",
    path: PATH,
    async run(page) {
      const q1 = page.locator('[data-question="vit-patch-macs"]');
      assert.equal((await predict(q1, '1000000')).state, 'wrong');
      assert.equal((await predict(q1, String(196 * 768 * 192))).state, 'right');
      const q2 = page.locator('[data-question="vit-attention-macs"]');
      assert.equal((await predict(q2, String(4 * expected(224, 16).quadratic))).state, 'wrong');
      assert.equal((await predict(q2, String(expected(448, 16).quadratic))).state, 'right');
      const q3 = page.locator('[data-question="vit-tiny-macs"]');
      assert.equal((await predict(q3, String(b0(224).macs))).state, 'wrong');
      assert.equal((await predict(q3, String(vit(224, 16).macs))).state, 'right');
    },
  },
  // tiny_vit's patch embedding (tiny.ts: 4×4 patches, dim 24, gray 32 px): 8 × 8 patches, each a
  // 1 × 4 × 4 window into 24 channels; the reshape and transpose cost nothing.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'vit',
    id: 'tiny_vit',
    scope: 'patch_embed',
    firstMacs: 8 * 8 * 16 * 24,
    totalMacs: 8 * 8 * 16 * 24,
  }),
  // Its first attention: 65 tokens (64 patches and the class token) of dim 24; the qkv projection
  // (24 → 72), QKᵀ and AV (65 × 65 × 24 each, over all heads), the output projection (24 → 24). Its
  // Reshape shapes, head indices and scale are Constant nodes, which the cell neither lists nor steps.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'vit',
    id: 'tiny_vit',
    scope: 'blocks.0.attn',
    nth: 1,
    firstMacs: 65 * 24 * 72,
    totalMacs: 65 * 24 * 72 + 2 * 65 * 65 * 24 + 65 * 24 * 24,
  }),
];
