import { beforeAll, describe, expect, it } from 'vitest';
import {
  SIZE_DEFAULT,
  sizeControls,
  sizeReadouts,
  sizeScene,
  sizeTex,
  visibleRows,
  type SizeRowView,
} from '~/lib/viz/lessons/factcheck-size-layout.ts';
import { sizeRowViews } from '~/lib/viz/lessons/factcheck-size-rows.ts';
import { claimListReadouts, filterClaims, type ClaimSummary } from '~/lib/viz/lessons/factcheck-list.ts';

let rows: SizeRowView[];
beforeAll(() => {
  rows = sizeRowViews();
}, 120_000);

// torchvision num_params of the same architectures.
const EXACT: Record<string, number> = {
  'efficientnetv2-s': 21_458_488,
  'mobilenet-v3-small': 2_542_856,
  'mobilenet-v3-large': 5_483_032,
};

describe('the size table rows', () => {
  it("has the nine printed rows with the engine's counts and fp32 sizes", () => {
    expect(rows.map((r) => r.name)).toEqual([
      'efficientnetv2-s',
      'efficientnetv2-m',
      'efficientnetv2-l',
      'MobileNet v3-Small',
      'efficientnetv2-b0',
      'MobileNet v3-Medium',
      'efficientnetv2-b1',
      'MobileNet v3-Large',
      'efficientnetv2-b2',
    ]);
    for (const [key, params] of Object.entries(EXACT)) {
      const r = rows.find((x) => x.key === key)!;
      expect(r.params).toBe(params);
      expect(r.mb).toBeCloseTo((4 * params) / 1e6, 9);
    }
    expect(rows.find((r) => r.key === 'mobilenet-v3-medium')!.params).toBeUndefined();
  });

  it('finds the duplicated rows: each MobileNetV3 row repeats the EfficientNetV2-B row after it', () => {
    const dup = Object.fromEntries(rows.filter((r) => r.duplicateOf).map((r) => [r.name, r.duplicateOf]));
    expect(dup).toEqual({
      'MobileNet v3-Small': 'efficientnetv2-b0',
      'efficientnetv2-b0': 'MobileNet v3-Small',
      'MobileNet v3-Medium': 'efficientnetv2-b1',
      'efficientnetv2-b1': 'MobileNet v3-Medium',
      'MobileNet v3-Large': 'efficientnetv2-b2',
      'efficientnetv2-b2': 'MobileNet v3-Large',
    });
  });
});

describe('the size plot', () => {
  const count = (s: ReturnType<typeof sizeScene>, cls: string) =>
    s.marks.filter((m) => m.kind !== 'text' && (m.class ?? '').split(' ').includes(cls)).length;

  it('draws a printed dot per row, a computed dot and a gap per existing model', () => {
    const s = sizeScene(rows, SIZE_DEFAULT);
    expect(count(s, 'fc-printed')).toBe(9);
    expect(count(s, 'fc-computed')).toBe(8);
    expect(count(s, 'fc-gap')).toBe(8);
    expect(count(s, 'fc-bad')).toBe(8 + 9);
  });

  it('puts the dots on a log scale: ten times the parameters, the same step to the right', () => {
    const s = sizeScene(rows, SIZE_DEFAULT);
    const ticks = s.marks
      .filter((m) => m.kind === 'line' && m.class === 'axis-tick')
      .map((m) => (m.kind === 'line' ? m.x1 : 0));
    const steps = ticks.slice(1).map((x, i) => x - ticks[i]);
    for (const d of steps) expect(d).toBeCloseTo(steps[0], 6);
    const dot = (key: string) => s.marks.find((m) => m.key === key);
    const p = dot('printed-efficientnetv2-l')!;
    const c = dot('computed-efficientnetv2-l')!;
    if (p.kind !== 'circle' || c.kind !== 'circle') throw new Error('circles expected');
    // log10(118,515,272 / 4,000,000) decades apart.
    expect((c.cx - p.cx) / steps[0]).toBeCloseTo(Math.log10(118_515_272 / 4e6), 6);
  });

  it('shows only what the view asks for, and no red without the highlight', () => {
    expect(count(sizeScene(rows, { ...SIZE_DEFAULT, view: 'printed' }), 'fc-computed')).toBe(0);
    expect(count(sizeScene(rows, { ...SIZE_DEFAULT, view: 'computed' }), 'fc-printed')).toBe(0);
    expect(count(sizeScene(rows, { ...SIZE_DEFAULT, highlight: false }), 'fc-bad')).toBe(0);
  });

  it('filters rows by verdict and says so when none is left', () => {
    expect(visibleRows(rows, 'wrong')).toHaveLength(9);
    expect(visibleRows(rows, 'correct')).toHaveLength(0);
    const s = sizeScene(rows, { ...SIZE_DEFAULT, verdict: 'correct' });
    expect(s.marks.some((m) => m.kind === 'text' && m.text === 'No row has this verdict')).toBe(true);
  });

  it('reads out rows, wrong figures and the worst factor', () => {
    const r = Object.fromEntries(sizeReadouts(rows, SIZE_DEFAULT).map((x) => [x.key, x.value]));
    expect(r).toEqual({ rows: '9 of 9', wrong: '18', worst: `×${Number((118_515_272 / 4e6).toPrecision(3))}` });
  });

  it('fits a phone width with every label inside the scene', () => {
    const s = sizeScene(rows, SIZE_DEFAULT, 300);
    expect(s.width).toBe(300);
    for (const m of s.marks) if (m.kind === 'circle') expect(m.cx).toBeLessThanOrEqual(300);
  });
});

