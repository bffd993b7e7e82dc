/**
 * The gradient explain view's arithmetic: one element of a gradient the engine's backward pass
 * produced (dL/d(input slot) of one node), recomputed here from the node's forward values and the
 * gradient that arrived at its output, term by term, so the page can set the two side by side.
 * This file never calls the engine's backward rules: it is an independent restatement of the chain
 * rule per op (Conv: the transposed convolution and the input–gradient correlation; BatchNorm in
 * inference mode, Ioffe & Szegedy 2015 §3; the activations' derivatives with PyTorch's choices at
 * the kinks; the global average pool; broadcasting Mul and Add), in float64.
 */
import type { MapLike } from './grad-cam.ts';

/** One node's forward values and gradients, as the worker sends them (src/workers/trained-backward.ts). */
export interface BackStepData {
  readonly node: string;
  readonly opType: string;
  /** Numeric attributes of the node (ints, floats, int lists). */
  readonly attrs: Readonly<Record<string, number | readonly number[]>>;
  readonly inputNames: readonly string[];
  /** Forward inputs by slot (null for an omitted optional input). */
  readonly inputs: readonly (MapLike | null)[];
  /** Forward output 0. */
  readonly output: MapLike;
  /** dL/d(output 0) as it arrived (summed over its readers). */
  readonly gradOut: MapLike;
  /** dL/d(input slot) the engine's backward rule returned (null where the slot needs none). */
  readonly gradIns: readonly (MapLike | null)[];
}

export interface BlockBackward {
  readonly block: string;
  /** The class the loss is taken against. */
  readonly label: number;
  readonly loss: number;
  /** Softmax probability of `label`. */
  readonly probability: number;
  /** The block's nodes in the order the backward pass ran them (output end first). */
  readonly steps: readonly BackStepData[];
  /** The value entering the block (the last step's dL/dX is the gradient the block sends on). */
  readonly blockInput: string;
}

export interface GradTerm {
  /** Where the term's two factors come from, e.g. "W[3,0,1,1] · dY[3,4,5]". */
  readonly label: string;
  readonly a: number;
  readonly b: number;
  readonly product: number;
}

export interface GradExplanation {
  /** Formula key (the page holds one rendered formula per key), e.g. 'Conv:X'. */
  readonly formula: string;
  /** Index of the element in the gradient tensor, one coordinate per dimension. */
  readonly position: readonly number[];
  /** Every term of the sum, in the order summed. */
  readonly terms: readonly GradTerm[];
  /** The float64 sum of the terms. */
  readonly value: number;
  /** The engine's float32 value at the same position. */
  readonly engine: number;
}

/** What each (op, slot) computes, and the names of the slot's gradient. */
export function slotName(opType: string, slot: number): string {
  const names: Record<string, readonly string[]> = {
    Conv: ['X', 'W', 'B'],
    BatchNormalization: ['X', 'γ', 'β'],
    Mul: ['A', 'B'],
    Add: ['A', 'B'],
  };
  return names[opType]?.[slot] ?? 'X';
}

/** The ops this view explains; a block is offered only when every node of it is one of these. */
export const EXPLAINED_OPS: ReadonlySet<string> = new Set([
  'Conv',
  'BatchNormalization',
  'Relu',
  'Clip',
  'HardSwish',
  'HardSigmoid',
  'Sigmoid',
  'GlobalAveragePool',
  'Mul',
  'Add',
]);

const strides = (dims: readonly number[]): number[] => {
  const s = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = s[i + 1] * dims[i + 1];
  return s;
};
const coords = (dims: readonly number[], flat: number): number[] => {
  const st = strides(dims);
  return dims.map((d, i) => Math.floor(flat / st[i]) % d);
};
const fmt = (c: readonly number[]): string => `[${c.join(',')}]`;
const at = (t: MapLike, c: readonly number[]): number => {
  const st = strides(t.dims);
  let f = 0;
  c.forEach((v, i) => (f += v * st[i]));
  return Number(t.data[f]);
};
const num = (s: BackStepData, name: string, fallback: number): number => {
  const v = s.attrs[name];
  return typeof v === 'number' ? v : fallback;
};
const ints = (s: BackStepData, name: string, fallback: readonly number[]): readonly number[] => {
  const v = s.attrs[name];
  return Array.isArray(v) ? v : typeof v === 'number' ? [v] : fallback;
};
const need = (t: MapLike | null | undefined, what: string, s: BackStepData): MapLike => {
  if (!t) throw new Error(`${s.node} (${s.opType}): ${what} is missing`);
  return t;
};

