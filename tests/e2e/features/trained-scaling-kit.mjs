// The trained φ points (ScalingTrained, on lesson 6 and /scaling/), checked against
// /models/trained/manifest.json read here: the scaling models (tiny_efficientnet_b<φ> and
// tiny_efficientnet_b0_<width|depth|res><φ>) with every seed, one circle per run with its accuracy,
// a table row per model, each φ's pairs judged by the seed spread (recomputed here), and B1's
// factors multiplying to the manifest's B1 / B0 MACs.
import assert from 'node:assert/strict';

export default [];

const SEEDS = [1, 2];
const ROLE = /^tiny_efficientnet_b(\d+)$|^tiny_efficientnet_b0_(width|depth|res)(\d+)$/;
const KINDS = ['width', 'depth', 'res'];
const pct = (a) => `${(a * 100).toFixed(2)} %`;

/** The complete scaling models of the manifest: id → { runs, mean, spread, macs, phi, kind }. */
function scalingModels(m) {
  const byId = new Map();
  for (const r of m.models) {
    const role = ROLE.exec(r.id);
    if (!role) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const out = new Map();
  for (const [id, runs] of byId) {
    if (!SEEDS.every((s) => runs.some((r) => r.seed === s))) continue;
    const role = ROLE.exec(id);
    const acc = runs.map((r) => r.accuracy);
    out.set(id, {
      runs: runs.sort((a, b) => a.seed - b.seed),
      mean: acc.reduce((s, a) => s + a, 0) / acc.length,
      spread: Math.max(...acc) - Math.min(...acc),
      macs: runs[0].macs,
      phi: Number(role[1] ?? role[3]),
      kind: role[1] !== undefined ? 'compound' : role[2],
    });
  }
  return out;
}

export async function checkTrainedScaling(page) {
  const m = await page.evaluate(() => fetch('/models/trained/manifest.json').then((r) => r.json()));
  const models = scalingModels(m);
  const runs = [...models.values()].reduce((n, s) => n + s.runs.length, 0);
  assert.ok(runs >= 2, 'the manifest has complete scaling models');
  const fig = page.locator('[data-trained-scaling]');
  await fig.scrollIntoViewIfNeeded();
  for (const which of ['wide', 'narrow'])
    assert.equal(
      await fig.locator(`svg[data-scaling-chart="${which}"] circle.tf-run`).count(),
      runs,
      `${which} chart: one circle per run of the manifest's complete scaling models`,
    );
  assert.equal(await fig.locator('tr[data-model]').count(), models.size, 'a table row per complete model');
  for (const [id, s] of models) {
    for (const r of s.runs) {
      const c = fig.locator(`svg[data-scaling-chart="wide"] circle[data-id="${id}"][data-seed="${r.seed}"]`);
      assert.equal(Number(await c.getAttribute('data-accuracy')), r.accuracy, `${id} seed ${r.seed}'s circle`);
    }
    const cells = (await fig.locator(`tr[data-model="${id}"] td`).allTextContents()).map((t) => t.trim());
    assert.deepEqual(
      cells.slice(-4, -2),
      s.runs.map((r) => pct(r.accuracy)),
      `${id}: both seeds in the table`,
    );
  }
  // Each φ: the compound model against each single-dimension one, by the larger seed spread.
  for (const [id, c] of models) {
    if (c.kind !== 'compound' || c.phi === 0) continue;
    const singles = [...models.values()]
      .filter((s) => s.kind !== 'compound' && s.phi === c.phi)
      .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
    const verdict = fig.locator(`[data-phi-verdict="${c.phi}"]`);
    if (singles.length === 0) {
      assert.equal(await verdict.count(), 0, `${id}: no comparison without a single-dimension model`);
      continue;
    }
    const items = await verdict.locator('xpath=..').locator('li').allTextContents();
    assert.equal(items.length, singles.length, `φ = ${c.phi}: one sentence per pair`);
    singles.forEach((s, i) => {
      const beyond = Math.abs(c.mean - s.mean) > Math.max(c.spread, s.spread);
      assert.match(
        items[i],
        beyond ? /more than the seed spread/ : /within the seed spread/,
        `φ = ${c.phi}, pair ${i}`,
      );
    });
  }
  // B1's factors: they multiply to the manifest's B1 / B0 MACs.
  const b0 = models.get('tiny_efficientnet_b0');
  const b1 = models.get('tiny_efficientnet_b1');
  if (b0 && b1) {
    const ratio = b1.macs / b0.macs;
    assert.equal((await fig.locator('[data-out="step1-total"]').textContent()).trim(), `${ratio.toFixed(2)}×`);
    const built = await fig.locator('table[data-step="1"] td[data-cell="built"]').allTextContents();
    const product = built.map((t) => Number.parseFloat(t)).reduce((p, v) => p * v, 1);
    assert.ok(Math.abs(product - ratio) < 0.03, `factors ${built.join(' · ')} multiply to ${ratio.toFixed(3)}`);
  }
}
