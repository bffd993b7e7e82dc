/**
 * Why tiny B1 costs 3.7× tiny B0 (tiny-step-factors.ts), checked against a count written here from
 * the block strings alone: timm's rounding (repeats ceil(n·d), channels make_divisible(c·w, 8) with
 * the 10 % rule, maps ceil(side / stride)) and each MBConv layer's multiply-adds as EfficientNet §3.3
 * counts them, independently of the zoo's builder and the engine's analysis.
 */
import { describe, expect, it } from 'vitest';
import { readTrainedFamily } from '~/lib/family/trained-read.ts';
import { TINY_EFFICIENTNET_B0_ARCH } from '~/lib/models/tiny-specs.ts';
import { compoundStep } from '~/lib/viz/scaling/tiny-step-factors.ts';
import { equivalentPhi, factorReason, stageChanges, stepReadouts } from '~/lib/viz/scaling/tiny-step-words.ts';

// B0's stages from its block strings: type, repeats, kernel, stride, expansion, channels.
const STAGES = TINY_EFFICIENTNET_B0_ARCH.map(([s]) => {
  const num = (k: string) => Number(new RegExp(`_${k}([\\d.]+)`).exec(s)?.[1] ?? 1);
  return { ds: s.startsWith('ds'), r: num('r'), k: num('k'), s: num('s'), e: num('e'), c: num('c') };
});
const STEM = 16;
const HEAD = 320;
const CLASSES = 10;

const divisible = (v: number): number => {
  let n = Math.max(8, Math.floor((v + 4) / 8) * 8);
  if (n < 0.9 * v) n += 8;
  return n;
};

/** Multiply-adds of the tiny EfficientNet at (width, depth, side): conv and linear layers, SE on 1×1 maps. */
function count(
  w: number,
  d: number,
  side: number,
): { macs: number; repeats: number[]; channels: number[]; maps: number[] } {
  const stem = divisible(STEM * w);
  let s = Math.ceil(side / 2);
  const maps = [side, s];
  let macs = s * s * 9 * 1 * stem;
  let cin = stem;
  const repeats: number[] = [];
  const channels: number[] = [];
  for (const st of STAGES) {
    const n = Math.ceil(st.r * d);
    const cout = divisible(st.c * w);
    repeats.push(n);
    channels.push(cout);
    for (let j = 0; j < n; j++) {
      const so = Math.ceil(s / (j === 0 ? st.s : 1));
      const mid = st.ds ? cin : cin * st.e;
      const rd = Math.round(cin * 0.25); // SE of the block input (tiny.ts SE_INPUT)
      if (!st.ds) macs += s * s * cin * mid; // expansion 1×1
      macs += so * so * st.k * st.k * mid; // depthwise
      macs += 2 * mid * rd; // SE reduce and expand on the pooled 1×1 map
      macs += so * so * mid * cout; // projection 1×1
      s = so;
      cin = cout;
    }
    if (maps.at(-1) !== s) maps.push(s);
  }
  const head = divisible(HEAD * w);
  macs += s * s * cin * head + head * CLASSES;
  return { macs, repeats, channels, maps };
}

