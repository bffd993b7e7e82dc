import { describe, expect, it } from 'vitest';
import { checkScene, type Mark } from '~/lib/viz/kit/marks.ts';
import { MOBILENETV2_BLOCK_3_1, expansionCost } from '~/lib/viz/lessons/expansion-cost.ts';
import { expansionControls, expansionRow, expansionView } from '~/lib/viz/lessons/expansion-scene.ts';

// MobileNetV2 Table 2's blocks.3.1: 64 → 64 channels at 14×14 with a 3×3 depthwise conv. Expected
// numbers are worked out here from the shapes, not read from the site's code.
const shape = MOBILENETV2_BLOCK_3_1;
const row = (t: number) => expansionRow(expansionCost(shape, t));
const rect = (marks: readonly Mark[], key: string) => marks.find((m) => m.kind === 'rect' && m.key === key)!;
const readout = (v: ReturnType<typeof expansionView>, key: string) => v.readouts.find((r) => r.key === key);

describe('expansion explorer view', () => {
  it('reads out the block at t = 6: 384 channels, its MACs and the share of the two 1×1 convs', () => {
    const v = expansionView(shape, row(6), 640, 'h');
    const hw = 14 * 14;
    const expand = hw * 64 * 384;
    const dw = hw * 384 * 9;
    const macs = expand + dw + hw * 384 * 64;
    expect(readout(v, 'mid')).toMatchObject({ value: '384', detail: 'channels' });
    expect(readout(v, 'macs')?.value).toBe(macs.toLocaleString('en-US'));
    expect(readout(v, 'pw-share')?.value).toBe(`${((2 * expand * 100) / macs).toFixed(1)} %`);
    expect(readout(v, 'expanded')?.value).toBe(`${+((384 * hw * 4) / 1024).toPrecision(3)} KiB`);
    expect(v.desc).toMatch(
      /^Input 64 channels, expanded to 384 channels, projected back to 64, at 14×14, with a residual/,
    );
    expect(v.scene.label).toBe(v.desc);
  });

  it('draws slab heights in proportion to channels and hatches only the linear (narrow) tensors', () => {
    const v = expansionView(shape, row(7.5), 640, 'h');
    checkScene(v.scene);
    const h = (id: string) => (rect(v.scene.marks, `fill-${id}`) as { height: number }).height;
    expect(h('expanded') / h('input')).toBeCloseTo(7.5, 1);
    const hatched = v.scene.marks.filter((m) => m.kind === 'rect' && m.class === 'hatch').map((m) => m.data?.id);
    expect(hatched).toEqual(['input', 'output']);
    expect(v.scene.marks.every((m) => m.kind !== 'rect' || m.class !== 'hatch' || m.fill === 'url(#h)')).toBe(true);
    expect(v.scene.patterns?.map((p) => p.id)).toEqual(['h']);
    expect(v.scene.marks.some((m) => m.kind === 'path' && m.class === 'residual')).toBe(true);
  });

  it('offers the slider from 1 to 10 in half steps', () => {
    expect(expansionControls(6)[0]).toMatchObject({ kind: 'range', name: 't', value: 6, min: 1, max: 10, step: 0.5 });
  });
});
