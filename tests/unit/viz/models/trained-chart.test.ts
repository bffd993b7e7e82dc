/**
 * The family chart's labels (src/lib/viz/models/trained-chart.ts) for the family as committed
 * (public/models/trained/manifest.json) and for a synthetic manifest of all 22 models (MACs from
 * the engine's analysis of each tiny spec, accuracies made up: the chart only places them), at
 * both drawn sizes: no two label boxes meet, none leaves the plot or covers a run's circle, every
 * leader starts at its own model's mean and ends on its label, and every model is either labelled
 * once or listed as unlabelled. Boxes are recomputed from each text mark (characters × the chart's
 * character width, anchored as drawn), not taken from the placer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '~/lib/engine/index.ts';
import type { TrainedManifest, TrainedModel } from '~/lib/family/manifest.ts';
import { familyFromJson, trainedIndex, type TrainedSummary } from '~/lib/family/trained-index.ts';
import { buildTinyModel, TINY_MODELS } from '~/lib/models/tiny.ts';
import type { CircleMark, LineMark, TextMark } from '~/lib/viz/kit/marks.ts';
import { familyChart } from '~/lib/viz/models/trained-chart.ts';
import { CHART_GROUPS, chartGroup, chartLabel } from '~/lib/viz/models/trained-groups.ts';

const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8')) as TrainedManifest;
const fixture = read('../../../fixtures/trained/manifest.json');
const committedPath = new URL('../../../../public/models/trained/manifest.json', import.meta.url);
const committed = existsSync(committedPath) ? familyFromJson(JSON.parse(readFileSync(committedPath, 'utf8'))) : null;

/** All 22 models × seeds 1 and 2: the engine's MACs, accuracies from a fixed pseudo-random pattern in 0.82–0.90. */
function syntheticFamily(): TrainedSummary[] {
  const t = fixture.models[0];
  let k = 0;
  const runs: TrainedModel[] = TINY_MODELS.flatMap((e) => {
    const a = analyze(buildTinyModel(e.id));
    return [1, 2].map((seed) => {
      const correct = 8200 + ((k++ * 389) % 800);
      return { ...t, id: e.id, seed, params: a.params, macs: a.macs, correct, accuracy: correct / 10_000 };
    });
  });
  return [...trainedIndex({ ...fixture, models: runs }).models];
}

const SIZES = [
  { name: 'wide (1280 px)', width: 720, height: 400 },
  { name: 'narrow (360 px)', width: 330, height: 440 },
];

