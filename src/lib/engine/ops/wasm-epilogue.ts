/**
 * The kernels' epilogue, shared by every WebAssembly kernel function: per-channel scale and shift in
 * registers, then any activation of the table in activation-code.ts (exp by a Cephes polynomial), and
 * the multiply-add (relaxed SIMD's f32x4.relaxed_madd where available). activationListing() prints an
 * activation's instructions for the lesson that counts their cost.
 */
import { Act, ACTIVATIONS, type Activation, type SimdEnv } from './activation-code.ts';
import {
  add,
  type Code,
  eq,
  f32c,
  f32x4Add,
  f32x4Max,
  f32x4Min,
  f32x4Mul,
  f32x4Nearest,
  f32x4RelaxedMadd,
  f32x4Splat,
  f32x4Sub,
  func,
  get,
  I32,
  F32,
  i32c,
  i32x4Add,
  i32x4Shl,
  i32x4TruncSatF32x4S,
  ifElse,
  ifThen,
  type Local,
  set,
  tee,
  V128,
} from './wasm-asm.ts';

/**
 * exp(x) on four lanes (Cephes expf): x = n·ln 2 + r with n = nearest(x·log₂e) and r split
 * against ln 2 in two parts, e^r by a degree-6 polynomial, 2ⁿ added to the exponent bits.
 * Relative error about 2e-7 over the clamped range [−87.3, 88.3].
 */
const EXP = {
  LO: -87.3,
  HI: 88.3,
  LOG2E: Math.LOG2E,
  LN2_HI: 0.693359375,
  LN2_LO: -2.1219444e-4,
  POLY5: 1.98756915e-4,
  POLY4: 1.3981999507e-3,
  POLY3: 8.3334519073e-3,
  POLY2: 4.1665795894e-2,
  POLY1: 1.6666665459e-1,
  POLY0: 5.0000001201e-1,
  ONE: 1,
};
type ExpConst = keyof typeof EXP;
export const v128s = <K extends string>(names: readonly K[]): Record<K, typeof V128> =>
  Object.fromEntries(names.map((n) => [n, V128])) as Record<K, typeof V128>;
/**
 * The epilogue's parameters, in this order at the end of every forward kernel's list (gemm's panel
 * width follows them): the byte addresses of the per-channel (per-row) scales and shifts, the
 * activation's code (activation-code.ts) and its two parameters.
 */
export const EPILOGUE_PARAMS = { S: I32, T_PTR: I32, ACT: I32, P0: F32, P1: F32 } as const;
/** EPILOGUE_PARAMS as JavaScript passes them to a kernel export. */
export type EpilogueArgs = [s: number, t: number, act: number, p0: number, p1: number];

/**
 * The v128 locals every epilogue declares: the scale and shift (VS, VT) and the four values being
 * finished (V, free as scratch until then), p0 and p1 splatted, scratch, and the exp constants.
 */
export const EPILOGUE_LOCALS = {
  VS: V128,
  VT: V128,
  V: V128,
  VP0: V128,
  VP1: V128,
  T: V128,
  U: V128,
  Z: V128,
  ...v128s(Object.keys(EXP) as ExpConst[]),
} as const;
export type EpilogueLocals = {
  readonly [K in keyof typeof EPILOGUE_LOCALS | keyof typeof EPILOGUE_PARAMS]: Local;
};

/** Splats p0, p1 and the constants into their locals (once per call, outside the loops). */
export function epilogueInit(l: EpilogueLocals): Code {
  const c: Code = [...get(l.P0), ...f32x4Splat, ...set(l.VP0), ...get(l.P1), ...f32x4Splat, ...set(l.VP1)];
  for (const k of Object.keys(EXP) as ExpConst[]) c.push(...f32c(EXP[k]), ...f32x4Splat, ...set(l[k]));
  return c;
}

