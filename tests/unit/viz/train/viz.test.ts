import { describe, expect, it } from 'vitest';
import {
  BLOCKS,
  CHOICES,
  configFromQuery,
  configSpec,
  configToQuery,
  DEFAULT_CONFIG,
  blockString,
} from '../../../../src/lib/viz/train/train-config.ts';
import { curveLayout } from '../../../../src/lib/viz/train/train-curves.ts';
import { niceTicks } from '~/lib/viz/charts/scale.ts';
import { confusionMatrix, misclassified, rowShare } from '../../../../src/lib/viz/train/train-confusion.ts';
import { grayPixels, kernelPixels, kernelScale } from '../../../../src/lib/viz/train/train-kernels.ts';
import {
  parseRuns,
  runsToCsv,
  scatterLayout,
  serializeRuns,
  type RunRecord,
} from '../../../../src/lib/viz/train/train-runs.ts';
import { estimateSeconds, memoryBytes, refusal, MEMORY_BUDGET } from '../../../../src/lib/viz/train/train-stats.ts';
import { configStats } from '../../../../src/lib/viz/train/train-stats-table.ts';
import { parseBlockString, resolveCnn } from '../../../../src/lib/models/index.ts';

describe('train-config', () => {
  it('round-trips every configuration through the URL', () => {
    const c = {
      block: 'ir-se',
      width: 1.5,
      depth: 3,
      resolution: 28,
      optimizer: 'sgd',
      lr: 0.3,
      batch: 256,
      epochs: 5,
      seed: 123456,
    } as const;
    expect(configFromQuery(configToQuery(c))).toEqual({ config: c, rejected: [] });
  });
  it('names and replaces values the controls do not offer', () => {
    const p = configFromQuery('block=vit&w=0.3&res=32&seed=-1&opt=lamb');
    expect(p.config).toEqual({ ...DEFAULT_CONFIG, resolution: 32 });
    expect(p.rejected).toHaveLength(4);
    expect(p.rejected[0]).toMatch(/^block=vit \(expected conv, dsep/);
  });
  it('builds each block through the timm grammar', () => {
    const types = BLOCKS.map((b) => parseBlockString(blockString(b.id, 2, 2, 24)));
    expect(types.map((t) => t.type)).toEqual(['cn', 'ds', 'ir', 'ir', 'er']);
    expect(types.map((t) => t.seRatio)).toEqual([0, 0, 0, 0.25, 0]);
    expect(types.every((t) => t.repeats === 2 && t.stride === 2 && t.outChannels === 24)).toBe(true);
    const r = resolveCnn(configSpec({ ...DEFAULT_CONFIG, width: 0.5, depth: 2 }));
    expect(r.blocks).toHaveLength(6);
    expect(r.blocks.at(-1)!.outChannels).toBe(16);
  });
});

describe('train-stats', () => {
  it('depthwise separable costs fewer MACs than standard conv, and MACs grow with resolution squared', () => {
    const conv = configStats({ block: 'conv', width: 1, depth: 1, resolution: 16 });
    const dsep = configStats({ block: 'dsep', width: 1, depth: 1, resolution: 16 });
    expect(dsep.macs).toBeLessThan(conv.macs / 2);
    const big = configStats({ block: 'dsep', width: 1, depth: 1, resolution: 32 });
    expect(big.macs / dsep.macs).toBeGreaterThan(3.5);
    expect(big.params).toBe(dsep.params);
  });
  it('memory is linear in the batch, AdamW keeps one more slot than SGD, and refusal names the figures', () => {
    const s = { params: 100, macs: 1000, keptPerImage: 1000, fixedBytes: 800, trainable: 100 };
    expect(memoryBytes(s, 10, 'sgd')).toBe(800 + 10_000 + 400);
    expect(memoryBytes(s, 10, 'adamw') - memoryBytes(s, 10, 'sgd')).toBe(400);
    expect(refusal(s, 10, 'sgd')).toBeNull();
    expect(refusal({ ...s, keptPerImage: MEMORY_BUDGET }, 2, 'sgd')).toMatch(
      /^Needs 512\.0 MiB .* budget is 256\.0 MiB/,
    );
  });
  it('time estimate scales with images and MACs', () => {
    expect(estimateSeconds(0, 1000)).toBeCloseTo(5.8);
    expect(estimateSeconds(1e6, 1000, 2)).toBeCloseTo(2 * (5.8 + 4));
  });
});

describe('train-curves', () => {
  it('nice ticks are 1, 2 or 5 × 10^k', () => {
    expect(niceTicks(0, 94, 4)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
  it('maps points into the plot and clamps to the y range', () => {
    const l = curveLayout(
      [
        {
          id: 'a',
          points: [
            { x: 0, y: 0 },
            { x: 10, y: 5 },
          ],
        },
      ],
      { width: 320, height: 180, xMax: 10, yMin: 0, yMax: 2 },
    );
    expect(l.paths[0].d).toBe(`M40.0,156.0L310.0,8.0`);
  });
});

describe('train-confusion', () => {
  it('counts rows by true class and picks misses one class at a time', () => {
    const labels = [0, 0, 0, 1, 1, 2];
    const pred = [0, 1, 2, 0, 0, 2];
    const m = confusionMatrix(labels, pred, 3);
    expect(m).toEqual([
      [1, 1, 1],
      [2, 0, 0],
      [0, 0, 1],
    ]);
    expect(rowShare(m, 1, 0)).toBe(1);
    expect(misclassified(labels, pred, 3, 3).map((x) => x.index)).toEqual([1, 3, 2]);
    expect(misclassified(labels, pred, 10, 3)).toHaveLength(4);
  });
});

describe('train-kernels', () => {
  it('draws the largest weight at full colour and zero white', () => {
    const w = [0, 0.5, -1, 0];
    expect(kernelScale(w)).toBe(1);
    const px = kernelPixels(w, 0, 2, 1);
    expect([...px.slice(0, 4)]).toEqual([255, 255, 255, 255]);
    expect([...px.slice(8, 12)]).toEqual([31, 120, 180, 255]);
    expect([...grayPixels([0, 255], 0, 1, 2)]).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('draws a diverged layer as the activation planes do: ±Infinity saturated with its sign, NaN white, the rest on the finite scale', () => {
    const w = [Infinity, -Infinity, NaN, 0.5, -1, 0, 0, 0, 0];
    expect(kernelScale(w)).toBe(1);
    const px = kernelPixels(w, 0, 3, kernelScale(w));
    const rgba = (i: number) => [...px.slice(i * 4, i * 4 + 4)];
    expect(rgba(0)).toEqual([217, 95, 2, 255]);
    expect(rgba(1)).toEqual([31, 120, 180, 255]);
    expect(rgba(2)).toEqual([255, 255, 255, 255]);
    expect(rgba(3)).toEqual([236, 175, 129, 255]);
    expect(rgba(4)).toEqual([31, 120, 180, 255]);
  });

  it('draws a layer with no finite non-zero weight without a scale: zeros and NaN white, infinities saturated', () => {
    const w = [0, NaN, Infinity, -Infinity];
    expect(kernelScale(w)).toBe(0);
    expect([...kernelPixels(w, 0, 2, 0)]).toEqual([
      255, 255, 255, 255, 255, 255, 255, 255, 217, 95, 2, 255, 31, 120, 180, 255,
    ]);
  });
});

describe('train-runs', () => {
  const run = (id: string, macs: number, accuracy: number): RunRecord => ({
    id,
    config: { ...DEFAULT_CONFIG },
    params: 5,
    macs,
    accuracy,
    testLoss: 1,
    seconds: 20,
    imagesPerSecond: 150,
    finished: '2026-12-06T00:00:00.000Z',
  });
  it('stores, reads back and drops malformed entries', () => {
    const runs = [run('a', 1e5, 0.7), run('b', 1e6, 0.8)];
    const json = serializeRuns(runs);
    expect(parseRuns(json)).toEqual(runs);
    const bad = JSON.parse(json);
    bad[0].accuracy = 'high';
    bad.push({ id: 'x', query: 'block=nope', finished: '' }, null, 3);
    expect(parseRuns(JSON.stringify(bad)).map((r) => r.id)).toEqual(['b']);
    expect(parseRuns('{')).toEqual([]);
    expect(parseRuns(null)).toEqual([]);
  });
  it('exports CSV with a header row and one row per run', () => {
    const csv = runsToCsv([run('a', 1e5, 0.7)])
      .trim()
      .split('\n');
    expect(csv[0].split(',')).toContain('macs');
    expect(csv[1].split(',')[0]).toBe('a');
    expect(csv[1].split(',')[1]).toBe(DEFAULT_CONFIG.block);
  });
  it('lays out points on a log MACs axis and draws the front through undominated runs', () => {
    const l = scatterLayout([run('a', 1e5, 0.7), run('b', 1e6, 0.8), run('c', 1e6, 0.6)], 640, 260);
    expect(l.xTicks.map((t) => t.label)).toEqual(['10k', '100k', '1M', '10M']);
    const [a, b] = l.points;
    expect(b.cx - a.cx).toBeCloseTo((l.plot.right - l.plot.left) / 3);
    expect(l.front.split('L')).toHaveLength(2);
    expect(CHOICES.width).toContain(DEFAULT_CONFIG.width);
  });
});
