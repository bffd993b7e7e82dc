import { describe, expect, it } from 'vitest';
import {
  costReadouts,
  costScene,
  costTex,
  formulaValues,
  rowAt,
  rowsFor,
  type CostRow,
} from '~/lib/viz/lessons/vit-cost-chart.ts';
import { attentionCrossing, COST_RESOLUTIONS, costRows } from '~/lib/viz/lessons/vit-cost-rows.ts';
import { checkScene } from '~/lib/viz/kit/marks.ts';

const rows = costRows();

describe('the attention-vs-depthwise chart', () => {
  it('holds one engine row per slider side and patch size', () => {
    expect(COST_RESOLUTIONS[0]).toBe(64);
    expect(COST_RESOLUTIONS.at(-1)).toBe(1024);
    expect(rows).toHaveLength(3 * COST_RESOLUTIONS.length);
    expect(rowsFor(rows, 16).map((r) => r.resolution)).toEqual(COST_RESOLUTIONS);
  });

  it('matches every engine row with the formulas', () => {
    for (const r of rows) {
      const f = formulaValues(r, 192);
      expect([f.tokens, f.quadratic, f.linear, f.depthwise]).toEqual([r.tokens, r.quadratic, r.linear, r.depthwise]);
    }
  });

  it('writes the numbers of the state into the TeX', () => {
    const tex = costTex(rowAt(rows, { resolution: 224, patch: 16 }), 192);
    expect(tex).toContain('(224/16)^2 + 1 = 14^2 + 1 = 197');
    expect(tex).toContain('= 14{,}902{,}656');
    expect(tex).toContain('14^2 \\cdot 672 \\cdot 5^2 = 3{,}292{,}800');
  });

  it('moves the cursor and the dots with the resolution, higher for the bigger cost', () => {
    const at = (resolution: number) => checkScene(costScene(rows, { resolution, patch: 16 }));
    const cx = (s: ReturnType<typeof at>) => (s.marks.find((m) => m.key === 'cursor') as { x1: number }).x1;
    expect(cx(at(512))).toBeGreaterThan(cx(at(224)));
    const dot = (s: ReturnType<typeof at>, k: string) =>
      s.marks.find((m) => m.kind === 'circle' && m.key === `dot-${k}`) as unknown as {
        cy: number;
        data: { value: number };
      };
    const s = at(1024);
    // At 1024 with 16×16 patches attention outweighs the linear part: its dot sits higher (smaller y).
    expect(dot(s, 'quadratic').cy).toBeLessThan(dot(s, 'linear').cy);
    expect(dot(s, 'quadratic').data.value).toBe(rowAt(rows, { resolution: 1024, patch: 16 }).quadratic);
  });

  it('finds the crossing near N = 6D, later for bigger patches', () => {
    // 6D = 1152 tokens: side ≥ P·√1151, i.e. 544 for P = 16 (34² + 1) and 272 for P = 8, whose next slider step (multiples of 32) is 288.
    expect(attentionCrossing(16)).toBe(544);
    expect(attentionCrossing(8)).toBe(288);
  });

  it('reads out the ratio of attention to the depthwise conv', () => {
    const r: CostRow = rowAt(rows, { resolution: 224, patch: 16 });
    const out = Object.fromEntries(costReadouts(r).map((x) => [x.key, x.value]));
    expect(out.tokens).toBe('197');
    expect(out.ratio).toBe(`${(14_902_656 / 3_292_800).toPrecision(3)}×`);
  });

  it('refuses a state the rows do not hold', () => {
    expect(() => rowAt(rows, { resolution: 100, patch: 16 })).toThrow(/no engine row/);
    expect(() => rowsFor(rows, 14)).toThrow(/no rows/);
  });
});
