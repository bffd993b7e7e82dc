/**
 * The engine's WebAssembly SIMD kernels, assembled at load time by wasm-asm.ts (our own code, no
 * toolchain): `gemm` (4×8 register tiles, see sgemm.ts for the contract) and `dw1` / `dw2`
 * (depthwise convolution at stride 1 / 2 over a zero-padded copy of the input, four outputs per
 * f32x4), and for training `dwg1` / `dwg2` (the depthwise weight gradient). Multiply-adds use
 * relaxed SIMD's f32x4.relaxed_madd where available. The forward kernels apply the
 * epilogue in registers: per-channel scale and shift, then any activation of the table in
 * activation-code.ts. The text listing of this module is wasm-kernels.wat beside this file
 * (`npx tsx scripts/wasm-listing.ts` regenerates it; a unit test checks it assembles to these bytes).
 * Where WebAssembly SIMD is missing, `wasmKernels()` is null and callers run the JavaScript kernels.
 */
import { Act, ACTIVATIONS, type Activation, type SimdEnv } from './activation-code.ts';
import {
  add,
  and,
  type Code,
  continueIf,
  eq,
  evenLanes,
  f32c,
  f32x4Add,
  f32x4ExtractLane,
  f32x4Max,
  f32x4Min,
  f32x4Mul,
  f32x4Nearest,
  f32x4RelaxedMadd,
  f32Store,
  f32x4Splat,
  f32x4Sub,
  func,
  type FuncDef,
  get,
  I32,
  F32,
  i32c,
  i32x4Add,
  i32x4Shl,
  i32x4TruncSatF32x4S,
  ifThen,
  load32Splat,
  type Local,
  loop,
  ltU,
  moduleOf,
  mul,
  set,
  tee,
  V128,
  v128Load,
  v128Store,
  v128Zero,
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
const v128s = <K extends string>(names: readonly K[]): Record<K, typeof V128> =>
  Object.fromEntries(names.map((n) => [n, V128])) as Record<K, typeof V128>;
/** The v128 locals every epilogue declares: p0 and p1 splatted, scratch, and the exp constants. */
const EPILOGUE_LOCALS = {
  VP0: V128,
  VP1: V128,
  T: V128,
  U: V128,
  Z: V128,
  ...v128s(Object.keys(EXP) as ExpConst[]),
} as const;
type EpilogueLocals = { readonly [K in keyof typeof EPILOGUE_LOCALS | 'P0' | 'P1' | 'ACT']: Local };

/** Splats p0, p1 and the constants into their locals (once per call, outside the loops). */
function epilogueInit(l: EpilogueLocals): Code {
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
  const { l } = func('listing', { P0: F32, P1: F32, ACT: I32 }, { V: V128, ...EPILOGUE_LOCALS });
  return row.simd(l.V, simdEnv(l)).map((i) => i.text);
}

/**
 * The epilogue's activation on v128 local `v`: one `if act == code` per row of ACTIVATIONS
 * (activation-code.ts), each running that row's SIMD code. `act` is the same for a whole call,
 * so the branch predicts perfectly.
 */
function activation(l: EpilogueLocals, v: Local): Code {
  const env = simdEnv(l);
  return ACTIVATIONS.flatMap((a: Activation, code) =>
    code === Act.None ? [] : [...get(l.ACT), ...i32c(code), ...eq, ...ifThen(a.simd(v, env))],
  );
}

/** a·b + c on the stack: relaxed SIMD multiply-add when `fma`, else multiply then add. */
function madd(fma: boolean, a: Code, b: Code, c: Code): Code {
  return fma ? [...a, ...b, ...c, ...f32x4RelaxedMadd] : [...c, ...a, ...b, ...f32x4Mul, ...f32x4Add];
}

/** probe(a, b, c) = lane 0 of a·b + c with the kernels' multiply-add: tells whether it rounds once. */
function probeFunc(fma: boolean): FuncDef {
  const { l, def } = func('probe', { A: F32, B: F32, C: F32 }, {}, [F32]);
  return def([
    ...madd(fma, [...get(l.A), ...f32x4Splat], [...get(l.B), ...f32x4Splat], [...get(l.C), ...f32x4Splat]),
    ...f32x4ExtractLane(0),
  ]);
}

/**
 * gemm(M4, N8, K, A, B, C, S, T, ACT, P0, P1): C[M4×N8] = epilogue(A[M4×K] · B[K×N8]), row-major,
 * pointers in bytes; S and T hold M4 per-row scales and shifts. Each step of the k loop loads one
 * 8-wide row of B into two v128 (B0, B1) and splats four values of A's column, updating a 4×8 tile
 * of accumulators (ACC<row><half>).
 */
function gemmFunc(fma: boolean): FuncDef {
  const ACCS = ['ACC00', 'ACC01', 'ACC10', 'ACC11', 'ACC20', 'ACC21', 'ACC30', 'ACC31'] as const;
  const { l, def } = func(
    'gemm',
    { M4: I32, N8: I32, K: I32, A: I32, B: I32, C: I32, S: I32, T_PTR: I32, ACT: I32, P0: F32, P1: F32 },
    {
      I: I32,
      P: I32,
      AP: I32,
      AP_END: I32,
      BP: I32,
      KB: I32,
      LDB: I32,
      CROW: I32,
      SROW: I32,
      ...v128s(ACCS),
      B0: V128,
      B1: V128,
      AV: V128,
      VS: V128,
      VT: V128,
      V: V128,
      ...EPILOGUE_LOCALS,
    },
  );
  const acc = (r: number, h: number): Local => l[ACCS[2 * r + h]];
  const c: Code = [];
  c.push(...get(l.K), ...i32c(4), ...mul, ...set(l.KB)); // bytes per row of A
  c.push(...get(l.N8), ...i32c(4), ...mul, ...set(l.LDB)); // bytes per row of B and C
  c.push(...epilogueInit(l));
  c.push(...i32c(0), ...set(l.I));
  const rows: Code = [...i32c(0), ...set(l.P)];
  const cols: Code = [];
  for (const a of ACCS) cols.push(...v128Zero, ...set(l[a]));
  cols.push(
    ...get(l.A),
    ...get(l.I),
    ...get(l.KB),
    ...mul,
    ...add,
    ...tee(l.AP),
    ...get(l.KB),
    ...add,
    ...set(l.AP_END),
  );
  cols.push(...get(l.B), ...get(l.P), ...add, ...set(l.BP));
  const ks: Code = [];
  ks.push(...get(l.BP), ...v128Load(0), ...set(l.B0), ...get(l.BP), ...v128Load(16), ...set(l.B1));
  for (let r = 0; r < 4; r++) {
    ks.push(...get(l.AP));
    for (let q = 0; q < r; q++) ks.push(...get(l.KB), ...add);
    ks.push(...load32Splat(0), ...set(l.AV));
    for (let h = 0; h < 2; h++)
      ks.push(...madd(fma, get(l.AV), get(h === 0 ? l.B0 : l.B1), get(acc(r, h))), ...set(acc(r, h)));
  }
  ks.push(...get(l.BP), ...get(l.LDB), ...add, ...set(l.BP));
  ks.push(...get(l.AP), ...i32c(4), ...add, ...tee(l.AP), ...get(l.AP_END), ...ltU, ...continueIf);
  cols.push(...loop(ks));
  cols.push(...get(l.C), ...get(l.I), ...get(l.LDB), ...mul, ...add, ...get(l.P), ...add, ...set(l.CROW));
  cols.push(...get(l.I), ...i32c(4), ...mul, ...set(l.SROW));
  for (let r = 0; r < 4; r++) {
    cols.push(...get(l.S), ...get(l.SROW), ...add, ...load32Splat(4 * r), ...set(l.VS));
    cols.push(...get(l.T_PTR), ...get(l.SROW), ...add, ...load32Splat(4 * r), ...set(l.VT));
    for (let h = 0; h < 2; h++) {
      cols.push(...get(acc(r, h)), ...get(l.VS), ...f32x4Mul, ...get(l.VT), ...f32x4Add, ...set(l.V));
      cols.push(...activation(l, l.V));
      cols.push(...get(l.CROW), ...get(l.V), ...v128Store(16 * h));
    }
    cols.push(...get(l.CROW), ...get(l.LDB), ...add, ...set(l.CROW));
  }
  cols.push(...get(l.P), ...i32c(32), ...add, ...tee(l.P), ...get(l.LDB), ...ltU, ...continueIf);
  rows.push(...loop(cols));
  rows.push(...get(l.I), ...i32c(4), ...add, ...tee(l.I), ...get(l.M4), ...ltU, ...continueIf);
  c.push(...loop(rows));
  return def(c);
}

/**
 * dwS(C, IN, HP, WP, W, KH, KW, HO, WO, OUT, S, T_PTR, ACT, P0, P1) for stride S:
 * channel c's padded input plane is HP×WP at IN + c·HP·WP·4, its KH·KW weights at
 * W + c·KH·KW·4; outputs go to OUT + c·HO·WO·4 four at a time. A row's last group may
 * spill up to three values into the next row, which that row then overwrites (the caller leaves
 * slack after the last channel).
 */
function depthwiseFunc(stride: 1 | 2, fma: boolean): FuncDef {
  const { l, def } = func(
    `dw${stride}`,
    {
      C: I32,
      IN: I32,
      HP: I32,
      WP: I32,
      W: I32,
      KH: I32,
      KW: I32,
      HO: I32,
      WO: I32,
      OUT: I32,
      S: I32,
      T_PTR: I32,
      ACT: I32,
      P0: F32,
      P1: F32,
    },
    {
      CH: I32,
      OY: I32,
      OX: I32,
      KY: I32,
      KX: I32,
      IN_C: I32,
      W_C: I32,
      OUT_ROW: I32,
      ROW_IN: I32,
      TAP: I32,
      WTAP: I32,
      WP4: I32,
      PLANE: I32,
      ACC: V128,
      VS: V128,
      VT: V128,
      V: V128,
      ...EPILOGUE_LOCALS,
    },
  );
  const b: Code = [];
  b.push(...get(l.WP), ...i32c(4), ...mul, ...set(l.WP4));
  b.push(...get(l.HP), ...get(l.WP4), ...mul, ...set(l.PLANE));
  b.push(...epilogueInit(l));
  b.push(...i32c(0), ...set(l.CH));
  const chans: Code = [];
  chans.push(...get(l.IN), ...get(l.CH), ...get(l.PLANE), ...mul, ...add, ...set(l.IN_C));
  chans.push(
    ...get(l.W),
    ...get(l.CH),
    ...get(l.KH),
    ...mul,
    ...get(l.KW),
    ...mul,
    ...i32c(4),
    ...mul,
    ...add,
    ...set(l.W_C),
  );
  chans.push(
    ...get(l.OUT),
    ...get(l.CH),
    ...get(l.HO),
    ...mul,
    ...get(l.WO),
    ...mul,
    ...i32c(4),
    ...mul,
    ...add,
    ...set(l.OUT_ROW),
  );
  chans.push(...get(l.S), ...get(l.CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(l.VS));
  chans.push(...get(l.T_PTR), ...get(l.CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(l.VT));
  chans.push(...i32c(0), ...set(l.OY));
  const ys: Code = [];
  // rowIn = inC + oy·stride·Wp·4
  ys.push(...get(l.IN_C), ...get(l.OY), ...i32c(stride), ...mul, ...get(l.WP4), ...mul, ...add, ...set(l.ROW_IN));
  ys.push(...i32c(0), ...set(l.OX));
  const xs: Code = [];
  xs.push(...v128Zero, ...set(l.ACC), ...get(l.W_C), ...set(l.WTAP), ...i32c(0), ...set(l.KY));
  const kys: Code = [];
  // tap = rowIn + ky·Wp·4 + ox·stride·4
  kys.push(
    ...get(l.ROW_IN),
    ...get(l.KY),
    ...get(l.WP4),
    ...mul,
    ...add,
    ...get(l.OX),
    ...i32c(4 * stride),
    ...mul,
    ...add,
    ...set(l.TAP),
  );
  kys.push(...i32c(0), ...set(l.KX));
  const kxs: Code = [];
  // stride 2: the even lanes of eight consecutive inputs are the four taps
  const input: Code = [
    ...get(l.TAP),
    ...v128Load(0),
    ...(stride === 2 ? [...get(l.TAP), ...v128Load(16), ...evenLanes] : []),
  ];
  kxs.push(...madd(fma, input, [...get(l.WTAP), ...load32Splat(0)], get(l.ACC)), ...set(l.ACC));
  kxs.push(...get(l.TAP), ...i32c(4), ...add, ...set(l.TAP), ...get(l.WTAP), ...i32c(4), ...add, ...set(l.WTAP));
  kxs.push(...get(l.KX), ...i32c(1), ...add, ...tee(l.KX), ...get(l.KW), ...ltU, ...continueIf);
  kys.push(...loop(kxs));
  kys.push(...get(l.KY), ...i32c(1), ...add, ...tee(l.KY), ...get(l.KH), ...ltU, ...continueIf);
  xs.push(...loop(kys));
  xs.push(...get(l.ACC), ...get(l.VS), ...f32x4Mul, ...get(l.VT), ...f32x4Add, ...set(l.V));
  xs.push(...activation(l, l.V));
  xs.push(...get(l.OUT_ROW), ...get(l.OX), ...i32c(4), ...mul, ...add, ...get(l.V), ...v128Store(0));
  xs.push(...get(l.OX), ...i32c(4), ...add, ...tee(l.OX), ...get(l.WO), ...ltU, ...continueIf);
  ys.push(...loop(xs));
  ys.push(...get(l.OUT_ROW), ...get(l.WO), ...i32c(4), ...mul, ...add, ...set(l.OUT_ROW));
  ys.push(...get(l.OY), ...i32c(1), ...add, ...tee(l.OY), ...get(l.HO), ...ltU, ...continueIf);
  chans.push(...loop(ys));
  chans.push(...get(l.CH), ...i32c(1), ...add, ...tee(l.CH), ...get(l.C), ...ltU, ...continueIf);
  b.push(...loop(chans));
  return def(b);
}

/**
 * dwgS(C, IN, HP, WP, DY, KH, KW, HO, WO4, ACC) for stride S: the depthwise weight gradient of one
 * image, four output columns per f32x4. Channel c's padded input plane is HP×WP at IN + c·HP·WP·4,
 * its output gradient HO rows of WO4 (a multiple of 4, zero past the real width) at DY + c·HO·WO4·4;
 * tap (ky, kx) adds Σ_oy Σ_ox x[oy·S + ky][ox·S + kx] · dy[oy][ox] lane-wise into the v128 at
 * ACC + ((c·KH + ky)·KW + kx)·16 (the caller sums the four lanes once, after the last image). Lanes
 * past the real width read the next row's inputs (or the slack after the last plane) against a
 * zero output gradient, so they add nothing.
 */
function depthwiseGradFunc(stride: 1 | 2, fma: boolean): FuncDef {
  const { l, def } = func(
    `dwg${stride}`,
    { C: I32, IN: I32, HP: I32, WP: I32, DY: I32, KH: I32, KW: I32, HO: I32, WO4: I32, ACC: I32 },
    {
      CH: I32,
      OY: I32,
      P: I32,
      KY: I32,
      KX: I32,
      IN_C: I32,
      DY_C: I32,
      ROW_IN: I32,
      DY_ROW: I32,
      TAP: I32,
      WP4: I32,
      PLANE: I32,
      ROW4: I32,
      ADDR: I32,
      A: V128,
    },
  );
  const b: Code = [];
  b.push(...get(l.WP), ...i32c(4), ...mul, ...set(l.WP4));
  b.push(...get(l.HP), ...get(l.WP4), ...mul, ...set(l.PLANE));
  b.push(...get(l.WO4), ...i32c(4), ...mul, ...set(l.ROW4));
  b.push(...get(l.ACC), ...set(l.TAP), ...i32c(0), ...set(l.CH));
  const chans: Code = [];
  chans.push(...get(l.IN), ...get(l.CH), ...get(l.PLANE), ...mul, ...add, ...set(l.IN_C));
  chans.push(...get(l.DY), ...get(l.CH), ...get(l.HO), ...mul, ...get(l.ROW4), ...mul, ...add, ...set(l.DY_C));
  chans.push(...i32c(0), ...set(l.KY));
  const kys: Code = [...i32c(0), ...set(l.KX)];
  const kxs: Code = [...get(l.TAP), ...v128Load(0), ...set(l.A), ...i32c(0), ...set(l.OY)];
  const ys: Code = [];
  // rowIn = inC + ((oy·S + ky)·Wp + kx)·4; dyRow = dyC + oy·WO4·4
  ys.push(...get(l.IN_C), ...get(l.OY), ...i32c(stride), ...mul, ...get(l.KY), ...add, ...get(l.WP4), ...mul, ...add);
  ys.push(...get(l.KX), ...i32c(4), ...mul, ...add, ...set(l.ROW_IN));
  ys.push(...get(l.DY_C), ...get(l.OY), ...get(l.ROW4), ...mul, ...add, ...set(l.DY_ROW), ...i32c(0), ...set(l.P));
  // A += x[rowIn + P·S … 4 lanes] · dy[dyRow + P … 4 lanes]; P steps 16 bytes (4 columns) to WO4·4
  const xs: Code = [];
  const input: Code =
    stride === 1
      ? [...get(l.ROW_IN), ...get(l.P), ...add, ...v128Load(0)]
      : [
          ...get(l.ROW_IN),
          ...get(l.P),
          ...i32c(2),
          ...mul,
          ...add,
          ...tee(l.ADDR),
          ...v128Load(0),
          ...get(l.ADDR),
          ...v128Load(16),
          ...evenLanes,
        ];
  xs.push(...madd(fma, input, [...get(l.DY_ROW), ...get(l.P), ...add, ...v128Load(0)], get(l.A)), ...set(l.A));
  xs.push(...get(l.P), ...i32c(16), ...add, ...tee(l.P), ...get(l.ROW4), ...ltU, ...continueIf);
  ys.push(...loop(xs));
  ys.push(...get(l.OY), ...i32c(1), ...add, ...tee(l.OY), ...get(l.HO), ...ltU, ...continueIf);
  kxs.push(...loop(ys));
  kxs.push(...get(l.TAP), ...get(l.A), ...v128Store(0), ...get(l.TAP), ...i32c(16), ...add, ...set(l.TAP));
  kxs.push(...get(l.KX), ...i32c(1), ...add, ...tee(l.KX), ...get(l.KW), ...ltU, ...continueIf);
  kys.push(...loop(kxs));
  kys.push(...get(l.KY), ...i32c(1), ...add, ...tee(l.KY), ...get(l.KH), ...ltU, ...continueIf);
  chans.push(...loop(kys));
  chans.push(...get(l.CH), ...i32c(1), ...add, ...tee(l.CH), ...get(l.C), ...ltU, ...continueIf);
  b.push(...loop(chans));
  return def(b);
}

/**
 * affine(C, INNER, PTR, S, T_PTR, ACT, P0, P1): in place over C channels of INNER floats at PTR,
 * y ← act(y·S[c] + T[c]): the epilogue alone, for a BatchNorm whose statistics are set after its
 * Conv ran (calibration) and for activation ops. Four values per step, then the last INNER mod 4
 * one at a time (splatted, so the same SIMD activation code serves).
 */
function affineFunc(): FuncDef {
  const { l, def } = func(
    'affine',
    { C: I32, INNER: I32, PTR: I32, S: I32, T_PTR: I32, ACT: I32, P0: F32, P1: F32 },
    { CH: I32, P: I32, END: I32, TAIL_END: I32, VS: V128, VT: V128, V: V128, ...EPILOGUE_LOCALS },
  );
  const b: Code = [...epilogueInit(l), ...i32c(0), ...set(l.CH), ...get(l.PTR), ...set(l.P)];
  const chans: Code = [];
  chans.push(...get(l.S), ...get(l.CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(l.VS));
  chans.push(...get(l.T_PTR), ...get(l.CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(l.VT));
  chans.push(...get(l.P), ...get(l.INNER), ...i32c(-4), ...and, ...i32c(4), ...mul, ...add, ...set(l.END));
  chans.push(...get(l.P), ...get(l.INNER), ...i32c(4), ...mul, ...add, ...set(l.TAIL_END));
  // while (P < end) { v = act(load(P)·VS + VT); store(P, v); P += step }
  const body = (load: Code, store: Code, step: number, end: Local): Code => [
    ...get(l.P),
    ...get(end),
    ...ltU,
    ...ifThen(
      loop([
        ...get(l.P),
        ...load,
        ...get(l.VS),
        ...f32x4Mul,
        ...get(l.VT),
        ...f32x4Add,
        ...set(l.V),
        ...activation(l, l.V),
        ...get(l.P),
        ...get(l.V),
        ...store,
        ...get(l.P),
        ...i32c(step),
        ...add,
        ...tee(l.P),
        ...get(end),
        ...ltU,
        ...continueIf,
      ]),
    ),
  ];
  chans.push(...body(v128Load(0), v128Store(0), 16, l.END));
  chans.push(...body(load32Splat(0), [...f32x4ExtractLane(0), ...f32Store(0)], 4, l.TAIL_END));
  chans.push(...get(l.CH), ...i32c(1), ...add, ...tee(l.CH), ...get(l.C), ...ltU, ...continueIf);
  b.push(...loop(chans));
  return def(b);
}

/** Every kernel function of the module, with relaxed-SIMD multiply-add or without. */
export function kernelFuncs(fma: boolean): FuncDef[] {
  return [
    gemmFunc(fma),
    depthwiseFunc(1, fma),
    depthwiseFunc(2, fma),
    affineFunc(),
    probeFunc(fma),
    depthwiseGradFunc(1, fma),
    depthwiseGradFunc(2, fma),
  ];
}

type DwgFn = (
  c: number,
  inPtr: number,
  hp: number,
  wp: number,
  dy: number,
  kh: number,
  kw: number,
  ho: number,
  wo4: number,
  acc: number,
) => void;
type AffineFn = (
  c: number,
  inner: number,
  ptr: number,
  s: number,
  t: number,
  act: number,
  p0: number,
  p1: number,
) => void;
type GemmFn = (
  m4: number,
  n8: number,
  k: number,
  a: number,
  b: number,
  c: number,
  s: number,
  t: number,
  act: number,
  p0: number,
  p1: number,
) => void;
type DwFn = (
  c: number,
  inPtr: number,
  hp: number,
  wp: number,
  wPtr: number,
  kh: number,
  kw: number,
  ho: number,
  wo: number,
  out: number,
  s: number,
  t: number,
  act: number,
  p0: number,
  p1: number,
) => void;

export interface WasmKernels {
  readonly memory: WebAssembly.Memory;
  /**
   * True when the multiply-add rounds once (relaxed SIMD fused on this machine): explain() then
   * adds exact products; false when each product is rounded to float32 before the add.
   */
  readonly fusedMultiplyAdd: boolean;
  readonly gemm: GemmFn;
  readonly dw1: DwFn;
  readonly dw2: DwFn;
  readonly affine: AffineFn;
  readonly dwg1: DwgFn;
  readonly dwg2: DwgFn;
  /** The memory as floats, re-viewed after any growth. */
  heap(bytes: number): Float32Array;
}

let kernels: WasmKernels | null | undefined;

/** The compiled kernels, or null where WebAssembly SIMD is unavailable. */
export function wasmKernels(): WasmKernels | null {
  if (kernels !== undefined) return kernels;
  try {
    if (typeof WebAssembly === 'undefined') return (kernels = null);
    // Relaxed SIMD's multiply-add where the engine has it (Chrome ≥ 114, Node ≥ 20), else plain SIMD.
    // A fresh copy is backed by a plain ArrayBuffer, which is what the WebAssembly API types ask for.
    const build = (fma: boolean): Uint8Array<ArrayBuffer> => new Uint8Array(moduleOf(kernelFuncs(fma)));
    let bytes = build(true);
    if (!WebAssembly.validate(bytes)) bytes = build(false);
    if (!WebAssembly.validate(bytes)) return (kernels = null);
    const memory = new WebAssembly.Memory({ initial: 64 });
    const e = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { mem: memory } }).exports;
    // (1 + 2⁻¹²)² − 1 is 2⁻¹¹ + 2⁻²⁴ exactly; a product rounded to float32 first loses the 2⁻²⁴.
    const a = 1 + 2 ** -12;
    const fusedMultiplyAdd = (e.probe as (a: number, b: number, c: number) => number)(a, a, -1) !== 2 ** -11;
    let view = new Float32Array(memory.buffer);
    kernels = {
      memory,
      fusedMultiplyAdd,
      gemm: e.gemm as GemmFn,
      dw1: e.dw1 as DwFn,
      dw2: e.dw2 as DwFn,
      affine: e.affine as AffineFn,
      dwg1: e.dwg1 as DwgFn,
      dwg2: e.dwg2 as DwgFn,
      heap(need) {
        if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
        if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
        return view;
      },
    };
  } catch {
    kernels = null;
  }
  return kernels;
}

/**
 * y[c·inner + i] ← act(y·scale[c] + shift[c]) in place, channel c cycling over `channels` (N images
 * of C channels), on the WebAssembly kernel; false (doing nothing) where it is unavailable.
 */
export function affineInPlace(
  y: Float32Array,
  channels: number,
  inner: number,
  scale: Float32Array,
  shift: Float32Array,
  act: number,
  p0: number,
  p1: number,
): boolean {
  const k = wasmKernels();
  if (!k) return false;
  const planes = y.length / inner;
  const sOff = y.length;
  const tOff = sOff + planes;
  const heap = k.heap((tOff + planes) * 4);
  heap.set(y, 0);
  for (let p = 0; p < planes; p += channels) {
    heap.set(scale.subarray(0, channels), sOff + p);
    heap.set(shift.subarray(0, channels), tOff + p);
  }
  k.affine(planes, inner, 0, sOff * 4, tOff * 4, act, p0, p1);
  y.set(heap.subarray(0, y.length));
  return true;
}
