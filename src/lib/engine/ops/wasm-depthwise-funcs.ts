/**
 * The depthwise kernel functions of the WebAssembly module (wasm-kernels.ts): `dw1` / `dw2`, the
 * forward convolution at stride 1 / 2 over a zero-padded copy of the input, four outputs per f32x4 with
 * the epilogue in registers, `dwg1` / `dwg2`, the depthwise weight gradient for training, and `pad`,
 * which lays an image's planes out zero-padded for them.
 */
import {
  add,
  type Code,
  evenLanes,
  func,
  type FuncDef,
  type Local,
  get,
  I32,
  i32c,
  load32Splat,
  loop,
  nextWhileBelow,
  and,
  f32Load,
  f32Store,
  ifElse,
  eq,
  memoryFill,
  mul,
  set,
  tee,
  V128,
  v128Load,
  v128Store,
  v128Zero,
  whileBelow,
} from './wasm-asm.ts';
import {
  EPILOGUE_LOCALS,
  EPILOGUE_PARAMS,
  epilogueInit,
  loadScaleShift,
  madd,
  scaleShiftAct,
} from './wasm-epilogue.ts';

/**
 * dwS(C, IN, HP, WP, W, KH, KW, HO, WO, OUT, S, T_PTR, ACT, P0, P1) for stride S:
 * channel c's padded input plane is HP×WP at IN + c·HP·WP·4, its KH·KW weights at
 * W + c·KH·KW·4; outputs go to OUT + c·HO·WO·4 eight at a time, in two f32x4 accumulators that
 * share each tap's weight splat: one accumulator is a chain of KH·KW dependent multiply-adds, so a
 * second, independent chain hides the latency (each output still sums its taps in the same order,
 * so the values are unchanged). A row's last group may spill up to seven values into the next row,
 * which that row then overwrites (the caller leaves slack after the last channel, and after the
 * last input plane for the reads of those spilled lanes).
 */
