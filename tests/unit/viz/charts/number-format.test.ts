import { describe, expect, it } from 'vitest';
import {
  formatAccuracy,
  formatBytes,
  formatCompact,
  formatDelta,
  formatInt,
  formatMs,
  formatShare,
  formatShareOf,
  formatSig,
  formatTexInt,
} from '~/lib/viz/charts/number-format.ts';

describe('number-format: precision by magnitude, one rule for the whole site', () => {
  it('prints integers and compact counts', () => {
    expect(formatInt(3_612_672)).toBe('3,612,672');
    expect(formatInt(-1234.4)).toBe('−1,234');
    expect(formatCompact(385_814_752)).toBe('386 M');
    expect(formatCompact(3_612_672)).toBe('3.61 M');
    expect(formatCompact(37_746_000_000)).toBe('37.7 G');
    expect(formatCompact(11_900)).toBe('11.9 k');
    expect(formatCompact(512)).toBe('512');
    expect(formatBytes(1_604_000)).toBe('1.53 MiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatSig(1.92027)).toBe('1.92');
    expect(formatSig(0.1134)).toBe('0.113');
  });

  it('never prints a share that is not zero as 0 %', () => {
    // EfficientNet-B7: 11.9 M SE MACs of 37.7 G (the "(0 %)").
    expect(formatShareOf(11.9e6, 37.7e9)).toBe('0.032 %');
    expect(formatShare(1e-9)).toBe('< 0.001 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShareOf(1, 0)).toBe('–');
  });

  it('gives shares side by side the same precision from 1 % up', () => {
    expect(formatShare(0.12)).toBe('12.0 %');
    expect(formatShare(0.276)).toBe('27.6 %');
    expect(formatShare(0.0689)).toBe('6.9 %');
    expect(formatShare(0.0016)).toBe('0.16 %');
    expect(formatShare(0.007)).toBe('0.70 %'); // beside 0.56 %: two significant digits, zeros kept
    expect(formatShare(1)).toBe('100.0 %');
  });

  it('prints accuracies, differences and times alike wherever they come from', () => {
    expect(formatAccuracy(57.918)).toBe('57.9 %');
    expect(formatAccuracy(70.6)).toBe('70.6 %');
    expect(formatAccuracy(72)).toBe('72.0 %');
    expect(formatDelta(0.0368)).toBe('+3.68 %');
    expect(formatDelta(-0.0026)).toBe('−0.26 %');
    expect(formatDelta(0.000012)).toBe('+0.0012 %');
    expect(formatMs(228.8)).toBe('229 ms');
    expect(formatMs(3.254)).toBe('3.25 ms');
    expect(formatMs(1234)).toBe('1.23 s');
  });

  it('formatTexInt: a rounded whole number whose separators KaTeX keeps tight', () => {
    expect(formatTexInt(462422016)).toBe('462{,}422{,}016');
    expect(formatTexInt(999.6)).toBe('1{,}000');
    expect(formatTexInt(48)).toBe('48');
  });
});
