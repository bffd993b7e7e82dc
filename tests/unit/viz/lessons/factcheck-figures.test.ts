import { describe, expect, it } from 'vitest';
import { arxivYear, parseFigure, roundsTo, sizeMB } from '~/lib/viz/lessons/factcheck-figures.ts';

describe('reading a printed figure', () => {
  it('reads the value and half a unit of the last printed digit', () => {
    expect(parseFigure('4.2M')).toEqual({ printed: '4.2M', value: 4_200_000, halfStep: 50_000 });
    expect(parseFigure('560M')).toEqual({ printed: '560M', value: 560_000_000, halfStep: 500_000 });
    expect(parseFigure('1.2G')).toEqual({ printed: '1.2G', value: 1_200_000_000, halfStep: 50_000_000 });
    expect(parseFigure('70.6%')).toEqual({ printed: '70.6%', value: 70.6, halfStep: 0.05 });
    expect(parseFigure('2017')).toEqual({ printed: '2017', value: 2017, halfStep: 0.5 });
    expect(parseFigure('118.5').halfStep).toBeCloseTo(0.05, 12);
  });

  it('refuses text that is not a figure, naming it', () => {
    expect(() => parseFigure('約77%~84.6%')).toThrow(/"約77%~84.6%" is not a printed figure/);
    expect(() => parseFigure('')).toThrow(/not a printed figure/);
  });
});

describe('rounding to a printed figure', () => {
  it('accepts exactly the values that round to it', () => {
    const f = parseFigure('4.2M');
    expect(roundsTo(f, 4_231_976)).toBe(true);
    expect(roundsTo(f, 4_150_000)).toBe(true);
    expect(roundsTo(f, 4_250_001)).toBe(false);
    expect(roundsTo(f, 4_149_999)).toBe(false);
  });

  it('treats trailing zeros as printed digits: 560M is not 568.7M', () => {
    expect(roundsTo(parseFigure('560M'), 568_740_352)).toBe(false);
    expect(roundsTo(parseFigure('569M'), 568_740_352)).toBe(true);
    expect(roundsTo(parseFigure('570M'), 568_740_352)).toBe(false);
  });
});

describe('years and sizes', () => {
  it('reads the year from an arXiv identifier', () => {
    expect(arxivYear('1704.04861')).toBe(2017);
    expect(arxivYear('2104.00298')).toBe(2021);
    expect(() => arxivYear('cs/0101001')).toThrow(/not an arXiv identifier/);
  });

  it('gives megabytes of weights per storage format', () => {
    expect(sizeMB(5_483_032, 'fp32')).toBeCloseTo(21.932128, 9);
    expect(sizeMB(5_483_032, 'fp16')).toBeCloseTo(10.966064, 9);
    expect(sizeMB(5_483_032, 'int8')).toBeCloseTo(5.483032, 9);
  });
});
