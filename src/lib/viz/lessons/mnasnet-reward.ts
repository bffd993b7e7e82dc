/**
 * MnasNet's multi-objective reward (Tan et al. 2019, arXiv 1807.11626 §3, Equation 2):
 *
 *   reward(m) = ACC(m) · [LAT(m) / T]^w,   w = α if LAT(m) ≤ T, else β.
 *
 * Two settings from §3: the soft constraint α = β = −0.07 (chosen so that a model twice as slow
 * needs about 5 % more accuracy, relative, to earn the same reward), and the hard constraint
 * α = 0, β = −1 (no reward for being faster than T, a steep penalty above it). The layout returns a
 * kit Scene: the reward over latency for the current accuracy, both settings' curves, T and the
 * current point.
 */
import type { Mark, Scene } from '../kit/marks.ts';
import { formatSig } from '../charts/number-format.ts';
import { plotFrame } from '../charts/axes.ts';
import { niceStep } from '../charts/scale.ts';

export interface RewardSetting {
  readonly alpha: number;
  readonly beta: number;
}
export const SOFT: RewardSetting = { alpha: -0.07, beta: -0.07 };
export const HARD: RewardSetting = { alpha: 0, beta: -1 };

/** The exponent that applies at this latency. */
export function exponent(latency: number, target: number, s: RewardSetting): number {
  return latency <= target ? s.alpha : s.beta;
}

/** Equation 2. Accuracy in whatever unit it is given (a fraction or a percentage); latency and T in the same unit. */
export function reward(accuracy: number, latency: number, target: number, s: RewardSetting): number {
  if (!(latency > 0) || !(target > 0))
    throw new RangeError(`latency and target must be positive (got ${latency}, ${target})`);
  return accuracy * (latency / target) ** exponent(latency, target, s);
}

/**
 * The accuracy a model `factor` × slower needs for the same soft reward: ACC₂ = ACC₁ · factor^(−β)
 * when both sit on the same side of T (the §3 argument behind −0.07).
 */
export function accuracyToTie(accuracy: number, factor: number, s: RewardSetting = SOFT): number {
  return accuracy * factor ** -s.beta;
}

/** The β that makes "twice as slow, `gain` more accurate" a tie: β = −ln(1 + gain) / ln 2. */
export function betaFor(gain: number, factor = 2): number {
  return -Math.log(1 + gain) / Math.log(factor);
}

/** The reward as TeX with the reader's numbers, for the live formula. */
export function rewardTex(accuracy: number, latency: number, target: number, s: RewardSetting): string {
  const w = exponent(latency, target, s);
  const r = reward(accuracy, latency, target, s);
  const side = latency <= target ? '\\le' : '>';
  return (
    `\\text{reward} = ${formatSig(accuracy)} \\times \\left(\\frac{${formatSig(latency)}}{${formatSig(target)}}\\right)^{${texNumber(w)}} = ${formatSig(r)}` +
    ` \\quad (\\text{LAT} ${side} T \\Rightarrow w = ${latency <= target ? '\\alpha' : '\\beta'} = ${texNumber(w)})`
  );
}

function texNumber(v: number): string {
  return v < 0 ? `-${formatSig(-v)}` : formatSig(v);
}

export interface RewardState {
  readonly accuracy: number;
  readonly latency: number;
  readonly target: number;
  readonly alpha: number;
  readonly beta: number;
}

const PAD = { left: 52, right: 14, top: 14, bottom: 40 };

/** Samples of the reward from 0.25·T to 2.5·T for one setting, as [latency, reward] pairs. */
export function rewardCurve(accuracy: number, target: number, s: RewardSetting, n = 120): [number, number][] {
  const lo = 0.25 * target;
  const hi = 2.5 * target;
  const pts: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const l = lo + ((hi - lo) * i) / n;
    pts.push([l, reward(accuracy, l, target, s)]);
  }
  // The curve jumps at T when α ≠ β only in slope, never in value ((T/T)^w = 1), so one path suffices.
  return pts;
}

/** Reward over latency: the reader's setting, the two §3 settings dashed, the target T and the point. */
export function rewardChart(st: RewardState, width = 600, height = 300): Scene {
  const s = { alpha: st.alpha, beta: st.beta };
  const curves: [string, RewardSetting][] = [
    ['soft', SOFT],
    ['hard', HARD],
    ['current', s],
  ];
  const all = curves.map(([k, c]) => [k, rewardCurve(st.accuracy, st.target, c)] as const);
  const lo = 0.25 * st.target;
  const hi = 2.5 * st.target;
  const ys = all.flatMap(([, c]) => c.map((p) => p[1]));
  const y1 = Math.max(...ys, reward(st.accuracy, st.latency, st.target, s)) * 1.05;
  const X = (l: number): number => PAD.left + ((l - lo) / (hi - lo)) * (width - PAD.left - PAD.right);
  const Y = (r: number): number => height - PAD.bottom - (r / y1) * (height - PAD.top - PAD.bottom);
  const bottom = height - PAD.bottom;
  const marks: Mark[] = [plotFrame('rw-frame', width, height, PAD)];
  const yStep = niceStep(y1, 4);
  for (let v = 0; v <= y1; v += yStep) {
    const key = `y${formatSig(v)}`;
    marks.push({
      kind: 'line',
      key: `g${key}`,
      class: 'rw-grid',
      x1: PAD.left,
      x2: width - PAD.right,
      y1: Y(v),
      y2: Y(v),
    });
    marks.push({
      kind: 'text',
      key: `t${key}`,
      class: 'rw-tick',
      x: PAD.left - 6,
      y: Y(v),
      text: formatSig(v),
      anchor: 'end',
      baseline: 'middle',
    });
  }
  for (const f of [0.5, 1, 1.5, 2]) {
    const l = f * st.target;
    marks.push({
      kind: 'text',
      key: `x${f}`,
      class: 'rw-tick',
      x: X(l),
      y: bottom + 6,
      text: f === 1 ? `T = ${formatSig(l)} ms` : `${formatSig(l)} ms`,
      anchor: 'middle',
      baseline: 'hanging',
    });
  }
  marks.push({
    kind: 'line',
    key: 'target',
    class: 'rw-target',
    x1: X(st.target),
    x2: X(st.target),
    y1: PAD.top,
    y2: bottom,
  });
  for (const [k, c] of all) {
    const d = c.map(([l, r], i) => `${i ? 'L' : 'M'}${X(l).toFixed(2)},${Y(r).toFixed(2)}`).join('');
    marks.push({ kind: 'path', key: `curve-${k}`, class: `rw-curve rw-${k}`, d });
  }
  const r = reward(st.accuracy, st.latency, st.target, s);
  const inside = st.latency >= lo && st.latency <= hi;
  if (inside) {
    marks.push({
      kind: 'circle',
      key: 'point',
      class: 'rw-point',
      cx: X(st.latency),
      cy: Y(r),
      r: 6,
      data: { reward: r },
      title: `reward ${formatSig(r)} at ${formatSig(st.latency)} ms`,
    });
  }
  marks.push({
    kind: 'text',
    key: 'xlabel',
    class: 'rw-axis-label',
    x: (PAD.left + width - PAD.right) / 2,
    y: height - 4,
    text: 'latency LAT(m)',
    anchor: 'middle',
  });
  return {
    width,
    height,
    label: `MnasNet reward over latency for accuracy ${formatSig(st.accuracy)}, target ${formatSig(st.target)} ms, α = ${st.alpha}, β = ${st.beta}`,
    marks,
  };
}
