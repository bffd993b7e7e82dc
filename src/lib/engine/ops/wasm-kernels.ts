/**
 * The engine's WebAssembly SIMD kernels, assembled at load time by wasm-asm.ts (our own code, no
 * toolchain; multiply-adds use relaxed SIMD's f32x4.relaxed_madd where available): `gemm` (4×8 register tiles, see sgemm.ts for the contract) and `dw1` / `dw2`
 * (depthwise convolution at stride 1 / 2 over a zero-padded copy of the input, four outputs per
 * f32x4). Both apply the epilogue (per-channel scale and shift, then any fusable activation:
 * Relu, Clip, HardSwish, HardSigmoid, Sigmoid, Swish, the last two through a SIMD exp) in registers. Where WebAssembly SIMD is missing, `wasmKernels()` is null and callers run the
 * JavaScript kernels.
 */
import { Act } from './activation-code.ts';
import {
  add, continueIf, eq, evenLanes, f32c, f32x4Add, f32x4Div, f32x4Max, f32x4Min, f32x4Mul, f32x4Nearest, f32x4RelaxedMadd,
  f32x4Splat, f32x4Sub, simd,
  type FuncDef, get, I32, F32, i32c, i32x4Add, i32x4Shl, i32x4TruncSatF32x4S, ifThen, load32Splat, loop, ltU, moduleOf, mul, set,
  tee, V128, v128Load, v128Store, v128Zero,
} from './wasm-asm.ts';

/**
 * exp(x) on four lanes (Cephes expf): x = n·ln 2 + r with n = nearest(x·log₂e) and r split
 * against ln 2 in two parts, e^r by a degree-6 polynomial, 2ⁿ added to the exponent bits.
 * Relative error about 2e-7 over the clamped range [−87.3, 88.3].
 */
const EXP_CONSTS = [
  -87.3, 88.3, Math.LOG2E, 0.693359375, -2.12194440e-4, 1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3,
  4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1, 1,
];
/** v128 locals an epilogue needs: p0, p1, then the exp constants. */
export const EPILOGUE_LOCALS = 2 + EXP_CONSTS.length;

function epilogueInit(base: number, p0: number, p1: number): number[] {
  const c: number[] = [...get(p0), ...f32x4Splat, ...set(base), ...get(p1), ...f32x4Splat, ...set(base + 1)];
  EXP_CONSTS.forEach((k, i) => c.push(...f32c(k), ...f32x4Splat, ...set(base + 2 + i)));
  return c;
}

/** Replaces local x by exp(x); uses local r as scratch. */
function expInPlace(x: number, r: number, base: number): number[] {
  const k = (i: number): number[] => get(base + 2 + i);
  const ONE = 11;
  const poly: number[] = [...k(5)];
  for (const i of [6, 7, 8, 9, 10]) poly.push(...get(r), ...f32x4Mul, ...k(i), ...f32x4Add);
  return [
    ...get(x), ...k(0), ...f32x4Max, ...k(1), ...f32x4Min, ...set(x),
    // x ← n = nearest(x·log₂e); r ← x − n·C1 − n·C2 (x still holds the input via r's computation order)
    ...get(x), ...get(x), ...k(2), ...f32x4Mul, ...f32x4Nearest, ...tee(r), ...k(3), ...f32x4Mul, ...f32x4Sub,
    ...get(r), ...k(4), ...f32x4Mul, ...f32x4Sub,
    // stack: r; keep n in x, r in r
    ...get(r), ...set(x), ...set(r),
    // y = poly(r)·r² + r + 1, then add n << 23 to its exponent bits
    ...poly, ...get(r), ...f32x4Mul, ...get(r), ...f32x4Mul, ...get(r), ...f32x4Add, ...k(ONE), ...f32x4Add,
    ...get(x), ...i32x4TruncSatF32x4S, ...i32c(23), ...i32x4Shl, ...i32x4Add, ...set(x),
  ];
}