function conv(s: BackStepData, slot: number, p: readonly number[]): { formula: string; terms: GradTerm[] } {
  const x = need(s.inputs[0], 'its input X', s);
  const w = need(s.inputs[1], 'its weight W', s);
  const dy = s.gradOut;
  if (x.dims.length !== 4) throw new Error(`${s.node}: only 2-D convolutions are explained here`);
  const [, C, H, W] = x.dims;
  const [M, Cg, kH, kW] = w.dims;
  const [, , Ho, Wo] = dy.dims;
  const group = num(s, 'group', 1);
  const [sH, sW] = ints(s, 'strides', [1, 1]);
  const [dH, dW] = ints(s, 'dilations', [1, 1]);
  const [pT, pL] = ints(s, 'pads', [0, 0, 0, 0]);
  const Mg = M / group;
  const terms: GradTerm[] = [];
  if (slot === 0) {
    // dL/dX[c, iy, ix] = Σ_m Σ_{ky,kx} W[m, c mod Cg, ky, kx] · dY[m, oy, ox], where oy·s + ky·d − pad = iy.
    const [, c, iy, ix] = p;
    const g = Math.floor(c / Cg);
    for (let m = g * Mg; m < (g + 1) * Mg; m++)
      for (let ky = 0; ky < kH; ky++)
        for (let kx = 0; kx < kW; kx++) {
          const ny = iy + pT - ky * dH;
          const nx = ix + pL - kx * dW;
          if (ny % sH !== 0 || nx % sW !== 0) continue;
          const oy = ny / sH;
          const ox = nx / sW;
          if (oy < 0 || oy >= Ho || ox < 0 || ox >= Wo) continue;
          const a = at(w, [m, c - g * Cg, ky, kx]);
          const b = at(dy, [0, m, oy, ox]);
          terms.push({ label: `W${fmt([m, c - g * Cg, ky, kx])} · dY${fmt([m, oy, ox])}`, a, b, product: a * b });
        }
    return { formula: 'Conv:X', terms };
  }
  if (slot === 1) {
    // dL/dW[m, c', ky, kx] = Σ_{oy,ox} X[c, oy·s + ky·d − pad, ox·s + kx·d − pad] · dY[m, oy, ox] (padding reads 0).
    const [m, ci, ky, kx] = p;
    const c = Math.floor(m / Mg) * Cg + ci;
    for (let oy = 0; oy < Ho; oy++)
      for (let ox = 0; ox < Wo; ox++) {
        const iy = oy * sH + ky * dH - pT;
        const ix = ox * sW + kx * dW - pL;
        if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
        const a = at(x, [0, c, iy, ix]);
        const b = at(dy, [0, m, oy, ox]);
        terms.push({ label: `X${fmt([c, iy, ix])} · dY${fmt([m, oy, ox])}`, a, b, product: a * b });
      }
    void C;
    return { formula: 'Conv:W', terms };
  }
  // dL/dB[m] = Σ_{oy,ox} dY[m, oy, ox].
  const [m] = p;
  for (let oy = 0; oy < Ho; oy++)
    for (let ox = 0; ox < Wo; ox++) {
      const b = at(dy, [0, m, oy, ox]);
      terms.push({ label: `1 · dY${fmt([m, oy, ox])}`, a: 1, b, product: b });
    }
  return { formula: 'Conv:B', terms };
}

function batchNorm(s: BackStepData, slot: number, p: readonly number[]): { formula: string; terms: GradTerm[] } {
  const x = need(s.inputs[0], 'its input X', s);
  const gamma = need(s.inputs[1], 'its scale γ', s);
  const mean = need(s.inputs[3], 'its running mean', s);
  const variance = need(s.inputs[4], 'its running variance', s);
  const eps = num(s, 'epsilon', 1e-5);
  const dy = s.gradOut;
  const [, , H, W] = x.dims;
  const c = slot === 0 ? p[1] : p[0];
  const inv = 1 / Math.sqrt(Number(variance.data[c]) + eps);
  if (slot === 0) {
    // Inference mode: the statistics are constants, so dL/dX = dY · γ / √(var + ε).
    const a = Number(gamma.data[c]) * inv;
    const b = at(dy, p);
    return {
      formula: 'BatchNormalization:X',
      terms: [{ label: `γ/√(var+ε)[${c}] · dY${fmt(p.slice(1))}`, a, b, product: a * b }],
    };
  }
  const terms: GradTerm[] = [];
  for (let y = 0; y < H; y++)
    for (let xx = 0; xx < W; xx++) {
      const b = at(dy, [0, c, y, xx]);
      const a = slot === 1 ? (at(x, [0, c, y, xx]) - Number(mean.data[c])) * inv : 1;
      terms.push({ label: `${slot === 1 ? 'x̂' : '1'}${fmt([c, y, xx])} · dY${fmt([c, y, xx])}`, a, b, product: a * b });
    }
  return { formula: slot === 1 ? 'BatchNormalization:γ' : 'BatchNormalization:β', terms };
}

/** dy/dx of the activations, PyTorch's choice at each kink (the engine follows the same). */
function derivative(s: BackStepData, flat: number): { d: number; of: string } {
  const x = s.inputs[0] ? Number(s.inputs[0].data[flat]) : NaN;
  const y = Number(s.output.data[flat]);
  switch (s.opType) {
    case 'Relu':
      return { d: y > 0 ? 1 : 0, of: `[y > 0], y = ${y}` };
    case 'Clip': {
      const lo = s.inputs[1] ? Number(s.inputs[1].data[0]) : num(s, 'min', -Infinity);
      const hi = s.inputs[2] ? Number(s.inputs[2].data[0]) : num(s, 'max', Infinity);
      return { d: y > lo && y < hi ? 1 : 0, of: `[${lo} < y < ${hi}], y = ${y}` };
    }
    case 'HardSigmoid': {
      const alpha = num(s, 'alpha', 0.2);
      return { d: y > 0 && y < 1 ? alpha : 0, of: `α·[0 < y < 1], y = ${y}` };
    }
    case 'HardSwish':
      return { d: x < -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : 1, of: `slope at x = ${x}` };
    case 'Sigmoid':
      return { d: y * (1 - y), of: `σ(1 − σ), σ = ${y}` };
  }
  throw new Error(`${s.node}: ${s.opType} is not explained here`);
}

