// The debugger's architecture diagram follows the stepper: stepping into MobileNetV2's first
// depthwise conv outlines that block's depthwise op; clicking a later block (or an earlier op, or
// reloading a deep link) moves the debugger there and the diagram with it.
import assert from 'node:assert/strict';
import { debuggerWaits } from './page-kit.mjs';

const { idle, click } = debuggerWaits('model-debugger');

/** The current node's name, as the debugger's position line and op list show it. */
async function currentNode(page) {
  const pos = await page.locator('[data-dbg="position"]').textContent();
  const m = /: (\S+) \((\w+)\)/.exec(pos ?? '');
  assert.ok(m, `position line names a node: ${pos}`);
  // Constant nodes (Clip bounds) are data, not ops: the op list leaves them out and stepping skips them.
  assert.notEqual(m[2], 'Constant', 'stepping never stops on a Constant');
  const rows = page.locator('model-debugger tr[aria-current] button[data-goto]');
  assert.equal((await rows.textContent())?.trim(), m[1], 'the op list marks the same node as the position line');
  const number = await page.locator('model-debugger tr[aria-current] td.num').first().textContent();
  assert.equal(number?.trim(), /^Op (\d+) of/.exec(pos)?.[1], "the op list's number is the position line's");
  return m[1];
}

/** The op the diagram outlines: its id, label, block, and whether it shows (its section is open). */
async function highlighted(page) {
  const ops = page.locator('[data-dd] .dd-op[aria-current="step"]');
  assert.equal(await ops.count(), 1, 'exactly one diagram op is current');
  const op = ops.first();
  return {
    id: await op.getAttribute('data-op'),
    label: (await op.evaluate((b) => b.childNodes[0]?.textContent ?? '')).trim(),
    block: await op.evaluate((b) => b.closest('.dd-block')?.getAttribute('data-block')),
    visible: await op.isVisible(),
    column: await page.locator('[data-dd] .dd-col.dd-current').getAttribute('data-section'),
    section: await op.evaluate((b) => b.closest('.dd-panel')?.getAttribute('data-section')),
  };
}

async function load(page) {
  await click(page, page.locator('model-debugger [data-act="start"]'));
  const status = await page.locator('[data-dbg="status"]').textContent();
  assert.doesNotMatch(status, /Could not run/, status);
  assert.equal(
    await page.locator('[data-dd] .dd-op[aria-current]').count(),
    0,
    'no diagram op is current at the preprocessing step',
  );
}

async function stepToFirstDepthwise(page) {
  const next = page.locator('model-debugger [data-act="next"]');
  for (let k = 0; k < 8; k++) {
    await click(page, next);
    if ((await currentNode(page)).endsWith('conv_dw')) return;
  }
  assert.fail('no depthwise conv within the first 8 steps');
}

export default [
  {
    name: 'Debugger diagram, MobileNetV2: it outlines the current op while stepping, and its blocks and ops jump the debugger',
    path: '/models/mobilenetv2_100/run/',
    async run(page, { shotsDir }) {
      await load(page);
      await stepToFirstDepthwise(page);
      const node = await currentNode(page);
      assert.equal(node, 'blocks.0.0.conv_dw');
      let hl = await highlighted(page);
      assert.equal(hl.block, 'blocks.0.0', 'the highlighted op is in the first block');
      assert.match(hl.label, /^depthwise 3×3$/, `the highlighted op is the depthwise conv, got ${hl.label}`);
      assert.ok(hl.visible, 'its section is opened so the op shows');
      assert.equal(hl.column, hl.section, 'its column is marked too');
      await page.locator('[data-dd]').screenshot({ path: `${shotsDir}/debugger-diagram-1280.png` });

      // One more op (its BatchNorm) stays in the same diagram op; the pointwise conv moves on.
      await click(page, page.locator('model-debugger [data-act="next"]'));
      assert.equal(
        (await highlighted(page)).id,
        hl.id,
        'BatchNorm after the depthwise conv belongs to the same diagram op',
      );

      // A later block, picked in the diagram: open its section from the column, then click the block.
      await click(page, page.locator('[data-dd] .dd-col[data-section="4"]'));
      const later = page.locator('[data-dd] .dd-block[data-block="blocks.3.2"] > .dd-blockbtn');
      assert.ok(await later.isVisible(), 'clicking the stage 3 column opened its blocks');
      await click(page, later);
      const there = await currentNode(page);
      assert.ok(there.startsWith('blocks.3.2.'), `the debugger jumped into blocks.3.2, at ${there}`);
      hl = await highlighted(page);
      assert.equal(hl.block, 'blocks.3.2');
      assert.equal(hl.label, 'expand 1×1');

      // Back to an earlier op (the stepper resets and runs forward): the depthwise conv of blocks.1.0.
      await page.locator('[data-dd] .dd-col[data-section="2"]').click();
      const dw = page.locator('[data-dd] .dd-block[data-block="blocks.1.0"] .dd-op', { hasText: 'depthwise 3×3' });
      await click(page, dw);
      assert.equal(await currentNode(page), 'blocks.1.0.conv_dw');
      hl = await highlighted(page);
      assert.equal(hl.block, 'blocks.1.0');
      assert.equal(hl.label, 'depthwise 3×3');

      // The scrubber and "run to end" move the diagram too: the classifier is in the head.
      await click(page, page.locator('model-debugger [data-act="end"]'));
      hl = await highlighted(page);
      assert.equal(hl.block, 'head');
      assert.equal(hl.label, 'classifier');
    },
  },
  {
    name: 'Debugger diagram, MobileNetV2: a deep link reloads with the diagram on its step, at 360 px in the dark theme',
    path: '/models/mobilenetv2_100/run/?step=14',
    viewport: { width: 360, height: 800 },
    async run(page, { shotsDir }) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(
        () => /Op 13 of 152:/.test(document.querySelector('[data-dbg="position"]')?.textContent ?? ''),
        null,
        { timeout: 120_000 },
      );
      await idle(page);
      const node = await currentNode(page);
      assert.equal(node, 'blocks.1.0.bn2');
      const hl = await highlighted(page);
      assert.equal(hl.label, 'depthwise 3×3', 'the BatchNorm after a depthwise conv is part of the depthwise op');
      assert.ok(node.startsWith(`${hl.block}.`), `${node} is in the highlighted block ${hl.block}`);
      assert.ok(hl.visible);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `no sideways page scroll at 360 px (${overflow} px)`);
      await page.locator('[data-dd]').screenshot({ path: `${shotsDir}/debugger-diagram-360-dark.png` });
    },
  },
];