describe('the tiny compound step, factor by factor', () => {
  const step = compoundStep(1);

  it('counts B0 and B1 as the independent count does, and the factors multiply to B1 / B0', () => {
    expect(step.b0Macs).toBe(count(1, 1, 32).macs);
    expect(step.side).toBe(Math.round(32 * 1.15));
    expect(step.macs).toBe(count(1.1, 1.2, step.side).macs);
    const product = step.factors.reduce((p, f) => p * f.built, 1);
    expect(product).toBeCloseTo(step.built, 12);
    expect(step.built).toBeCloseTo(count(1.1, 1.2, 37).macs / count(1, 1, 32).macs, 12);
  });

  it('measures each factor on the model with the earlier dimensions scaled: depth, then width, then side', () => {
    const [depth, width, res] = step.factors;
    expect(depth.built).toBeCloseTo(count(1, 1.2, 32).macs / count(1, 1, 32).macs, 12);
    expect(width.built).toBeCloseTo(count(1.1, 1.2, 32).macs / count(1, 1.2, 32).macs, 12);
    expect(res.built).toBeCloseTo(count(1.1, 1.2, 37).macs / count(1.1, 1.2, 32).macs, 12);
    expect([depth.rule, width.rule, res.rule].map((v) => +v.toFixed(4))).toEqual([1.2, 1.21, 1.3225]);
    expect(step.rule).toBeCloseTo(1.2 * 1.1 ** 2 * 1.15 ** 2, 12);
  });

  it('finds the cause: depth and side far above Equation 3, width below it', () => {
    const [depth, width, res] = step.factors;
    expect(depth.built).toBeGreaterThan(1.5 * depth.rule);
    expect(width.built).toBeLessThan(width.rule);
    expect(res.built).toBeGreaterThan(1.25 * res.rule);
    expect(step.built).toBeGreaterThan(1.8 * step.rule);
  });

  it('reads the rounding from the built stages', () => {
    const [depth, width, res] = step.factors;
    expect(depth.before.repeats).toEqual(count(1, 1, 32).repeats);
    expect(depth.after.repeats).toEqual(count(1, 1.2, 32).repeats);
    expect(width.after.channels).toEqual(count(1.1, 1.2, 32).channels);
    expect(res.before.maps).toEqual(count(1.1, 1.2, 32).maps);
    expect(res.after.maps).toEqual(count(1.1, 1.2, 37).maps);
    expect(res.after.head).toBe(divisible(HEAD * 1.1));
  });

  it('says it in words, every number from the step', () => {
    const [depth, width, res] = step.factors;
    const ones = STAGES.filter((s) => s.r === 1).length;
    const twos = STAGES.filter((s) => s.r === 2).length;
    expect(factorReason(step, depth)).toContain(`1 → 2 in ${ones} stages, 2 → 3 in ${twos} stages`);
    expect(factorReason(step, width)).toContain('48 → 56, 80 → 88');
    const m0 = count(1.1, 1.2, 32).maps;
    const m1 = count(1.1, 1.2, 37).maps;
    expect(factorReason(step, res)).toContain(`the maps go ${m0.join(', ')} → ${m1.join(', ')}`);
    expect(stageChanges([1, 2, 1], [1, 3, 2])).toBe('1 unchanged in one stage, 2 → 3 in one stage, 1 → 2 in one stage');
    const r = stepReadouts(step);
    expect(r[0].value).toBe(`${step.built.toFixed(2)}×`);
    expect(r.map((x) => x.key)).toEqual(['step1-total', 'step1-depth', 'step1-width', 'step1-resolution']);
    expect(equivalentPhi(step)).toBeCloseTo(Math.log(step.built) / Math.log(1.2 * 1.1 ** 2 * 1.15 ** 2), 12);
  });

  it('works at every φ of the family and refuses a fractional one', () => {
    for (const phi of [2, 3]) {
      const s = compoundStep(phi);
      const side = Math.round(32 * 1.15 ** phi);
      expect(s.macs).toBe(count(1.1 ** phi, 1.2 ** phi, side).macs);
      expect(s.factors.reduce((p, f) => p * f.built, 1)).toBeCloseTo(s.built, 12);
    }
    expect(() => compoundStep(0.5)).toThrow(/whole number/);
  });
});

describe('the committed manifest', () => {
  it('has, for every trained compound model, the MACs the step counts (the page refuses a mismatch)', () => {
    const trained = readTrainedFamily().models.filter((m) => /^tiny_efficientnet_b[1-9]$/.test(m.id));
    for (const m of trained) expect(m.macs).toBe(compoundStep(Number(m.id.at(-1))).macs);
  });
});
