/**
 * The label placer (src/lib/viz/charts/label-placer.ts): a lone label sits right of its point; at
 * the right edge it goes left; in a crowd no two label boxes meet, none leaves the bounds or covers
 * a point, and a label moved away from its point gets a leader that starts at its point and ends
 * on its box; a label with no room is dropped, never stacked. Box geometry here is recomputed from
 * the placed text and anchor, not read from the placer's own boxes.
 */
import { describe, expect, it } from 'vitest';
import {
  box,
  placeLabels,
  segmentHitsBox,
  segmentsCross,
  type Box,
  type LabelRequest,
  type PlacedLabel,
} from '~/lib/viz/charts/label-placer.ts';

const CW = 6;
const H = 12;
const point = (key: string, x: number, y: number, text = key): LabelRequest => ({
  key,
  text,
  x,
  y,
  around: box(x - 5, y - 5, x + 5, y + 5),
});
/** The text's box from where it is drawn: width = characters × CW, anchored as the mark says. */
function textBox(p: PlacedLabel): Box {
  const w = p.text.length * CW;
  const x0 = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
  return box(x0, p.y - H / 2, x0 + w, p.y + H / 2);
}
const meet = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('placeLabels', () => {
  const bounds = box(0, 0, 400, 200);

  it('puts a lone label right of its point, vertically centred, with no leader', () => {
    const { placed, dropped } = placeLabels([point('a', 100, 100, 'alpha')], { bounds, charWidth: CW, height: H });
    expect(dropped).toEqual([]);
    expect(placed[0]).toMatchObject({ anchor: 'start', y: 100, leader: null });
    expect(placed[0].x).toBeGreaterThan(105);
    expect(placed[0].x).toBeLessThan(112);
  });

  it('puts it left of its point when the right side would leave the bounds', () => {
    const { placed } = placeLabels([point('a', 380, 100, 'alpha')], { bounds, charWidth: CW, height: H });
    expect(placed[0].anchor).toBe('end');
    expect(placed[0].x).toBeLessThan(375);
    expect(textBox(placed[0]).x0).toBeGreaterThanOrEqual(0);
  });

  it('places a crowd with no two boxes meeting, inside the bounds, off every point, leaders from their own points', () => {
    // 24 points in a tight cloud (a fixed pseudo-random pattern).
    const pts = Array.from({ length: 24 }, (_, i) =>
      point(`p${i}`, 150 + ((i * 37) % 60), 80 + ((i * 53) % 50), `model_${i}`),
    );
    const { placed, dropped } = placeLabels(pts, {
      bounds,
      charWidth: CW,
      height: H,
      obstacles: pts.map((p) => ({ ...p.around, owner: p.key })),
    });
    expect(placed.length + dropped.length).toBe(24);
    expect(placed.length).toBeGreaterThan(8);
    const boxes = placed.map(textBox);
    boxes.forEach((b, i) => {
      expect(b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1, placed[i].key).toBe(
        true,
      );
      for (let j = i + 1; j < boxes.length; j++)
        expect(meet(b, boxes[j]), `${placed[i].key}/${placed[j].key}`).toBe(false);
      for (const p of pts) expect(meet(b, p.around), `${placed[i].key} on ${p.key}`).toBe(false);
    });
    for (const p of placed) {
      const own = pts.find((q) => q.key === p.key)!;
      if (!p.leader) continue;
      // Starts on the edge of its own point's footprint, ends on its own box.
      const a = own.around;
      expect(p.leader.x1 >= a.x0 - 1e-9 && p.leader.x1 <= a.x1 + 1e-9).toBe(true);
      expect(p.leader.y1 >= a.y0 - 1e-9 && p.leader.y1 <= a.y1 + 1e-9).toBe(true);
      const b = textBox(p);
      expect(p.leader.x2 >= b.x0 - 1e-6 && p.leader.x2 <= b.x1 + 1e-6).toBe(true);
      expect(p.leader.y2 >= b.y0 - 1e-6 && p.leader.y2 <= b.y1 + 1e-6).toBe(true);
      // And crosses no other label nor leader.
      for (const q of placed)
        if (q !== p) {
          expect(segmentHitsBox(p.leader, textBox(q)), `${p.key}'s leader through ${q.key}`).toBe(false);
          if (q.leader) expect(segmentsCross(p.leader, q.leader)).toBe(false);
        }
    }
  });

  it('drops what does not fit instead of stacking it', () => {
    const tight = box(0, 0, 120, 30);
    const { placed, dropped } = placeLabels(
      [point('a', 60, 15, 'aaaaaaaa'), point('b', 62, 15, 'bbbbbbbb'), point('c', 64, 15, 'cccccccc')],
      { bounds: tight, charWidth: CW, height: H },
    );
    expect(placed.length).toBeLessThan(3);
    expect(dropped.length).toBe(3 - placed.length);
    const boxes = placed.map(textBox);
    if (boxes.length === 2) expect(meet(boxes[0], boxes[1])).toBe(false);
  });

  it('is deterministic', () => {
    const pts = Array.from({ length: 10 }, (_, i) => point(`p${i}`, 100 + i * 9, 100 + (i % 3) * 6));
    const o = { bounds, charWidth: CW, height: H };
    expect(placeLabels(pts, o)).toEqual(placeLabels(pts, o));
  });
});

describe('segment helpers', () => {
  it('tell a segment through a box from one beside it, and crossing segments from touching ones', () => {
    const b = box(10, 10, 20, 20);
    expect(segmentHitsBox({ x1: 0, y1: 15, x2: 30, y2: 15 }, b)).toBe(true);
    expect(segmentHitsBox({ x1: 0, y1: 25, x2: 30, y2: 25 }, b)).toBe(false);
    expect(segmentHitsBox({ x1: 0, y1: 0, x2: 9, y2: 9 }, b)).toBe(false);
    expect(segmentsCross({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 0, y1: 10, x2: 10, y2: 0 })).toBe(true);
    expect(segmentsCross({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 10, y1: 10, x2: 20, y2: 0 })).toBe(false);
  });
});
