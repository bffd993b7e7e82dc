import { describe, expect, it } from 'vitest';
import { checkScene, type RectMark } from '~/lib/viz/kit/marks.ts';
import { channelScene, outputPixels, windowControls, windowView } from '~/lib/viz/lessons/lesson-window-scene.ts';
import { windowLayout, type WindowGeometry } from '~/lib/viz/lessons/lesson-window.ts';

const g: WindowGeometry = { size: 7, channels: 3, k: 3, stride: 1, pad: 1, dilation: 1 };
const classes = (m: RectMark) => (m.class ?? '').split(' ');

describe('lesson 2 window figure as kit data', () => {
  it('draws one padded grid per channel with the selected pixel’s k×k taps lit', () => {
    const v = windowView(g, 0, 0);
    expect(v.scenes).toHaveLength(3);
    for (const s of v.scenes) {
      checkScene(s);
      const rects = s.marks as RectMark[];
      expect(rects).toHaveLength(9 * 9); // (7 + 2·1)²
      expect(rects.filter((m) => classes(m).includes('tap'))).toHaveLength(9);
      // Pixel (0, 0) reads rows and columns −1…1: 5 of its 9 taps are padding (row −1 or column −1).
      expect(rects.filter((m) => classes(m).includes('tap') && classes(m).includes('pad'))).toHaveLength(5);
    }
    expect(v.scenes[1]!.label).toBe('Input channel 2, 7×7 with 1 padding');
  });

  it('keys cells by input coordinates, so the same pixel keeps its key when the padding changes', () => {
    const a = channelScene(g, windowLayout(g, 0, 0), 0);
    const g2 = { ...g, pad: 2 };
    const b = channelScene(g2, windowLayout(g2, 0, 0), 0);
    const at = (s: typeof a, key: string) => s.marks.find((m) => m.key === key) as RectMark;
    // Input pixel (0, 0) sits one cell in with padding 1 and two cells in with padding 2 (18 units a cell).
    expect(at(a, '0,0').x - at(b, '0,0').x).toBe(-18);
    expect(b.width).toBe((7 + 4) * 18);
  });

  it('lists the output pixels row by row with the selected one marked', () => {
    const stride2 = { ...g, stride: 2 };
    const px = outputPixels(windowLayout(stride2, 1, 2));
    // floor((7 + 2 − 3) / 2) + 1 = 4
    expect(px).toHaveLength(16);
    expect(px.filter((p) => p.selected)).toEqual([{ oy: 1, ox: 2, label: 'output row 1, column 2', selected: true }]);
    expect(px[5]).toMatchObject({ oy: 1, ox: 1 });
  });

  it('reads out the output size and the MACs, worked out independently', () => {
    const r = Object.fromEntries(
      windowView({ ...g, size: 12, k: 5, pad: 0 }, 0, 0).readouts.map((x) => [x.key, x.value]),
    );
    // 12 − 5 + 1 = 8 outputs a side; 5·5·3 = 75 MACs a pixel; 75·64 = 4,800 for the filter.
    expect(r).toEqual({ 'out-size': '8×8', 'per-pixel': '75', total: '4,800', 'pad-taps': '0 of 25' });
  });

  it('offers a slider per geometry field within the window limits, at the current values', () => {
    const c = windowControls({ ...g, k: 5 });
    expect(c.map((x) => x.name)).toEqual(['size', 'k', 'stride', 'pad', 'dilation']);
    expect(c[1]).toMatchObject({ kind: 'range', value: 5, min: 1, max: 5, step: 1 });
  });
});