/** Replaces local x by exp(x); uses local r as scratch. */
function expInPlace(l: EpilogueLocals, x: Local, r: Local): Code {
  const poly: Code = [...get(l.POLY5)];
  for (const k of ['POLY4', 'POLY3', 'POLY2', 'POLY1', 'POLY0'] as const)
    poly.push(...get(r), ...f32x4Mul, ...get(l[k]), ...f32x4Add);
  return [
    ...get(x),
    ...get(l.LO),
    ...f32x4Max,
    ...get(l.HI),
    ...f32x4Min,
    ...set(x),
    // r ← x − n·LN2_HI − n·LN2_LO with n = nearest(x·log₂e) (tee'd into r on the way)
    ...get(x),
    ...get(x),
    ...get(l.LOG2E),
    ...f32x4Mul,
    ...f32x4Nearest,
    ...tee(r),
    ...get(l.LN2_HI),
    ...f32x4Mul,
    ...f32x4Sub,
    ...get(r),
    ...get(l.LN2_LO),
    ...f32x4Mul,
    ...f32x4Sub,
    // stack: r; keep n in x, r in r
    ...get(r),
    ...set(x),
    ...set(r),
    // y = poly(r)·r² + r + 1, then add n << 23 to its exponent bits
    ...poly,
    ...get(r),
    ...f32x4Mul,
    ...get(r),
    ...f32x4Mul,
    ...get(r),
    ...f32x4Add,
    ...get(l.ONE),
    ...f32x4Add,
    ...get(x),
    ...i32x4TruncSatF32x4S,
    ...i32c(23),
    ...i32x4Shl,
    ...i32x4Add,
    ...set(x),
  ];
}

function simdEnv(l: EpilogueLocals): SimdEnv {
  return {
    p0: l.VP0,
    p1: l.VP1,
    p0Scalar: l.P0,
    one: l.ONE,
    t: l.T,
    u: l.U,
    w: l.Z,
    exp: (x, r) => expInPlace(l, x, r),
  };
}

/**
 * The instructions (WAT text, in order) the kernels' epilogue runs to apply one activation row
 * (by its `Act` name) to four lanes: what a lesson counts to compare activations' cost per element.
 */
export function activationListing(name: string): readonly string[] {
  const row = ACTIVATIONS.find((a: Activation) => a.name === name);
  if (!row)
    throw new Error(
      `activationListing: no activation '${name}'; known: ${ACTIVATIONS.map((a: Activation) => a.name).join(', ')}`,
    );
  const { l } = func('listing', EPILOGUE_PARAMS, EPILOGUE_LOCALS);
  return row.simd(l.V, simdEnv(l)).map((i) => i.text);
}

/**
 * The epilogue's activation on v128 local `v`: `if act` (no activation skips the rest), then an
 * `if act == code … else` chain over the rows of ACTIVATIONS (activation-code.ts), each running
 * that row's SIMD code. `act` is the same for a whole call, so the branches predict perfectly; the
 * chain stops at the first match where a row of independent `if`s tested every code for every
 * four outputs (MobileNetV3 ran about a tenth faster without them, in the A/B of this change's commit).
 */
export function activation(l: EpilogueLocals, v: Local): Code {
  if (Act.None !== 0) throw new Error('activation(): the guard `if act` needs Act.None to be code 0');
  const env = simdEnv(l);
  const rows = ACTIVATIONS.map((a: Activation, code) => ({ a, code })).filter((r) => r.code !== Act.None);
  const chain = rows.reduceRight<Code>(
    (rest, { a, code }) => [
      ...get(l.ACT),
      ...i32c(code),
      ...eq,
      ...(rest.length ? ifElse(a.simd(v, env), rest) : ifThen(a.simd(v, env))),
    ],
    [],
  );
  return [...get(l.ACT), ...ifThen(chain)];
}

/**
 * VS and VT ← the scale and shift `at` bytes (an offset the code `at` leaves on the stack) past S
 * and T_PTR, read by `load`: a splat for one channel's, a v128 load for four rows'.
 */
export function loadScaleShift(l: EpilogueLocals, at: Code, load: Code): Code {
  return [...get(l.S), ...at, ...add, ...load, ...set(l.VS), ...get(l.T_PTR), ...at, ...add, ...load, ...set(l.VT)];
}

/** V ← act(x·VS + VT), x the four values the code `x` leaves on the stack: the epilogue itself. */
export function scaleShiftAct(l: EpilogueLocals, x: Code): Code {
  return [...x, ...get(l.VS), ...f32x4Mul, ...get(l.VT), ...f32x4Add, ...set(l.V), ...activation(l, l.V)];
}

/** a·b + c on the stack: relaxed SIMD multiply-add when `fma`, else multiply then add. */
export function madd(fma: boolean, a: Code, b: Code, c: Code): Code {
  return fma ? [...a, ...b, ...c, ...f32x4RelaxedMadd] : [...c, ...a, ...b, ...f32x4Mul, ...f32x4Add];
}