/** Output positions that read input position `c` of a (right-aligned, numpy-broadcast) operand. */
function broadcastTerms(s: BackStepData, slot: number, c: readonly number[], mul: boolean): GradTerm[] {
  const dy = s.gradOut;
  const self = need(s.inputs[slot], `input ${slot}`, s);
  const other = mul ? need(s.inputs[1 - slot], `input ${1 - slot}`, s) : null;
  const shift = dy.dims.length - self.dims.length;
  const oshift = other ? dy.dims.length - other.dims.length : 0;
  const n = dy.dims.reduce((a, b) => a * b, 1);
  const terms: GradTerm[] = [];
  for (let f = 0; f < n; f++) {
    const o = coords(dy.dims, f);
    const mine = self.dims.map((d, i) => (d === 1 ? 0 : o[i + shift]));
    if (mine.some((v, i) => v !== c[i])) continue;
    const b = Number(dy.data[f]);
    if (other) {
      const oc = other.dims.map((d, i) => (d === 1 ? 0 : o[i + oshift]));
      const a = at(other, oc);
      terms.push({ label: `${slot === 0 ? 'B' : 'A'}${fmt(oc)} · dY${fmt(o)}`, a, b, product: a * b });
    } else terms.push({ label: `1 · dY${fmt(o)}`, a: 1, b, product: b });
  }
  return terms;
}

/**
 * Explains element `flat` of dL/d(input `slot`) of one node: the terms of the chain rule and their
 * float64 sum, beside what the engine's backward pass gave there.
 */
export function explainGradient(s: BackStepData, slot: number, flat: number): GradExplanation {
  const g = s.gradIns[slot];
  if (!g) throw new Error(`${s.node} (${s.opType}) sends no gradient to input ${slot}`);
  const size = g.dims.reduce((a, b) => a * b, 1);
  if (!Number.isInteger(flat) || flat < 0 || flat >= size)
    throw new Error(`position ${flat} is outside dL/d${slotName(s.opType, slot)} (${size} elements)`);
  const p = coords(g.dims, flat);
  let r: { formula: string; terms: GradTerm[] };
  switch (s.opType) {
    case 'Conv':
      r = conv(s, slot, p);
      break;
    case 'BatchNormalization':
      r = batchNorm(s, slot, p);
      break;
    case 'GlobalAveragePool': {
      const [, , H, W] = g.dims;
      const b = at(s.gradOut, [0, p[1], 0, 0]);
      r = {
        formula: 'GlobalAveragePool:X',
        terms: [{ label: `1/(${H}·${W}) · dY[${p[1]}]`, a: 1 / (H * W), b, product: b / (H * W) }],
      };
      break;
    }
    case 'Mul':
    case 'Add':
      r = { formula: `${s.opType}:${slotName(s.opType, slot)}`, terms: broadcastTerms(s, slot, p, s.opType === 'Mul') };
      break;
    default: {
      const { d, of } = derivative(s, flat);
      const b = Number(s.gradOut.data[flat]);
      r = {
        formula: `${s.opType}:X`,
        terms: [{ label: `f′ (${of}) · dY${fmt(p.slice(1))}`, a: d, b, product: d * b }],
      };
    }
  }
  let value = 0;
  for (const t of r.terms) value += t.product;
  return { formula: r.formula, position: p, terms: r.terms, value, engine: Number(g.data[flat]) };
}

/** The element of largest magnitude (a position worth explaining by default). */
export function largestAt(t: MapLike): number {
  let best = 0;
  for (let i = 1; i < t.data.length; i++) if (Math.abs(Number(t.data[i])) > Math.abs(Number(t.data[best]))) best = i;
  return best;
}

/**
 * Blocks a reader can step backward through: the node-name prefix 'blocks.<stage>.<index>' (timm's
 * module path, kept in the trained files' node names), in forward order, when every node in it is
 * explained here.
 */
export function backwardBlocks(nodes: readonly { name: string; opType: string }[]): string[] {
  const ops = new Map<string, boolean>();
  for (const n of nodes) {
    const b = /^blocks\.\d+\.\d+(?=\.|$)/.exec(n.name)?.[0];
    if (!b) continue;
    ops.set(b, (ops.get(b) ?? true) && (n.opType === 'Constant' || EXPLAINED_OPS.has(n.opType)));
  }
  return [...ops].filter(([, ok]) => ok).map(([b]) => b);
}

export const inBlock = (name: string, block: string): boolean => name === block || name.startsWith(`${block}.`);