/** Epilogue on the v128 in local `v`: activation codes as in activation-code.ts; `t` is scratch. */
function activation(v: number, act: number, base: number, t: number, u: number): number[] {
  const vp0 = base;
  const vp1 = base + 1;
  const one = base + 2 + 11;
  return [
    ...get(act), ...i32c(Act.Relu), ...eq, ...ifThen([...get(v), ...v128Zero, ...f32x4Max, ...set(v)]),
    ...get(act), ...i32c(Act.Clip), ...eq, ...ifThen([...get(v), ...get(vp0), ...f32x4Max, ...get(vp1), ...f32x4Min, ...set(v)]),
    ...get(act), ...i32c(Act.HardSwish), ...eq,
    ...ifThen([
      ...get(v), ...get(v), ...get(vp0), ...f32x4Mul, ...get(vp1), ...f32x4Add, ...v128Zero, ...f32x4Max, ...get(one), ...f32x4Min,
      ...f32x4Mul, ...set(v),
    ]),
    ...get(act), ...i32c(Act.HardSigmoid), ...eq,
    ...ifThen([...get(v), ...get(vp0), ...f32x4Mul, ...get(vp1), ...f32x4Add, ...v128Zero, ...f32x4Max, ...get(one), ...f32x4Min, ...set(v)]),
    // Sigmoid: 1 / (1 + e^−v); Swish: v / (1 + e^−v)
    ...get(act), ...i32c(Act.Sigmoid), ...eq,
    ...ifThen([
      ...v128Zero, ...get(v), ...f32x4Sub, ...set(t), ...expInPlace(t, u, base),
      ...get(one), ...get(one), ...get(t), ...f32x4Add, ...f32x4Div, ...set(v),
    ]),
    ...get(act), ...i32c(Act.Swish), ...eq,
    ...ifThen([
      ...v128Zero, ...get(v), ...f32x4Sub, ...set(t), ...expInPlace(t, u, base),
      ...get(v), ...get(one), ...get(t), ...f32x4Add, ...f32x4Div, ...set(v),
    ]),
  ];
}

/** a·b + c on the stack: relaxed SIMD multiply-add when `fma`, else multiply then add. */
function madd(fma: boolean, a: number[], b: number[], c: number[]): number[] {
  return fma ? [...a, ...b, ...c, ...f32x4RelaxedMadd] : [...c, ...a, ...b, ...f32x4Mul, ...f32x4Add];
}

/** probe(a, b, c) = lane 0 of a·b + c with the kernels' multiply-add: tells whether it rounds once. */
function probeFunc(fma: boolean): FuncDef {
  const lane0 = simd(0x1f, 0);
  return {
    name: 'probe', params: [F32, F32, F32], results: [F32], locals: [],
    body: [...madd(fma, [...get(0), ...f32x4Splat], [...get(1), ...f32x4Splat], [...get(2), ...f32x4Splat]), ...lane0],
  };
}

