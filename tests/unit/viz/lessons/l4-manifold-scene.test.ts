import { describe, expect, it } from 'vitest';
import { checkScene } from '~/lib/viz/kit/marks.ts';
import { PANEL, manifoldControls, manifoldView } from '~/lib/viz/lessons/manifold-scene.ts';

const value = (v: ReturnType<typeof manifoldView>, key: string) => v.readouts.find((r) => r.key === key)?.value;

describe('the ReLU manifold view', () => {
  it('marks exactly the lost points red and counts them in the summary', () => {
    const v = manifoldView({ n: 2, relu: true, seed: 1 });
    checkScene(v.output);
    const dots = v.output.marks.filter((m) => m.kind === 'circle');
    expect(dots).toHaveLength(240);
    const lost = dots.filter((m) => m.class === 'lost').length;
    expect(lost).toBeGreaterThan(60);
    expect(value(v, 'lost')).toBe(String(lost));
    expect(value(v, 'lost-pct')).toBe(String(Math.round((100 * lost) / 240)));
    expect(v.title).toBe(', ReLU in 2 dimensions');
  });

  it('loses nothing without ReLU and says so in the title', () => {
    const v = manifoldView({ n: 3, relu: false, seed: 1 });
    expect(v.output.marks.some((m) => m.kind === 'circle' && m.class === 'lost')).toBe(false);
    expect(value(v, 'lost')).toBe('0');
    expect(v.title).toBe(' in 3 dimensions (no ReLU)');
  });

  it('draws both panels in the same square with axes through the centre', () => {
    const v = manifoldView({ n: 30, relu: true, seed: 2 });
    for (const s of [v.input, v.output]) {
      expect([s.width, s.height]).toEqual([PANEL, PANEL]);
      expect(s.marks.find((m) => m.key === 'x-axis')).toMatchObject({ y1: PANEL / 2, y2: PANEL / 2 });
    }
    // Every dot lies inside the panel (the output is scaled to fit).
    for (const m of v.output.marks)
      if (m.kind === 'circle') expect(m.cx >= 0 && m.cx <= PANEL && m.cy >= 0 && m.cy <= PANEL).toBe(true);
  });

  it('offers the paper’s dimensions and the ReLU switch', () => {
    const [n, relu] = manifoldControls({ n: 5, relu: true, seed: 1 });
    expect(n!.options!.map((o) => o.value)).toEqual(['2', '3', '5', '15', '30']);
    expect(n!.value).toBe('5');
    expect(relu).toMatchObject({ kind: 'toggle', name: 'relu', value: true });
  });
});
