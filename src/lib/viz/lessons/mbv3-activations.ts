/**
 * MobileNetV3 §5.2 (Howard et al. 2019): swish x·σ(x) against h-swish x·ReLU6(x+3)/6, and the
 * sigmoid against its hard analogue ReLU6(x+3)/6 (ONNX HardSigmoid with α = 1/6, β = 1/2, as the
 * zoo builds the SE gate). The functions are the engine's own rows (activation-curve.ts); the cost
 * per element is counted in mbv3-activation-cost.ts (build time only: it reads the WebAssembly code).
 */
import { activationFn, type ActivationFn } from '../charts/activation-curve.ts';
import { selectControl, type ControlSpec, type Readout } from '../kit/controls.ts';
import type { Mark, Scene } from '../kit/marks.ts';

export type PairName = 'swish' | 'sigmoid';

export interface ActivationPair {
  readonly name: PairName;
  readonly soft: ActivationFn;
  readonly hard: ActivationFn;
  /** The engine activation rows whose SIMD code is counted (activation-code.ts). */
  readonly softRow: string;
  readonly hardRow: string;
  /** Plotted y range. */
  readonly yRange: readonly [number, number];
}

export const X_RANGE: readonly [number, number] = [-6, 6];

export function activationPair(name: PairName): ActivationPair {
  if (name === 'swish') {
    return {
      name,
      soft: activationFn('SiLU')!,
      hard: activationFn('HardSwish')!,
      softRow: 'Swish',
      hardRow: 'HardSwish',
      yRange: [-1, 6],
    };
  }
  if (name === 'sigmoid') {
    return {
      name,
      soft: activationFn('Sigmoid')!,
      hard: activationFn('HardSigmoid', 1 / 6, 0.5)!,
      softRow: 'Sigmoid',
      hardRow: 'HardSigmoid',
      yRange: [-0.1, 1.1],
    };
  }
  throw new Error(`activationPair: expected 'swish' or 'sigmoid', received ${JSON.stringify(name)}`);
}

export interface MaxDifference {
  /** max over x of |hard(x) − soft(x)|. */
  readonly value: number;
  /** A positive x where it is reached (both differences are even functions of x). */
  readonly at: number;
}

/**
 * The largest gap between the two curves: a scan over [−12, 12] in steps of 0.01, refined by
 * golden-section search around the best sample. Beyond |x| = 12 the gap is below 1e-3 for both
 * pairs (x·σ(−x) and σ(−x) decay like e^−x), far under the maximum.
 */
export function maxDifference(p: ActivationPair): MaxDifference {
  const gap = (x: number): number => Math.abs(p.hard.fn(x) - p.soft.fn(x));
  let best = 0;
  let bestX = 0;
  for (let i = 0; i <= 2400; i++) {
    const x = -12 + i * 0.01;
    const g = gap(x);
    if (g > best + 1e-15 || (Math.abs(g - best) <= 1e-15 && x > bestX)) {
      best = g;
      bestX = x;
    }
  }
  let a = bestX - 0.01;
  let b = bestX + 0.01;
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (gap(c) > gap(d)) b = d;
    else a = c;
  }
  const at = (a + b) / 2;
  return { value: gap(at), at: Math.abs(at) };
}

export interface ProbeValues {
  readonly x: number;
  readonly soft: number;
  readonly hard: number;
  readonly diff: number;
}

export function probe(p: ActivationPair, x: number): ProbeValues {
  const soft = p.soft.fn(x);
  const hard = p.hard.fn(x);
  return { x, soft, hard, diff: hard - soft };
}

/** The formulas with the probe's x substituted, as TeX (four decimals). */
export function probeTex(p: ActivationPair, x: number): string {
  const f = (v: number): string => {
    const s = v.toFixed(4).replace(/\.?0+$/, '');
    return s === '-0' ? '0' : s;
  };
  const xs = x < 0 ? `(${f(x)})` : f(x);
  const v = probe(p, x);
  const relu6 = Math.min(6, Math.max(0, x + 3));
  if (p.name === 'swish') {
    return (
      `\\begin{aligned}\\operatorname{swish}(${f(x)}) &= \\frac{${xs}}{1 + e^{-${xs}}} = ${f(v.soft)}\\\\` +
      `\\text{h-swish}(${f(x)}) &= ${xs}\\cdot\\frac{\\operatorname{ReLU6}(${f(x + 3)})}{6} = ${xs}\\cdot\\frac{${f(relu6)}}{6} = ${f(v.hard)}\\end{aligned}`
    );
  }
  return (
    `\\begin{aligned}\\sigma(${f(x)}) &= \\frac{1}{1 + e^{-${xs}}} = ${f(v.soft)}\\\\` +
    `\\text{h-sigmoid}(${f(x)}) &= \\frac{\\operatorname{ReLU6}(${f(x + 3)})}{6} = \\frac{${f(relu6)}}{6} = ${f(v.hard)}\\end{aligned}`
  );
}

export const PLOT = { width: 560, height: 300, left: 44, right: 16, top: 14, bottom: 34 } as const;