/** gemm(M4, N8, K, aPtr, bPtr, cPtr, sPtr, tPtr, act, p0, p1): C[M4×N8] = epilogue(A[M4×K] · B[K×N8]). */
function gemmFunc(fma: boolean): FuncDef {
  const [M4, N8, K, A_PTR, B_PTR, C_PTR, S_PTR, T_PTR, ACT, P0, P1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const [I, P, AP, AP_END, BP, KB, LDB, CROW, SROW] = [11, 12, 13, 14, 15, 16, 17, 18, 19];
  const ACC = 20; // 8 accumulators: row r, half h at ACC + 2r + h
  const [B0, B1, AV, VS, VT, V, T, U] = [28, 29, 30, 31, 32, 33, 34, 35];
  const EP = 36;
  const c: number[] = [];
  c.push(...get(K), ...i32c(4), ...mul, ...set(KB));
  c.push(...get(N8), ...i32c(4), ...mul, ...set(LDB));
  c.push(...epilogueInit(EP, P0, P1));
  c.push(...i32c(0), ...set(I));
  const rows: number[] = [...i32c(0), ...set(P)];
  const cols: number[] = [];
  for (let a = 0; a < 8; a++) cols.push(...v128Zero, ...set(ACC + a));
  cols.push(...get(A_PTR), ...get(I), ...get(KB), ...mul, ...add, ...tee(AP), ...get(KB), ...add, ...set(AP_END));
  cols.push(...get(B_PTR), ...get(P), ...add, ...set(BP));
  const ks: number[] = [];
  ks.push(...get(BP), ...v128Load(0), ...set(B0), ...get(BP), ...v128Load(16), ...set(B1));
  for (let r = 0; r < 4; r++) {
    ks.push(...get(AP));
    for (let q = 0; q < r; q++) ks.push(...get(KB), ...add);
    ks.push(...load32Splat(0), ...set(AV));
    for (let h = 0; h < 2; h++) {
      ks.push(...madd(fma, get(AV), get(h === 0 ? B0 : B1), get(ACC + 2 * r + h)), ...set(ACC + 2 * r + h));
    }
  }
  ks.push(...get(BP), ...get(LDB), ...add, ...set(BP));
  ks.push(...get(AP), ...i32c(4), ...add, ...tee(AP), ...get(AP_END), ...ltU, ...continueIf);
  cols.push(...loop(ks));
  cols.push(...get(C_PTR), ...get(I), ...get(LDB), ...mul, ...add, ...get(P), ...add, ...set(CROW));
  cols.push(...get(I), ...i32c(4), ...mul, ...set(SROW));
  for (let r = 0; r < 4; r++) {
    cols.push(...get(S_PTR), ...get(SROW), ...add, ...load32Splat(4 * r), ...set(VS));
    cols.push(...get(T_PTR), ...get(SROW), ...add, ...load32Splat(4 * r), ...set(VT));
    for (let h = 0; h < 2; h++) {
      cols.push(...get(ACC + 2 * r + h), ...get(VS), ...f32x4Mul, ...get(VT), ...f32x4Add, ...set(V));
      cols.push(...activation(V, ACT, EP, T, U));
      cols.push(...get(CROW), ...get(V), ...v128Store(16 * h));
    }
    cols.push(...get(CROW), ...get(LDB), ...add, ...set(CROW));
  }
  cols.push(...get(P), ...i32c(32), ...add, ...tee(P), ...get(LDB), ...ltU, ...continueIf);
  rows.push(...loop(cols));
  rows.push(...get(I), ...i32c(4), ...add, ...tee(I), ...get(M4), ...ltU, ...continueIf);
  c.push(...loop(rows));
  return {
    name: 'gemm', params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, F32, F32],
    locals: [[9, I32], [16 + EPILOGUE_LOCALS, V128]], body: c,
  };
}

/**
 * dwS(C, inPtr, Hp, Wp, wPtr, kH, kW, Ho, Wo, outPtr, sPtr, tPtr, act, p0, p1) for stride S:
 * channel c's padded input plane is Hp×Wp at inPtr + c·Hp·Wp·4, its kH·kW weights at
 * wPtr + c·kH·kW·4; outputs go to outPtr + c·Ho·Wo·4 four at a time. A row's last group may
 * spill up to three values into the next row, which that row then overwrites (the caller leaves
 * slack after the last channel).
 */
