// Lesson 5's gates per class (ClassGates): one dot per run and SE block, placed by the η² the
// build computed from the committed tiny B0; picking a block and a network redraws the heatmap
// and the read-outs, which must equal the figure data embedded in the page; the trained run's last
// block is far more class-specific than the untrained start's (the lesson's claim, also held by
// tests/unit/family/class-gates-claims.test.ts against the engine in Node).
import assert from 'node:assert/strict';

const PATH = '/lessons/squeeze-and-excitation/';

export default [
  {
    name: 'SE gates per class: the block and network pickers redraw the heatmap and read-outs',
    path: PATH,
    async run(page) {
      const w = page.locator('class-gates');
      await w.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => customElements.get('class-gates') !== undefined, null, { timeout: 30_000 });
      const fig = JSON.parse(await w.getAttribute('data-figure'));
      const nBlocks = fig.blocks.length;
      const nRuns = fig.runs.length;
      assert.ok(nRuns >= 3, `expected two trained seeds and the untrained start, got ${nRuns} runs`);
      assert.equal(await w.locator('svg.gate-eta circle.gate-dot').count(), nRuns * nBlocks);
      const dot = (run, block) =>
        w.locator(`svg.gate-eta circle.gate-dot[data-run="${run}"][data-block="${block}"]`).getAttribute('data-eta2');
      const out = (key) =>
        w
          .locator(`[data-out="${key}"]`)
          .first()
          .textContent()
          .then((t) => t.trim());
      const untrained = fig.runs.findIndex((r) => !r.trained);
      const last = nBlocks - 1;
      for (let r = 0; r < nRuns; r++) {
        if (r === untrained) continue;
        assert.ok(Number(await dot(r, last)) - Number(await dot(untrained, last)) > 0.3, `run ${r} vs untrained`);
      }
      const cells = () => w.locator('svg.gate-heat rect.gate-cell');
      for (const [block, run] of [
        [0, untrained],
        [Math.floor(nBlocks / 2), 1],
        [last, 0],
      ]) {
        await w.locator('select[name="block"]').selectOption(String(block));
        await w.locator('select[name="run"]').selectOption(String(run));
        await page.waitForFunction(
          ([b]) => document.querySelector('class-gates [data-out="eta-0"]')?.textContent?.trim() === b,
          [fig.runs[0].specificity[block].toFixed(3)],
        );
        for (let r = 0; r < nRuns; r++) assert.equal(await out(`eta-${r}`), fig.runs[r].specificity[block].toFixed(3));
        assert.equal(await out(`eta-${run}`), Number(await dot(run, block)).toFixed(3));
        assert.equal(await cells().count(), fig.classes.length * fig.runs[run].picked[block].length);
        const first = await cells().first().getAttribute('data-v');
        assert.equal(Number(first), fig.runs[run].cells[block][0][0]);
      }
    },
  },
];
