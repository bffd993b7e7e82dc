// The convolution cost widget: changing inputs changes the numbers to the right values.
// Expected values are worked by hand here, independently of src/lib/viz/lessons/conv-cost.ts.
import assert from 'node:assert/strict';

async function setField(widget, name, value) {
  const field = widget.locator(`[name="${name}"]`);
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(String(value));
  else await field.fill(String(value));
}

async function read(widget, key) {
  return (await widget.locator(`[data-out="${key}"]`).textContent())?.trim();
}

export default [
  {
    name: 'the cost calculator recomputes shape, params and MACs as inputs change',
    path: '/lessons/convolution-cost/',
    async run(page) {
      const widget = page.locator('conv-cost-widget').first();
      await widget.scrollIntoViewIfNeeded();
      // Static render: 112×112, 32→64, 3×3, stride 1, same padding.
      assert.equal(await read(widget, 'shape'), '112×112×64');
      assert.equal(await read(widget, 'params'), '18,432'); // 3·3·32·64
      assert.equal(await read(widget, 'macs'), '231,211,008'); // 112·112·64·32·9

      // Stride 2 halves each side: 56×56; MACs ÷ 4.
      await setField(widget, 'stride', 2);
      assert.equal(await read(widget, 'shape'), '56×56×64');
      assert.equal(await read(widget, 'macs'), '57,802,752'); // 56·56·64·32·9

      // Depthwise: C_in = C_out = groups = 32 at stride 1 on 112×112 → 112·112·32·1·9.
      await setField(widget, 'stride', 1);
      await setField(widget, 'cout', 32);
      await setField(widget, 'groups', 32);
      assert.equal(await read(widget, 'macs'), '3,612,672');
      assert.equal(await read(widget, 'params'), '288'); // 32·1·9

      // Valid padding with a 5×5 kernel trims 4 rows; bias adds C_out params.
      await setField(widget, 'groups', 1);
      await setField(widget, 'k', 5);
      await setField(widget, 'padding', 'valid');
      await widget.locator('[name="bias"]').check();
      assert.equal(await read(widget, 'shape'), '108×108×32');
      assert.equal(await read(widget, 'params'), '25,632'); // 5·5·32·32 + 32

      // A grouping that does not divide the channels is refused with a message.
      await setField(widget, 'groups', 3);
      const alert = widget.locator('.problem');
      assert.equal(await alert.isVisible(), true);
      assert.match((await alert.textContent()) ?? '', /groups \(3\) must divide the input channels \(32\)/);
      await setField(widget, 'groups', 2);
      assert.equal(await alert.isVisible(), false);
      assert.equal(await read(widget, 'params'), '12,832'); // 5·5·16·32 + 32
    },
  },
];