function checkLabels(models: readonly TrainedSummary[], size: (typeof SIZES)[number]) {
  const chart = familyChart(models, size);
  const { plot, charWidth, lineHeight } = chart;
  const labels = chart.scene.marks.filter((m): m is TextMark => m.kind === 'text' && m.key.startsWith('label-'));
  const circles = chart.scene.marks.filter((m): m is CircleMark => m.kind === 'circle');
  const leaders = chart.scene.marks.filter((m): m is LineMark => m.kind === 'line' && m.key.startsWith('leader-'));
  const boxOf = (l: TextMark) => {
    const w = l.text.length * charWidth;
    const x0 = l.anchor === 'end' ? l.x - w : l.anchor === 'middle' ? l.x - w / 2 : l.x;
    return { x0, x1: x0 + w, y0: l.y - lineHeight / 2, y1: l.y + lineHeight / 2 };
  };
  const meet = (a: ReturnType<typeof boxOf>, b: ReturnType<typeof boxOf>) =>
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

  const ids = labels.map((l) => l.key.replace(/^label-/, ''));
  expect([...ids, ...chart.unlabelled].sort()).toEqual(models.map((m) => m.id).sort());
  for (const l of labels) expect(l.text).toBe(chartLabel(l.key.replace(/^label-/, '')));
  const boxes = labels.map(boxOf);
  boxes.forEach((b, i) => {
    const what = labels[i].text;
    expect(b.x0, `${what} left`).toBeGreaterThanOrEqual(plot.left);
    expect(b.x1, `${what} right`).toBeLessThanOrEqual(plot.right);
    expect(b.y0, `${what} top`).toBeGreaterThanOrEqual(plot.top);
    expect(b.y1, `${what} bottom`).toBeLessThanOrEqual(plot.bottom);
    for (let j = i + 1; j < boxes.length; j++) expect(meet(b, boxes[j]), `${what} / ${labels[j].text}`).toBe(false);
    for (const c of circles) {
      const cb = { x0: c.cx - c.r, x1: c.cx + c.r, y0: c.cy - c.r, y1: c.cy + c.r };
      expect(meet(b, cb), `${what} over ${c.key}`).toBe(false);
    }
  });
  for (const ln of leaders) {
    const id = ln.key.replace(/^leader-/, '');
    const own = circles.filter((c) => c.data?.id === id);
    // Starts within its own model's circles and range (a circle's radius and stroke around them).
    const cx = own[0].cx;
    const ys = own.map((c) => c.cy);
    expect(Math.abs(ln.x1 - cx)).toBeLessThanOrEqual(6);
    expect(ln.y1).toBeGreaterThanOrEqual(Math.min(...ys) - 6);
    expect(ln.y1).toBeLessThanOrEqual(Math.max(...ys) + 6);
    const b = boxOf(labels.find((l) => l.key === `label-${id}`)!);
    expect(ln.x2 >= b.x0 - 0.01 && ln.x2 <= b.x1 + 0.01 && ln.y2 >= b.y0 - 0.01 && ln.y2 <= b.y1 + 0.01).toBe(true);
  }
  return chart;
}

describe('family chart labels', () => {
  const synthetic = syntheticFamily();

  describe.runIf(committed && committed.models.length > 0)('the committed family', () => {
    for (const size of SIZES)
      it(`places its labels apart and inside the plot, ${size.name}`, () => {
        checkLabels(committed!.models, size);
      });
  });

  for (const size of SIZES)
    it(`places the labels of all 22 models apart and inside the plot, ${size.name}`, () => {
      expect(synthetic).toHaveLength(22);
      const chart = checkLabels(synthetic, size);
      // Most labels fit on the wide chart; the legend, tooltips and cards carry the rest.
      if (size.width === 720) expect(chart.unlabelled.length).toBeLessThanOrEqual(6);
    });

  it('colours each model by its series and joins each series present through its means', () => {
    const chart = familyChart(synthetic);
    const circles = chart.scene.marks.filter((m): m is CircleMark => m.kind === 'circle');
    for (const c of circles) expect(c.class).toBe(`tf-run viz-c${chartGroup(String(c.data!.id)).colour}`);
    const series = chart.scene.marks.filter((m) => m.kind === 'path' && m.key.startsWith('series-'));
    expect(series.map((s) => s.key).sort()).toEqual(
      CHART_GROUPS.filter((g) => g.line)
        .map((g) => `series-${g.id}`)
        .sort(),
    );
    // The width-only series starts at B0, then width φ = 1, 2: three points.
    const width = series.find((s) => s.key === 'series-width-only') as { d: string };
    expect(width.d.match(/[ML]/g)).toHaveLength(3);
    expect(chart.legend.map((g) => g.id)).toEqual([...CHART_GROUPS.map((g) => g.id), 'other']);
  });

  it('draws only the series and legend entries of the models present', () => {
    const some = synthetic.filter((m) => ['tiny_vit', 'tiny_efficientnet_b0', 'tiny_efficientnet_b1'].includes(m.id));
    const chart = familyChart(some);
    expect(chart.scene.marks.filter((m) => m.key.startsWith('series-')).map((m) => m.key)).toEqual(['series-compound']);
    expect(chart.legend.map((g) => g.id)).toEqual(['compound', 'other']);
  });

  it('names only real family members in its series', () => {
    const ids = new Set(TINY_MODELS.map((e) => e.id));
    for (const g of CHART_GROUPS)
      for (const id of [...g.members, ...(g.from ? [g.from] : [])]) expect(ids).toContain(id);
  });
});
