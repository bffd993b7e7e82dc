// Lesson 1: the MACs-against-bytes chart (balance slider, layer picker, clicking a dot) and the
// three questions. MobileNetV2's layers are rebuilt here from the paper's table (t, c, n, s) to
// compute MACs, bytes and roofline shares independently of the site's code.
import assert from 'node:assert/strict';
import { pick, predict } from './question-kit.mjs';
import { trainedCellSpecs } from './lesson-kit.mjs';
import { withoutJs } from './page-kit.mjs';

const PATH = '/lessons/what-makes-a-model-mobile/';
const BALANCES = [0.5, 1, 2, 4, 8, 16, 32, 64];

/** MobileNetV2 1.0-224 conv + linear layers: { node, kind, macs, bytes } (float32, each tensor moved once). */
function mobilenetV2Layers() {
  const layers = [];
  const conv = (node, kind, h, cin, cout, k, s, groups = 1) => {
    const ho = Math.ceil(h / s);
    const weights = cout * (cin / groups) * k * k;
    const macs = ho * ho * cout * (cin / groups) * k * k;
    layers.push({ node, kind, macs, bytes: 4 * (h * h * cin + weights + ho * ho * cout) });
    return ho;
  };
  let h = conv('conv_stem', 'stem', 224, 3, 32, 3, 2);
  let cin = 32;
  const settings = [
    [1, 16, 1, 1],
    [6, 24, 2, 2],
    [6, 32, 3, 2],
    [6, 64, 4, 2],
    [6, 96, 3, 1],
    [6, 160, 3, 2],
    [6, 320, 1, 1],
  ];
  settings.forEach(([t, c, n, s], stage) => {
    for (let i = 0; i < n; i++) {
      const stride = i === 0 ? s : 1;
      const mid = cin * t;
      const p = `blocks.${stage}.${i}`;
      if (t !== 1) conv(`${p}.conv_pw`, 'pointwise', h, cin, mid, 1, 1);
      const ho = conv(`${p}.conv_dw`, 'depthwise', h, mid, mid, 3, stride, mid);
      conv(t !== 1 ? `${p}.conv_pwl` : `${p}.conv_pw`, 'pointwise', ho, mid, c, 1, 1);
      h = ho;
      cin = c;
    }
  });
  conv('conv_head', 'pointwise', h, cin, 1280, 1, 1);
  layers.push({ node: 'classifier', kind: 'linear', macs: 1280 * 1000, bytes: 4 * (1280 + 1280 * 1000 + 1000 + 1000) });
  return layers;
}

const LAYERS = mobilenetV2Layers();
const TOTAL = LAYERS.reduce((s, l) => s + l.macs, 0);
const sig3 = (v) => String(Number(v.toPrecision(3)));
/** A share as the site prints it (number-format's rule, restated): one decimal from 1 %, two significant digits below. */
const pct = (v) => (v >= 0.01 ? `${(v * 100).toFixed(1)} %` : `${(v * 100).toPrecision(2)} %`);
const fmt = (n) => Math.round(n).toLocaleString('en-US');

function depthwiseShares(balance) {
  const time = (l) => Math.max(l.macs, l.bytes * balance);
  const dw = LAYERS.filter((l) => l.kind === 'depthwise');
  return {
    macs: dw.reduce((s, l) => s + l.macs, 0) / TOTAL,
    time: dw.reduce((s, l) => s + time(l), 0) / LAYERS.reduce((s, l) => s + time(l), 0),
    bound: LAYERS.filter((l) => l.macs / l.bytes < balance).length,
  };
}

const out = (root, key) =>
  root
    .locator(`[data-out="${key}"]`)
    .textContent()
    .then((t) => t?.trim());

