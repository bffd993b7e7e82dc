import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serializeState } from '~/lib/viz/state/scaling-url.ts';

describe('playground state in the URL', () => {
  it('round-trips φ and edited coefficients, leaving the paper’s coefficients out', () => {
    const s = { phi: 3.4, coefficients: { alpha: 1.3, beta: 1.1, gamma: 1.13 } };
    const q = serializeState(s);
    expect(q).toBe('?phi=3.4&alpha=1.3&gamma=1.13');
    expect(parseState(q)).toEqual({ state: s, problems: [] });
  });

  it('reads an empty query as the defaults', () => {
    expect(parseState('')).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('rejects φ out of range with a message and keeps the default', () => {
    const p = parseState('?phi=9');
    expect(p.state.phi).toBe(DEFAULT_STATE.phi);
    expect(p.problems).toEqual(['URL parameter phi: φ must be from 0 to 7; received 9; showing φ = 1']);
  });

  it('rejects a φ that is not a number and a coefficient below 1, keeping what is valid', () => {
    const p = parseState('?phi=abc&alpha=0.5&beta=1.05');
    expect(p.state.phi).toBe(1);
    expect(p.state.coefficients).toEqual({ alpha: 1.2, beta: 1.05, gamma: 1.15 });
    expect(p.problems[0]).toMatch(/phi: φ must be a number from 0 to 7; received "abc"/);
    expect(p.problems[1]).toMatch(/alpha: α must be from 1 to 1.5; received 0.5; using 1.2/);
  });

  it('snaps φ to the slider’s tenths, and says so', () => {
    expect(parseState('?phi=2.345').state.phi).toBe(2.3);
    expect(parseState('?phi=3.33').problems).toEqual([
      "URL parameter phi: 3.33 is between the playground's steps of 0.1; showing φ = 3.3",
    ]);
    expect(parseState('?phi=3.3').problems).toEqual([]);
  });
});
