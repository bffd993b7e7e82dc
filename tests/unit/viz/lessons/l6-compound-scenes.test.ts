import { describe, expect, it } from 'vitest';
import type { Mark, TextMark } from '~/lib/viz/kit/marks.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';
import { phiChart, phiControls, phiReadouts, phiScene, type PhiRow } from '~/lib/viz/lessons/compound-phi-scene.ts';
import { figure3Series } from '~/lib/viz/lessons/compound-lesson-saturation.ts';
import {
  saturationControls,
  saturationReadouts,
  saturationScene,
} from '~/lib/viz/lessons/compound-saturation-scene.ts';
import { releasedPhiLayout, releasedPhiScene } from '~/lib/viz/lessons/compound-lesson-released.ts';
import { releasedModels } from '~/lib/viz/scaling/scaling-released.ts';

const find = (marks: readonly Mark[], kind: Mark['kind'], key: string) =>
  marks.find((m) => m.kind === kind && m.key === key);
const texts = (marks: readonly Mark[], cls: string) =>
  marks.filter((m): m is TextMark => m.kind === 'text' && (m.class ?? '').split(' ').includes(cls)).map((m) => m.text);

describe('the φ widget’s chart as marks', () => {
  const b0 = 385_000_000;
  const points = [0, 1, 2, 3].map((phi) => ({
    phi,
    ideal: b0 * 2 ** phi,
    formula: b0 * 1.92 ** phi,
    actual: b0 * 2.1 ** phi,
    params: 0,
  }));
  const chart = phiChart(points);

  it('moves the cursor and dot to the chosen φ and puts the dot on the built model’s curve', () => {
    const s0 = phiScene(chart, 0);
    const s2 = phiScene(chart, 2);
    const dot0 = find(s0.marks, 'circle', 'dot') as Extract<Mark, { kind: 'circle' }>;
    const dot2 = find(s2.marks, 'circle', 'dot') as Extract<Mark, { kind: 'circle' }>;
    expect(dot2.cx).toBeGreaterThan(dot0.cx);
    expect(dot2.cy).toBe(chart.points[2].yActual);
    expect(s2.label).toMatch(/φ = 2$/);
  });

  it('labels the log axis at powers of ten in MACs and the φ axis at whole numbers', () => {
    const s = phiScene(chart, 1);
    expect(texts(s.marks, 'axis-tick-label')).toEqual(['100 M', '1 G', '10 G', '0', '1', '2', '3']);
    expect(() => checkScene(s)).not.toThrow();
  });

  it('refuses a point the chart does not have', () => {
    expect(() => phiScene(chart, 4)).toThrow(/no point 4 of 4/);
  });

  it('reads out the built model and its ratio to the ideal', () => {
    const row: PhiRow = {
      phi: 1,
      resolution: 256,
      blocks: 18,
      stem: 32,
      head: 1408,
      params: 7_800_000,
      macs: 700_000_000,
      ideal: 2 * b0,
      eq: {
        phi: '1',
        alpha: '1.2',
        beta: '1.1',
        gamma: '1.15',
        d: '1.20',
        w: '1.10',
        r: '1.15',
        resolution: '256',
        k: '1.920',
        growth: '1.92',
      },
    };
    const out = Object.fromEntries(phiReadouts(row).map((r) => [r.key, r.value]));
    expect(out.ratio).toBe(`${(700 / 770).toFixed(2)}×`);
    expect(out.channels).toBe('32 / 1408');
    expect(out.macs).toBe('700,000,000');
    expect(phiControls(1)[0]).toMatchObject({ name: 'phi', min: 0, max: 7, step: 0.1, value: 1 });
  });
});

describe('the single-dimension charts as marks', () => {
  const depth = figure3Series('depth');

  it('rings the chosen model and keeps every Figure 3 point', () => {
    const s = saturationScene(depth, 2);
    const dot = find(s.marks, 'circle', 'dot') as Extract<Mark, { kind: 'circle' }>;
    const pt = find(s.marks, 'circle', 'pt-3') as Extract<Mark, { kind: 'circle' }>;
    expect([dot.cx, dot.cy]).toEqual([pt.cx, pt.cy]);
    expect(s.marks.filter((m) => m.class === 'pt')).toHaveLength(depth.length);
    expect(texts(s.marks, 'axis-tick-label')).toContain('8×');
  });

  it('names the coefficient slider’s stops after the coefficients', () => {
    const [dim, step] = saturationControls('resolution', figure3Series('resolution'), 0);
    expect(dim).toMatchObject({ kind: 'radio', value: 'resolution' });
    expect(step.stops).toEqual(['r = 1', 'r = 1.3', 'r = 1.5', 'r = 1.7', 'r = 1.9', 'r = 2.2', 'r = 2.5']);
    expect(step.max).toBe(6);
  });

  it('writes the sentence’s numbers with the rule of thumb of the dimension', () => {
    const out = Object.fromEntries(
      saturationReadouts(figure3Series('resolution').at(-1)!).map((r) => [r.key, r.value]),
    );
    expect(out.coef).toBe('r = 2.5 (560×560)');
    expect(out.rule).toBe('r²');
    expect(out.ideal).toBe('6.25');
  });
});

describe('the released B0–B7 chart as marks', () => {
  it('draws four marks per model on a φ axis from 0', () => {
    const l = releasedPhiLayout(releasedModels());
    const s = releasedPhiScene(l);
    expect(() => checkScene(s)).not.toThrow();
    for (const r of l.rows)
      for (const k of ['d', 'w', 'r', 'm']) expect(s.marks.some((m) => m.key === `${k}-${r.id}`)).toBe(true);
    expect(texts(s.marks, 'axis-tick-label')[0]).toBe('0');
  });
});
