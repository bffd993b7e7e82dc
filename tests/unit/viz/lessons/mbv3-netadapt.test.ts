import { describe, expect, it } from 'vitest';
import { analyze } from '../../../../src/lib/engine/index.ts';
import { buildModel } from '../../../../src/lib/models/index.ts';
import {
  adaptScene,
  adaptStep,
  blockMacs,
  blockParams,
  proposals,
  runSteps,
  seedState,
  stateMacs,
} from '../../../../src/lib/viz/lessons/mbv3-netadapt.ts';
import { seedBlocks } from '../../../../src/lib/viz/lessons/mbv3-netadapt-seed.ts';

const blocks = seedBlocks();
const seed = seedState(blocks);
const delta = 0.01 * stateMacs(blocks, seed);

describe('the NetAdapt stepper (MobileNetV3 §4.2)', () => {
  it('prices each seed block exactly as the engine counts the zoo graph', () => {
    const layers = analyze(buildModel('mobilenetv3_large_100')).layers;
    for (const b of blocks) {
      const own = layers.filter((l) => l.scope.startsWith(`${b.scope}.`));
      expect(blockMacs(b, b.seedMid)).toBe(own.reduce((s, l) => s + l.macs, 0));
      expect(blockParams(b, b.seedMid)).toBe(own.reduce((s, l) => s + l.params, 0));
    }
  });

  it('makes only proposals that save at least δ, each the smallest such cut in steps of 8', () => {
    const ps = proposals(blocks, seed, delta, 'ratio', 'channels');
    expect(ps.length).toBeGreaterThan(0);
    for (const p of ps) {
      expect(-p.dMacs).toBeGreaterThanOrEqual(delta);
      expect((p.from - p.to) % 8).toBe(0);
      if (p.from - p.to > 8)
        expect(blockMacs(blocks[p.index], p.to + 8) - blockMacs(blocks[p.index], p.from)).toBeGreaterThan(-delta);
    }
  });

  it('ranks by ΔAcc/|ΔMACs| for MobileNetV3 and by ΔAcc alone for the original NetAdapt', () => {
    const ratio = proposals(blocks, seed, delta, 'ratio', 'channels');
    const drop = proposals(blocks, seed, delta, 'min-drop', 'channels');
    const bestRatio = Math.max(...ratio.map((p) => p.dAcc / (Math.abs(p.dMacs) / 1e6)));
    const bestDrop = Math.max(...drop.map((p) => p.dAcc));
    expect(ratio[0].dAcc / (Math.abs(ratio[0].dMacs) / 1e6)).toBeCloseTo(bestRatio, 12);
    expect(drop[0].dAcc).toBe(bestDrop);
  });

  it('applies the best proposal and nothing else', () => {
    const r = adaptStep(blocks, seed, delta, 'ratio', 'channels');
    expect(r).not.toBeNull();
    const changed = r!.state.mids.map((m, i) => (m !== seed.mids[i] ? i : -1)).filter((i) => i >= 0);
    expect(changed).toEqual([r!.picked.index]);
    expect(stateMacs(blocks, r!.state)).toBe(stateMacs(blocks, seed) + r!.picked.dMacs);
  });

  it('lets the two rules choose differently within ten steps', () => {
    const a = runSteps(blocks, 10, 'ratio', 'channels').picks.map((p) => `${p.scope}:${p.to}`);
    const b = runSteps(blocks, 10, 'min-drop', 'channels').picks.map((p) => `${p.scope}:${p.to}`);
    expect(a).not.toEqual(b);
  });

  it('draws one seed bar and one current bar per block', () => {
    const s = adaptScene(blocks, seed);
    expect(s.marks.filter((m) => m.kind === 'rect')).toHaveLength(2 * blocks.length);
  });
});