/** The chart: both curves over [−6, 6], the knees of the hard curve at ±3, the probe at x. */
export function activationScene(p: ActivationPair, x: number, samples = 240): Scene {
  const { width, height, left, right, top, bottom } = PLOT;
  const [x0, x1] = X_RANGE;
  const [y0, y1] = p.yRange;
  const sx = (v: number): number => left + ((v - x0) / (x1 - x0)) * (width - left - right);
  const sy = (v: number): number => height - bottom - ((v - y0) / (y1 - y0)) * (height - top - bottom);
  const path = (fn: (v: number) => number): string => {
    let d = '';
    for (let i = 0; i <= samples; i++) {
      const v = x0 + ((x1 - x0) * i) / samples;
      d += `${i === 0 ? 'M' : 'L'}${sx(v).toFixed(2)},${sy(fn(v)).toFixed(2)}`;
    }
    return d;
  };
  const marks: Mark[] = [];
  const yTicks = p.name === 'swish' ? [0, 2, 4, 6] : [0, 0.5, 1];
  for (const t of yTicks) {
    marks.push({ kind: 'line', key: `gy${t}`, class: 'mbv3-grid', x1: sx(x0), x2: sx(x1), y1: sy(t), y2: sy(t) });
    marks.push({
      kind: 'text',
      key: `ty${t}`,
      class: 'mbv3-tick',
      x: left - 6,
      y: sy(t),
      text: String(t),
      anchor: 'end',
      baseline: 'middle',
    });
  }
  for (const t of [-6, -3, 0, 3, 6]) {
    marks.push({
      kind: 'text',
      key: `tx${t}`,
      class: 'mbv3-tick',
      x: sx(t),
      y: height - bottom + 16,
      text: t < 0 ? `−${-t}` : String(t),
      anchor: t === -6 ? 'start' : t === 6 ? 'end' : 'middle',
    });
  }
  for (const k of [-3, 3]) {
    marks.push({ kind: 'line', key: `knee${k}`, class: 'mbv3-knee', x1: sx(k), x2: sx(k), y1: sy(y0), y2: sy(y1) });
  }
  marks.push({ kind: 'line', key: 'axis-x', class: 'mbv3-axis', x1: sx(x0), x2: sx(x1), y1: sy(0), y2: sy(0) });
  marks.push({ kind: 'path', key: 'soft', class: 'mbv3-soft', d: path(p.soft.fn) });
  marks.push({ kind: 'path', key: 'hard', class: 'mbv3-hard', d: path(p.hard.fn) });
  const v = probe(p, x);
  marks.push({ kind: 'line', key: 'probe', class: 'mbv3-probe', x1: sx(x), x2: sx(x), y1: sy(y0), y2: sy(y1) });
  marks.push({ kind: 'line', key: 'gap', class: 'mbv3-gap', x1: sx(x), x2: sx(x), y1: sy(v.soft), y2: sy(v.hard) });
  marks.push({
    kind: 'circle',
    key: 'dot-soft',
    class: 'mbv3-dot-soft',
    cx: sx(x),
    cy: sy(v.soft),
    r: 5,
    title: `${p.soft.name}(${x}) = ${v.soft.toFixed(4)}`,
  });
  marks.push({
    kind: 'circle',
    key: 'dot-hard',
    class: 'mbv3-dot-hard',
    cx: sx(x),
    cy: sy(v.hard),
    r: 4,
    title: `${p.hard.name}(${x}) = ${v.hard.toFixed(4)}`,
  });
  return {
    width,
    height,
    marks,
    label: `${p.soft.name} and ${p.hard.name} for x from −6 to 6, probed at x = ${x}: ${v.soft.toFixed(4)} against ${v.hard.toFixed(4)}`,
  };
}

/** "28 arithmetic (1 division)": an instruction count as the figure reads it. */
export function opsText(o: { readonly arithmetic: number; readonly divisions: number }): string {
  return `${o.arithmetic} arithmetic (${o.divisions} division${o.divisions === 1 ? '' : 's'})`;
}

/** What the build computes once per pair and the read-outs show beside the probe. */
export interface PairFacts {
  readonly max: MaxDifference;
  readonly softOps: { readonly arithmetic: number; readonly divisions: number };
  readonly hardOps: { readonly arithmetic: number; readonly divisions: number };
}

const f4 = (n: number): string => n.toFixed(4).replace('-', '−');

/** The figure's read-outs at x (the build's static render and the browser's redraw both call this). */
export function activationReadouts(p: ActivationPair, x: number, facts: PairFacts): Readout[] {
  // Labels stay fixed (the kit updates values only); the legend and the formulas name the pair.
  const v = probe(p, x);
  return [
    { key: 'soft', label: 'Soft curve at x', value: f4(v.soft) },
    { key: 'hard', label: 'Hard curve at x', value: f4(v.hard) },
    { key: 'diff', label: 'hard − soft', value: f4(v.diff) },
    { key: 'max', label: 'Largest gap, any x', value: `${f4(facts.max.value)} at x = ±${facts.max.at.toFixed(2)}` },
    { key: 'soft-ops', label: 'Engine instructions per 4 values, soft', value: opsText(facts.softOps) },
    { key: 'hard-ops', label: '… hard', value: opsText(facts.hardOps) },
  ];
}

/** The figure's controls: the pair and the probe's x (−6 to 6 in tenths). */
export function activationControls(pair: PairName, x: number): ControlSpec[] {
  return [
    selectControl('pair', 'Pair', pair, { swish: 'swish and h-swish', sigmoid: 'sigmoid and hard sigmoid' }),
    { kind: 'range', name: 'x', label: 'Probe x', value: x, min: -6, max: 6, step: 0.1 },
  ];
}