export default [
  {
    name: 'the balance slider re-splits memory-bound layers and the depthwise share of time',
    path: PATH,
    async run(page) {
      assert.equal(TOTAL, 300_774_272); // the independent rebuild matches the published conv + linear count
      const w = page.locator('roofline-chart');
      await w.scrollIntoViewIfNeeded();
      let want = depthwiseShares(8);
      assert.equal(await out(w, 'bound'), `${want.bound} of ${LAYERS.length}`);
      assert.equal(await out(w, 'dw-macs'), pct(want.macs));
      assert.equal(await out(w, 'dw-time'), pct(want.time));

      for (const pos of [0, 3, 7]) {
        await w.locator('input[name="balance"]').evaluate((el, v) => {
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, pos);
        want = depthwiseShares(BALANCES[pos]);
        assert.equal(await out(w, 'balance'), String(BALANCES[pos]));
        assert.equal(await out(w, 'bound'), `${want.bound} of ${LAYERS.length}`);
        assert.equal(await out(w, 'dw-time'), pct(want.time));
        assert.equal(await w.locator('circle.dot.bound').count(), want.bound);
      }
      // At 64 MACs per byte every layer waits on memory, and depthwise time far exceeds its MAC share.
      assert.equal(want.bound, LAYERS.length);
      assert.ok(want.time > 4 * want.macs);
    },
  },
  {
    name: 'picking or clicking a layer shows its intensity in KaTeX',
    path: PATH,
    async run(page) {
      const w = page.locator('roofline-chart');
      await w.scrollIntoViewIfNeeded();
      const dw = LAYERS.find((l) => l.node === 'blocks.1.1.conv_dw');
      let tex = await w.locator('.layer-tex').getAttribute('data-tex');
      assert.ok(
        tex.includes(
          `\\frac{${fmt(dw.macs).replace(/,/g, '{,}')}}{${fmt(dw.bytes).replace(/,/g, '{,}')}} = ${sig3(dw.macs / dw.bytes)}`,
        ),
        tex,
      );
      assert.match(tex, /memory-bound/);

      await w.locator('select[name="layer"]').selectOption('blocks.5.0.conv_pw');
      const pw = LAYERS.find((l) => l.node === 'blocks.5.0.conv_pw');
      tex = await w.locator('.layer-tex').getAttribute('data-tex');
      assert.ok(tex.includes(`= ${sig3(pw.macs / pw.bytes)}`), tex);
      assert.equal(pw.macs / pw.bytes >= 8, tex.includes('compute-bound'));

      // A real click at the stem's dot (not a dispatched event): the stem must be on top, not hidden under a 1×1 conv.
      await w.locator('circle.dot[data-node="conv_stem"]').click({ timeout: 5000 });
      assert.equal(await w.locator('select[name="layer"]').inputValue(), 'conv_stem');
      assert.equal(await w.locator('circle.dot.selected').getAttribute('data-node'), 'conv_stem');
      assert.equal(await w.locator('.layer-tex .katex').count(), 1);
    },
  },
  // tiny_mobilenetv2 blocks.1.1 (tiny.ts: ir_r2_k3_s2_e6_c16 at 32 px): the stem and stage 1 halve
  // the map twice, 32 → 8; 16 → 96 → 16 channels, 3×3 depthwise.
  ...trainedCellSpecs({
    path: PATH,
    lesson: 'mobile',
    id: 'tiny_mobilenetv2',
    scope: 'blocks.1.1',
    firstMacs: 8 * 8 * 16 * 96,
    totalMacs: 8 * 8 * 16 * 96 + 8 * 8 * 96 * 9 + 8 * 8 * 96 * 16,
  }),
  {
    name: 'the three questions accept the right answer and reject a wrong one',
    path: PATH,
    async run(page) {
      const flops = page.locator('[data-question="mobilenetv2-flops"]');
      assert.match(
        await flops.locator('label[for]').textContent(),
        /\(FLOPs\)/,
        'the input asks in the unit the prompt asks in',
      );
      const asMacs = await predict(flops, String(TOTAL));
      assert.equal(asMacs.state, 'wrong');
      assert.match(asMacs.text, /MAC count/);
      assert.equal((await predict(flops, String(2 * TOTAL))).state, 'right');

      const choice = page.locator('[data-question="intensity-choice"]');
      assert.equal((await pick(choice, 'the 3×3 depthwise, 144 channels')).state, 'wrong');
      assert.equal((await pick(choice, 'the 1×1 expansion, 24 → 144 channels')).state, 'right');

      const share = page.locator('[data-question="depthwise-share"]');
      assert.equal((await predict(share, '50%')).state, 'wrong');
      const r = await predict(share, `${(depthwiseShares(8).macs * 100).toFixed(1)}%`);
      assert.equal(r.state, 'right');
    },
  },
  {
    name: 'the chart reads as static SVG with JavaScript off',
    path: PATH,
    async run(page, { base }) {
      await withoutJs(page, `${base}${PATH}`, async (p) => {
        const w = p.locator('roofline-chart');
        assert.equal(await w.locator('circle.dot').count(), LAYERS.length);
        assert.equal(await w.locator('circle.dot.bound').count(), depthwiseShares(8).bound);
        assert.equal(await w.locator('.layer-tex .katex').count(), 1);
        assert.equal((await p.locator('step-cell table.dbg-ops tbody tr').count()) > 0, true);
      });
    },
  },
];
