import { describe, expect, it } from 'vitest';
import { proposals, runSteps, seedState, stateMacs } from '../../../../src/lib/viz/lessons/mbv3-netadapt.ts';
import { seedBlocks } from '../../../../src/lib/viz/lessons/mbv3-netadapt-seed.ts';
import { deltaOf, netAdaptControls, netAdaptView } from '../../../../src/lib/viz/lessons/mbv3-netadapt-layout.ts';

const blocks = seedBlocks();

describe('the NetAdapt stepper on the kit', () => {
  it('two selects: the rule and the stand-in, MobileNetV3’s rule first', () => {
    expect(netAdaptControls().map((c) => [c.name, c.value])).toEqual([
      ['metric', 'ratio'],
      ['standin', 'channels'],
    ]);
  });

  it('δ is 1 % of the seed’s MACs', () => {
    expect(deltaOf(blocks)).toBe(0.01 * stateMacs(blocks, seedState(blocks)));
  });

  it('step k shows the loop rerun k times: its MACs, and next the pick step k + 1 will apply', () => {
    for (const [metric, standIn] of [
      ['ratio', 'channels'],
      ['min-drop', 'params'],
    ] as const) {
      const v = netAdaptView(blocks, 3, metric, standIn);
      const { state } = runSteps(blocks, 3, metric, standIn);
      const next = runSteps(blocks, 4, metric, standIn).picks[3];
      expect(v.step).toBe(3);
      const r = Object.fromEntries(v.readouts.map((x) => [x.key, x.value]));
      expect(r.macs).toBe(stateMacs(blocks, state).toLocaleString('en-US'));
      expect(r.count).toBe(String(proposals(blocks, state, deltaOf(blocks), metric, standIn).length));
      expect(v.rows[0].slice(0, 2)).toEqual([next.scope, `${next.from}→${next.to}`]);
      expect(v.rows.length).toBeLessThanOrEqual(5);
    }
  });

  it('step 0 is the seed at 100 %', () => {
    const r = Object.fromEntries(netAdaptView(blocks, 0, 'ratio', 'channels').readouts.map((x) => [x.key, x.value]));
    expect(r.step).toBe('0');
    expect(r.share).toBe('100.0 %');
  });
});
