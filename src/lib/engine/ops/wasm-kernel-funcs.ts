/**
 * Every function of the WebAssembly kernel module (wasm-kernels.ts assembles and instantiates them):
 * `gemm` (4×8 register tiles, see sgemm.ts for the contract), `affine` (the epilogue alone) and `probe`
 * here; the depthwise forward and weight-gradient kernels in wasm-depthwise-funcs.ts. The text listing
 * of these functions is wasm-kernels.wat (`npx tsx scripts/wasm-listing.ts` regenerates it).
 */
import {
  add,
  and,
  type Code,
  f32x4ExtractLane,
  f32Store,
  f32x4Splat,
  func,
  type FuncDef,
  get,
  I32,
  F32,
  i32c,
  load32Lane,
  load32Splat,
  type Local,
  loop,
  nextWhileBelow,
  ltU,
  mul,
  select,
  set,
  tee,
  V128,
  v128Load,
  v128Store,
  v128Zero,
  whileBelow,
} from './wasm-asm.ts';
import { depthwiseFunc, depthwiseGradFunc, padFunc } from './wasm-depthwise-funcs.ts';
import {
  EPILOGUE_LOCALS,
  EPILOGUE_PARAMS,
  epilogueInit,
  loadScaleShift,
  madd,
  scaleShiftAct,
  v128s,
} from './wasm-epilogue.ts';

/** probe(a, b, c) = lane 0 of a·b + c with the kernels' multiply-add: tells whether it rounds once. */
function probeFunc(fma: boolean): FuncDef {
  const { l, def } = func('probe', { A: F32, B: F32, C: F32 }, {}, [F32]);
  return def([
    ...madd(fma, [...get(l.A), ...f32x4Splat], [...get(l.B), ...f32x4Splat], [...get(l.C), ...f32x4Splat]),
    ...f32x4ExtractLane(0),
  ]);
}

/**
 * gemm(M4, N8, K, A, B, C, S, T, ACT, P0, P1, NB): C[M4×N8] = epilogue(A[M4×K] · B[K×N8]), row-major,
 * pointers in bytes; S and T hold M4 per-row scales and shifts. Each step of the k loop loads one
 * 8-wide row of B into two v128 (B0, B1) and splats four values of A's column, updating a 4×8 tile
 * of accumulators (ACC<row><half>). The columns go in panels NB wide (a multiple of 8; N8 for one
 * panel), each panel through every row block before the next: a panel of B sized for the cache is
 * read from it M4/4 times instead of the whole of B from memory (the classic GEMM blocking, Goto and
 * van de Geijn, "Anatomy of high-performance matrix multiplication", 2008, §4). The sums are the same.
 */
function gemmFunc(fma: boolean): FuncDef {
  const ACCS = ['ACC00', 'ACC01', 'ACC10', 'ACC11', 'ACC20', 'ACC21', 'ACC30', 'ACC31'] as const;
  const { l, def } = func(
    'gemm',
    { M4: I32, N8: I32, K: I32, A: I32, B: I32, C: I32, ...EPILOGUE_PARAMS, NB: I32 },
    {
      PB: I32,
      P_END: I32,
      KB2: I32,
      KB3: I32,
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
      ...EPILOGUE_LOCALS,
    },
  );
  const acc = (r: number, h: number): Local => l[ACCS[2 * r + h]];
  const c: Code = [];
  c.push(...get(l.K), ...i32c(4), ...mul, ...set(l.KB)); // bytes per row of A
  c.push(...get(l.KB), ...i32c(2), ...mul, ...set(l.KB2), ...get(l.KB), ...i32c(3), ...mul, ...set(l.KB3));
  c.push(...get(l.N8), ...i32c(4), ...mul, ...set(l.LDB)); // bytes per row of B and C
  c.push(...epilogueInit(l));
  c.push(...get(l.NB), ...i32c(4), ...mul, ...set(l.NB)); // panel width in bytes from here on
  c.push(...i32c(0), ...set(l.PB));
  // pEnd = min(PB + NB, LDB)
  const panels: Code = [...get(l.PB), ...get(l.NB), ...add, ...tee(l.P_END), ...get(l.LDB)];
  panels.push(...get(l.P_END), ...get(l.LDB), ...ltU, ...select, ...set(l.P_END), ...i32c(0), ...set(l.I));
  const rows: Code = [...get(l.PB), ...set(l.P)];
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
  // Row r of the tile is r·KB bytes on: one add each (KB2 = 2·KB, KB3 = 3·KB), not r adds.
  const rowOffset = [[], [...get(l.KB), ...add], [...get(l.KB2), ...add], [...get(l.KB3), ...add]];
  for (let r = 0; r < 4; r++) {
    ks.push(...get(l.AP), ...rowOffset[r]);
    ks.push(...load32Splat(0), ...set(l.AV));
    for (let h = 0; h < 2; h++)
      ks.push(...madd(fma, get(l.AV), get(h === 0 ? l.B0 : l.B1), get(acc(r, h))), ...set(acc(r, h)));
  }
  ks.push(...get(l.BP), ...get(l.LDB), ...add, ...set(l.BP));
  ks.push(...nextWhileBelow(l.AP, 4, l.AP_END));
  cols.push(...loop(ks));
  cols.push(...get(l.C), ...get(l.I), ...get(l.LDB), ...mul, ...add, ...get(l.P), ...add, ...set(l.CROW));
  cols.push(...get(l.I), ...i32c(4), ...mul, ...set(l.SROW));
  for (let r = 0; r < 4; r++) {
    cols.push(...loadScaleShift(l, get(l.SROW), load32Splat(4 * r)));
    for (let h = 0; h < 2; h++)
      cols.push(...scaleShiftAct(l, get(acc(r, h))), ...get(l.CROW), ...get(l.V), ...v128Store(16 * h));
    cols.push(...get(l.CROW), ...get(l.LDB), ...add, ...set(l.CROW));
  }
  cols.push(...nextWhileBelow(l.P, 32, l.P_END));
  rows.push(...loop(cols));
  rows.push(...nextWhileBelow(l.I, 4, l.M4));
  panels.push(...loop(rows));
  panels.push(...nextWhileBelow(l.PB, l.NB, l.LDB));
  c.push(...loop(panels));
  return def(c);
}