export function depthwiseFunc(stride: 1 | 2, fma: boolean): FuncDef {
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
      ...EPILOGUE_PARAMS,
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
      ACC2: V128,
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
  // base + ch·rows·cols·4: where channel ch's plane of rows×cols floats starts
  const planeOf = (base: Local, rows: Local, cols: Local): Code => [
    ...get(base),
    ...get(l.CH),
    ...get(rows),
    ...mul,
    ...get(cols),
    ...mul,
    ...i32c(4),
    ...mul,
    ...add,
  ];
  chans.push(...planeOf(l.W, l.KH, l.KW), ...set(l.W_C), ...planeOf(l.OUT, l.HO, l.WO), ...set(l.OUT_ROW));
  chans.push(...loadScaleShift(l, [...get(l.CH), ...i32c(4), ...mul], load32Splat(0)));
  chans.push(...i32c(0), ...set(l.OY));
  const ys: Code = [];
  // rowIn = inC + oy·stride·Wp·4
  ys.push(...get(l.IN_C), ...get(l.OY), ...i32c(stride), ...mul, ...get(l.WP4), ...mul, ...add, ...set(l.ROW_IN));
  ys.push(...i32c(0), ...set(l.OX));
  const xs: Code = [];
  xs.push(...v128Zero, ...tee(l.ACC), ...set(l.ACC2), ...get(l.W_C), ...set(l.WTAP), ...i32c(0), ...set(l.KY));
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
  // (the second group of four outputs starts 4·stride inputs, 16·stride bytes, further on)
  const input = (at: number): Code => [
    ...get(l.TAP),
    ...v128Load(at),
    ...(stride === 2 ? [...get(l.TAP), ...v128Load(at + 16), ...evenLanes] : []),
  ];
  // One tap at byte offset `at` along the row: its weight splat, then both groups of four.
  const tap = (at: number): Code => [
    ...get(l.WTAP),
    ...load32Splat(at),
    ...set(l.V),
    ...madd(fma, input(at), get(l.V), get(l.ACC)),
    ...set(l.ACC),
    ...madd(fma, input(at + 16 * stride), get(l.V), get(l.ACC2)),
    ...set(l.ACC2),
  ];
  kxs.push(...tap(0));
  kxs.push(...get(l.TAP), ...i32c(4), ...add, ...set(l.TAP), ...get(l.WTAP), ...i32c(4), ...add, ...set(l.WTAP));
  kxs.push(...nextWhileBelow(l.KX, 1, l.KW));
  // The mobile nets' 3- and 5-wide rows of taps unrolled, offsets as immediates: the loop's own
  // counting and pointer updates cost as much as the multiply-adds. Same taps, same order.
  const unrolled = (kw: number): Code => [
    ...Array.from({ length: kw }, (_, kx) => tap(4 * kx)).flat(),
    ...get(l.WTAP),
    ...i32c(4 * kw),
    ...add,
    ...set(l.WTAP),
  ];
  const widthIs = (kw: number): Code => [...get(l.KW), ...i32c(kw), ...eq];
  kys.push(...widthIs(3), ...ifElse(unrolled(3), [...widthIs(5), ...ifElse(unrolled(5), loop(kxs))]));
  kys.push(...nextWhileBelow(l.KY, 1, l.KH));
  xs.push(...loop(kys));
  for (const [acc, at] of [
    [l.ACC, 0],
    [l.ACC2, 16],
  ] as const) {
    xs.push(...scaleShiftAct(l, get(acc)));
    xs.push(...get(l.OUT_ROW), ...get(l.OX), ...i32c(4), ...mul, ...add, ...get(l.V), ...v128Store(at));
  }
  xs.push(...nextWhileBelow(l.OX, 8, l.WO));
  ys.push(...loop(xs));
  ys.push(...get(l.OUT_ROW), ...get(l.WO), ...i32c(4), ...mul, ...add, ...set(l.OUT_ROW));
  ys.push(...nextWhileBelow(l.OY, 1, l.HO));
  chans.push(...loop(ys));
  chans.push(...nextWhileBelow(l.CH, 1, l.C));
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
export function depthwiseGradFunc(stride: 1 | 2, fma: boolean): FuncDef {
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
  xs.push(...nextWhileBelow(l.P, 16, l.ROW4));
  ys.push(...loop(xs));
  ys.push(...nextWhileBelow(l.OY, 1, l.HO));
  kxs.push(...loop(ys));
  kxs.push(...get(l.TAP), ...get(l.A), ...v128Store(0), ...get(l.TAP), ...i32c(16), ...add, ...set(l.TAP));
  kxs.push(...nextWhileBelow(l.KX, 1, l.KW));
  kys.push(...loop(kxs));
  kys.push(...nextWhileBelow(l.KY, 1, l.KH));
  chans.push(...loop(kys));
  chans.push(...nextWhileBelow(l.CH, 1, l.C));
  b.push(...loop(chans));
  return def(b);
}

/**
 * pad(C, SRC, H, W, SW, DST, HP, WP, TOP, LEFT, ZERO): zeroes ZERO bytes from DST (one memory.fill),
 * then copies C planes of H rows of W floats from SRC (rows SW floats apart, planes contiguous) into
 * planes of HP×WP floats at DST, each starting TOP rows down and LEFT columns in: the zero-padded
 * input dwS and dwgS read; with C = 1 and no padding it re-strides a matrix's rows (wasm-gemm.ts). A
 * row moves four floats per v128, then the last W mod 4 one by one (a memory.copy per row, like a
 * typed-array set() per row from JavaScript, costs a call each: as much as the convolution on
 * MobileNet's early layers). Needs C, H ≥ 1.
 */
export function padFunc(): FuncDef {
  const { l, def } = func(
    'pad',
    { C: I32, SRC: I32, H: I32, W: I32, SW: I32, DST: I32, HP: I32, WP: I32, TOP: I32, LEFT: I32, ZERO: I32 },
    { CH: I32, IY: I32, ROW: I32, SROW: I32, VEC_END: I32, P: I32, WP4: I32, GAP: I32, D: I32 },
  );
  const b: Code = [...get(l.DST), ...i32c(0), ...get(l.ZERO), ...memoryFill];
  b.push(...get(l.W), ...i32c(4), ...mul, ...tee(l.ROW), ...i32c(-16), ...and, ...set(l.VEC_END));
  b.push(...get(l.WP), ...i32c(4), ...mul, ...set(l.WP4), ...get(l.SW), ...i32c(4), ...mul, ...set(l.SROW));
  // From one plane's last row to the next plane's first: the bottom and top padding rows.
  b.push(...get(l.HP), ...get(l.H), ...i32c(-1), ...mul, ...add, ...get(l.WP4), ...mul, ...set(l.GAP));
  // d = DST + (TOP·WP + LEFT)·4
  b.push(...get(l.DST), ...get(l.TOP), ...get(l.WP), ...mul, ...get(l.LEFT), ...add, ...i32c(4), ...mul, ...add);
  b.push(...set(l.D), ...i32c(0), ...set(l.CH));
  // while (P < end) { D[P] = SRC[P]; P += step }, P in bytes from the row's start
  const copy = (load: Code, store: Code, step: number, end: Local): Code =>
    whileBelow(l.P, end, step, [
      ...get(l.D),
      ...get(l.P),
      ...add,
      ...get(l.SRC),
      ...get(l.P),
      ...add,
      ...load,
      ...store,
    ]);
  const rows: Code = [...i32c(0), ...set(l.P)];
  rows.push(...copy(v128Load(0), v128Store(0), 16, l.VEC_END), ...copy(f32Load(0), f32Store(0), 4, l.ROW));
  rows.push(...get(l.D), ...get(l.WP4), ...add, ...set(l.D), ...get(l.SRC), ...get(l.SROW), ...add, ...set(l.SRC));
  rows.push(...nextWhileBelow(l.IY, 1, l.H));
  const chans: Code = [...i32c(0), ...set(l.IY), ...loop(rows), ...get(l.D), ...get(l.GAP), ...add, ...set(l.D)];
  chans.push(...nextWhileBelow(l.CH, 1, l.C));
  b.push(...loop(chans));
  return def(b);
}
