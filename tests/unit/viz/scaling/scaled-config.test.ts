import { describe, expect, it } from 'vitest';
import {
  PAPER_COEFFICIENTS,
  constraintValue,
  phiProblem,
  roundResolution,
  scaledConfig,
  snapPhi,
} from '~/lib/viz/scaling/scaling-config.ts';
import { scaledModel } from '~/lib/viz/scaling/scaling-model.ts';

/**
 * Expected values worked by hand from the rules in published.md §2 (timm make_divisible: nearest
 * multiple of 8 by int(v + 4) // 8 * 8, plus 8 when that lost more than 10 %; repeats ceil(n·d);
 * resolution to the nearest multiple of 8), with w = 1.1^φ, d = 1.2^φ, R = 224·1.15^φ.
 */
const HAND: Record<
  number,
  { res: number; stem: number; s1: number; s4: number; s7: number; head: number; r1: number; r4: number; r6: number }
> = {
  // φ = 0: B0 itself (paper Table 1).
  0: { res: 224, stem: 32, s1: 16, s4: 80, s7: 320, head: 1280, r1: 1, r4: 3, r6: 4 },
  // w = 1.1: 32·1.1 = 35.2 → int(39.2)//8·8 = 32 (≥ 0.9·35.2 = 31.7, kept); 16·1.1 = 17.6 → 16 (≥ 15.84);
  // 80·1.1 = 88 → 88; head 1408. d = 1.2: ceil(1.2) = 2, ceil(3.6) = 4, ceil(4.8) = 5. R = 257.6 → 256.
  1: { res: 256, stem: 32, s1: 16, s4: 88, s7: 352, head: 1408, r1: 2, r4: 4, r6: 5 },
  // w = 1.21: 16·1.21 = 19.36 → int(23.36)//8·8 = 16 < 0.9·19.36 = 17.42, so the 10 % rule adds 8 → 24.
  // 80·1.21 = 96.8 → 96; 1280·1.21 = 1548.8 → 1552. d = 1.44: ceil(4.32) = 5, ceil(5.76) = 6. R = 296.24 → 296.
  2: { res: 296, stem: 40, s1: 24, s4: 96, s7: 384, head: 1552, r1: 2, r4: 5, r6: 6 },
  // w = 1.331: 42.59 → 40; 21.30 → 24; 106.48 → 104; 425.92 → 424; 1703.68 → 1704. d = 1.728: 2, 6, 7. R = 340.68 → 344.
  3: { res: 344, stem: 40, s1: 24, s4: 104, s7: 424, head: 1704, r1: 2, r4: 6, r6: 7 },
  // w = 1.4641: 46.85 → 48; 23.43 → 24; 117.13 → 120; 468.5 → 472; 1874.05 → 1872. d = 2.0736: 3, 7, 9. R = 391.78 → 392.
  4: { res: 392, stem: 48, s1: 24, s4: 120, s7: 472, head: 1872, r1: 3, r4: 7, r6: 9 },
  // w = 1.61051: 51.54 → 48 (≥ 46.4); 25.77 → 24; 128.84 → 128; 515.4 → 512; 2061.45 → 2064. d = 2.48832: 3, 8, 10. R = 450.54 → 448.
  5: { res: 448, stem: 48, s1: 24, s4: 128, s7: 512, head: 2064, r1: 3, r4: 8, r6: 10 },
  // w = 1.771561: 56.69 → 56; 28.34 → 32; 141.72 → 144; 566.9 → 568; 2267.6 → 2264. d = 2.985984: 3, 9, 12. R = 518.13 → 520.
  6: { res: 520, stem: 56, s1: 32, s4: 144, s7: 568, head: 2264, r1: 3, r4: 9, r6: 12 },
  // w = 1.9487171: 62.36 → 64; 31.18 → 32; 155.90 → 152; 623.6 → 624; 2494.36 → 2496. d = 3.5831808: 4, 11, 15. R = 595.84 → 592.
  7: { res: 592, stem: 64, s1: 32, s4: 152, s7: 624, head: 2496, r1: 4, r4: 11, r6: 15 },
};

describe('scaled configurations', () => {
  for (const [phiText, e] of Object.entries(HAND)) {
    const phi = Number(phiText);
    it(`builds φ = ${phi} with channels, repeats and resolution rounded as worked by hand`, () => {
      const m = scaledModel(scaledConfig(phi));
      expect(m.config.resolution).toBe(e.res);
      expect(m.stem).toBe(e.stem);
      expect(m.stages[0].outChannels).toBe(e.s1);
      expect(m.stages[3].outChannels).toBe(e.s4);
      expect(m.stages[6].outChannels).toBe(e.s7);
      expect(m.head).toBe(e.head);
      expect(m.stages[0].repeats).toBe(e.r1);
      expect(m.stages[3].repeats).toBe(e.r4);
      expect(m.stages[5].repeats).toBe(e.r6);
      // Every stage's input side is the previous side halved (ceil) at each stride-2 block.
      expect(m.stages[1].inputResolution).toBe(Math.ceil(e.res / 2));
      expect(m.stages[6].outputResolution).toBe(
        Math.ceil(Math.ceil(Math.ceil(Math.ceil(Math.ceil(e.res / 2) / 2) / 2) / 2) / 2),
      );
    });
  }

  it('keeps every stage of every φ on the slider a multiple of 8 no more than 10 % below c·w', () => {
    for (let i = 0; i <= 70; i++) {
      const m = scaledModel(scaledConfig(i / 10));
      const b0 = [16, 24, 40, 80, 112, 192, 320];
      m.stages.forEach((s, k) => {
        expect(s.outChannels % 8).toBe(0);
        expect(s.outChannels).toBeGreaterThanOrEqual(0.9 * b0[k] * m.config.width);
      });
      expect(m.config.resolution % 8).toBe(0);
    }
  });

  it('rounds resolutions to the nearest multiple of 8', () => {
    expect(roundResolution(257.6)).toBe(256);
    expect(roundResolution(260)).toBe(264);
    expect(roundResolution(3)).toBe(32);
  });

  it('snaps φ to tenths so that floating-point slider steps build the same model', () => {
    expect(snapPhi(0.1 + 0.2)).toBe(0.3);
    expect(snapPhi(6.999999)).toBe(7);
  });

  it('states the paper coefficients’ constraint value, 1.2·1.1²·1.15² ≈ 1.92', () => {
    expect(constraintValue(PAPER_COEFFICIENTS)).toBeCloseTo(1.2 * 1.21 * 1.3225, 12);
    expect(constraintValue(PAPER_COEFFICIENTS)).toBeCloseTo(1.9203, 4);
  });

  it('refuses φ outside 0…7 or not a number with a message naming the value', () => {
    expect(phiProblem(3.5)).toBeNull();
    expect(phiProblem(7.5)).toMatch(/from 0 to 7; received 7.5/);
    expect(phiProblem(-1)).toMatch(/received -1/);
    expect(phiProblem('abc')).toMatch(/must be a number.*"abc"/);
  });
});