/**
 * gemv(M4, K, A, X, C, S, T, ACT, P0, P1): C[M4] = epilogue(A[M4×K] · X[K]), the one-column case of
 * gemm (a 1×1 conv on a 1×1 map: squeeze-and-excitation, MobileNetV3's last conv), where gemm's
 * 8-wide tiles would waste seven columns in eight. Four rows per f32x4, gathered lane by lane from
 * A's column k and multiplied by splatted X[k]: every output sums the same products in the same
 * order as gemm, so the two agree bit for bit.
 */
function gemvFunc(fma: boolean): FuncDef {
  const { l, def } = func(
    'gemv',
    { M4: I32, K: I32, A: I32, X: I32, C: I32, ...EPILOGUE_PARAMS },
    { I: I32, KB: I32, AP: I32, XP: I32, X_END: I32, ACC: V128, AV: V128, ...EPILOGUE_LOCALS },
  );
  const c: Code = [...get(l.K), ...i32c(4), ...mul, ...set(l.KB), ...epilogueInit(l), ...i32c(0), ...set(l.I)];
  c.push(...get(l.X), ...get(l.KB), ...add, ...set(l.X_END));
  const rows: Code = [...get(l.A), ...get(l.I), ...get(l.KB), ...mul, ...add, ...set(l.AP)];
  rows.push(...get(l.X), ...set(l.XP), ...v128Zero, ...set(l.ACC));
  const ks: Code = [...get(l.AP), ...load32Splat(0), ...set(l.AV)];
  for (let r = 1; r < 4; r++) {
    ks.push(...get(l.AP));
    for (let q = 0; q < r; q++) ks.push(...get(l.KB), ...add);
    ks.push(...get(l.AV), ...load32Lane(r), ...set(l.AV));
  }
  ks.push(...madd(fma, get(l.AV), [...get(l.XP), ...load32Splat(0)], get(l.ACC)), ...set(l.ACC));
  ks.push(...get(l.AP), ...i32c(4), ...add, ...set(l.AP));
  ks.push(...nextWhileBelow(l.XP, 4, l.X_END));
  rows.push(...loop(ks));
  rows.push(...loadScaleShift(l, [...get(l.I), ...i32c(4), ...mul], v128Load(0)), ...scaleShiftAct(l, get(l.ACC)));
  rows.push(...get(l.C), ...get(l.I), ...i32c(4), ...mul, ...add, ...get(l.V), ...v128Store(0));
  rows.push(...nextWhileBelow(l.I, 4, l.M4));
  c.push(...loop(rows));
  return def(c);
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
    { C: I32, INNER: I32, PTR: I32, ...EPILOGUE_PARAMS },
    { CH: I32, P: I32, END: I32, TAIL_END: I32, ...EPILOGUE_LOCALS },
  );
  const b: Code = [...epilogueInit(l), ...i32c(0), ...set(l.CH), ...get(l.PTR), ...set(l.P)];
  const chans: Code = [];
  chans.push(...loadScaleShift(l, [...get(l.CH), ...i32c(4), ...mul], load32Splat(0)));
  chans.push(...get(l.P), ...get(l.INNER), ...i32c(-4), ...and, ...i32c(4), ...mul, ...add, ...set(l.END));
  chans.push(...get(l.P), ...get(l.INNER), ...i32c(4), ...mul, ...add, ...set(l.TAIL_END));
  // while (P < end) { v = act(load(P)·VS + VT); store(P, v); P += step }
  const body = (load: Code, store: Code, step: number, end: Local): Code =>
    whileBelow(l.P, end, step, [...scaleShiftAct(l, [...get(l.P), ...load]), ...get(l.P), ...get(l.V), ...store]);
  chans.push(...body(v128Load(0), v128Store(0), 16, l.END));
  chans.push(...body(load32Splat(0), [...f32x4ExtractLane(0), ...f32Store(0)], 4, l.TAIL_END));
  chans.push(...nextWhileBelow(l.CH, 1, l.C));
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
    padFunc(),
    gemvFunc(fma),
  ];
}
