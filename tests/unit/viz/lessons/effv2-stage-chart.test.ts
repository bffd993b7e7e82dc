import { describe, expect, it } from 'vitest';
import type { LineMark, TextMark } from '~/lib/viz/kit/marks.ts';
import { logGridMarks, logY, STAGE_CHART, stageBands, stageLabelMarks } from '~/lib/viz/lessons/effv2-stage-chart.ts';

describe('the EfficientNetV2 stage chart frame', () => {
  it('puts the lowest power at the plot bottom and the highest at its top', () => {
    const y = logY(-1, 2, 2);
    expect(y(4)).toBeCloseTo(STAGE_CHART.top);
    expect(y(0.5)).toBeCloseTo(STAGE_CHART.height - STAGE_CHART.bottom);
    // 1 is a third of the way up from 1/2 to 4 on a log scale.
    expect(y(1)).toBeCloseTo(STAGE_CHART.top + (2 / 3) * (STAGE_CHART.height - STAGE_CHART.top - STAGE_CHART.bottom));
  });

  it('splits the plot into equal bands, one per stage', () => {
    const { band, cx, bottom } = stageBands(4, 40);
    expect(band).toBe((640 - 40 - 12) / 4);
    expect(cx(0)).toBe(40 + band / 2);
    expect(cx(3)).toBe(640 - 12 - band / 2);
    expect(bottom).toBe(238);
  });

  it('draws a line and a label at each power, with the classes asked for', () => {
    const marks = logGridMarks(
      0,
      2,
      10,
      72,
      logY(0, 2, 10),
      (e) => `1e${e}`,
      (e) => (e === 0 ? 'axis' : 'grid'),
    );
    const lines = marks.filter((m): m is LineMark => m.kind === 'line');
    const texts = marks.filter((m): m is TextMark => m.kind === 'text');
    expect(lines.map((l) => l.class)).toEqual(['axis', 'grid', 'grid']);
    expect(texts.map((t) => t.text)).toEqual(['1e0', '1e1', '1e2']);
    expect(lines[2]!.y1).toBe(STAGE_CHART.top);
    expect(texts.every((t) => t.x === 66)).toBe(true);
  });

  it('labels a band with its stage and the kind the variant uses', () => {
    const [stage, used] = stageLabelMarks(2, 3, 100, 238, true) as TextMark[];
    expect(stage).toMatchObject({ key: 'stage-2', text: '3', x: 100, y: 260 });
    expect(used).toMatchObject({ key: 'used-2', text: 'F', class: 'used-label fused', y: 288 });
    expect((stageLabelMarks(2, 3, 100, 238, false)[1] as TextMark).text).toBe('MB');
  });
});
