import { describe, expect, it } from 'vitest';
import {
  activationPair,
  activationScene,
  maxDifference,
  opsText,
  probe,
  probeTex,
} from '../../../../src/lib/viz/lessons/mbv3-activations.ts';
import { opCount } from '../../../../src/lib/viz/lessons/mbv3-activation-cost.ts';

// Independent definitions (MobileNetV3 §5.2), not the engine's rows.
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const relu6 = (x: number) => Math.min(6, Math.max(0, x));
const hsig = (x: number) => relu6(x + 3) / 6;

describe('the activation pairs', () => {
  it('evaluates swish and h-swish as the paper defines them', () => {
    const p = activationPair('swish');
    for (const x of [-7, -3, -1.5, 0, 0.7, 3, 5.9]) {
      const v = probe(p, x);
      expect(v.soft).toBeCloseTo(x * sigmoid(x), 6);
      expect(v.hard).toBeCloseTo(x * hsig(x), 6);
      expect(v.diff).toBeCloseTo(x * hsig(x) - x * sigmoid(x), 6);
    }
  });

  it('evaluates the sigmoid and the hard sigmoid ReLU6(x + 3) / 6', () => {
    const p = activationPair('sigmoid');
    for (const x of [-4, -2, 0, 1.3, 4]) {
      expect(probe(p, x).soft).toBeCloseTo(sigmoid(x), 6);
      expect(probe(p, x).hard).toBeCloseTo(hsig(x), 6);
    }
  });

  it('rejects an unknown pair with a message naming the choices', () => {
    expect(() => activationPair('gelu' as never)).toThrow(/'swish' or 'sigmoid'/);
  });

  it('finds the largest swish gap at x = ±3, equal to 3·σ(−3)', () => {
    const m = maxDifference(activationPair('swish'));
    expect(m.value).toBeCloseTo(3 * sigmoid(-3), 6);
    expect(m.at).toBeCloseTo(3, 3);
  });

  it('finds the largest sigmoid gap no smaller than any sampled gap', () => {
    const m = maxDifference(activationPair('sigmoid'));
    let brute = 0;
    for (let x = -10; x <= 10; x += 0.0005) brute = Math.max(brute, Math.abs(hsig(x) - sigmoid(x)));
    expect(m.value).toBeGreaterThanOrEqual(brute - 1e-9);
    expect(m.value).toBeLessThan(brute + 1e-6);
  });

  it('writes the probe formulas with the numbers substituted', () => {
    const tex = probeTex(activationPair('swish'), -1.5);
    expect(tex).toContain('(-1.5)');
    expect(tex).toContain(String(-0.375));
    expect(probeTex(activationPair('sigmoid'), 4)).toContain('\\frac{6}{6} = 1');
  });
});

describe('the activation chart', () => {
  it('draws both curves, the knees and the probe inside the plot', () => {
    const s = activationScene(activationPair('swish'), 2);
    const keys = s.marks.map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['soft', 'hard', 'probe', 'knee-3', 'knee3', 'dot-soft', 'dot-hard']));
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of s.marks) {
      if (m.kind === 'circle') {
        expect(m.cx).toBeGreaterThan(0);
        expect(m.cx).toBeLessThan(s.width);
        expect(m.cy).toBeGreaterThan(0);
        expect(m.cy).toBeLessThan(s.height);
      }
    }
  });

  it('moves the probe with x', () => {
    const a = activationScene(activationPair('sigmoid'), -2).marks.find((m) => m.key === 'probe');
    const b = activationScene(activationPair('sigmoid'), 2).marks.find((m) => m.key === 'probe');
    expect(a && a.kind === 'line' && b && b.kind === 'line' && b.x1 > a.x1).toBe(true);
  });
});

describe('the cost per element, counted in the engine', () => {
  it('needs a division for the sigmoid and swish, none for the hard versions', () => {
    expect(opCount('Sigmoid').divisions).toBe(1);
    expect(opCount('Swish').divisions).toBe(1);
    expect(opCount('HardSigmoid').divisions).toBe(0);
    expect(opCount('HardSwish').divisions).toBe(0);
  });

  it('counts h-swish as the hard sigmoid plus one multiply, and far fewer than swish', () => {
    expect(opCount('HardSwish').arithmetic).toBe(opCount('HardSigmoid').arithmetic + 1);
    expect(opCount('Swish').arithmetic).toBeGreaterThan(4 * opCount('HardSwish').arithmetic);
  });

  it('reads a count as the figure prints it', () => {
    expect(opsText({ arithmetic: 5, divisions: 0 })).toBe('5 arithmetic (0 divisions)');
    expect(opsText({ arithmetic: 28, divisions: 1 })).toBe('28 arithmetic (1 division)');
  });
});

describe('the read-outs and controls the build and the browser share', () => {
  it('reads the probe, the gap and the engine counts', async () => {
    const { activationReadouts, activationControls } =
      await import('../../../../src/lib/viz/lessons/mbv3-activations.ts');
    const p = activationPair('swish');
    const facts = { max: maxDifference(p), softOps: opCount('Swish'), hardOps: opCount('HardSwish') };
    const r = Object.fromEntries(activationReadouts(p, -1.5, facts).map((x) => [x.key, x.value]));
    expect(r.hard).toBe('−0.3750');
    expect(r.soft).toBe(`−${(1.5 * sigmoid(-1.5)).toFixed(4)}`);
    expect(r['hard-ops']).toBe('5 arithmetic (0 divisions)');
    expect(activationControls('sigmoid', 2).map((c) => [c.name, c.value])).toEqual([
      ['pair', 'sigmoid'],
      ['x', 2],
    ]);
  });
});
