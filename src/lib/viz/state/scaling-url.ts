/**
 * The playground's state in the URL query (as tensorflow/playground keeps its state in the URL, so
 * any view can be shared and reloaded): `?phi=2.5` and, when they differ from the paper's,
 * `alpha`, `beta`, `gamma`. A value out of range or not a number is reported with a message and
 * replaced by the default; it never throws.
 */
import {
  coefficientProblem,
  PAPER_COEFFICIENTS,
  phiProblem,
  snapPhi,
  type Coefficients,
} from '../scaling/scaling-config.ts';

export interface PlaygroundState {
  readonly phi: number;
  readonly coefficients: Coefficients;
}

export const DEFAULT_PHI = 1;

export const DEFAULT_STATE: PlaygroundState = { phi: DEFAULT_PHI, coefficients: PAPER_COEFFICIENTS };

export interface ParsedState {
  readonly state: PlaygroundState;
  /** One message per rejected parameter, naming it, what it held and what is expected. */
  readonly problems: readonly string[];
}

const KEYS = { alpha: 'α', beta: 'β', gamma: 'γ' } as const;

function num(raw: string): number {
  return raw.trim() === '' ? NaN : Number(raw);
}

export function parseState(search: string, fallback: PlaygroundState = DEFAULT_STATE): ParsedState {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  let phi = fallback.phi;
  const rawPhi = q.get('phi');
  if (rawPhi !== null) {
    const v = num(rawPhi);
    const p = phiProblem(Number.isFinite(v) ? v : rawPhi);
    if (p) problems.push(`URL parameter phi: ${p}; showing φ = ${fallback.phi}`);
    else {
      phi = snapPhi(v);
      // The playground moves in steps of 0.1: say so rather than quietly showing 3.3 for 3.33.
      if (Math.abs(phi - v) > 1e-9)
        problems.push(
          `URL parameter phi: ${rawPhi.trim()} is between the playground's steps of 0.1; showing φ = ${phi.toFixed(1)}`,
        );
    }
  }
  const c: Record<keyof typeof KEYS, number> = { ...fallback.coefficients };
  for (const key of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
    const raw = q.get(key);
    if (raw === null) continue;
    const v = num(raw);
    const p = coefficientProblem(KEYS[key], Number.isFinite(v) ? v : raw);
    if (p) problems.push(`URL parameter ${key}: ${p}; using ${fallback.coefficients[key]}`);
    else c[key] = v;
  }
  return { state: { phi, coefficients: c }, problems };
}

/** The query string for a state (with its leading '?'): φ always, coefficients only when not the paper's. */
export function serializeState(s: PlaygroundState): string {
  const q = new URLSearchParams();
  q.set('phi', snapPhi(s.phi).toFixed(1));
  for (const key of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
    if (s.coefficients[key] !== PAPER_COEFFICIENTS[key]) q.set(key, String(s.coefficients[key]));
  }
  return `?${q.toString()}`;
}
