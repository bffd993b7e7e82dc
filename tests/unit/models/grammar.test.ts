import { describe, expect, it } from 'vitest';
import {
  decodeArch,
  makeDivisible,
  parseBlockString,
  pyRound,
  roundChannels,
  scaleStageRepeats,
} from '~/lib/models/index.ts';

describe('block-string grammar', () => {
  it('parses every option of an inverted-residual string', () => {
    const b = parseBlockString('ir_r2_k5_s2_e6_c40_se0.25_nre');
    expect(b).toMatchObject({
      type: 'ir',
      repeats: 2,
      kernel: 5,
      stride: 2,
      expansion: 6,
      outChannels: 40,
      seRatio: 0.25,
      act: 'relu',
      noskip: false,
      skip: false,
    });
  });

  it('reads fractional expansions like MobileNetV3 e2.3 and e3.67', () => {
    expect(parseBlockString('ir_r2_k3_s1_e2.3_c80').expansion).toBe(2.3);
    expect(parseBlockString('ir_r1_k3_s1_e3.67_c24_nre').expansion).toBe(3.67);
  });

  it('makes dsa blocks never residual and honours noskip and skip', () => {
    expect(parseBlockString('dsa_r1_k3_s1_c64').noskip).toBe(true);
    expect(parseBlockString('ds_r1_k3_s1_c16_noskip').noskip).toBe(true);
    expect(parseBlockString('cn_r2_k3_s1_e1_c24_skip').skip).toBe(true);
  });

  it('ignores the expansion of ds and cn blocks, as timm does', () => {
    expect(parseBlockString('ds_r1_k3_s1_e1_c16_se0.25').expansion).toBe(1);
    expect(parseBlockString('cn_r1_k1_s1_c960').seRatio).toBe(0);
  });

  it('rejects unknown types, options, activations and missing fields with the string named', () => {
    expect(() => parseBlockString('xx_r1_k3_s1_c16')).toThrow(/unknown block type 'xx'/);
    expect(() => parseBlockString('ir_r1_k3_s1_c16')).toThrow(/needs an expansion/);
    expect(() => parseBlockString('ir_r1_k3_s1_e6_c16_nzz')).toThrow(/unknown activation/);
    expect(() => parseBlockString('ir_r1_k3_s1_e6_c16_cc4')).toThrow(/unsupported option 'cc'/);
    expect(() => parseBlockString('ir_r1_k3_e6_c16')).toThrow(/missing 's'/);
    expect(() => parseBlockString('ir_r1_k3_s3_e6_c16')).toThrow(/stride must be 1 or 2/);
  });
});

describe('channel rounding (timm make_divisible / round_channels)', () => {
  it('rounds to multiples of 8 and adds 8 when rounding lost more than 10 %', () => {
    expect(makeDivisible(72 * 0.25)).toBe(24); // MobileNetV3 SE on 72 channels: 18 → 16 < 16.2 → 24
    expect(makeDivisible(120 * 0.25)).toBe(32);
    expect(makeDivisible(80 * 2.3)).toBe(184);
    expect(makeDivisible(24 * 3.67)).toBe(88);
    expect(makeDivisible(4)).toBe(8); // minimum is the divisor
  });

  it('drops the 10 % rule with round_limit 0, as EfficientNetV2-B3 needs', () => {
    expect(roundChannels(16, 1.2)).toBe(24);
    expect(roundChannels(16, 1.2, 8, undefined, 0)).toBe(16);
    expect(roundChannels(32, 1.2, 8, undefined, 0)).toBe(40);
  });

  it('keeps channels as given when the multiplier is 0', () => {
    expect(roundChannels(37, 0)).toBe(37);
  });

  it('rounds halves to even like Python round()', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001].map(pyRound)).toEqual([0, 2, 2, 4, 2, 3]);
  });
});

describe('depth scaling', () => {
  it('takes the ceiling of repeats × depth per stage (EfficientNet-B1: 16 → 23 blocks)', () => {
    const stages = decodeArch(
      [
        ['ds_r1_k3_s1_c16'],
        ['ir_r2_k3_s2_e6_c24'],
        ['ir_r2_k5_s2_e6_c40'],
        ['ir_r3_k3_s2_e6_c80'],
        ['ir_r3_k5_s1_e6_c112'],
        ['ir_r4_k5_s2_e6_c192'],
        ['ir_r1_k3_s1_e6_c320'],
      ],
      1.1,
    );
    expect(stages.map((s) => s.length)).toEqual([2, 3, 3, 4, 4, 5, 2]);
  });

  it('hands a multi-string stage its scaled total back in reverse order with round()', () => {
    // timm _scale_stage_depth: [1, 1, 2] × 1.2 → ceil(4.8) = 5 → last 2/4·5 = 2.5 → 2, then 1/2·3 = 1.5 → 2, then 1.
    expect(scaleStageRepeats([1, 1, 2], 1.2)).toEqual([1, 2, 2]);
    expect(scaleStageRepeats([1, 1, 2], 1)).toEqual([1, 1, 2]);
    expect(scaleStageRepeats([15], 0.9)).toEqual([14]);
  });

  it('accepts one depth multiplier per stage and refuses a wrong count', () => {
    expect(decodeArch([['ir_r2_k3_s1_e1_c8'], ['ir_r2_k3_s1_e1_c8']], [1, 1.6]).map((s) => s.length)).toEqual([2, 4]);
    expect(() => decodeArch([['ir_r2_k3_s1_e1_c8']], [1, 2])).toThrow(/2 depth multipliers for 1 stages/);
  });
});