describe('the worked formula', () => {
  it("multiplies the engine's count by 4 bytes and divides it by the printed count", () => {
    const tex = sizeTex(rows.find((r) => r.key === 'mobilenet-v3-large')!);
    expect(tex).toContain('4\\,\\text{B} \\times 5{,}483{,}032 = 21.9\\,\\text{MB}');
    expect(tex).toContain('(printed 7.1)');
    expect(tex).toContain(`\\frac{5{,}483{,}032}{22{,}200{,}000} = ${Number((5_483_032 / 22.2e6).toPrecision(3))}`);
  });
  it('says so for the model that does not exist', () => {
    expect(sizeTex(rows.find((r) => r.key === 'mobilenet-v3-medium')!)).toMatch(
      /no such model \(printed 11\.2M, 4\.2 MB\)/,
    );
  });
});

describe('the claim list counts', () => {
  const rows: ClaimSummary[] = [
    { verdict: 'correct', section: 'text' },
    { verdict: 'wrong', section: 'size' },
    { verdict: 'wrong', section: 'text' },
    { verdict: 'misleading', section: 'size' },
  ];
  it('keeps the claims both filters allow', () => {
    expect(filterClaims(rows, 'wrong', 'all')).toHaveLength(2);
    expect(filterClaims(rows, 'wrong', 'size')).toHaveLength(1);
    expect(filterClaims(rows, 'all', 'notes')).toHaveLength(0);
  });
  it('counts verdicts within the chosen section', () => {
    const r = Object.fromEntries(claimListReadouts(rows, 'all', 'size').map((x) => [x.key, x.value]));
    expect(r).toEqual({ shown: '2 of 4', correct: '0', wrong: '1', misleading: '1', unverifiable: '0' });
  });
});

describe('the size table controls', () => {
  it('start at the default state and offer every row to work out', () => {
    const specs = sizeControls(rows, SIZE_DEFAULT);
    expect(specs.map((c) => [c.name, c.value])).toEqual([
      ['view', SIZE_DEFAULT.view],
      ['verdict', SIZE_DEFAULT.verdict],
      ['highlight', SIZE_DEFAULT.highlight],
      ['row', SIZE_DEFAULT.row],
    ]);
    expect(specs[3]!.options!.map((o) => o.value)).toEqual(rows.map((r) => r.key));
    expect(specs[1]!.options!.map((o) => o.value)).toEqual(['all', 'wrong', 'misleading', 'correct']);
  });
});