function depthwiseFunc(stride: 1 | 2, fma: boolean): FuncDef {
  const [C, IN, HP, WP, W_PTR, KH, KW, HO, WO, OUT, S_PTR, T_PTR, ACT, P0, P1] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const [CH, OY, OX, KY, KX, IN_C, W_C, OUT_ROW, ROW_IN, TAP, WTAP, WP4, PLANE] = [15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27];
  const [ACC, VS, VT, V, T, U] = [28, 29, 30, 31, 32, 33];
  const EP = 34;
  const b: number[] = [];
  b.push(...get(WP), ...i32c(4), ...mul, ...set(WP4));
  b.push(...get(HP), ...get(WP4), ...mul, ...set(PLANE));
  b.push(...epilogueInit(EP, P0, P1));
  b.push(...i32c(0), ...set(CH));
  const chans: number[] = [];
  chans.push(...get(IN), ...get(CH), ...get(PLANE), ...mul, ...add, ...set(IN_C));
  chans.push(...get(W_PTR), ...get(CH), ...get(KH), ...mul, ...get(KW), ...mul, ...i32c(4), ...mul, ...add, ...set(W_C));
  chans.push(...get(OUT), ...get(CH), ...get(HO), ...mul, ...get(WO), ...mul, ...i32c(4), ...mul, ...add, ...set(OUT_ROW));
  chans.push(...get(S_PTR), ...get(CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(VS));
  chans.push(...get(T_PTR), ...get(CH), ...i32c(4), ...mul, ...add, ...load32Splat(0), ...set(VT));
  chans.push(...i32c(0), ...set(OY));
  const ys: number[] = [];
  // rowIn = inC + oy·stride·Wp·4
  ys.push(...get(IN_C), ...get(OY), ...i32c(stride), ...mul, ...get(WP4), ...mul, ...add, ...set(ROW_IN));
  ys.push(...i32c(0), ...set(OX));
  const xs: number[] = [];
  xs.push(...v128Zero, ...set(ACC), ...get(W_C), ...set(WTAP), ...i32c(0), ...set(KY));
  const kys: number[] = [];
  // tap = rowIn + ky·Wp·4 + ox·stride·4
  kys.push(...get(ROW_IN), ...get(KY), ...get(WP4), ...mul, ...add, ...get(OX), ...i32c(4 * stride), ...mul, ...add, ...set(TAP));
  kys.push(...i32c(0), ...set(KX));
  const kxs: number[] = [];
  const input = [...get(TAP), ...v128Load(0), ...(stride === 2 ? [...get(TAP), ...v128Load(16), ...evenLanes] : [])];
  kxs.push(...madd(fma, input, [...get(WTAP), ...load32Splat(0)], get(ACC)), ...set(ACC));
  kxs.push(...get(TAP), ...i32c(4), ...add, ...set(TAP), ...get(WTAP), ...i32c(4), ...add, ...set(WTAP));
  kxs.push(...get(KX), ...i32c(1), ...add, ...tee(KX), ...get(KW), ...ltU, ...continueIf);
  kys.push(...loop(kxs));
  kys.push(...get(KY), ...i32c(1), ...add, ...tee(KY), ...get(KH), ...ltU, ...continueIf);
  xs.push(...loop(kys));
  xs.push(...get(ACC), ...get(VS), ...f32x4Mul, ...get(VT), ...f32x4Add, ...set(V));
  xs.push(...activation(V, ACT, EP, T, U));
  xs.push(...get(OUT_ROW), ...get(OX), ...i32c(4), ...mul, ...add, ...get(V), ...v128Store(0));
  xs.push(...get(OX), ...i32c(4), ...add, ...tee(OX), ...get(WO), ...ltU, ...continueIf);
  ys.push(...loop(xs));
  ys.push(...get(OUT_ROW), ...get(WO), ...i32c(4), ...mul, ...add, ...set(OUT_ROW));
  ys.push(...get(OY), ...i32c(1), ...add, ...tee(OY), ...get(HO), ...ltU, ...continueIf);
  chans.push(...loop(ys));
  chans.push(...get(CH), ...i32c(1), ...add, ...tee(CH), ...get(C), ...ltU, ...continueIf);
  b.push(...loop(chans));
  return {
    name: `dw${stride}`,
    params: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, F32, F32],
    locals: [[13, I32], [6 + EPILOGUE_LOCALS, V128]],
    body: b,
  };
}

type GemmFn = (m4: number, n8: number, k: number, a: number, b: number, c: number, s: number, t: number, act: number, p0: number, p1: number) => void;
type DwFn = (
  c: number, inPtr: number, hp: number, wp: number, wPtr: number, kh: number, kw: number, ho: number, wo: number, out: number,
  s: number, t: number, act: number, p0: number, p1: number,
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
    const build = (fma: boolean): Uint8Array<ArrayBuffer> =>
      new Uint8Array(moduleOf([gemmFunc(fma), depthwiseFunc(1, fma), depthwiseFunc(2, fma), probeFunc(fma)]));
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
      memory, fusedMultiplyAdd, gemm: e.gemm as GemmFn, dw1: e.dw1 as DwFn, dw2: e.dw2 as DwFn,
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
